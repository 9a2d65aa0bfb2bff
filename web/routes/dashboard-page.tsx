// Home page: today's figures, a seven-day volume chart, counts per source and (for the office) alert delivery
// latency per channel; refreshes every 10 s.
import { Card, Col, Row, Statistic, Table } from "antd";
import type { DashboardView } from "../../src/shared/api";
import { useApi } from "../api/hooks";
import { LoadFailed, PageSpinner } from "../components/page-states";
import { VolumeChart } from "../components/volume-chart";
import { AlertLatencyPanel } from "../components/alert-latency-panel";
import { canOpen } from "../app/access";
import { useUser } from "../app/session";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";

type PerSource = DashboardView["perSource"][number];

type Figure = "itemsToday" | "itemsTotal" | "sourcesTotal" | "sourcesFailing";

const FIGURES: { key: Figure; label: MessageKey; alarm?: boolean }[] = [
  { key: "itemsToday", label: "dashboard.itemsToday" },
  { key: "itemsTotal", label: "dashboard.itemsTotal" },
  { key: "sourcesTotal", label: "dashboard.sourcesTotal" },
  { key: "sourcesFailing", label: "dashboard.sourcesFailing", alarm: true },
];

/** The / page. */
export function DashboardPage() {
  const t = useT();
  // Latency per alert channel: for those who may read alerts (alerts.read is the office's, as the alerts page).
  const showLatency = canOpen(useUser().role, "alerts");
  const { data, error, reload } = useApi<DashboardView>("/api/dashboard", { refreshMs: 10_000 });
  if (!data) return error ? <LoadFailed error={error} onRetry={reload} /> : <PageSpinner />;

  return (
    <Row gutter={[16, 16]}>
      {FIGURES.map(({ key, label, alarm }) => {
        const value = data[key];
        return (
          <Col key={key} xs={12} lg={6}>
            <Card>
              <Statistic
                title={t(label)}
                value={value}
                styles={alarm && value > 0 ? { content: { color: "#cf1322" } } : undefined}
              />
            </Card>
          </Col>
        );
      })}
      <Col xs={24} xl={14}>
        <Card title={t("dashboard.volume7d")}>
          <VolumeChart points={data.volume7d} seriesName={t("dashboard.volumeSeries")} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t("dashboard.perSource")}>
          <Table<PerSource>
            rowKey="sourceId"
            size="small"
            dataSource={data.perSource}
            pagination={data.perSource.length > 10 ? { pageSize: 10 } : false}
            columns={[
              { title: t("dashboard.source"), dataIndex: "name" },
              { title: t("dashboard.today"), dataIndex: "today", align: "right" },
              { title: t("dashboard.total"), dataIndex: "total", align: "right" },
            ]}
          />
        </Card>
      </Col>
      {showLatency ? (
        <Col xs={24}>
          <AlertLatencyPanel />
        </Col>
      ) : null}
    </Row>
  );
}
