// Panels of the submission page: attachments (images, DOCX, PDF) and the adoptions (采用) and
// instructions (批示) of an approved information report.
import { useState } from "react";
import { App, Button, Card, Form, Input, List, Popconfirm, Select, Space, Tag, Typography, Upload } from "antd";
import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { api, uploadFile } from "../api/client";
import { useUser } from "../app/session";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";
import { formatBytes, formatTime } from "../lib/format";
import { required, requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import { canManagePublicity } from "../app/access";
import type { SubmissionDetail } from "./submission-types";



/** The attachments panel; the author (or the office) uploads and removes. */
export function SubmissionAttachments({ s, onChanged }: { s: SubmissionDetail; onChanged: () => void }) {
  const t = useT();
  const user = useUser();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const mayChange = s.authorId === user.id || canManagePublicity(user.role);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      await uploadFile(`/api/submissions/${s.id}/attachments`, file);
      onChanged();
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (aid: number) => {
    try {
      await api.delete(`/api/submissions/${s.id}/attachments/${aid}`);
      onChanged();
    } catch (caught) {
      report(caught);
    }
  };
  return (
    <Card size="small" title={t("sub.attachments")} data-testid="sub-attachments"
      extra={mayChange ? (
        <Upload showUploadList={false} accept=".pdf,.docx,.jpg,.jpeg,.png,.gif,.webp" customRequest={({ file }) => void upload(file as File)}>
          <Button icon={<UploadOutlined />} loading={busy} title={t("sub.uploadHint")} data-testid="sub-upload">{t("sub.upload")}</Button>
        </Upload>
      ) : null}
    >
      <List size="small" locale={{ emptyText: t("sub.noAttachments") }} dataSource={s.attachments} renderItem={(a) => (
        <List.Item actions={mayChange ? [
          <Popconfirm key="d" title={t("sub.delete")} onConfirm={() => void remove(a.id)}><Button type="link" danger size="small" data-testid={`sub-attachment-delete-${a.id}`}>{t("sub.delete")}</Button></Popconfirm>,
        ] : []}>
          <Space>
            <PaperClipOutlined />
            <a href={`/api/submissions/${s.id}/attachments/${a.id}`} data-testid={`sub-attachment-${a.id}`}>{a.name}</a>
            <Typography.Text type="secondary">{formatBytes(a.size)} · {a.uploadedByName} · {formatTime(a.at)}</Typography.Text>
          </Space>
        </List.Item>
      )} />
    </Card>
  );
}

interface AdoptionValues { kind: "adoption" | "instruction"; office: string; level: string; onDate: string; text?: string }

/** Adoptions and instructions of an information report; the office records them once it is approved. */
export function SubmissionAdoptions({ s, onChanged }: { s: SubmissionDetail; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const user = useUser();
  const report = useReportError();
  const [form] = Form.useForm<AdoptionValues>();
  const [busy, setBusy] = useState(false);
  const may = canManagePublicity(user.role) && s.state === "approved";
  const add = async (v: AdoptionValues) => {
    setBusy(true);
    try {
      await api.post(`/api/submissions/${s.id}/adoptions`, { ...v, text: v.text ?? "" });
      form.resetFields();
      void message.success(t("sub.done"));
      onChanged();
    } catch (caught) {
      report(caught, form);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: number) => {
    try {
      await api.delete(`/api/submissions/${s.id}/adoptions/${id}`);
      onChanged();
    } catch (caught) {
      report(caught);
    }
  };
  return (
    <Card size="small" title={t("sub.adoptions")} data-testid="sub-adoptions">
      <List size="small" locale={{ emptyText: t("sub.none") }} dataSource={s.adoptions} renderItem={(a) => (
        <List.Item actions={canManagePublicity(user.role) ? [<Button key="d" type="link" danger size="small" onClick={() => void remove(a.id)}>{t("sub.delete")}</Button>] : []}>
          <Space wrap>
            <Tag color={a.kind === "instruction" ? "red" : "blue"}>{t(`sub.adoption.${a.kind}` as MessageKey)}</Tag>
            <span>{a.onDate}</span><span>{a.office}</span><Tag>{t(`sub.level.${a.level}` as MessageKey)}</Tag>
            <Typography.Text type="secondary">{a.text}</Typography.Text>
          </Space>
        </List.Item>
      )} />
      {s.bulletins.length ? <Typography.Paragraph>{t("sub.inBulletins")}：{s.bulletins.map((b) => b.label).join("、")}</Typography.Paragraph> : null}
      {may ? (
        <Form form={form} name="submission-adoption" layout="inline" initialValues={{ kind: "adoption", level: "city" }} onFinish={(v) => void add(v)} style={{ rowGap: 8 }}>
          <Form.Item name="kind" rules={[requiredChoice(t, t("sub.adoption.kind"))]}>
            <Select style={{ width: 100 }} data-testid="adoption-kind" options={[{ value: "adoption", label: t("sub.adoption.adoption") }, { value: "instruction", label: t("sub.adoption.instruction") }]} />
          </Form.Item>
          <Form.Item name="office" rules={[required(t, t("sub.adoption.office"))]}><Input placeholder={t("sub.adoption.office")} maxLength={100} data-testid="adoption-office" /></Form.Item>
          <Form.Item name="level" rules={[requiredChoice(t, t("sub.adoption.level"))]}>
            <Select style={{ width: 130 }} data-testid="adoption-level" options={["national", "provincial", "city", "county"].map((l) => ({ value: l, label: t(`sub.level.${l}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="onDate" rules={[required(t, t("sub.adoption.onDate"))]}><Input type="date" data-testid="adoption-date" /></Form.Item>
          <Form.Item name="text"><Input placeholder={t("sub.adoption.text")} maxLength={5000} data-testid="adoption-text" /></Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="adoption-add">{t("sub.adoption.add")}</Button>
        </Form>
      ) : null}
    </Card>
  );
}
