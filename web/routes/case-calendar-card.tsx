// The year's exceptions to the working week: public holidays and make-up working days (调休), edited as
// a list (one line per day, e.g. "2026-10-01 休 国庆节", "2026-10-10 班 调休") and saved for the whole year.
import { useEffect, useState } from "react";
import { App, Button, Card, Input, InputNumber, Space, Typography } from "antd";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { useT } from "../locales/i18n";
import { useReportError } from "../lib/use-report-error";

interface Day { date: string; kind: "holiday" | "workday"; name: string }

/** Parses the list: "YYYY-MM-DD 休|班 name"; returns the days, or the first bad line (1-based). */
export function parseCalendarLines(text: string): { days: Day[] } | { badLine: number } {
  const days: Day[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const m = /^(\d{4}-\d{2}-\d{2})\s+(休|班|holiday|workday)(?:\s+(.*))?$/i.exec(line);
    if (!m || Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`))) return { badLine: i + 1 };
    days.push({ date: m[1], kind: m[2] === "休" || m[2].toLowerCase() === "holiday" ? "holiday" : "workday", name: (m[3] ?? "").trim().slice(0, 50) });
  }
  return { days };
}

/** The card on the case settings page. */
export function CaseCalendarCard() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, reload } = useApi<{ days: Day[] }>(`/api/calendar/${year}`);
  const [text, setText] = useState("");
  useEffect(() => {
    setText((data?.days ?? []).map((d) => `${d.date} ${d.kind === "holiday" ? "休" : "班"}${d.name ? ` ${d.name}` : ""}`).join("\n"));
  }, [data]);

  const save = async () => {
    const parsed = parseCalendarLines(text);
    if ("badLine" in parsed) return void message.error(t("cases.calendarBadLine", { n: parsed.badLine }));
    try {
      await api.put(`/api/calendar/${year}`, { days: parsed.days });
      void message.success(t("common.saved"));
      reload();
    } catch (caught) {
      report(caught);
    }
  };

  return (
    <Card title={t("cases.calendar")} extra={<InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />}>
      <Typography.Paragraph type="secondary">{t("cases.calendarHint")}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: "100%" }}>
        <Input.TextArea rows={10} value={text} onChange={(e) => setText(e.target.value)} data-testid="calendar-text" />
        <Button type="primary" onClick={() => void save()} data-testid="calendar-save">{t("common.save")}</Button>
      </Space>
    </Card>
  );
}
