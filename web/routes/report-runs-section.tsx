// Generation history (报告设置 → 生成记录): each run's kind, trigger, status, stage, timings, delivery per
// channel, report and error; refreshed every few seconds while one is running.
import { useEffect, useState } from "react";
import { Progress, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { Link } from "react-router-dom";
import type { ReportDelivery, ReportKind, ReportRun } from "../../src/shared/report-types";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { rowTestId } from "../lib/table-rows";

const STATUS_COLORS: Record<ReportRun["status"], string> = { running: "processing", done: "success", failed: "error" };

/** How long after its start a schedule's run may still be rendering and delivering. */
const DELIVERY_WINDOW_MS = 10 * 60_000;

/** Whether a run will still change: generating, or a schedule's run rendering and delivering after its draft is done. */
export function runPending(r: ReportRun, now = Date.now()): boolean {
  if (r.status === "running") return true;
  return r.status === "done" && r.scheduleId != null && r.delivery == null && now - Date.parse(r.startedAt) < DELIVERY_WINDOW_MS;
}

/** "统计信息 120 ms · 绘制图表 340 ms", in the order the run recorded them. */
export function formatTimings(timings: Record<string, number>): string {
  return Object.entries(timings).map(([stage, ms]) => `${stage} ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}`).join(" · ");
}

/** The history tab. */
export function ReportRunsSection() {
  const t = useT();
  // Re-read every 3 s only while a run is going (its stage and progress move, then its delivery); otherwise once.
  const [live, setLive] = useState(false);
  const runs = useApi<{ runs: ReportRun[] }>("/api/report-runs?limit=50", { keepPrevious: true, refreshMs: live ? 3000 : undefined });
  const running = (runs.data?.runs ?? []).some((r) => runPending(r));
  useEffect(() => setLive(running), [running]);

  const columns: TableColumnsType<ReportRun> = [
    { title: "#", dataIndex: "id", width: 60 },
    { title: t("reports.kind"), dataIndex: "kind", width: 140, render: (k: ReportKind) => t(`reports.kind.${k}`) },
    { title: t("reportSettings.run.trigger"), dataIndex: "trigger", width: 90, render: (v: ReportRun["trigger"]) => t(`reportSettings.run.trigger.${v}`) },
    {
      title: t("reports.status"), dataIndex: "status", width: 180,
      render: (s: ReportRun["status"], r) => (
        <Space orientation="vertical" size={0} style={{ width: "100%" }}>
          <Tag color={STATUS_COLORS[s]}>{t(`reportSettings.run.status.${s}`)}</Tag>
          {s === "running" ? <Progress size="small" percent={Math.round(r.progress * 100)} /> : null}
        </Space>
      ),
    },
    { title: t("reportSettings.run.stage"), dataIndex: "stage", width: 120 },
    { title: t("reportSettings.run.startedAt"), dataIndex: "startedAt", width: 150, render: formatTime },
    { title: t("reportSettings.run.timings"), dataIndex: "timings", render: (v: Record<string, number>) => <Typography.Text type="secondary">{formatTimings(v)}</Typography.Text> },
    {
      title: t("reportSettings.run.delivery"), dataIndex: "delivery", width: 180,
      render: (list: ReportDelivery[] | null | undefined) => (list?.length ? (
        <Space size={4} wrap>
          {list.map((d) => (
            <Tooltip key={d.channelId} title={d.error ?? formatTime(d.at)}>
              <Tag color={d.status === "sent" ? "green" : "red"} data-testid="run-delivery">
                {d.name ?? `#${d.channelId}`} {t(`reportSettings.run.delivery.${d.status}`)}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ) : "—"),
    },
    { title: t("reportSettings.run.report"), dataIndex: "reportId", width: 80, render: (id: number | null) => (id ? <Link to={`/reports/${id}`}>{t("reportSettings.run.open")}</Link> : "—") },
    { title: t("reportSettings.run.error"), dataIndex: "error", render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : "—") },
  ];

  if (runs.error && !runs.data) return <LoadFailed error={runs.error} onRetry={runs.reload} />;
  return (
    <Table<ReportRun>
      rowKey="id" size="small" pagination={false} scroll={{ x: 1280 }} loading={runs.loading && !runs.data}
      dataSource={runs.data?.runs ?? []} columns={columns} onRow={rowTestId("run-row")}
    />
  );
}
