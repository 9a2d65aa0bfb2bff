// The pending proposals (疑似已刊发): our draft ↔ the ledger item, its source and time, similarity, the
// guessed outlet (changeable), the genre, and 确认刊发 / 忽略 per row.
import { useState } from "react";
import { App, Button, Popconfirm, Select, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { Link } from "react-router-dom";
import { GENRES, type Genre } from "../../src/shared/publicity-types";
import { api } from "../api/client";
import { useT } from "../locales/i18n";
import { formatTime, EMPTY } from "../lib/format";
import { safeHref } from "../lib/safe-href";
import { useReportError } from "../lib/use-report-error";
import type { OutletOption, ProposalView } from "./proposal-types";

/** The table of pending proposals; `onChanged` after a confirm or dismiss. */
export function ProposalPendingTable(props: { rows: ProposalView[]; loading: boolean; outlets: OutletOption[]; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const [outletOf, setOutletOf] = useState<Record<number, number | undefined>>({});
  const [genreOf, setGenreOf] = useState<Record<number, Genre>>({});
  const [busy, setBusy] = useState<number | null>(null);

  const act = async (p: ProposalView, action: "confirm" | "dismiss") => {
    setBusy(p.id);
    try {
      if (action === "confirm") {
        const outletId = outletOf[p.id] ?? p.outletId ?? undefined;
        if (outletId === undefined) {
          void message.warning(t("pubProposals.chooseOutlet"));
          return;
        }
        await api.post(`/api/placement-proposals/${p.id}/confirm`, { outletId, genre: genreOf[p.id] ?? "news" });
        void message.success(t("pubProposals.confirmedDone"));
      } else {
        await api.post(`/api/placement-proposals/${p.id}/dismiss`);
        void message.success(t("pubProposals.dismissedDone"));
      }
      props.onChanged();
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<ProposalView> = [
    {
      title: t("pubProposals.submission"),
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{p.submission.title}</Typography.Text>
          <Typography.Text type="secondary">{p.submission.unitName ?? EMPTY}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t("pubProposals.item"),
      render: (_, p) => {
        const href = safeHref(p.item.url);
        return (
          <Space direction="vertical" size={0}>
            <Link to={`/items/${p.item.id}`} data-testid={`proposal-item-${p.id}`}>{p.item.title || t("pubProposals.untitled")}</Link>
            {href ? (
              <Typography.Link href={href} target="_blank" rel="noopener noreferrer nofollow" data-testid={`proposal-original-${p.id}`}>
                {t("pubProposals.original")}
              </Typography.Link>
            ) : null}
          </Space>
        );
      },
    },
    { title: t("pubProposals.source"), render: (_, p) => p.item.sourceName ?? EMPTY },
    { title: t("pubProposals.publishedAt"), width: 140, render: (_, p) => formatTime(p.item.publishedAt) },
    { title: t("pubProposals.similarity"), width: 90, render: (_, p) => `${Math.round(p.similarity * 100)}%` },
    {
      title: t("pubProposals.outlet"),
      width: 190,
      render: (_, p) => (
        <Select<number>
          style={{ width: 170 }}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t("pubProposals.noOutletGuess")}
          value={outletOf[p.id] ?? p.outletId ?? undefined}
          onChange={(v) => setOutletOf((m) => ({ ...m, [p.id]: v }))}
          options={withGuess(props.outlets, p).map((o) => ({ value: o.id, label: o.name }))}
          data-testid={`proposal-outlet-${p.id}`}
        />
      ),
    },
    {
      title: t("pubProposals.genre"),
      width: 110,
      render: (_, p) => (
        <Select<Genre>
          style={{ width: 96 }}
          value={genreOf[p.id] ?? "news"}
          onChange={(v) => setGenreOf((m) => ({ ...m, [p.id]: v }))}
          options={GENRES.map((g) => ({ value: g, label: t(`pubProposals.genre.${g}`) }))}
          data-testid={`proposal-genre-${p.id}`}
        />
      ),
    },
    {
      title: t("common.actions"),
      width: 170,
      render: (_, p) => (
        <Space>
          <Button type="primary" size="small" loading={busy === p.id} onClick={() => void act(p, "confirm")} data-testid={`proposal-confirm-${p.id}`}>
            {t("pubProposals.confirm")}
          </Button>
          <Popconfirm title={t("pubProposals.dismissConfirm")} onConfirm={() => act(p, "dismiss")}>
            <Button size="small" disabled={busy === p.id} data-testid={`proposal-dismiss-${p.id}`}>{t("pubProposals.dismiss")}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Table<ProposalView>
      rowKey="id"
      size="small"
      loading={props.loading}
      dataSource={props.rows}
      columns={columns}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t("pubProposals.empty") }}
      data-testid="proposal-table"
    />
  );
}

// The guessed outlet stays choosable even when the outlet list does not hold it (inactive since).
function withGuess(outlets: OutletOption[], p: ProposalView): OutletOption[] {
  if (p.outletId === null || outlets.some((o) => o.id === p.outletId)) return outlets;
  return [...outlets, { id: p.outletId, name: p.outletName ?? String(p.outletId) }];
}
