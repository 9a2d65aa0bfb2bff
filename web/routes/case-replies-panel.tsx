// The 回应 section of a case: its replies with their status, an editor (account of the lead unit,
// a template per category, the text) and the actions the signed-in user may take on each reply —
// submit, approve, return with a reason, mark published with the public address.
import { useEffect, useMemo, useRef, useState } from "react";
import { Alert, App, Button, Card, Form, Input, List, Modal, Select, Space, Tag, Typography } from "antd";
import type { CaseDetail } from "../../src/shared/cases-api";
import type { CaseRepliesView, CaseReplyView, ReplyTemplateView } from "../../src/shared/replies-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { useT } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { httpUrl, required, requiredChoice } from "../lib/rules";
import { safeHref } from "../lib/safe-href";
import { useReportError } from "../lib/use-report-error";

type Action = CaseReplyView["actions"][number];
const STATUS_COLOR: Record<CaseReplyView["status"], string> = { draft: "default", submitted: "processing", returned: "warning", approved: "cyan", published: "success" };

/** The replies panel of case `c`; `onChanged` reloads the case (its timeline and state follow each action). */
export function CaseRepliesPanel({ c, onChanged }: { c: CaseDetail; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const { data, reload } = useApi<CaseRepliesView>(`/api/cases/${c.id}/replies`);
  const templates = useApi<{ templates: ReplyTemplateView[] }>(data?.canDraft && c.unitId != null ? `/api/reply-templates?unitId=${c.unitId}` : null);
  // The case's own category first, then the rest by category.
  const templateList = useMemo(() => {
    const all = templates.data?.templates ?? [];
    return [...all.filter((x) => x.category === c.category), ...all.filter((x) => x.category !== c.category)];
  }, [templates.data, c.category]);
  const [editing, setEditing] = useState<CaseReplyView | "new">();
  const [asking, setAsking] = useState<{ reply: CaseReplyView; action: "return" | "publish" }>();
  const [editor] = Form.useForm<{ accountId: number; text: string }>();
  const [ask] = Form.useForm<{ value: string }>();
  const [busy, setBusy] = useState(false);
  const base = `/api/cases/${c.id}/replies`;
  // A step on the case (a new lead unit, closing it) changes the accounts and what may be done: load again.
  const seen = useRef(`${c.unitId}:${c.state}`);
  useEffect(() => {
    const now = `${c.unitId}:${c.state}`;
    if (seen.current === now) return;
    seen.current = now;
    reload();
  }, [c.unitId, c.state, reload]);

  useEffect(() => {
    if (!editing) return;
    editor.resetFields();
    if (editing === "new") editor.setFieldsValue({ accountId: data?.accounts[0]?.id });
    else editor.setFieldsValue({ accountId: editing.accountId, text: editing.text });
  }, [editing, editor, data]);
  useEffect(() => {
    if (asking) ask.resetFields();
  }, [asking, ask]);

  const done = () => {
    void message.success(t("replies.done"));
    reload();
    onChanged();
  };
  const run = async (call: () => Promise<unknown>, form?: Parameters<typeof report>[1]) => {
    setBusy(true);
    try {
      await call();
      done();
      return true;
    } catch (caught) {
      report(caught, form);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const saveDraft = async (v: { accountId: number; text: string }) => {
    const body = { accountId: v.accountId, text: v.text.trim() };
    const target = editing;
    if (await run(() => (target === "new" ? api.post(base, body) : api.patch(`${base}/${target!.id}`, body)), editor)) setEditing(undefined);
  };
  const answer = async (v: { value: string }) => {
    if (!asking) return;
    const body = asking.action === "return" ? { reason: v.value.trim() } : { url: v.value.trim() };
    if (await run(() => api.post(`${base}/${asking.reply.id}/${asking.action}`, body), ask)) setAsking(undefined);
  };
  const act = (r: CaseReplyView, action: Action) => {
    if (action === "edit") setEditing(r);
    else if (action === "return" || action === "publish") setAsking({ reply: r, action });
    else void run(() => api.post(`${base}/${r.id}/${action}`));
  };

  const replies = data?.replies ?? [];
  const noAccounts = data?.canDraft && data.accounts.length === 0;
  return (
    <Card
      title={t("replies.title")}
      data-testid="case-replies"
      extra={data?.canDraft && !noAccounts ? <Button type="primary" ghost onClick={() => setEditing("new")} data-testid="reply-new">{t("replies.new")}</Button> : null}
    >
      {noAccounts ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("replies.noAccounts")} /> : null}
      {c.unitId == null ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("replies.noLeadUnit")} /> : null}
      <List
        dataSource={replies}
        locale={{ emptyText: t("replies.empty") }}
        renderItem={(r) => {
          const href = safeHref(r.publishedUrl);
          return (
            <List.Item
              data-testid={`reply-${r.id}`}
              actions={r.actions.map((a) => (
                <Button key={a} size="small" type={a === "approve" || a === "publish" ? "primary" : "default"} danger={a === "return"} loading={busy} onClick={() => act(r, a)} data-testid={`reply-action-${a}`}>
                  {t(`replies.action.${a}`)}
                </Button>
              ))}
            >
              <Space direction="vertical" size={2} style={{ width: "100%" }}>
                <Space wrap size={6}>
                  <Tag color={STATUS_COLOR[r.status]} data-testid="reply-status">{t(`replies.status.${r.status}`)}</Tag>
                  <Typography.Text strong>{r.platform ? `${t(`replies.platform.${r.platform as "other"}`)} · ` : ""}{r.accountName ?? `#${r.accountId}`}</Typography.Text>
                  <Typography.Text type="secondary">
                    {r.draftedByName ? t("replies.draftedBy", { name: r.draftedByName }) : ""}
                    {r.reviewedByName ? ` · ${t("replies.reviewedBy", { name: r.reviewedByName })}` : ""} · {formatTime(r.updatedAt)}
                  </Typography.Text>
                </Space>
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{r.text}</Typography.Paragraph>
                {r.status === "returned" && r.reviewNote ? <Alert type="warning" showIcon message={t("replies.reviewNote", { note: r.reviewNote })} /> : null}
                {r.publishedAt ? (
                  <Typography.Text type="secondary">
                    {t("replies.publishedAt", { time: formatTime(r.publishedAt) })}{" "}
                    {href ? <Typography.Link href={href} target="_blank" rel="noopener noreferrer" data-testid="reply-url">{r.publishedUrl}</Typography.Link> : r.publishedUrl}
                  </Typography.Text>
                ) : null}
              </Space>
            </List.Item>
          );
        }}
      />
      <Modal open={!!editing} title={editing === "new" ? t("replies.new") : t("replies.edit")} onCancel={() => setEditing(undefined)} footer={null} forceRender width={640}>
        <Form form={editor} layout="vertical" onFinish={(v) => void saveDraft(v)}>
          <Form.Item name="accountId" label={t("replies.account")} rules={[requiredChoice(t, t("replies.account"))]}>
            <Select
              data-testid="reply-account"
              options={(data?.accounts ?? []).map((a) => ({ value: a.id, label: `${t(`replies.platform.${a.platform}`)} · ${a.accountName}` }))}
            />
          </Form.Item>
          {templateList.length ? (
            <Form.Item label={t("replies.template")} extra={t("replies.templateHint")}>
              <Select
                allowClear
                data-testid="reply-template"
                options={templateList.map((x) => ({ value: x.id, label: `【${x.category}】${x.title}` }))}
                onChange={(id: number | undefined) => {
                  const tpl = templateList.find((x) => x.id === id);
                  if (tpl) editor.setFieldsValue({ text: tpl.text });
                }}
              />
            </Form.Item>
          ) : null}
          <Form.Item name="text" label={t("replies.text")} rules={[required(t, t("replies.text"))]}>
            <Input.TextArea rows={6} maxLength={5000} data-testid="reply-text" />
          </Form.Item>
          <Space style={{ width: "100%", justifyContent: "flex-end" }}>
            <Button onClick={() => setEditing(undefined)}>{t("common.cancel")}</Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="reply-save">{t("common.save")}</Button>
          </Space>
        </Form>
      </Modal>
      <Modal open={!!asking} title={asking ? t(`replies.action.${asking.action}`) : ""} onCancel={() => setAsking(undefined)} footer={null} forceRender>
        <Form form={ask} layout="vertical" onFinish={(v) => void answer(v)}>
          {asking?.action === "publish" ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t("replies.urlHint")} /> : null}
          <Form.Item
            name="value"
            label={asking?.action === "publish" ? t("replies.url") : t("replies.reason")}
            rules={asking?.action === "publish" ? [required(t, t("replies.url")), httpUrl(t)] : [required(t, t("replies.reason"))]}
          >
            {asking?.action === "publish" ? <Input maxLength={2000} placeholder="https://" data-testid="reply-input" /> : <Input.TextArea rows={3} maxLength={2000} data-testid="reply-input" />}
          </Form.Item>
          <Space style={{ width: "100%", justifyContent: "flex-end" }}>
            <Button onClick={() => setAsking(undefined)}>{t("common.cancel")}</Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="reply-input-submit">{t("common.save")}</Button>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
