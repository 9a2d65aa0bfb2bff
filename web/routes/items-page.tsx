// The ledger (台账): searchable, filterable, paginated list of collected items, newest first, triaged in place.
import { useMemo, useState, type HTMLAttributes } from "react";
import { Card, Grid, Table } from "antd";
import type { TableColumnsType } from "antd";
import type { ItemPage, ItemView } from "../../src/shared/api";
import { withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { canAnalyse, canTriage } from "../app/access";
import { useUser } from "../app/session";
import { LoadFailed } from "../components/page-states";
import { RepostCount, RepostDrawer } from "../components/repost-drawer";
import { SentimentCorrect, SentimentTag } from "../components/sentiment-tag";
import { useT } from "../locales/i18n";
import { EMPTY, formatTime } from "../lib/format";
import { queryTerms } from "../lib/highlight";
import { hasNarrowingFilters, ITEM_FILTER_KEYS, itemListParams, pageOf } from "../lib/items-query";
import { useSearchState } from "../lib/use-search-state";
import { ItemTitleCell } from "./item-title-cell";
import { ItemsAnalysisFilters } from "./items-analysis-filters";
import { ItemsFilters } from "./items-filters";
import { RowTriage, TriageBar, TriageStatus, useItemTriage } from "./items-triage";
import { ManualItemButton } from "./manual-item-modal";

/** The /items page. */
export function ItemsPage() {
  const t = useT();
  const { role } = useUser();
  const editor = canAnalyse(role);
  const triager = canTriage(role);
  const screens = Grid.useBreakpoint();
  const [filters, update] = useSearchState(ITEM_FILTER_KEYS);
  const [autoRefresh, setAutoRefresh] = useState(false);
  // A phone shows the search box alone until 筛选 is pressed; a desk shows every filter.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const allFilters = screens.md !== false || filtersOpen || hasNarrowingFilters(filters);
  const [repostGroup, setRepostGroup] = useState<string | null>(null);
  const { page, size } = pageOf(filters);
  const { data, error, loading, reload } = useApi<ItemPage>(withQuery("/api/items", itemListParams(filters)), {
    keepPrevious: true,
    refreshMs: autoRefresh ? 10_000 : undefined,
  });
  const terms = useMemo(() => queryTerms(filters.q), [filters.q]);
  const items = useMemo(() => data?.items ?? [], [data]);
  const triage = useItemTriage(items, triager, reload);

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
      responsive: ["md"],
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
      responsive: ["lg"],
      render: (_, item) => <RepostCount analysis={item.analysis} onOpen={setRepostGroup} />,
    },
    { title: t("items.col.source"), dataIndex: "sourceName", width: 130, responsive: ["sm"] },
    // Author and fetch time only on wide screens: at 1440 px the title keeps room and status stays in view.
    {
      title: t("items.col.author"),
      dataIndex: "author",
      width: 110,
      responsive: ["xxl"],
      render: (author: string | null) => author ?? EMPTY,
    },
    { title: t("items.col.published"), dataIndex: "publishedAt", width: 160, responsive: ["md"], render: formatTime },
    { title: t("items.col.fetched"), dataIndex: "fetchedAt", width: 160, responsive: ["xxl"], render: formatTime },
    {
      title: t("items.col.status"),
      key: "status",
      width: 110,
      fixed: "right",
      render: (_, item) => <TriageStatus item={item} />,
    },
  ];
  if (triager) {
    columns.push({
      title: t("common.actions"),
      key: "triage",
      width: 136,
      fixed: "right",
      responsive: ["sm"],
      render: (_, item) => <RowTriage item={item} triage={triage} />,
    });
  }

  return (
    <Card extra={triager ? <ManualItemButton onAdded={reload} /> : undefined}>
      <ItemsFilters
        filters={filters}
        onChange={update}
        autoRefresh={autoRefresh}
        onAutoRefresh={setAutoRefresh}
        expanded={allFilters}
        onExpand={() => setFiltersOpen(true)}
      />
      {allFilters && <ItemsAnalysisFilters filters={filters} onChange={update} />}
      {triager && <TriageBar triage={triage} />}
      {error && !data ? (
        <LoadFailed error={error} onRetry={reload} />
      ) : (
        <Table<ItemView>
          rowKey="id"
          loading={loading && !data}
          dataSource={items}
          columns={columns}
          // Phones show title and status only, which fit; wider screens scroll the table, never the page.
          scroll={screens.md ? { x: 900 } : undefined}
          rowSelection={triager ? { selectedRowKeys: triage.selected, onChange: triage.setSelected, fixed: true, columnWidth: 36 } : undefined}
          rowClassName={(item) => (item.id === triage.focusedId ? "ledger-row-focused" : "")}
          onRow={(item) =>
            ({
              "data-testid": "item-row",
              "data-focused": item.id === triage.focusedId ? "true" : undefined,
              onClick: () => triage.setFocusedId(item.id),
            }) as HTMLAttributes<HTMLElement>
          }
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
