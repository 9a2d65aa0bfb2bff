// The channels part of 预警设置: list, add and edit (the secret stays masked as ****** unless replaced),
// enable/disable, delete with confirmation, and "send test message" with its last result per channel.
import { useState } from "react";
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { CHANNEL_KIND_LIST, type ChannelKindName, type ChannelView } from "../../src/shared/alerts-api";
import { api, ApiRequestError } from "../api/client";
import type { ApiState } from "../api/hooks";
import { useT } from "../locales/i18n";
import { EMPTY } from "../lib/format";
import { rowTestId } from "../lib/table-rows";
import { useReportError } from "../lib/use-report-error";

const MASK = "******";
const FORM_FIELDS = ["name", "kind", "url", "secret", "options"];
const NO_URL: readonly ChannelKindName[] = ["inapp", "email"];

type ChannelForm = { name: string; kind: ChannelKindName; url?: string; secret?: string; options?: string };
type TestResult = { ok: boolean; error: string | null };

/** Parses the options text: an empty box is {}; anything but a JSON object is null. */
function parseOptions(text: string | undefined): Record<string, unknown> | null {
  if (!text?.trim()) return {};
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The channel table and its add/edit dialog; `channels` is the page's GET /api/alert-channels (rules use it too). */
export function AlertChannelsSection({ channels }: { channels: ApiState<{ channels: ChannelView[] }> }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<ChannelForm>();
  const kind = Form.useWatch("kind", form);
  // undefined: closed; null: adding; a channel: editing it.
  const [editing, setEditing] = useState<ChannelView | null>();
  const [testing, setTesting] = useState<number>();
  const [switching, setSwitching] = useState<number>();
  const [results, setResults] = useState<Record<number, TestResult>>({});

  const open = (c: ChannelView | null) => {
    setEditing(c);
    form.setFieldsValue(
      c
        ? { name: c.name, kind: c.kind, url: c.url ?? "", secret: c.secret ?? "", options: Object.keys(c.options).length ? JSON.stringify(c.options, null, 2) : "" }
        : { name: "", kind: "webhook", url: "", secret: "", options: "" },
    );
  };

  // Field errors the form has no input for (the e-mail module's host, port, from, to) go under the options box.
  const reportTo = (caught: unknown) => {
    report(caught, form);
    if (caught instanceof ApiRequestError) {
      const other = Object.entries(caught.fields).filter(([f]) => !FORM_FIELDS.includes(f));
      if (other.length) form.setFields([{ name: "options", errors: other.map(([f, m]) => `${f}: ${m}`) }]);
    }
  };

  const save = async (v: ChannelForm) => {
    const options = parseOptions(v.options);
    if (!options) return form.setFields([{ name: "options", errors: [t("alerts.optionsInvalid")] }]);
    try {
      if (editing) {
        // The mask keeps the stored secret; an emptied box removes it (only when one was set).
        const secret = v.secret === MASK ? undefined : v.secret || (editing.secret ? "" : undefined);
        await api.patch(`/api/alert-channels/${editing.id}`, { name: v.name, url: v.url || undefined, secret, options });
        void message.success(t("common.saved"));
      } else {
        await api.post("/api/alert-channels", { name: v.name, kind: v.kind, url: v.url || undefined, secret: v.secret || undefined, options });
        void message.success(t("common.created"));
      }
      setEditing(undefined);
      channels.reload();
    } catch (caught) {
      reportTo(caught);
    }
  };

  const setEnabled = async (c: ChannelView, enabled: boolean) => {
    setSwitching(c.id);
    try {
      await api.patch(`/api/alert-channels/${c.id}`, { enabled });
      void message.success(t(enabled ? "alerts.enabledOn" : "alerts.enabledOff", { name: c.name }));
      channels.reload();
    } catch (caught) {
      report(caught);
    } finally {
      setSwitching(undefined);
    }
  };

  const test = async (c: ChannelView) => {
    setTesting(c.id);
    try {
      const r = await api.post<TestResult>(`/api/alert-channels/${c.id}/test`);
      setResults((prev) => ({ ...prev, [c.id]: r }));
      if (r.ok) void message.success(t("alerts.testOk"));
      else void message.error(t("alerts.testFailed", { error: r.error ?? "" }));
    } catch (caught) {
      report(caught);
    } finally {
      setTesting(undefined);
    }
  };

  const remove = async (c: ChannelView) => {
    try {
      await api.delete(`/api/alert-channels/${c.id}`);
      void message.success(t("common.deleted"));
      channels.reload();
    } catch (caught) {
      report(caught);
    }
  };

  const columns: TableColumnsType<ChannelView> = [
    { title: t("alerts.name"), dataIndex: "name" },
    { title: t("alerts.kind"), dataIndex: "kind", width: 120, render: (k: ChannelKindName) => t(`alerts.kind.${k}`) },
    { title: t("alerts.url"), dataIndex: "url", ellipsis: true, responsive: ["lg"], render: (u: string | null) => u || EMPTY },
    { title: t("alerts.secret"), dataIndex: "secret", width: 100, responsive: ["md"], render: (s: string | null) => s ?? EMPTY },
    {
      title: t("alerts.enabled"), dataIndex: "enabled", width: 70,
      render: (on: boolean, c) => (
        <Switch size="small" checked={on} loading={switching === c.id} data-testid="channel-enabled" onChange={(next) => void setEnabled(c, next)} />
      ),
    },
    {
      title: t("common.actions"), key: "actions", width: 330,
      render: (_, c) => {
        const r = results[c.id];
        return (
          <Space wrap size={6}>
            <Button size="small" onClick={() => open(c)}>{t("common.edit")}</Button>
            <Button size="small" loading={testing === c.id} onClick={() => void test(c)}>{t("alerts.test")}</Button>
            {r ? (
              <Tooltip title={r.error}>
                <Tag color={r.ok ? "green" : "red"} data-testid="channel-test-result">{t(r.ok ? "alerts.testResult.ok" : "alerts.testResult.failed")}</Tag>
              </Tooltip>
            ) : null}
            <Popconfirm title={t("common.confirmDelete", { name: c.name })} onConfirm={() => void remove(c)}>
              <Button size="small" danger>{t("common.delete")}</Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <Card title={t("alerts.channels")} extra={<Button icon={<PlusOutlined />} onClick={() => open(null)}>{t("alerts.addChannel")}</Button>}>
      <Table rowKey="id" size="middle" pagination={false} onRow={rowTestId("channel-row")} columns={columns} dataSource={channels.data?.channels ?? []} />
      <Modal
        open={editing !== undefined}
        title={editing ? t("alerts.editChannel") : t("alerts.addChannel")}
        onCancel={() => setEditing(undefined)}
        onOk={() => form.submit()}
        forceRender
      >
        <Form form={form} name="channel" layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="name" label={t("alerts.name")} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="kind" label={t("alerts.kind")}>
            <Select disabled={!!editing} options={CHANNEL_KIND_LIST.map((k) => ({ value: k, label: t(`alerts.kind.${k}`) }))} />
          </Form.Item>
          {kind && NO_URL.includes(kind) ? null : <Form.Item name="url" label={t("alerts.url")}><Input placeholder="https://" maxLength={2000} /></Form.Item>}
          {kind === "inapp" ? null : (
            <Form.Item name="secret" label={t("alerts.secret")} extra={editing?.secret ? t("alerts.secretKeep") : t("alerts.secretHint")}>
              <Input.Password autoComplete="new-password" maxLength={1000} />
            </Form.Item>
          )}
          <Form.Item name="options" label={t("alerts.options")} extra={t("alerts.optionsHint")}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} spellCheck={false} style={{ fontFamily: "monospace" }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
