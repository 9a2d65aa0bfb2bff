// The "新建报告" form: the kind, its period (a day, last week/month or a range, an event, a quarter or a
// year) and a template. Generation is synchronous on the server; while it runs the modal polls the run
// list every 500 ms and shows the running run's stage and progress.
import { useEffect, useRef, useState } from "react";
import { Button, Form, Input, Modal, Progress, Segmented, Select, Space, Typography } from "antd";
import dayjs from "dayjs";
import { REPORT_KINDS, type ReportDetail, type ReportKind, type ReportRun, type ReportSpec, type ReportTemplate } from "../../src/shared/report-types";
import { api, withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { EventSelect } from "../components/event-select";
import { useT } from "../locales/i18n";
import { requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";

/** The form's values. */
export interface NewReportValues {
  kind: ReportKind;
  date?: string;
  periodMode?: "week" | "month" | "range";
  from?: string;
  to?: string;
  eventId?: number;
  year?: number;
  quarter?: number;
  templateId?: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** What POST /api/reports gets for the form's values (only the fields the kind uses). */
export function reportSpecOf(v: NewReportValues): ReportSpec {
  const base: ReportSpec = { kind: v.kind, ...(v.templateId ? { templateId: v.templateId } : {}) };
  switch (v.kind) {
    case "daily":
      return { ...base, date: v.date };
    case "periodic":
      return v.periodMode === "range" ? { ...base, from: v.from, to: v.to } : { ...base, period: v.periodMode ?? "week" };
    case "special":
      return { ...base, eventId: v.eventId };
    case "quarterly": {
      const year = v.year ?? dayjs().year();
      const first = ((v.quarter ?? 1) - 1) * 3 + 1;
      const to = dayjs(`${year}-${pad(first + 2)}-01`).endOf("month").format("YYYY-MM-DD");
      return { ...base, from: `${year}-${pad(first)}-01`, to };
    }
    case "annual": {
      const year = v.year ?? dayjs().year();
      return { ...base, from: `${year}-01-01`, to: `${year}-12-31` };
    }
  }
}

function initialValues(): NewReportValues {
  const lastQuarter = dayjs().subtract(3, "month");
  return {
    kind: "daily", date: dayjs().subtract(1, "day").format("YYYY-MM-DD"), periodMode: "week",
    year: lastQuarter.year(), quarter: Math.floor(lastQuarter.month() / 3) + 1,
  };
}

/** The running run this page started: the newest running manual run of the kind. */
function runningRun(runs: ReportRun[], kind: ReportKind): ReportRun | undefined {
  return runs.filter((r) => r.status === "running" && r.kind === kind && r.trigger === "manual").sort((a, b) => b.id - a.id)[0];
}

/** The modal; `onCreated` gets the new draft's id. */
export function NewReportModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<NewReportValues>();
  const kind = Form.useWatch("kind", form) ?? "daily";
  const periodMode = Form.useWatch("periodMode", form) ?? "week";
  const templates = useApi<{ templates: ReportTemplate[] }>(open ? withQuery("/api/report-templates", { kind }) : null);
  const [busy, setBusy] = useState(false);
  const [run, setRun] = useState<ReportRun>();
  const poll = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (open) form.setFieldsValue(initialValues());
  }, [open, form]);
  useEffect(() => () => window.clearInterval(poll.current), []);

  const submit = async (v: NewReportValues) => {
    setBusy(true);
    setRun(undefined);
    poll.current = window.setInterval(() => {
      api.get<{ runs: ReportRun[] }>("/api/report-runs?limit=10").then((r) => {
        const current = runningRun(r.runs, v.kind);
        if (current) setRun(current);
      }).catch(() => undefined);
    }, 500);
    try {
      const created = await api.post<{ report: ReportDetail; run: ReportRun }>("/api/reports", reportSpecOf(v));
      setRun(created.run);
      onCreated(created.report.id);
    } catch (caught) {
      report(caught, form);
    } finally {
      window.clearInterval(poll.current);
      setBusy(false);
    }
  };

  const dateInput = (name: "date" | "from" | "to", label: string) => (
    <Form.Item name={name} label={label} rules={[requiredChoice(t, label)]}>
      <Input type="date" style={{ width: 170 }} data-testid={`report-new-${name}`} />
    </Form.Item>
  );
  const year = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => ({ value: year - i, label: String(year - i) }));

  return (
    <Modal open={open} title={t("reports.new")} onCancel={busy ? undefined : onClose} closable={!busy} footer={null} forceRender>
      <Form<NewReportValues> form={form} name="report-new" layout="vertical" onFinish={(v) => void submit(v)} disabled={busy}>
        <Form.Item name="kind" label={t("reports.kind")} rules={[requiredChoice(t, t("reports.kind"))]}>
          <Select
            data-testid="report-new-kind"
            options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))}
            onChange={() => form.setFieldValue("templateId", undefined)}
          />
        </Form.Item>
        {kind === "daily" ? dateInput("date", t("reports.new.date")) : null}
        {kind === "periodic" ? (
          <>
            <Form.Item name="periodMode" label={t("reports.new.periodMode")}>
              <Segmented options={(["week", "month", "range"] as const).map((m) => ({ value: m, label: t(`reports.new.${m}`) }))} />
            </Form.Item>
            {periodMode === "range" ? <Space wrap>{dateInput("from", t("reports.new.from"))}{dateInput("to", t("reports.new.to"))}</Space> : null}
          </>
        ) : null}
        {kind === "special" ? (
          <Form.Item name="eventId" label={t("reports.new.event")} rules={[requiredChoice(t, t("reports.new.event"))]}>
            <EventSelect value={undefined} onChange={() => undefined} placeholder={t("reports.new.eventPlaceholder")} style={{ width: "100%" }} testId="report-new-event" />
          </Form.Item>
        ) : null}
        {kind === "quarterly" || kind === "annual" ? (
          <Space wrap>
            <Form.Item name="year" label={t("reports.new.year")} rules={[requiredChoice(t, t("reports.new.year"))]}>
              <Select style={{ width: 120 }} options={years} />
            </Form.Item>
            {kind === "quarterly" ? (
              <Form.Item name="quarter" label={t("reports.new.quarter")} rules={[requiredChoice(t, t("reports.new.quarter"))]}>
                <Select style={{ width: 140 }} options={[1, 2, 3, 4].map((n) => ({ value: n, label: t("reports.new.quarterN", { n }) }))} />
              </Form.Item>
            ) : null}
          </Space>
        ) : null}
        <Form.Item name="templateId" label={t("reports.new.template")}>
          <Select
            allowClear
            placeholder={t("reports.new.defaultTemplate")}
            loading={templates.loading}
            options={(templates.data?.templates ?? []).map((tpl) => ({ value: tpl.id, label: tpl.isDefault ? `${tpl.name} · ${t("reportSettings.template.default")}` : tpl.name }))}
          />
        </Form.Item>
        {busy ? (
          <div data-testid="report-new-progress" style={{ marginBottom: 16 }}>
            <Progress percent={Math.round((run?.progress ?? 0) * 100)} status="active" />
            <Typography.Text type="secondary">{run?.stage || t("reports.new.generating")}</Typography.Text>
          </div>
        ) : null}
        <Space style={{ width: "100%", justifyContent: "flex-end" }}>
          <Button onClick={onClose} disabled={busy}>{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={busy} disabled={false} data-testid="report-new-submit">
            {t("reports.new.generate")}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
