// Case settings (工单设置), administrators: routing rules that suggest the owner unit, deadlines per
// severity and category, and the year's public holidays and make-up working days (调休).
import { useMemo, useState } from "react";
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag, TreeSelect } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { UnitView } from "../../src/shared/api";
import { SEVERITIES, type Severity } from "../../src/shared/alerts-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";
import { buildUnitTree } from "../lib/unit-tree";
import { required, requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import { CaseCalendarCard } from "./case-calendar-card";

interface RoutingRule { id: number; name: string; kind: "keyword" | "place" | "category"; terms: string[]; unitId: number; unitName: string | null; priority: number; enabled: boolean }
interface Deadline { severity: Severity; category: string; feedbackAmount: number; feedbackUnit: string; replyAmount: number; replyUnit: string }
const LIMIT_UNITS = ["working_hours", "working_days", "hours", "days"] as const;

/** The /case-settings page. */
export function CaseSettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const rules = useApi<{ rules: RoutingRule[] }>("/api/routing-rules", { keepPrevious: true });
  const deadlines = useApi<{ deadlines: Deadline[] }>("/api/case-deadlines", { keepPrevious: true });
  const units = useApi<{ units: UnitView[] }>("/api/units");
  const tree = useMemo(() => buildUnitTree(units.data?.units ?? []), [units.data]);
  const [ruleOpen, setRuleOpen] = useState(false);
  const [editing, setEditing] = useState<Deadline | null>(null);
  const [ruleForm] = Form.useForm<Omit<RoutingRule, "id" | "unitName" | "enabled">>();
  const [deadlineForm] = Form.useForm<Deadline>();

  const saveRule = async (v: Omit<RoutingRule, "id" | "unitName" | "enabled">) => {
    try {
      await api.post("/api/routing-rules", { ...v, terms: v.terms.map((x) => x.trim()).filter(Boolean) });
      setRuleOpen(false);
      ruleForm.resetFields();
      rules.reload();
    } catch (caught) {
      report(caught, ruleForm);
    }
  };
  const patchRule = async (id: number, body: Partial<RoutingRule>) => {
    try {
      await api.patch(`/api/routing-rules/${id}`, body);
      rules.reload();
    } catch (caught) {
      report(caught);
    }
  };
  const removeRule = async (id: number) => {
    try {
      await api.delete(`/api/routing-rules/${id}`);
      rules.reload();
    } catch (caught) {
      report(caught);
    }
  };
  const saveDeadline = async (v: Deadline) => {
    try {
      await api.put("/api/case-deadlines", { ...v, category: v.category ?? "" });
      setEditing(null);
      void message.success(t("common.saved"));
      deadlines.reload();
    } catch (caught) {
      report(caught, deadlineForm);
    }
  };

  const limit = (amount: number, unit: string) => t(`cases.limit.${unit}` as MessageKey, { n: amount });
  const ruleColumns: TableColumnsType<RoutingRule> = [
    { title: t("cases.ruleName"), dataIndex: "name" },
    { title: t("cases.ruleKind"), dataIndex: "kind", width: 90, render: (k: string) => t(`cases.ruleKind.${k}` as MessageKey) },
    { title: t("cases.ruleTerms"), dataIndex: "terms", render: (terms: string[]) => <Space wrap size={4}>{terms.map((x) => <Tag key={x}>{x}</Tag>)}</Space> },
    { title: t("cases.unit"), dataIndex: "unitName", width: 140 },
    { title: t("cases.rulePriority"), dataIndex: "priority", width: 90 },
    { title: t("cases.ruleEnabled"), dataIndex: "enabled", width: 80, render: (on: boolean, r) => <Switch size="small" checked={on} onChange={(v) => void patchRule(r.id, { enabled: v })} /> },
    {
      title: t("common.actions"), key: "actions", width: 90,
      render: (_, r) => (
        <Popconfirm title={t("common.confirmDelete", { name: r.name })} onConfirm={() => void removeRule(r.id)}>
          <Button size="small" danger>{t("common.delete")}</Button>
        </Popconfirm>
      ),
    },
  ];
  const deadlineColumns: TableColumnsType<Deadline> = [
    { title: t("cases.severity"), dataIndex: "severity", width: 90, render: (s: Severity) => t(`alerts.severity.${s}`) },
    { title: t("cases.category"), dataIndex: "category", render: (c: string) => c || t("cases.anyCategory") },
    { title: t("cases.feedbackDue"), key: "feedback", render: (_, d) => limit(d.feedbackAmount, d.feedbackUnit) },
    { title: t("cases.replyDue"), key: "reply", render: (_, d) => limit(d.replyAmount, d.replyUnit) },
    {
      title: t("common.actions"), key: "actions", width: 90,
      render: (_, d) => <Button size="small" onClick={() => { setEditing(d); deadlineForm.setFieldsValue(d); }}>{t("common.edit")}</Button>,
    },
  ];

  if (rules.error && !rules.data) return <LoadFailed error={rules.error} onRetry={rules.reload} />;
  const unitOptions = LIMIT_UNITS.map((u) => ({ value: u, label: t(`cases.limitUnit.${u}` as MessageKey) }));
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Card title={t("cases.routingRules")} extra={<Button icon={<PlusOutlined />} onClick={() => setRuleOpen(true)}>{t("cases.addRule")}</Button>}>
        <Table rowKey="id" size="middle" pagination={false} columns={ruleColumns} dataSource={rules.data?.rules ?? []} scroll={{ x: 700 }} />
      </Card>
      <Card
        title={t("cases.deadlines")}
        extra={<Button icon={<PlusOutlined />} onClick={() => { const d = { severity: "general" as Severity, category: "", feedbackAmount: 12, feedbackUnit: "hours", replyAmount: 0, replyUnit: "working_days" }; setEditing(d); deadlineForm.setFieldsValue(d); }}>{t("cases.addDeadline")}</Button>}
      >
        <Table rowKey={(d) => `${d.severity}/${d.category}`} size="middle" pagination={false} columns={deadlineColumns} dataSource={deadlines.data?.deadlines ?? []} />
      </Card>
      <CaseCalendarCard />
      <Modal open={ruleOpen} title={t("cases.addRule")} onCancel={() => setRuleOpen(false)} onOk={() => ruleForm.submit()} destroyOnHidden>
        <Form form={ruleForm} name="routing" layout="vertical" initialValues={{ kind: "place", terms: [], priority: 100 }} onFinish={(v) => void saveRule(v)}>
          <Form.Item name="name" label={t("cases.ruleName")} rules={[required(t, t("cases.ruleName"))]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="kind" label={t("cases.ruleKind")}>
            <Select options={(["place", "category", "keyword"] as const).map((k) => ({ value: k, label: t(`cases.ruleKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="terms" label={t("cases.ruleTerms")} extra={t("cases.ruleTermsHint")} rules={[requiredChoice(t, t("cases.ruleTerms"))]}>
            <Select mode="tags" tokenSeparators={[",", "，", "、", " "]} open={false} />
          </Form.Item>
          <Form.Item name="unitId" label={t("cases.unit")} rules={[requiredChoice(t, t("cases.unit"))]}>
            <TreeSelect treeDefaultExpandAll treeData={tree} />
          </Form.Item>
          <Form.Item name="priority" label={t("cases.rulePriority")} extra={t("cases.rulePriorityHint")}><InputNumber min={0} max={10000} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!editing} title={t("cases.deadlines")} onCancel={() => setEditing(null)} onOk={() => deadlineForm.submit()} destroyOnHidden>
        <Form form={deadlineForm} name="deadline" layout="vertical" onFinish={(v) => void saveDeadline(v)}>
          <Space wrap>
            <Form.Item name="severity" label={t("cases.severity")}><Select style={{ width: 120 }} options={SEVERITIES.map((s) => ({ value: s, label: t(`alerts.severity.${s}`) }))} /></Form.Item>
            <Form.Item name="category" label={t("cases.category")} extra={t("cases.anyCategoryHint")}><Input maxLength={50} style={{ width: 160 }} /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="feedbackAmount" label={t("cases.feedbackDue")}><InputNumber min={0} max={10000} /></Form.Item>
            <Form.Item name="feedbackUnit" label=" "><Select style={{ width: 120 }} options={unitOptions} /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="replyAmount" label={t("cases.replyDue")}><InputNumber min={0} max={10000} /></Form.Item>
            <Form.Item name="replyUnit" label=" "><Select style={{ width: 120 }} options={unitOptions} /></Form.Item>
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}
