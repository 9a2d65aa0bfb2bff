// 刊发记录: placements filtered by year, unit, outlet level, genre and a search; each with its outlet and
// level, authors' shares and points (recounted by the server under the rule set of its day). The office
// registers, edits and deletes them. `?unitId=&year=&level=&minLevel=` come from the URL (the scores page links here).
import { useState } from "react";
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, TreeSelect, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useSearchParams } from "react-router-dom";
import type { UnitView } from "../../src/shared/api";
import { api, withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { buildUnitTree } from "../lib/unit-tree";
import { useReportError } from "../lib/use-report-error";
import { safeHref } from "../lib/safe-href";
import { useUser } from "../app/session";
import { canManagePublicity } from "../app/access";
import { LevelTag, vocabLabel, vocabOptions, type PlacementView } from "./placement-labels";
import { PlacementFormModal } from "./placement-form-modal";

const PAGE = 50;

/** The URL's parameters without `keys`. */
function dropKeys(params: URLSearchParams, keys: string[]): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const k of keys) next.delete(k);
  return next;
}

/** The /placements page. */
export function PlacementsPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const canWrite = canManagePublicity(useUser().role);
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [editing, setEditing] = useState<PlacementView | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const year = params.get("year") ?? String(new Date().getFullYear());
  const unitId = params.get("unitId");
  const level = params.get("level");
  const genre = params.get("genre");
  const minLevel = params.get("minLevel");
  const q = params.get("q");
  // A period (from the scores page's quarter/month links) and a person (from its person ranking).
  const from = params.get("from");
  const to = params.get("to");
  const authorName = params.get("authorName");
  const correspondentId = params.get("correspondentId");

  const setParam = (k: string, v: string | number | null | undefined) => {
    const next = new URLSearchParams(params);
    if (v === null || v === undefined || v === "") next.delete(k);
    else next.set(k, String(v));
    setParams(next, { replace: true });
    setPage(1);
  };

  const path = withQuery("/api/placements", {
    year: year === "all" ? undefined : year, unitId, level, minLevel, genre, q, subtree: params.get("subtree"), from, to, authorName, correspondentId, limit: PAGE, offset: (page - 1) * PAGE,
  });
  const list = useApi<{ placements: PlacementView[]; total: number; points: number }>(path, { keepPrevious: true });
  const units = useApi<{ units: UnitView[] }>("/api/units");
  const thisYear = new Date().getFullYear();
  const years = [{ value: "all", label: t("pubScoring.allYears") }, ...Array.from({ length: 8 }, (_, i) => ({ value: String(thisYear - i), label: String(thisYear - i) }))];

  const remove = async (p: PlacementView) => {
    try {
      await api.delete(`/api/placements/${p.id}`);
      void message.success(t("common.deleted"));
      list.reload();
    } catch (caught) {
      report(caught);
    }
  };

  const columns: TableColumnsType<PlacementView> = [
    {
      title: t("pubScoring.title"), dataIndex: "title",
      render: (title: string, p) => (
        <Space size={4}>
          {safeHref(p.link) ? <a href={safeHref(p.link)!} target="_blank" rel="noopener noreferrer" data-testid={`placement-link-${p.id}`}>{title}</a> : title}
          {p.featured && <Tag color="gold">{t("pubScoring.featuredTag")}</Tag>}
        </Space>
      ),
    },
    { title: t("pubScoring.outlet"), key: "outlet", render: (_, p) => <Space size={4}>{p.outletName}<LevelTag t={t} level={p.level} /></Space> },
    { title: t("pubScoring.medium"), dataIndex: "medium", width: 80, responsive: ["lg"], render: (m: string) => vocabLabel(t, "medium", m) },
    { title: t("pubScoring.genre"), dataIndex: "genre", width: 70, render: (g: string) => vocabLabel(t, "genre", g) },
    { title: t("pubScoring.slot"), dataIndex: "slot", width: 100, responsive: ["lg"], render: (s: string) => (s === "none" ? "—" : vocabLabel(t, "slot", s)) },
    { title: t("pubScoring.publishedOn"), dataIndex: "publishedOn", width: 110 },
    { title: t("pubScoring.unit"), dataIndex: "unitName", responsive: ["md"], render: (n: string | null) => n ?? "—" },
    {
      title: t("pubScoring.authors"), key: "authors",
      render: (_, p) => p.authors.map((a) => `${a.name} ${Math.round(a.share * 1000) / 10}% (${a.points})`).join(", "),
    },
    {
      title: t("pubScoring.points"), dataIndex: "points", width: 80, align: "right",
      render: (n: number, p) => <span title={p.ruleSetName ?? t("pubScoring.defaultRules")} data-testid={`placement-points-${p.id}`}>{n}</span>,
    },
  ];
  if (canWrite) {
    columns.push({
      title: t("common.actions"), key: "actions", width: 120,
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" onClick={() => { setEditing(p); setFormOpen(true); }} data-testid={`placement-edit-${p.id}`}>{t("common.edit")}</Button>
          <Popconfirm title={t("common.confirmDelete", { name: p.title })} onConfirm={() => remove(p)} okButtonProps={{ danger: true }}>
            <Button type="link" danger data-testid={`placement-delete-${p.id}`}>{t("common.delete")}</Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t("menu.placements")}
      extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => { setEditing(null); setFormOpen(true); }} data-testid="placement-new">{t("pubScoring.register")}</Button>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select style={{ width: 120 }} value={year} options={years} onChange={(v) => setParam("year", v)} data-testid="placements-year" aria-label={t("pubScoring.year")} />
        <TreeSelect
          style={{ width: 200 }} allowClear treeDefaultExpandAll showSearch treeNodeFilterProp="title" placeholder={t("pubScoring.unit")}
          value={unitId ? Number(unitId) : undefined} treeData={buildUnitTree(units.data?.units ?? [])} onChange={(v) => setParam("unitId", v)} data-testid="placements-unit"
        />
        <Select style={{ width: 140 }} allowClear placeholder={t("pubScoring.level")} value={level ?? undefined} options={vocabOptions(t, "level")} onChange={(v) => setParam("level", v)} data-testid="placements-level" />
        {minLevel && (
          <Tag closable onClose={() => setParam("minLevel", null)} data-testid="placements-min-level">
            {t("pubScoring.minLevelTag", { level: vocabLabel(t, "level", minLevel) })}
          </Tag>
        )}
        {from && to && (
          <Tag closable onClose={() => setParams(dropKeys(params, ["from", "to"]), { replace: true })} data-testid="placements-period">
            {t("pubScoring.periodTag", { from, to })}
          </Tag>
        )}
        {(authorName || correspondentId) && (
          <Tag closable onClose={() => setParams(dropKeys(params, ["authorName", "correspondentId"]), { replace: true })} data-testid="placements-author">
            {t("pubScoring.authorTag", { name: authorName ?? `#${correspondentId}` })}
          </Tag>
        )}
        <Select style={{ width: 110 }} allowClear placeholder={t("pubScoring.genre")} value={genre ?? undefined} options={vocabOptions(t, "genre")} onChange={(v) => setParam("genre", v)} data-testid="placements-genre" />
        <Input.Search
          style={{ width: 240 }} allowClear placeholder={t("pubScoring.searchPlaceholder")} value={search} maxLength={100}
          onChange={(e) => setSearch(e.target.value)} onSearch={(v) => setParam("q", v.trim())} data-testid="placements-search"
        />
      </Space>
      {list.data && (
        <Typography.Paragraph type="secondary" data-testid="placements-total">
          {t("pubScoring.totalPoints", { n: list.data.total, points: list.data.points })}
        </Typography.Paragraph>
      )}
      {list.error && !list.data ? (
        <LoadFailed error={list.error} onRetry={list.reload} />
      ) : (
        <Table<PlacementView>
          rowKey="id" size="small" loading={list.loading} dataSource={list.data?.placements ?? []} columns={columns}
          pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        />
      )}
      <PlacementFormModal open={formOpen} editing={editing} onClose={() => setFormOpen(false)} onSaved={list.reload} />
    </Card>
  );
}
