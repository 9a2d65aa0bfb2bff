// One event: editable title, risk with override, volume curve, sources, sentiment, keywords, members.
import { useMemo } from "react";
import { Button, Card, Col, Empty, Row, Space, Table, Tag, Tooltip } from "antd";
import { ArrowLeftOutlined } from "@ant-design/icons";
import { useLocation, useNavigate, useParams } from "react-router-dom";
import type { EventDetailView } from "../../src/shared/analysis-api";
import { useApi } from "../api/hooks";
import { EChart } from "../components/echart";
import { LoadFailed, NotFound, PageSpinner } from "../components/page-states";
import { useT } from "../locales/i18n";
import { sentimentKey } from "../lib/analysis-display";
import { sentimentPieOption, volumeOption } from "../lib/chart-options";
import { hourlyLine } from "../lib/hourly-series";
import { EventHeader } from "./event-header";
import { EventIncidentPanel } from "./event-incident-panel";
import { EventMembers } from "./event-members";

type SourceRow = EventDetailView["sources"][number];

/** The /events/:id page. */
export function EventDetailPage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: event, error, reload } = useApi<EventDetailView>(`/api/events/${encodeURIComponent(id ?? "")}`);
  const volume = useMemo(
    () => (event ? volumeOption(hourlyLine(event.volume), t("event.volumeSeries")) : null),
    [event, t],
  );
  const pie = useMemo(
    () => (event ? sentimentPieOption(event.sentimentMix, (label) => t(sentimentKey(label))) : null),
    [event, t],
  );

  if (!event || !volume || !pie) {
    if (error?.status === 404) return <NotFound />;
    return error ? <LoadFailed error={error} onRetry={reload} /> : <PageSpinner />;
  }

  const goBack = () => (location.key === "default" ? navigate("/events") : navigate(-1));
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={goBack} style={{ paddingLeft: 0 }}>
          {t("event.back")}
        </Button>
        <EventHeader event={event} onChanged={reload} />
      </Card>
      <EventIncidentPanel eventId={event.id} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t("event.volume")}>
            <EChart option={volume} testId="event-volume-chart" />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t("event.sentiment")}>
            <EChart option={pie} testId="event-sentiment-chart" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t("event.sources")}>
            <Table<SourceRow>
              rowKey="name"
              size="small"
              dataSource={event.sources}
              pagination={event.sources.length > 10 ? { pageSize: 10 } : false}
              columns={[
                { title: t("event.source"), dataIndex: "name" },
                { title: t("event.count"), dataIndex: "count", align: "right", width: 100 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t("event.keywords")}>
            {event.keywords.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              event.keywords.map((keyword) => (
                <Tooltip key={keyword.word} title={t("event.keywordWeight", { weight: keyword.weight.toFixed(2) })}>
                  <Tag color="geekblue" style={{ marginBottom: 8 }} data-testid="event-keyword">
                    {keyword.word}
                  </Tag>
                </Tooltip>
              ))
            )}
          </Card>
        </Col>
      </Row>
      <EventMembers event={event} onChanged={reload} />
    </Space>
  );
}
