// Report schedules (报告设置 → 定时报送): generate a daily digest or a weekly/monthly summary at a time of
// day, optionally issue it, render it and deliver it through alert channels; edit, delete, run now.
import { useState } from "react";
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { ChannelView } from "../../src/shared/alerts-api";
import { REPORT_FORMATS, type ReportSchedule, type ReportTemplate } from "../../src/shared/report-types";
import { api, withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import type { I18n } from "../locales/i18n";
import { useT } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { intRange, required, requiredChoice } from "../lib/rules";
import { rowTestId } from "../lib/table-rows";
import { useReportError } from "../lib/use-report-error";

type ScheduleForm = Omit<ReportSchedule, "id" | "nextRunAt" | "lastRunAt">;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** "每天 08:00", "每周一 08:00", "每月 1 日 08:00". */
export function scheduleWhen(s: Pick<ReportSchedule, "kind" | "period" | "atTime" | "weekday" | "monthday">, t: I18n["t"]): string {
  if (s.kind === "periodic" && s.period === "week") {
    const day = s.weekday && s.weekday >= 1 && s.weekday <= 7 ? t(`reportSettings.weekday.${s.weekday as (typeof WEEKDAYS)[number]}`) : "?";
    return t("reportSettings.schedule.weekly", { day, time: s.atTime });
  }
  if (s.kind === "periodic" && s.period === "month") return t("reportSettings.schedule.monthly", { day: s.monthday ?? "?", time: s.atTime });
  return t("reportSettings.schedule.daily", { time: s.atTime });
}

/** The schedules tab; channels come from the alert settings (GET /api/alert-channels); `onRan` follows a run started now. */
export function ReportSchedulesSection({ onRan }: { onRan: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const schedules = useApi<{ schedules: ReportSchedule[] }>("/api/report-schedules", { keepPrevious: true });
  const channels = useApi<{ channels: ChannelView[] }>("/api/alert-channels");
  const [form] = Form.useForm<ScheduleForm>();
  const kind = Form.useWatch("kind", form) ?? "daily";
  const period = Form.useWatch("period", form) ?? "week";
  const templates = useApi<{ templates: ReportTemplate[] }>(withQuery("/api/report-templates", { kind }));
  // undefined: closed; null: adding; a schedule: editing it.
  const [editing, setEditing] = useState<ReportSchedule | null>();
  const [saving, setSaving] = useState(false);
  const channelName = new Map((channels.data?.channels ?? []).map((c) => [c.id, c.name]));

  const open = (s: ReportSchedule | null) => {
    setEditing(s);
    form.resetFields();
    form.setFieldsValue(s ?? { name: "", kind: "daily", period: "week", templateId: null, atTime: "08:00", weekday: 1, monthday: 1, format: "docx", channelIds: [], autoIssue: false, enabled: true });
  };
  const save = async (v: ScheduleForm) => {
    setSaving(true);
    const periodic = v.kind === "periodic";
    const body = {
      ...v,
      period: periodic ? v.period ?? "week" : null,
      templateId: v.templateId ?? null,
      weekday: periodic && v.period === "week" ? v.weekday : null,
      monthday: periodic && v.period === "month" ? v.monthday : null,
      channelIds: v.channelIds ?? [],
    };
    try {
      if (editing) await api.patch(`/api/report-schedules/${editing.id}`, body);
      else await api.post("/api/report-schedules", body);
      setEditing(undefined);
      void message.success(t("common.saved"));
      schedules.reload();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };
  const act = async (run: () => Promise<unknown>, done: string, then?: () => void) => {
    try {
      await run();
      void message.success(done);
      schedules.reload();
      then?.();
    } catch (caught) {
      report(caught);
    }
  };

  const columns: TableColumnsType<ReportSchedule> = [
    { title: t("reportSettings.schedule.name"), dataIndex: "name" },
    { title: t("reports.kind"), dataIndex: "kind", width: 150, render: (k: ReportSchedule["kind"]) => t(`reports.kind.${k}`) },
    { title: t("reportSettings.schedule.when"), key: "when", width: 160, render: (_, s) => scheduleWhen(s, t) },
    { title: t("reportSettings.schedule.format"), dataIndex: "format", width: 70, render: (f: string) => f.toUpperCase() },
    { title: t("reportSettings.schedule.channels"), dataIndex: "channelIds", render: (ids: number[]) => ids.map((id) => <Tag key={id}>{channelName.get(id) ?? `#${id}`}</Tag>) },
    { title: t("reportSettings.schedule.autoIssue"), dataIndex: "autoIssue", width: 90, render: (v: boolean) => (v ? "✓" : "—") },
    { title: t("reportSettings.schedule.enabled"), dataIndex: "enabled", width: 70, render: (v: boolean) => (v ? "✓" : "—") },
    { title: t("reportSettings.schedule.nextRunAt"), dataIndex: "nextRunAt", width: 150, render: formatTime },
    { title: t("reportSettings.schedule.lastRunAt"), dataIndex: "lastRunAt", width: 150, render: formatTime },
    {
      title: t("common.actions"), key: "actions", width: 220,
      render: (_, s) => (
        <Space size={0} wrap>
          <Button size="small" type="link" onClick={() => void act(() => api.post(`/api/report-schedules/${s.id}/run`), t("reportSettings.schedule.runStarted"), onRan)}>
            {t("reportSettings.schedule.runNow")}
          </Button>
          <Button size="small" type="link" onClick={() => open(s)}>{t("common.edit")}</Button>
          <Popconfirm title={t("common.confirmDelete", { name: s.name })} onConfirm={() => void act(() => api.delete(`/api/report-schedules/${s.id}`), t("common.deleted"))}>
            <Button size="small" type="link" danger>{t("common.delete")}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12, width: "100%", justifyContent: "flex-end" }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)} data-testid="schedule-new">{t("reportSettings.schedule.new")}</Button>
      </Space>
      {schedules.error && !schedules.data ? (
        <LoadFailed error={schedules.error} onRetry={schedules.reload} />
      ) : (
        <Table<ReportSchedule>
          rowKey="id" size="small" pagination={false} scroll={{ x: 1200 }} loading={schedules.loading && !schedules.data}
          dataSource={schedules.data?.schedules ?? []} columns={columns} onRow={rowTestId("schedule-row")}
        />
      )}
      <Modal
        open={editing !== undefined}
        title={t(editing ? "reportSettings.schedule.edit" : "reportSettings.schedule.new")}
        onCancel={() => setEditing(undefined)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        forceRender
      >
        <Form<ScheduleForm> form={form} name="report-schedule" layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="name" label={t("reportSettings.schedule.name")} rules={[required(t, t("reportSettings.schedule.name"))]}>
            <Input maxLength={100} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="kind" label={t("reports.kind")} rules={[requiredChoice(t, t("reports.kind"))]}>
              <Select style={{ width: 200 }} options={(["daily", "periodic"] as const).map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))} onChange={() => form.setFieldValue("templateId", null)} />
            </Form.Item>
            {kind === "periodic" ? (
              <Form.Item name="period" label={t("reportSettings.schedule.period")} rules={[requiredChoice(t, t("reportSettings.schedule.period"))]}>
                <Select style={{ width: 120 }} options={(["week", "month"] as const).map((p) => ({ value: p, label: t(`reportSettings.schedule.period.${p}`) }))} />
              </Form.Item>
            ) : null}
          </Space>
          <Space wrap>
            <Form.Item
              name="atTime" label={t("reportSettings.schedule.atTime")}
              rules={[required(t, t("reportSettings.schedule.atTime")), { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t("reportSettings.schedule.atTimeInvalid") }]}
            >
              <Input style={{ width: 100 }} placeholder="08:00" maxLength={5} />
            </Form.Item>
            {kind === "periodic" && period === "week" ? (
              <Form.Item name="weekday" label={t("reportSettings.schedule.weekday")} rules={[requiredChoice(t, t("reportSettings.schedule.weekday"))]}>
                <Select style={{ width: 100 }} options={WEEKDAYS.map((d) => ({ value: d, label: t(`reportSettings.weekday.${d}`) }))} />
              </Form.Item>
            ) : null}
            {kind === "periodic" && period === "month" ? (
              <Form.Item name="monthday" label={t("reportSettings.schedule.monthday")} rules={[requiredChoice(t, t("reportSettings.schedule.monthday")), intRange(t, 1, 28)]}>
                <InputNumber min={1} max={28} style={{ width: 100 }} />
              </Form.Item>
            ) : null}
            <Form.Item name="format" label={t("reportSettings.schedule.format")} rules={[requiredChoice(t, t("reportSettings.schedule.format"))]}>
              <Select style={{ width: 100 }} options={REPORT_FORMATS.map((f) => ({ value: f, label: f.toUpperCase() }))} />
            </Form.Item>
          </Space>
          <Form.Item name="templateId" label={t("reports.new.template")}>
            <Select allowClear placeholder={t("reports.new.defaultTemplate")} options={(templates.data?.templates ?? []).map((tpl) => ({ value: tpl.id, label: tpl.name }))} />
          </Form.Item>
          <Form.Item name="channelIds" label={t("reportSettings.schedule.channels")} extra={t("reportSettings.schedule.channelsHint")}>
            <Select mode="multiple" allowClear loading={channels.loading} options={(channels.data?.channels ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.kind})`, disabled: !c.enabled }))} />
          </Form.Item>
          <Space size="large">
            <Form.Item name="autoIssue" label={t("reportSettings.schedule.autoIssue")} valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="enabled" label={t("reportSettings.schedule.enabled")} valuePropName="checked"><Switch /></Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
