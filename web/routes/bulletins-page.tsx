// 信息简报: drafts and issued issues of the internal bulletin; a draft is composed from approved
// information reports (add, order, remove), then issued (第N期, frozen) and downloaded as DOCX.
// Adoptions and instructions are recorded on each report's page (linked from here).
import { useMemo, useState } from "react";
import { App, Button, Card, Col, Form, Input, List, Modal, Popconfirm, Row, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { Link } from "react-router-dom";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { useUser } from "../app/session";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { useReportError } from "../lib/use-report-error";
import { canManagePublicity } from "../app/access";
import type { BulletinView, SubmissionSummary } from "./submission-types";

/** Composing one draft: its entries in order and the approved reports to add. */
function BulletinComposer({ b, onChanged }: { b: BulletinView; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const candidates = useApi<{ submissions: SubmissionSummary[] }>("/api/submissions?state=approved&kind=info");
  const ids = b.entries.map((e) => e.submissionId);
  const save = async (next: number[]) => {
    try {
      await api.put(`/api/bulletins/${b.id}/entries`, { submissionIds: next });
      onChanged();
    } catch (caught) {
      report(caught);
    }
  };
  const move = (i: number, d: number) => {
    const next = [...ids];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    void save(next);
  };
  const issue = async () => {
    try {
      const done = await api.post<BulletinView>(`/api/bulletins/${b.id}/issue`);
      void message.success(t("bul.issued", { number: done.number }));
      onChanged();
    } catch (caught) {
      report(caught);
    }
  };
  const free = (candidates.data?.submissions ?? []).filter((s) => !ids.includes(s.id));
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Typography.Title level={5}>{t("bul.entries")}</Typography.Title>
        <List size="small" bordered dataSource={b.entries} data-testid="bul-entries" renderItem={(e, i) => (
          <List.Item actions={[
            <Button key="u" size="small" disabled={i === 0} onClick={() => move(i, -1)}>{t("bul.up")}</Button>,
            <Button key="d" size="small" disabled={i === ids.length - 1} onClick={() => move(i, 1)}>{t("bul.down")}</Button>,
            <Button key="r" size="small" danger onClick={() => void save(ids.filter((x) => x !== e.submissionId))}>{t("bul.remove")}</Button>,
          ]}>{i + 1}. <Link to={`/submissions/${e.submissionId}`}>{e.title}</Link>（{e.unitName}）</List.Item>
        )} />
        <Space style={{ marginTop: 12 }}>
          <Popconfirm title={t("bul.confirmIssue")} onConfirm={() => void issue()}>
            <Button type="primary" disabled={!ids.length} data-testid={`bul-issue-${b.id}`}>{t("bul.issue")}</Button>
          </Popconfirm>
        </Space>
      </Col>
      <Col xs={24} md={12}>
        <Typography.Title level={5}>{t("bul.candidates")}</Typography.Title>
        <List size="small" bordered dataSource={free} data-testid="bul-candidates" renderItem={(s) => (
          <List.Item actions={[<Button key="a" size="small" onClick={() => void save([...ids, s.id])} data-testid={`bul-add-${s.id}`}>{t("bul.add")}</Button>]}>
            <Link to={`/submissions/${s.id}`}>{s.title}</Link>（{s.unitName}）
          </List.Item>
        )} />
      </Col>
    </Row>
  );
}

/** The /bulletins page. */
export function BulletinsPage() {
  const t = useT();
  const user = useUser();
  const report = useReportError();
  const may = canManagePublicity(user.role);
  const { data, error, loading, reload } = useApi<{ bulletins: BulletinView[] }>("/api/bulletins", { keepPrevious: true });
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number>();
  const [form] = Form.useForm<{ title?: string; editor?: string; forwardedTo?: string }>();
  const open = useMemo(() => data?.bulletins.find((b) => b.id === openId), [data, openId]);

  const create = async (v: { title?: string; editor?: string; forwardedTo?: string }) => {
    try {
      const b = await api.post<BulletinView>("/api/bulletins", { title: v.title?.trim() || undefined, editor: v.editor ?? "", forwardedTo: v.forwardedTo ?? "" });
      setCreating(false);
      form.resetFields();
      setOpenId(b.id);
      reload();
    } catch (caught) {
      report(caught, form);
    }
  };
  const remove = async (id: number) => {
    try {
      await api.delete(`/api/bulletins/${id}`);
      reload();
    } catch (caught) {
      report(caught);
    }
  };

  const columns: TableColumnsType<BulletinView> = [
    { title: t("bul.masthead"), dataIndex: "title" },
    { title: t("bul.number"), dataIndex: "number", render: (n: string, b) => <span data-testid={`bul-number-${b.id}`}>{n}</span> },
    { title: t("bul.state"), dataIndex: "state", render: (s: string) => <Tag color={s === "issued" ? "green" : "default"}>{t(s === "issued" ? "bul.state.issued" : "bul.state.draft")}</Tag> },
    { title: t("bul.editor"), dataIndex: "editor" },
    { title: t("bul.forwardedTo"), dataIndex: "forwardedTo" },
    { title: t("bul.entries"), render: (_, b) => b.entries.length },
    { title: t("sub.updatedAt"), render: (_, b) => formatTime(b.issuedAt ?? b.createdAt) },
    {
      title: t("common.actions"), key: "a",
      render: (_, b) => (
        <Space wrap>
          {b.state === "draft" && may ? <Button size="small" onClick={() => setOpenId(openId === b.id ? undefined : b.id)} data-testid={`bul-compose-${b.id}`}>{t("bul.compose")}</Button> : null}
          <Button size="small" href={`/api/bulletins/${b.id}/docx`} data-testid={`bul-docx-${b.id}`}>{t("bul.docx")}</Button>
          {b.state === "draft" && may ? <Popconfirm title={t("bul.deleteDraft")} onConfirm={() => void remove(b.id)}><Button size="small" danger>{t("bul.deleteDraft")}</Button></Popconfirm> : null}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card title={t("menu.bulletins")} extra={may ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="bul-new">{t("bul.new")}</Button> : null}>
        {error && !data ? <LoadFailed error={error} onRetry={reload} /> : (
          <Table<BulletinView> rowKey="id" size="small" loading={loading && !data} dataSource={data?.bulletins ?? []} columns={columns} pagination={{ pageSize: 30 }} />
        )}
      </Card>
      {open && open.state === "draft" ? (
        <Card title={`${open.title} · ${open.number}`} data-testid="bul-composer"><BulletinComposer b={open} onChanged={reload} /></Card>
      ) : null}
      <Modal open={creating} title={t("bul.new")} onCancel={() => setCreating(false)} footer={null} forceRender>
        <Form form={form} name="bulletin-new" layout="vertical" onFinish={(v) => void create(v)}>
          <Form.Item name="title" label={t("bul.masthead")}><Input maxLength={50} data-testid="bul-title" /></Form.Item>
          <Form.Item name="editor" label={t("bul.editor")}><Input maxLength={50} data-testid="bul-editor" /></Form.Item>
          <Form.Item name="forwardedTo" label={t("bul.forwardedTo")}><Input maxLength={500} data-testid="bul-forwarded" /></Form.Item>
          <Space style={{ width: "100%", justifyContent: "flex-end" }}>
            <Button onClick={() => setCreating(false)}>{t("common.cancel")}</Button>
            <Button type="primary" htmlType="submit" data-testid="bul-save">{t("common.save")}</Button>
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}
