// The ledger (台账): searchable, filterable, paginated list of collected items, newest first.
import { useMemo, useState } from "react";
import { Card, Table } from "antd";
import type { TableColumnsType } from "antd";
import { Link } from "react-router-dom";
import type { ItemPage, ItemView } from "../../src/shared/api";
import { withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { HighlightText } from "../components/highlight-text";
import { LoadFailed } from "../components/page-states";
import { StatusTag } from "../components/status-tag";
import { useT } from "../locales/i18n";
import { EMPTY, formatTime } from "../lib/format";
import { queryTerms } from "../lib/highlight";
import { ITEM_FILTER_KEYS, itemListParams, pageOf } from "../lib/items-query";
import { useSearchState } from "../lib/use-search-state";
import { ItemsFilters } from "./items-filters";

/** The /items page. */
export function ItemsPage() {
  const t = useT();
  const [filters, update] = useSearchState(ITEM_FILTER_KEYS);
  const [autoRefresh, setAutoRefresh] = useState(false);
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
      render: (_, item) => (
        <Link to={`/items/${item.id}`} data-testid="item-link">
          <HighlightText text={item.title} terms={terms} />
        </Link>
      ),
    },
    { title: t("items.col.source"), dataIndex: "sourceName", width: 160 },
    {
      title: t("items.col.author"),
      dataIndex: "author",
      width: 140,
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
      {error && !data ? (
        <LoadFailed error={error} onRetry={reload} />
      ) : (
        <Table<ItemView>
          rowKey="id"
          loading={loading && !data}
          dataSource={data?.items ?? []}
          columns={columns}
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
