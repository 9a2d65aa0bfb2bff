// 留言办理 (/board-admin): the public board's messages for staff, by status, with the category, unit,
// answer deadline (red when overdue) and rating; a row opens the drawer with the message, its history
// and the actions the role may take. Unit staff see their units' messages only (the server scopes). A report's
// figure links here filtered (received or answered between two times, several statuses): the filters show as tags.
import { useMemo } from "react";
import { Card, Segmented, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useSearchParams } from "react-router-dom";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";
import { formatTime } from "../lib/format";
import { BOARD_STATUSES, type BoardStaffMessage } from "./board-admin-types";
import { BoardMessageDrawer } from "./board-message-drawer";
import { boardApiQuery } from "../../src/shared/list-links";
import { LinkFilterTags, timeRange, type LinkFilter } from "../components/link-filter-tags";

const PAGE = 50;
const STATUS_COLOR: Record<string, string> = { held: "gold", accepted: "blue", rejected: "default", answered: "green" };

/** The /board-admin page. */
export function BoardAdminPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const page = Number(params.get("page") ?? 1);
  const openId = Number(params.get("id") ?? 0);
  const path = useMemo(() => {
    const q = boardApiQuery(params);
    q.set("limit", String(PAGE));
    q.set("offset", String((page - 1) * PAGE));
    return `/api/board/messages?${q}`;
  }, [params, page]);
  const { data, error, loading, reload } = useApi<{ messages: BoardStaffMessage[]; total: number }>(path, { keepPrevious: true, refreshMs: 60_000 });
  const set = (changes: Record<string, string>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  const linkFilters: LinkFilter[] = [];
  if (params.get("from") || params.get("to")) linkFilters.push({ key: "received", label: t("links.received", { range: timeRange(params.get("from"), params.get("to")) }), keys: ["from", "to"] });
  if (params.get("answeredFrom") || params.get("answeredTo")) {
    linkFilters.push({ key: "answered", label: t("links.answered", { range: timeRange(params.get("answeredFrom"), params.get("answeredTo")) }), keys: ["answeredFrom", "answeredTo"] });
  }
  for (const [key, label] of [["acceptedAt", "links.acceptedAt"], ["unansweredAt", "links.unansweredAt"]] as const) {
    const at = params.get(key);
    if (at) linkFilters.push({ key, label: t(label, { at: formatTime(at) }), keys: [key] });
  }
  // Several statuses (a report's 受理 counts accepted and answered) have no segment of their own.
  if (status.includes(",")) {
    linkFilters.push({ key: "statuses", label: t("links.statuses", { statuses: status.split(",").map((s) => t(`board.status.${s}` as MessageKey)).join(" / ") }), keys: ["status"] });
  }

  const columns: TableColumnsType<BoardStaffMessage> = [
    { title: "#", dataIndex: "id", width: 64 },
    {
      title: t("board.title"),
      dataIndex: "title",
      render: (_, m) => (
        <Space size={4} wrap>
          <Typography.Link onClick={() => set({ id: String(m.id) })} data-testid={`board-open-${m.id}`}>{m.title}</Typography.Link>
          {m.draftText ? <Tag color="purple">{t("board.draftWaiting")}</Tag> : null}
        </Space>
      ),
    },
    { title: t("cases.state"), dataIndex: "status", width: 100, render: (s: string) => <Tag color={STATUS_COLOR[s]} data-testid="board-row-status">{t(`board.status.${s}` as MessageKey)}</Tag> },
    { title: t("board.category"), dataIndex: "category", width: 80, responsive: ["md"], render: (c: string) => t(`board.category.${c}` as MessageKey) },
    { title: t("board.unit"), dataIndex: "unitName", width: 140, render: (n: string | null) => n ?? "—" },
    { title: t("board.createdAt"), dataIndex: "createdAt", width: 150, responsive: ["md"], render: formatTime },
    {
      title: t("board.dueAt"), dataIndex: "dueAt", width: 150,
      render: (v: string | null, m) => (v ? <Typography.Text type={m.overdue ? "danger" : undefined}>{formatTime(v)}{m.overdue ? ` ${t("board.overdue")}` : ""}</Typography.Text> : "—"),
    },
    { title: t("board.rating"), dataIndex: "rating", width: 90, responsive: ["md"], render: (r: string | null) => (r ? t(`board.rating.${r}` as MessageKey) : "—") },
  ];

  return (
    <Card title={t("menu.boardAdmin")}>
      <Segmented
        style={{ marginBottom: 12, maxWidth: "100%", overflowX: "auto" }}
        value={status}
        onChange={(v) => set({ status: String(v), page: "" })}
        options={[{ value: "", label: t("board.all") }, ...BOARD_STATUSES.map((s) => ({ value: s, label: t(`board.status.${s}`) }))]}
        data-testid="board-status-filter"
      />
      <LinkFilterTags filters={linkFilters} onClear={(keys) => set({ ...Object.fromEntries(keys.map((k) => [k, ""])), page: "" })} style={{ marginBottom: 12, marginLeft: 12 }} />
      {error && !data ? (
        <LoadFailed error={error} onRetry={reload} />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          loading={loading && !data}
          dataSource={data?.messages ?? []}
          columns={columns}
          scroll={{ x: 860 }}
          locale={{ emptyText: t("board.empty") }}
          onRow={(m) => ({ "data-testid": `board-row-${m.id}` } as React.HTMLAttributes<HTMLElement>)}
          pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, showSizeChanger: false, onChange: (p) => set({ page: String(p) }) }}
        />
      )}
      <BoardMessageDrawer id={openId > 0 ? openId : null} onClose={() => set({ id: "" })} onChanged={reload} />
    </Card>
  );
}
