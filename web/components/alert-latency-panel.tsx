// 预警送达时延: per channel, p50/p95 of fetched, published and raised → delivered over the last 24 hours,
// with the delivered, failed and pending counts (GET /api/alerts/latency); on the dashboard and the alerts page.
import type { CSSProperties } from "react";
import { Card, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { QuestionCircleOutlined } from "@ant-design/icons";
import type { AlertLatencyView, ChannelLatencyView, LatencyFiguresView } from "../../src/shared/alert-latency-api";
import { CHANNEL_KIND_LIST, type ChannelKindName } from "../../src/shared/alerts-api";
import { useApi } from "../api/hooks";
import { useI18n } from "../locales/i18n";
import { errorText } from "../lib/use-report-error";
import { durationParts } from "../lib/duration";
import { EMPTY } from "../lib/format";
import { rowTestId } from "../lib/table-rows";

const isKind = (k: string): k is ChannelKindName => (CHANNEL_KIND_LIST as readonly string[]).includes(k);

/** The latency panel; `style` places it in its page. */
export function AlertLatencyPanel({ style }: { style?: CSSProperties }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, loading } = useApi<AlertLatencyView>("/api/alerts/latency?hours=24", { refreshMs: 30_000, keepPrevious: true });

  const duration = (ms: number | null) => {
    if (ms == null) return EMPTY;
    const { unit, n } = durationParts(ms);
    return t(`alerts.latency.${unit}`, { n });
  };
  const pair = (f: LatencyFiguresView) =>
    f.n ? (
      <Tooltip title={`p50 / p95 · n = ${f.n}`}>
        <span>{`${duration(f.p50)} / ${duration(f.p95)}`}</span>
      </Tooltip>
    ) : EMPTY;
  const alarm = (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n);

  const columns: TableColumnsType<ChannelLatencyView> = [
    {
      title: t("alerts.latency.channel"), dataIndex: "name",
      render: (_, c) => (
        <Space size={4} wrap>
          <span>{c.name}</span>
          <Tag>{isKind(c.kind) ? t(`alerts.kind.${c.kind}`) : c.kind}</Tag>
          {c.enabled ? null : <Tag color="default">{t("alerts.latency.disabled")}</Tag>}
        </Space>
      ),
    },
    {
      title: t("alerts.latency.sent"), dataIndex: "sent", align: "right", width: 80,
      render: (_, c) => <Tooltip title={t("alerts.latency.sentTip", { alerts: c.sent, messages: c.messages })}>{c.sent}</Tooltip>,
    },
    { title: <>{t("alerts.latency.fetched")} <small>p50 / p95</small></>, key: "fetched", align: "right", render: (_, c) => pair(c.fetchedToDelivered) },
    { title: <>{t("alerts.latency.published")} <small>p50 / p95</small></>, key: "published", align: "right", responsive: ["md"], render: (_, c) => pair(c.publishedToDelivered) },
    { title: <>{t("alerts.latency.created")} <small>p50 / p95</small></>, key: "created", align: "right", responsive: ["lg"], render: (_, c) => pair(c.createdToDelivered) },
    { title: t("alerts.latency.failed"), dataIndex: "failed", align: "right", width: 70, render: alarm },
    { title: t("alerts.latency.pending"), dataIndex: "pending", align: "right", width: 80, responsive: ["sm"] },
  ];

  return (
    <Card
      data-testid="alert-latency"
      style={style}
      title={
        <Space size={6}>
          {t("alerts.latency.title")}
          <Tooltip title={t("alerts.latency.hint")}><QuestionCircleOutlined style={{ color: "rgba(0,0,0,0.45)" }} /></Tooltip>
        </Space>
      }
    >
      {error && !data ? (
        <Typography.Text type="danger">{errorText(error, i18n)}</Typography.Text>
      ) : (
        <Table<ChannelLatencyView>
          rowKey="id"
          size="small"
          loading={loading && !data}
          onRow={rowTestId("latency-row")}
          columns={columns}
          dataSource={data?.channels ?? []}
          pagination={false}
          locale={{ emptyText: t("alerts.latency.empty") }}
        />
      )}
    </Card>
  );
}
