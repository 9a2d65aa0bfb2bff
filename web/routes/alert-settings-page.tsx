// Alert settings (预警设置): channels (alert-channels-section.tsx) and rules on watches. Administrators only.
import { useState } from "react";
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { SEVERITIES, type ChannelView, type RuleView, type Severity } from "../../src/shared/alerts-api";
import type { WatchView } from "../../src/shared/analysis-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { useReportError } from "../lib/use-report-error";
import { AlertChannelsSection } from "./alert-channels-section";

type RuleForm = { name: string; watchId: number; severity: Severity; channelIds: number[]; onlyNegative: boolean; quietStart?: string; quietEnd?: string; foldSeconds: number };

/** The /alert-settings page. */
export function AlertSettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const channels = useApi<{ channels: ChannelView[] }>("/api/alert-channels", { keepPrevious: true });
  const rules = useApi<{ rules: RuleView[] }>("/api/alert-rules", { keepPrevious: true });
  const watches = useApi<{ watches: WatchView[] }>("/api/watches");
  const [ruleOpen, setRuleOpen] = useState(false);
  const [ruleForm] = Form.useForm<RuleForm>();
  const names = new Map((channels.data?.channels ?? []).map((c) => [c.id, c.name]));

  const saveRule = async (v: RuleForm) => {
    try {
      await api.post("/api/alert-rules", { ...v, trigger: "watch", quietStart: v.quietStart || null, quietEnd: v.quietEnd || null });
      setRuleOpen(false);
      ruleForm.resetFields();
      rules.reload();
    } catch (caught) {
      report(caught, ruleForm);
    }
  };
  const remove = async (path: string, reload: () => void) => {
    try {
      await api.delete(path);
      void message.success(t("common.deleted"));
      reload();
    } catch (caught) {
      report(caught);
    }
  };

  const ruleColumns: TableColumnsType<RuleView> = [
    { title: t("alerts.name"), dataIndex: "name" },
    { title: t("alerts.watch"), dataIndex: "watchName" },
    { title: t("alerts.severity"), dataIndex: "severity", width: 80, render: (s: Severity) => t(`alerts.severity.${s}`) },
    { title: t("alerts.channels"), dataIndex: "channelIds", render: (ids: number[]) => ids.map((id) => <Tag key={id}>{names.get(id) ?? `#${id}`}</Tag>) },
    { title: t("alerts.quiet"), key: "quiet", width: 120, render: (_, r) => (r.quietStart ? `${r.quietStart}–${r.quietEnd}` : "—") },
    { title: t("alerts.enabled"), dataIndex: "enabled", width: 70, render: (on: boolean) => <Switch size="small" checked={on} disabled /> },
    {
      title: t("common.actions"), key: "actions", width: 90,
      render: (_, r) => (
        <Popconfirm title={t("common.confirmDelete", { name: r.name })} onConfirm={() => void remove(`/api/alert-rules/${r.id}`, rules.reload)}>
          <Button size="small" danger>{t("common.delete")}</Button>
        </Popconfirm>
      ),
    },
  ];

  if (channels.error && !channels.data) return <LoadFailed error={channels.error} onRetry={channels.reload} />;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <AlertChannelsSection channels={channels} />
      <Card title={t("alerts.rules")} extra={<Button icon={<PlusOutlined />} onClick={() => setRuleOpen(true)}>{t("alerts.addRule")}</Button>}>
        <Table rowKey="id" size="middle" pagination={false} columns={ruleColumns} dataSource={rules.data?.rules ?? []} />
      </Card>
      <Modal open={ruleOpen} title={t("alerts.addRule")} onCancel={() => setRuleOpen(false)} onOk={() => ruleForm.submit()} destroyOnHidden>
        <Form form={ruleForm} layout="vertical" initialValues={{ severity: "general", channelIds: [], onlyNegative: false, foldSeconds: 600 }} onFinish={(v) => void saveRule(v)}>
          <Form.Item name="name" label={t("alerts.name")} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="watchId" label={t("alerts.watch")} rules={[{ required: true }]}>
            <Select options={(watches.data?.watches ?? []).map((w) => ({ value: w.id, label: w.name }))} />
          </Form.Item>
          <Form.Item name="severity" label={t("alerts.severity")}>
            <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`alerts.severity.${s}`) }))} />
          </Form.Item>
          <Form.Item name="channelIds" label={t("alerts.channels")}>
            <Select mode="multiple" options={(channels.data?.channels ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="onlyNegative" label={t("alerts.onlyNegative")} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item label={t("alerts.quiet")} extra={t("alerts.quietHint")}>
            <Space>
              <Form.Item name="quietStart" noStyle><Input placeholder="22:00" style={{ width: 90 }} /></Form.Item>
              <Form.Item name="quietEnd" noStyle><Input placeholder="07:30" style={{ width: 90 }} /></Form.Item>
            </Space>
          </Form.Item>
          <Form.Item name="foldSeconds" label={t("alerts.fold")}><InputNumber min={0} max={86400} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
