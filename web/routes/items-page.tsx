// The ledger (台账): searchable, filterable, paginated list of collected items, newest first.
import { useMemo, useState } from "react";
import { Card, Table } from "antd";
import type { TableColumnsType } from "antd";
import type { ItemPage, ItemView } from "../../src/shared/api";
import { withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { canAnalyse } from "../app/access";
import { useUser } from "../app/session";
import { LoadFailed } from "../components/page-states";
import { RepostCount, RepostDrawer } from "../components/repost-drawer";
import { SentimentCorrect, SentimentTag } from "../components/sentiment-tag";
import { StatusTag } from "../components/status-tag";
import { useT } from "../locales/i18n";
import { EMPTY, formatTime } from "../lib/format";
import { queryTerms } from "../lib/highlight";
import { ITEM_FILTER_KEYS, itemListParams, pageOf } from "../lib/items-query";
import { useSearchState } from "../lib/use-search-state";
import { ItemTitleCell } from "./item-title-cell";
import { ItemsAnalysisFilters } from "./items-analysis-filters";
import { ItemsFilters } from "./items-filters";

/** The /items page. */
export function ItemsPage() {
  const t = useT();
  const editor = canAnalyse(useUser().role);
  const [filters, update] = useSearchState(ITEM_FILTER_KEYS);
  const [autoRefresh, setAutoRefresh] = useState(false);
  const [repostGroup, setRepostGroup] = useState<string | null>(null);
  const { page, size } = pageOf(filters);
  const { data, error, loading, reload } = useApi<ItemPage>(withQuery("/api/items", itemListParams(filters)), {
    keepPrevious: true,
    refreshMs: autoRefresh ? 10_000 : undefined,
  });
  const terms = useMemo(() => queryTerms(filters.q), [filters.q]);

  const columns: TableColumnsType<ItemView> = [
    {
      title: t("items.col.title"),
      dataIndex: "title",
      render: (_, item) => <ItemTitleCell item={item} terms={terms} />,
    },
    {
      title: t("items.col.sentiment"),
      key: "sentiment",
      width: 150,
      render: (_, item) => (
        <>
          <SentimentTag sentiment={item.analysis?.sentiment} />
          {editor && item.analysis && (
            <SentimentCorrect itemId={item.id} current={item.analysis.sentiment.label} onCorrected={reload} />
          )}
        </>
      ),
    },
    {
      title: t("items.col.reposts"),
      key: "reposts",
      width: 90,
      render: (_, item) => <RepostCount analysis={item.analysis} onOpen={setRepostGroup} />,
    },
    { title: t("items.col.source"), dataIndex: "sourceName", width: 140 },
    {
      title: t("items.col.author"),
      dataIndex: "author",
      width: 120,
      render: (author: string | null) => author ?? EMPTY,
    },
    { title: t("items.col.published"), dataIndex: "publishedAt", width: 150, render: formatTime },
    { title: t("items.col.fetched"), dataIndex: "fetchedAt", width: 150, render: formatTime },
    {
      title: t("items.col.status"),
      dataIndex: "status",
      width: 90,
      render: (_, item) => <StatusTag status={item.status} />,
    },
  ];

  return (
    <Card>
      <ItemsFilters filters={filters} onChange={update} autoRefresh={autoRefresh} onAutoRefresh={setAutoRefresh} />
      <ItemsAnalysisFilters filters={filters} onChange={update} />
      {error && !data ? (
        <LoadFailed error={error} onRetry={reload} />
      ) : (
        <Table<ItemView>
          rowKey="id"
          loading={loading && !data}
          dataSource={data?.items ?? []}
          columns={columns}
          scroll={{ x: 1200 }}
          pagination={{
            current: page,
            pageSize: size,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t(data?.capped ? "common.totalOver" : "common.total", { n: total.toLocaleString() }),
            onChange: (next, nextSize) => update({ page: String(next), size: String(nextSize) }),
          }}
        />
      )}
      <RepostDrawer group={repostGroup} onClose={() => setRepostGroup(null)} />
    </Card>
  );
}
