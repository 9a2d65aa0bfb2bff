// Alert settings (预警设置): channels with "send test message", and rules on watches. Administrators only.
import { useState } from "react";
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { RISK_LEVEL_LIST, SEVERITIES, TRIGGER_LIST, type ChannelView, type RuleView, type Severity, type TriggerName } from "../../src/shared/alerts-api";
import type { SourceView } from "../../src/shared/api";
import type { WatchView } from "../../src/shared/analysis-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { useReportError } from "../lib/use-report-error";
import { AlertChannelsSection } from "./alert-channels-section";

type RuleForm = { name: string; trigger: TriggerName; watchId?: number; minRisk?: string; sourceId?: number; minFailures?: number; severity: Severity; channelIds: number[]; onlyNegative: boolean; quietStart?: string; quietEnd?: string; foldSeconds: number };
// Recipients besides channels (people, whoever is on duty); see /api/duty.
type RecipientFields = { userIds: number[]; onDuty: boolean; dutyUnitId?: number };

/** The /alert-settings page. */
export function AlertSettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const channels = useApi<{ channels: ChannelView[] }>("/api/alert-channels", { keepPrevious: true });
  const rules = useApi<{ rules: RuleView[] }>("/api/alert-rules", { keepPrevious: true });
  const watches = useApi<{ watches: WatchView[] }>("/api/watches");
  const sources = useApi<{ sources: SourceView[] }>("/api/sources");
  const [ruleOpen, setRuleOpen] = useState(false);
  const [ruleForm] = Form.useForm<RuleForm & RecipientFields>();
  const trigger = Form.useWatch("trigger", ruleForm) ?? "watch";
  const people = useApi<{ people: { id: number; name: string }[] }>("/api/duty/people");
  const units = useApi<{ units: { id: number; name: string }[] }>("/api/units");
  const names = new Map((channels.data?.channels ?? []).map((c) => [c.id, c.name]));

  const saveRule = async (v: RuleForm & RecipientFields) => {
    try {
      await api.post("/api/alert-rules", { ...v, watchId: v.watchId ?? null, minRisk: v.minRisk || null, sourceId: v.sourceId ?? null, minFailures: v.minFailures ?? null, quietStart: v.quietStart || null, quietEnd: v.quietEnd || null, dutyUnitId: v.dutyUnitId ?? null });
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

  // PATCH names only `enabled`: the rule's other settings stay as they are.
  const setRuleEnabled = async (id: number, enabled: boolean) => {
    try {
      await api.patch(`/api/alert-rules/${id}`, { enabled });
      rules.reload();
    } catch (caught) {
      report(caught);
    }
  };

  const ruleColumns: TableColumnsType<RuleView> = [
    { title: t("alerts.name"), dataIndex: "name" },
    { title: t("alerts.trigger"), dataIndex: "trigger", width: 150, render: (tr: TriggerName) => t(`alerts.trigger.${tr}`) },
    { title: t("alerts.subject"), key: "subject", render: (_, r) => r.watchName ?? r.sourceName ?? (r.minRisk ? `${t("alerts.minRisk")} ${t(`alerts.severity.${r.minRisk}`)}` : "—") },
    { title: t("alerts.severity"), dataIndex: "severity", width: 80, render: (s: Severity) => t(`alerts.severity.${s}`) },
    { title: t("alerts.channels"), dataIndex: "channelIds", render: (ids: number[]) => ids.map((id) => <Tag key={id}>{names.get(id) ?? `#${id}`}</Tag>) },
    { title: t("alerts.quiet"), key: "quiet", width: 120, render: (_, r) => (r.quietStart ? `${r.quietStart}–${r.quietEnd}` : "—") },
    {
      title: t("alerts.enabled"), dataIndex: "enabled", width: 70,
      render: (on: boolean, r) => <Switch size="small" checked={on} onChange={(v) => void setRuleEnabled(r.id, v)} data-testid="rule-enabled" />,
    },
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
        <Form form={ruleForm} name="rule" layout="vertical" initialValues={{ trigger: "watch", severity: "general", channelIds: [], onlyNegative: false, foldSeconds: 600, userIds: [], onDuty: false }} onFinish={(v) => void saveRule(v)}>
          <Form.Item name="name" label={t("alerts.name")} rules={[{ required: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="trigger" label={t("alerts.trigger")}>
            <Select options={TRIGGER_LIST.map((tr) => ({ value: tr, label: t(`alerts.trigger.${tr}`) }))} data-testid="rule-trigger" />
          </Form.Item>
          {(trigger === "watch" || trigger === "burst") && (
            <Form.Item name="watchId" label={t("alerts.watch")} rules={[{ required: trigger === "watch" }]} extra={trigger === "burst" ? t("alerts.burstWatchHint") : undefined}>
              <Select allowClear options={(watches.data?.watches ?? []).map((w) => ({ value: w.id, label: w.name }))} />
            </Form.Item>
          )}
          {(trigger === "event_risk" || trigger === "burst") && (
            <Form.Item name="minRisk" label={t("alerts.minRisk")}>
              <Select allowClear placeholder={trigger === "event_risk" ? t("alerts.severity.significant") : t("alerts.minRiskAny")} options={RISK_LEVEL_LIST.map((l) => ({ value: l, label: t(`alerts.severity.${l}`) }))} />
            </Form.Item>
          )}
          {trigger === "source_unhealthy" && (
            <Space>
              <Form.Item name="sourceId" label={t("alerts.source")}>
                <Select allowClear placeholder={t("alerts.anySource")} style={{ width: 220 }} options={(sources.data?.sources ?? []).map((src) => ({ value: src.id, label: src.name }))} />
              </Form.Item>
              <Form.Item name="minFailures" label={t("alerts.minFailures")}><InputNumber min={1} max={100} placeholder="3" /></Form.Item>
            </Space>
          )}
          <Form.Item name="severity" label={t("alerts.severity")}>
            <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`alerts.severity.${s}`) }))} />
          </Form.Item>
          <Form.Item name="channelIds" label={t("alerts.channels")}>
            <Select mode="multiple" options={(channels.data?.channels ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="userIds" label={t("alerts.recipients")}><Select mode="multiple" optionFilterProp="label" options={(people.data?.people ?? []).map((p) => ({ value: p.id, label: p.name }))} /></Form.Item>
          <Form.Item name="onDuty" label={t("alerts.onDuty")} valuePropName="checked"><Switch data-testid="rule-on-duty" /></Form.Item>
          <Form.Item name="dutyUnitId" label={t("alerts.dutyUnit")}><Select allowClear options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
          {trigger === "watch" && <Form.Item name="onlyNegative" label={t("alerts.onlyNegative")} valuePropName="checked"><Switch /></Form.Item>}
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
