// Cases (处置工单): the list with state, owner unit and deadlines (overdue in red); office staff open
// new cases here or from the ledger; unit staff see their units' cases only (the server scopes). A report's
// figure links here filtered (opened or closed between two times, overdue at a moment): the filters show as tags.
import { useMemo, useState } from "react";
import { Button, Card, Segmented, Select, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import type { CaseSummary, CaseStateName } from "../../src/shared/cases-api";
import { CASE_STATE_LIST } from "../../src/shared/cases-api";
import type { Severity } from "../../src/shared/alerts-api";
import { useApi } from "../api/hooks";
import { canOpenCases } from "../app/access";
import { useUser } from "../app/session";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { NewCaseModal } from "./case-new-modal";
import { SeverityTag } from "../components/severity-tag";
import { casesApiQuery } from "../../src/shared/list-links";
import { LinkFilterTags, timeRange, type LinkFilter } from "../components/link-filter-tags";


const PAGE = 50;

/** The /cases page. */
export function CasesPage() {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const open = params.get("open") ?? "1";
  const state = params.get("state") ?? "";
  const page = Number(params.get("page") ?? 1);
  const path = useMemo(() => {
    const q = casesApiQuery(params);
    q.delete("page");
    q.set("limit", String(PAGE));
    q.set("offset", String((page - 1) * PAGE));
    return `/api/cases?${q}`;
  }, [params, page]);
  const { data, error, loading, reload } = useApi<{ cases: CaseSummary[]; total: number }>(path, { keepPrevious: true, refreshMs: 60_000 });
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete("page");
    setParams(next);
  };
  const clear = (keys: readonly string[]) => {
    const next = new URLSearchParams(params);
    for (const k of keys) next.delete(k);
    next.delete("page");
    setParams(next);
  };
  const linkFilters: LinkFilter[] = [];
  const range = (from: string, to: string) => (params.get(from) || params.get(to) ? timeRange(params.get(from), params.get(to)) : null);
  const created = range("createdFrom", "createdTo");
  if (created) linkFilters.push({ key: "created", label: t("links.created", { range: created }), keys: ["createdFrom", "createdTo"] });
  const closed = range("closedFrom", "closedTo");
  if (closed) linkFilters.push({ key: "closed", label: t("links.closed", { range: closed }), keys: ["closedFrom", "closedTo"] });
  const overdue = params.get("overdue");
  if (overdue) linkFilters.push({ key: "overdue", label: overdue === "1" ? t("links.overdueNow") : t("links.overdueAt", { at: formatTime(overdue) }), keys: ["overdue"] });

  const due = (iso: string | null, c: CaseSummary) =>
    iso ? <Typography.Text type={c.open && Date.parse(iso) < Date.now() ? "danger" : undefined}>{formatTime(iso)}</Typography.Text> : "—";

  const columns: TableColumnsType<CaseSummary> = [
    { title: "#", dataIndex: "id", width: 70 },
    {
      title: t("cases.title"),
      dataIndex: "title",
      render: (_, c) => (
        <Space size={4} wrap>
          <Link to={`/cases/${c.id}`}>{c.title}</Link>
          {c.overdue ? <Tag color="red">{t("cases.overdue")}</Tag> : null}
        </Space>
      ),
    },
    { title: t("cases.state"), dataIndex: "state", width: 90, render: (s: CaseStateName) => <Tag>{t(`cases.state.${s}`)}</Tag> },
    {
      title: t("cases.severity"), dataIndex: "severity", width: 80,
      render: (s: Severity | null) => (s ? <SeverityTag severity={s} /> : "—"),
    },
    { title: t("cases.unit"), dataIndex: "unitName", width: 140, render: (n: string | null) => n ?? "—" },
    { title: t("cases.replyDue"), dataIndex: "replyDueAt", width: 150, render: (v: string | null, c) => due(v, c) },
    { title: t("cases.createdAt"), dataIndex: "createdAt", width: 150, render: formatTime },
  ];

  return (
    <Card
      title={t("menu.cases")}
      extra={
        canOpenCases(user.role) ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="case-new">
            {t("cases.new")}
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={open}
          onChange={(v) => set("open", String(v) === "1" ? "" : String(v))}
          options={[{ value: "1", label: t("cases.onlyOpen") }, { value: "0", label: t("cases.state.closed") }, { value: "all", label: t("cases.all") }]}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("cases.state")}
          value={state || undefined}
          onChange={(v?: string) => set("state", v ?? "")}
          options={CASE_STATE_LIST.map((s) => ({ value: s, label: t(`cases.state.${s}`) }))}
        />
        <LinkFilterTags filters={linkFilters} onClear={clear} />
      </Space>
      {error && !data ? (
        <LoadFailed error={error} onRetry={reload} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          loading={loading && !data}
          dataSource={data?.cases ?? []}
          columns={columns}
          scroll={{ x: 800 }}
          onRow={(c) => ({ "data-testid": `case-row-${c.id}` } as React.HTMLAttributes<HTMLElement>)}
          pagination={{
            current: page, pageSize: PAGE, total: data?.total ?? 0, showSizeChanger: false,
            onChange: (p) => setParams((prev) => {
              const next = new URLSearchParams(prev);
              next.set("page", String(p));
              return next;
            }),
          }}
        />
      )}
      <NewCaseModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/cases/${id}`)} />
    </Card>
  );
}
