// 稿件报送: the list of submissions (unit staff see their units' only; the server scopes) with state,
// kind, unit, event date and the 超时 flag, filters, and the "新建稿件" modal.
import { useMemo, useState } from "react";
import { App, Button, Card, Checkbox, Input, Select, Space, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { Link, useNavigate } from "react-router-dom";
import { useApi } from "../api/hooks";
import { useUser } from "../app/session";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";
import { formatTime } from "../lib/format";
import { NewSubmissionModal } from "./submission-new-modal";
import type { SubmissionSummary } from "./submission-types";

const STATE_COLOR: Record<string, string> = { draft: "default", in_review: "processing", returned: "warning", approved: "success", withdrawn: "default" };

/** A submission's state tag. */
export function SubmissionStateTag({ state }: { state: string }) {
  const t = useT();
  return <Tag color={STATE_COLOR[state]} data-testid="sub-state">{t(`sub.state.${state}` as MessageKey)}</Tag>;
}

/** The /submissions page. */
export function SubmissionsPage() {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [state, setState] = useState<string>();
  const [kind, setKind] = useState<string>();
  const [q, setQ] = useState("");
  const [late, setLate] = useState(false);
  const [mine, setMine] = useState(false);
  const path = useMemo(() => {
    const p = new URLSearchParams();
    if (state) p.set("state", state);
    if (kind) p.set("kind", kind);
    if (q.trim()) p.set("q", q.trim());
    if (late) p.set("flagged", "1");
    if (mine) p.set("mine", "1");
    return `/api/submissions?${p}`;
  }, [state, kind, q, late, mine]);
  const { data, error, loading, reload } = useApi<{ submissions: SubmissionSummary[]; total: number }>(path, { keepPrevious: true, refreshMs: 60_000 });
  const canCreate = user.role !== "leader";

  const columns: TableColumnsType<SubmissionSummary> = [
    { title: "#", dataIndex: "id", width: 60 },
    {
      title: t("sub.title"), dataIndex: "title",
      render: (_, s) => (
        <Space size={4} wrap>
          <Link to={`/submissions/${s.id}`} data-testid={`sub-link-${s.id}`}>{s.title}</Link>
          {s.timeliness.flagged ? <Tag color="red" data-testid="sub-late">{t("sub.late")}</Tag> : null}
        </Space>
      ),
    },
    { title: t("sub.kind"), dataIndex: "kind", width: 100, render: (k: string) => t(`sub.kind.${k}` as MessageKey) },
    { title: t("sub.state"), dataIndex: "state", width: 100, render: (s: string) => <SubmissionStateTag state={s} /> },
    { title: t("sub.waiting"), dataIndex: "waitingStep", render: (w: string | null) => w ?? "—" },
    { title: t("sub.unit"), dataIndex: "unitName" },
    { title: t("sub.author"), dataIndex: "authorName" },
    { title: t("sub.eventDate"), dataIndex: "eventDate", width: 110 },
    { title: t("sub.updatedAt"), dataIndex: "updatedAt", render: formatTime },
  ];

  return (
    <Card
      title={t("menu.submissions")}
      extra={canCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="sub-new">{t("sub.new")}</Button> : null}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t("sub.state")} style={{ width: 140 }} value={state} onChange={setState} data-testid="sub-filter-state"
          options={["draft", "in_review", "returned", "approved", "withdrawn"].map((s) => ({ value: s, label: t(`sub.state.${s}` as MessageKey) }))} />
        <Select allowClear placeholder={t("sub.kind")} style={{ width: 140 }} value={kind} onChange={setKind} data-testid="sub-filter-kind"
          options={[{ value: "news", label: t("sub.kind.news") }, { value: "info", label: t("sub.kind.info") }]} />
        <Input.Search allowClear placeholder={t("sub.search")} onSearch={setQ} style={{ width: 220 }} data-testid="sub-filter-q" />
        <Checkbox checked={late} onChange={(e) => setLate(e.target.checked)} data-testid="sub-filter-late">{t("sub.onlyLate")}</Checkbox>
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)} data-testid="sub-filter-mine">{t("sub.mine")}</Checkbox>
      </Space>
      {error && !data ? (
        <LoadFailed error={error} onRetry={reload} />
      ) : (
        <Table<SubmissionSummary> rowKey="id" size="small" loading={loading && !data} dataSource={data?.submissions ?? []} columns={columns} pagination={{ pageSize: 50 }} />
      )}
      <NewSubmissionModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(s) => {
          setCreating(false);
          void message.success(t("sub.created"));
          navigate(`/submissions/${s.id}`);
        }}
      />
    </Card>
  );
}
