// Wall displays (值班大屏): admins issue a read-only display token per wall (its address shown once, with a
// copy button), see when each wall last read, and revoke a token (the wall shows its revoked screen).
import { useState } from "react";
import { App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { DisplayTokenCreated, DisplayTokenView } from "../../src/shared/wall-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { required } from "../lib/rules";
import { formatTime } from "../lib/format";
import { useReportError } from "../lib/use-report-error";

/** The /displays page. */
export function DisplayTokensPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const tokens = useApi<{ tokens: DisplayTokenView[] }>("/api/display-tokens", { keepPrevious: true });
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<DisplayTokenCreated>();
  const [form] = Form.useForm<{ name: string }>();

  const create = async (v: { name: string }) => {
    setSaving(true);
    try {
      setCreated(await api.post<DisplayTokenCreated>("/api/display-tokens", { name: v.name.trim() }));
      setCreating(false);
      form.resetFields();
      tokens.reload();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  const revoke = async (d: DisplayTokenView) => {
    try {
      await api.delete(`/api/display-tokens/${d.id}`);
      void message.success(t("displays.revokedDone"));
      tokens.reload();
    } catch (caught) {
      report(caught);
    }
  };

  const columns: TableColumnsType<DisplayTokenView> = [
    { title: t("displays.name"), dataIndex: "name" },
    {
      title: t("displays.status"),
      render: (_, d) => (d.revokedAt ? <Tag>{t("displays.revoked")}</Tag> : <Tag color="green">{t("displays.active")}</Tag>),
    },
    { title: t("displays.createdBy"), dataIndex: "createdBy", render: (n: string | null) => n ?? "—" },
    { title: t("displays.createdAt"), dataIndex: "createdAt", render: formatTime },
    { title: t("displays.lastSeenAt"), dataIndex: "lastSeenAt", render: (v: string | null) => (v ? formatTime(v) : t("displays.never")) },
    {
      title: t("common.actions"),
      key: "actions",
      width: 120,
      render: (_, d) =>
        d.revokedAt ? null : (
          <Popconfirm title={t("displays.confirmRevoke", { name: d.name })} onConfirm={() => revoke(d)} okButtonProps={{ danger: true }}>
            <Button type="link" danger data-testid={`display-revoke-${d.id}`}>{t("displays.revoke")}</Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t("menu.displays")}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="display-new">{t("displays.add")}</Button>}
    >
      <Typography.Paragraph type="secondary">{t("displays.intro")}</Typography.Paragraph>
      {tokens.error && !tokens.data ? (
        <LoadFailed error={tokens.error} onRetry={tokens.reload} />
      ) : (
        <Table<DisplayTokenView> rowKey="id" size="small" loading={tokens.loading && !tokens.data} dataSource={tokens.data?.tokens ?? []} columns={columns} pagination={false} />
      )}
      <Modal open={creating} title={t("displays.add")} onCancel={() => setCreating(false)} footer={null} forceRender>
        <Form form={form} name="display-token" layout="vertical" onFinish={(v) => void create(v)}>
          <Form.Item name="name" label={t("displays.name")} rules={[required(t, t("displays.name"))]}>
            <Input maxLength={50} placeholder={t("displays.namePlaceholder")} data-testid="display-name" />
          </Form.Item>
          <Space style={{ width: "100%", justifyContent: "flex-end" }}>
            <Button onClick={() => setCreating(false)}>{t("common.cancel")}</Button>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="display-save">{t("common.save")}</Button>
          </Space>
        </Form>
      </Modal>
      <Modal
        open={!!created}
        title={t("displays.created")}
        onCancel={() => setCreated(undefined)}
        footer={<Button type="primary" onClick={() => setCreated(undefined)} data-testid="display-done">{t("displays.done")}</Button>}
      >
        <Typography.Paragraph>{t("displays.urlOnce")}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: created?.url }} code data-testid="display-url" style={{ wordBreak: "break-all" }}>
          {created?.url}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
