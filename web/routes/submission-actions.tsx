// The review buttons of a submission the signed-in user may use now: 提交审核, 通过 (optional comment),
// 退回 (a required comment), 撤回, and 编辑 (title, text, event date, outlets) in draft or returned.
import { useState } from "react";
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space } from "antd";
import { api } from "../api/client";
import { useT } from "../locales/i18n";
import { required } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import { useOutletOptions } from "./submission-new-modal";
import type { SubmissionDetail } from "./submission-types";

/** The buttons; `onChanged` gets the submission as the server answered. */
export function SubmissionActions({ s, onChanged }: { s: SubmissionDetail; onChanged: (s: SubmissionDetail) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const outlets = useOutletOptions();
  const [deciding, setDeciding] = useState<"approve" | "return">();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [decideForm] = Form.useForm<{ comment: string }>();
  const [editForm] = Form.useForm<{ title: string; body: string; eventDate: string; outletIds: number[] }>();

  const act = async (action: string, body: unknown = {}, form?: Parameters<typeof report>[1]) => {
    setBusy(true);
    try {
      const next = await api.post<SubmissionDetail>(`/api/submissions/${s.id}/${action}`, body);
      void message.success(t("sub.done"));
      setDeciding(undefined);
      decideForm.resetFields();
      onChanged(next);
    } catch (caught) {
      report(caught, form);
    } finally {
      setBusy(false);
    }
  };

  const save = async (v: { title: string; body: string; eventDate: string; outletIds: number[] }) => {
    setBusy(true);
    try {
      onChanged(await api.patch<SubmissionDetail>(`/api/submissions/${s.id}`, { ...v, title: v.title.trim(), outletIds: v.outletIds ?? [] }));
      setEditing(false);
    } catch (caught) {
      report(caught, editForm);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space wrap>
      {s.canEdit ? (
        <Button onClick={() => { editForm.setFieldsValue({ title: s.title, body: s.body, eventDate: s.eventDate, outletIds: s.outletIds }); setEditing(true); }} data-testid="sub-edit">
          {t("sub.action.edit")}
        </Button>
      ) : null}
      {s.actions.includes("submit") ? <Button type="primary" loading={busy} onClick={() => void act("submit")} data-testid="sub-submit">{t("sub.action.submit")}</Button> : null}
      {s.actions.includes("approve") ? <Button type="primary" onClick={() => setDeciding("approve")} data-testid="sub-approve">{t("sub.action.approve")}</Button> : null}
      {s.actions.includes("return") ? <Button danger onClick={() => setDeciding("return")} data-testid="sub-return">{t("sub.action.return")}</Button> : null}
      {s.actions.includes("withdraw") ? (
        <Popconfirm title={t("sub.confirmWithdraw")} onConfirm={() => void act("withdraw")} okButtonProps={{ "data-testid": "sub-withdraw-ok" } as Record<`data-${string}`, string>}>
          <Button data-testid="sub-withdraw">{t("sub.action.withdraw")}</Button>
        </Popconfirm>
      ) : null}
      <Modal open={!!deciding} title={deciding ? t(`sub.action.${deciding}`) : ""} onCancel={() => setDeciding(undefined)} footer={null} forceRender>
        <Form form={decideForm} name="submission-decide" layout="vertical" onFinish={(v) => void act(deciding!, { comment: v.comment ?? "" }, decideForm)}>
          <Form.Item name="comment" label={deciding === "return" ? t("sub.commentRequired") : t("sub.comment")} rules={deciding === "return" ? [required(t, t("sub.commentRequired"))] : []}>
            <Input.TextArea rows={4} maxLength={2000} data-testid="sub-comment" />
          </Form.Item>
          <Space style={{ width: "100%", justifyContent: "flex-end" }}>
            <Button onClick={() => setDeciding(undefined)}>{t("common.cancel")}</Button>
            <Button type="primary" danger={deciding === "return"} htmlType="submit" loading={busy} data-testid="sub-decide-ok">{deciding ? t(`sub.action.${deciding}`) : ""}</Button>
          </Space>
        </Form>
      </Modal>
      <Modal open={editing} title={t("sub.action.edit")} onCancel={() => setEditing(false)} footer={null} width={720} forceRender>
        <Form form={editForm} name="submission-edit" layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="eventDate" label={t("sub.eventDate")} rules={[required(t, t("sub.eventDate"))]}>
            <Input type="date" style={{ width: 180 }} data-testid="sub-edit-event-date" />
          </Form.Item>
          <Form.Item name="title" label={t("sub.title")} rules={[required(t, t("sub.title"))]}>
            <Input maxLength={200} data-testid="sub-edit-title" />
          </Form.Item>
          <Form.Item name="body" label={t("sub.body")} rules={[required(t, t("sub.body"))]}>
            <Input.TextArea rows={12} maxLength={50000} data-testid="sub-edit-body" />
          </Form.Item>
          <Form.Item name="outletIds" label={t("sub.outlets")}>
            <Select mode="multiple" options={outlets} notFoundContent={t("sub.noOutlets")} optionFilterProp="label" data-testid="sub-edit-outlets" />
          </Form.Item>
          <Space style={{ width: "100%", justifyContent: "flex-end" }}>
            <Button onClick={() => setEditing(false)}>{t("common.cancel")}</Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="sub-edit-save">{t("common.save")}</Button>
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}
