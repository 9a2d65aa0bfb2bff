// Alerts (预警): the ledger with each channel's delivery state and an acknowledge button; live over SSE. A link
// may narrow it (raised between two times, a severity, one alert): the filters show as closable tags.
import { useEffect, useMemo, useState } from "react";
import { App, Badge, Button, Card, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { TableColumnsType } from "antd";
import type { AlertView, ChannelView, DeliveryView, Severity } from "../../src/shared/alerts-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { canAckAlerts, canOpenCases } from "../app/access";
import { useUser } from "../app/session";
import { LoadFailed } from "../components/page-states";
import { AlertLatencyPanel } from "../components/alert-latency-panel";
import { AlertNotifyToggle } from "../components/alert-notify-toggle";
import { useT } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { rowTestId } from "../lib/table-rows";
import { useReportError } from "../lib/use-report-error";
import { AlertTimelineDrawer } from "./alert-timeline-drawer";
import { NewCaseModal, type CaseDraft } from "./case-new-modal";
import { useNavigate, useSearchParams } from "react-router-dom";
import { alertsApiQuery } from "../../src/shared/list-links";
import { LinkFilterTags, timeRange, type LinkFilter } from "../components/link-filter-tags";
import { SeverityTag } from "../components/severity-tag";

const STATE_COLOR: Record<DeliveryView["state"], string> = { pending: "gold", sent: "green", failed: "red" };

/** The /alerts page. */
export function AlertsPage() {
  const t = useT();
  const { notification } = App.useApp();
  const report = useReportError();
  const role = useUser().role;
  const [params, setParams] = useSearchParams();
  const path = useMemo(() => {
    const q = alertsApiQuery(params);
    q.set("limit", "200");
    return `/api/alerts?${q}`;
  }, [params]);
  const { data, error, loading, reload } = useApi<{ alerts: AlertView[]; total: number }>(path, { keepPrevious: true, refreshMs: 30_000 });
  const linkFilters: LinkFilter[] = [];
  if (params.get("from") || params.get("to")) linkFilters.push({ key: "raised", label: t("links.raised", { range: timeRange(params.get("from"), params.get("to")) }), keys: ["from", "to"] });
  const severity = params.get("severity");
  if (severity) linkFilters.push({ key: "severity", label: t("links.severity", { severity: t(`alerts.severity.${severity as Severity}`) }), keys: ["severity"] });
  if (params.get("id")) linkFilters.push({ key: "id", label: t("links.alertId", { id: params.get("id")! }), keys: ["id"] });
  const clear = (keys: readonly string[]) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const k of keys) next.delete(k);
    return next;
  });
  // Channel names for admins; other roles see channel ids.
  const channels = useApi<{ channels: ChannelView[] }>(role === "admin" ? "/api/alert-channels" : null);
  const names = new Map((channels.data?.channels ?? []).map((c) => [c.id, c.name]));
  const [live, setLive] = useState(false);
  const [acking, setAcking] = useState<number>();
  const [timelineOf, setTimelineOf] = useState<number>();
  const [caseDraft, setCaseDraft] = useState<CaseDraft | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    const source = new EventSource("/api/alerts/stream");
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener("alert", (event) => {
      const m = JSON.parse((event as MessageEvent<string>).data) as { title: string; severity: Severity };
      notification.open({ message: t("alerts.new", { title: m.title }), type: m.severity === "major" ? "error" : "warning" });
      reload();
    });
    return () => source.close();
  }, [notification, reload, t]);

  const ack = async (a: AlertView) => {
    setAcking(a.id);
    try {
      await api.post(`/api/alerts/${a.id}/ack`);
      reload();
    } catch (caught) {
      report(caught);
    } finally {
      setAcking(undefined);
    }
  };

  const columns: TableColumnsType<AlertView> = [
    { title: t("alerts.createdAt"), dataIndex: "createdAt", width: 150, render: formatTime },
    { title: t("alerts.severity"), dataIndex: "severity", width: 80, render: (s: Severity) => <SeverityTag severity={s} /> },
    {
      title: t("alerts.title"),
      dataIndex: "title",
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong={!a.acknowledgedAt}>{a.title}</Typography.Text>
          <Typography.Text type="secondary">{a.reason}</Typography.Text>
          <Typography.Link data-testid="alert-timeline-open" onClick={() => setTimelineOf(a.id)}>{t("alerts.timeline")}</Typography.Link>
        </Space>
      ),
    },
    {
      title: t("alerts.deliveries"),
      key: "deliveries",
      width: 260,
      render: (_, a) => (
        <Space wrap size={4}>
          {a.foldedInto ? <Tag>{t("alerts.folded", { id: a.foldedInto })}</Tag> : null}
          {a.deliveries.map((d) => (
            <Tooltip key={d.channelId} title={[t("alerts.attempts", { n: d.attempts }), d.lastError, formatTime(d.sentAt ?? d.nextAt)].filter(Boolean).join(" · ")}>
              <Tag color={STATE_COLOR[d.state]}>{`${names.get(d.channelId) ?? `#${d.channelId}`} ${t(`alerts.state.${d.state}`)}`}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t("common.actions"),
      key: "ack",
      width: 110,
      render: (_, a) => (
        <Space direction="vertical" size={4}>
          {a.acknowledgedAt ? (
            <Tooltip title={formatTime(a.acknowledgedAt)}><Tag>{t("alerts.acked")}</Tag></Tooltip>
          ) : canAckAlerts(role) ? (
            <Button size="small" type="primary" data-testid="alert-ack" loading={acking === a.id} onClick={() => void ack(a)}>{t("alerts.ack")}</Button>
          ) : null}
          {canOpenCases(role) && (
            <Button
              size="small"
              data-testid="alert-open-case"
              onClick={() => setCaseDraft({ title: a.title, alertId: a.id, eventId: a.eventId ?? undefined, itemIds: a.itemId != null ? [a.itemId] : [] })}
            >
              {t("cases.openCase")}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  if (error && !data) return <LoadFailed error={error} onRetry={reload} />;
  return (
    <>
    <AlertLatencyPanel style={{ marginBottom: 16 }} />
    <Card title={t("menu.alerts")} extra={<Space size={16} wrap><AlertNotifyToggle />{live ? <Badge status="processing" text={t("alerts.live")} /> : null}</Space>}>
      <LinkFilterTags filters={linkFilters} onClear={clear} style={{ marginBottom: 12 }} />
      <Table rowKey="id" size="middle" onRow={rowTestId("alert-row")} loading={loading && !data} columns={columns} dataSource={data?.alerts ?? []} pagination={{ pageSize: 50 }} />
      <AlertTimelineDrawer alertId={timelineOf} onClose={() => setTimelineOf(undefined)} />
      <NewCaseModal open={caseDraft !== null} initial={caseDraft ?? undefined} onClose={() => setCaseDraft(null)} onCreated={(id) => navigate(`/cases/${id}`)} />
    </Card>
    </>
  );
}
