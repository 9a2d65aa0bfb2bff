// Events (舆情事件): clusters of items, most recently active first, with size, mix, keywords and risk.
import { useEffect, useState } from "react";
import { Card, Input, Select, Space, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { Link } from "react-router-dom";
import { RISK_LEVELS, type EventPage, type EventSummaryView } from "../../src/shared/analysis-api";
import { withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { BurstBadge, RiskTag } from "../components/analysis-badges";
import { Forbidden, LoadFailed } from "../components/page-states";
import { SentimentMixBar } from "../components/sentiment-mix-bar";
import { useT } from "../locales/i18n";
import { riskKey } from "../lib/analysis-display";
import { formatTime } from "../lib/format";
import { pageOf } from "../lib/items-query";
import { rowTestId } from "../lib/table-rows";
import { useSearchState } from "../lib/use-search-state";

const KEYS = ["q", "risk", "page", "size"] as const;

/** The /events page. */
export function EventsPage() {
  const t = useT();
  const [filters, update] = useSearchState(KEYS);
  const [draft, setDraft] = useState(filters.q);
  useEffect(() => setDraft(filters.q), [filters.q]);
  const { page, size } = pageOf(filters);
  const path = withQuery("/api/events", {
    q: filters.q.trim(),
    risk: filters.risk,
    limit: size,
    offset: (page - 1) * size,
  });
  const { data, error, loading, reload } = useApi<EventPage>(path, { keepPrevious: true, refreshMs: 60_000 });

  const columns: TableColumnsType<EventSummaryView> = [
    {
      title: t("events.col.title"),
      dataIndex: "title",
      render: (_, event) => (
        <Space size={4} wrap>
          <Link to={`/events/${event.id}`} data-testid="event-link">
            {event.title}
          </Link>
          <BurstBadge burst={event.burst} />
        </Space>
      ),
    },
    {
      title: t("events.col.span"),
      key: "span",
      width: 190,
      render: (_, event) => (
        <span style={{ fontSize: 12 }}>
          {formatTime(event.firstAt)}
          <br />
          {formatTime(event.lastAt)}
        </span>
      ),
    },
    { title: t("events.col.size"), dataIndex: "size", width: 80, align: "right" },
    {
      title: t("events.col.sentiment"),
      key: "mix",
      width: 140,
      render: (_, event) => <SentimentMixBar mix={event.sentimentMix} />,
    },
    {
      title: t("events.col.keywords"),
      dataIndex: "topKeywords",
      width: 260,
      render: (words: string[]) => words.map((word) => <Tag key={word}>{word}</Tag>),
    },
    {
      title: t("events.col.risk"),
      key: "risk",
      width: 90,
      render: (_, event) => <RiskTag risk={event.risk} />,
    },
  ];

  if (error?.status === 403 && !data) return <Forbidden />;
  return (
    <Card title={t("menu.events")}>
      <Space wrap size="middle" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={draft}
          placeholder={t("events.search")}
          onChange={(event) => setDraft(event.target.value)}
          onSearch={(q) => update({ q, page: "" })}
          style={{ width: 300 }}
          data-testid="events-search"
        />
        <Select
          allowClear
          placeholder={t("risk.all")}
          value={filters.risk || undefined}
          onChange={(risk?: string) => update({ risk: risk ?? "", page: "" })}
          options={RISK_LEVELS.map((level) => ({ value: level, label: t(riskKey(level)) }))}
          style={{ width: 150 }}
          data-testid="events-risk-filter"
        />
      </Space>
      {error && !data ? (
        <LoadFailed error={error} onRetry={reload} />
      ) : (
        <Table<EventSummaryView>
          rowKey="id"
          loading={loading && !data}
          dataSource={data?.events ?? []}
          columns={columns}
          scroll={{ x: 1000 }}
          onRow={rowTestId("event-row")}
          pagination={{
            current: page,
            pageSize: size,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t("common.total", { n: total }),
            onChange: (next, nextSize) => update({ page: String(next), size: String(nextSize) }),
          }}
        />
      )}
    </Card>
  );
}
