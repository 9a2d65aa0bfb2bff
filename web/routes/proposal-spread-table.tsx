// Spread (转载): how often each approved draft was reposted, and a draft's reposts when its row opens.
import { useEffect } from "react";
import { Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { Link } from "react-router-dom";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { EMPTY, formatTime } from "../lib/format";
import { safeHref } from "../lib/safe-href";
import type { ProposalView, SpreadView } from "./proposal-types";

type Row = SpreadView["submissions"][number];

/** Spread counts per draft; `version` changes after a scan to reload. */
export function ProposalSpreadTable(props: { version: number }) {
  const t = useT();
  const spread = useApi<SpreadView>("/api/placement-proposals/spread", { keepPrevious: true });
  const { reload } = spread;
  useEffect(() => {
    if (props.version) reload();
  }, [props.version, reload]);
  const columns: TableColumnsType<Row> = [
    { title: t("pubProposals.submission"), dataIndex: "title" },
    { title: t("pubProposals.unit"), dataIndex: "unitName", render: (v: string | null) => v ?? EMPTY },
    { title: t("pubProposals.spreadCount"), dataIndex: "count", width: 110 },
    { title: t("pubProposals.lastSpreadAt"), dataIndex: "lastAt", width: 160, render: formatTime },
  ];
  if (spread.error && !spread.data) return <LoadFailed error={spread.error} onRetry={spread.reload} />;
  return (
    <Table<Row>
      rowKey="submissionId"
      size="small"
      loading={spread.loading && !spread.data}
      dataSource={spread.data?.submissions ?? []}
      columns={columns}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t("pubProposals.spreadEmpty") }}
      expandable={{ expandedRowRender: (r) => <SpreadItems submissionId={r.submissionId} /> }}
      data-testid="spread-table"
    />
  );
}

function SpreadItems(props: { submissionId: number }) {
  const t = useT();
  const items = useApi<SpreadView>(`/api/placement-proposals/spread?submissionId=${props.submissionId}`);
  const columns: TableColumnsType<ProposalView> = [
    {
      title: t("pubProposals.item"),
      render: (_, p) => {
        const href = safeHref(p.item.url);
        return (
          <>
            <Link to={`/items/${p.item.id}`}>{p.item.title || t("pubProposals.untitled")}</Link>
            {href ? <Typography.Link href={href} target="_blank" rel="noopener noreferrer nofollow" style={{ marginLeft: 8 }}>{t("pubProposals.original")}</Typography.Link> : null}
          </>
        );
      },
    },
    { title: t("pubProposals.source"), render: (_, p) => p.item.sourceName ?? EMPTY },
    { title: t("pubProposals.outlet"), render: (_, p) => p.outletName ?? EMPTY },
    { title: t("pubProposals.publishedAt"), width: 150, render: (_, p) => formatTime(p.item.publishedAt) },
    { title: t("pubProposals.similarity"), width: 90, render: (_, p) => `${Math.round(p.similarity * 100)}%` },
  ];
  if (items.error && !items.data) return <LoadFailed error={items.error} onRetry={items.reload} />;
  return <Table<ProposalView> rowKey="id" size="small" loading={items.loading} dataSource={items.data?.items ?? []} columns={columns} pagination={false} />;
}
