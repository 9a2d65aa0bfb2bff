// 通讯员队伍: the roster by unit (status tags, account mark, add/edit, sync from contributor accounts),
// the training classes, and a person's record in a drawer. Unit staff see their units' people; the
// office keeps the roster and alone sees phone numbers.
import { useMemo, useState } from "react";
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tabs, Tag, TreeSelect } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined, SyncOutlined } from "@ant-design/icons";
import type { UnitView } from "../../src/shared/api";
import { api, withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { useUser } from "../app/session";
import { LoadFailed } from "../components/page-states";
import { canManagePublicity } from "../app/access";
import { useT } from "../locales/i18n";
import { buildUnitTree } from "../lib/unit-tree";
import { EMPTY } from "../lib/format";
import { useReportError } from "../lib/use-report-error";
import { CORRESPONDENT_KINDS, CORRESPONDENT_STATUSES, STATUS_COLORS, type CorrespondentView } from "./correspondent-types";
import { CorrespondentFormModal } from "./correspondent-form-modal";
import { CorrespondentDrawer } from "./correspondent-drawer";
import { TrainingTab } from "./training-tab";

/** The /correspondents page. */
export function CorrespondentsPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const office = canManagePublicity(useUser().role);
  const [filter, setFilter] = useState<{ unitId?: number; status?: string; kind?: string; q?: string }>({});
  const [query, setQuery] = useState("");
  const list = useApi<{ correspondents: CorrespondentView[] }>(withQuery("/api/correspondents", filter), { keepPrevious: true });
  const everyone = useApi<{ correspondents: CorrespondentView[] }>("/api/correspondents");
  const units = useApi<{ units: UnitView[] }>("/api/units");
  const tree = useMemo(() => buildUnitTree(units.data?.units ?? []), [units.data]);
  const [editing, setEditing] = useState<CorrespondentView | null | undefined>(undefined);
  const [open, setOpen] = useState<number | null>(null);

  const reload = () => {
    list.reload();
    everyone.reload();
  };
  const sync = async () => {
    try {
      const r = await api.post<{ added: number }>("/api/correspondents/sync", filter.unitId ? { unitId: filter.unitId } : {});
      void message.success(t("roster.synced", { n: r.added }));
      reload();
    } catch (caught) {
      report(caught);
    }
  };

  const columns: TableColumnsType<CorrespondentView> = [
    { title: t("roster.unit"), dataIndex: "unitName", render: (v: string | null) => v ?? EMPTY },
    {
      title: t("roster.name"), dataIndex: "name",
      render: (n: string, c) => <Button type="link" size="small" onClick={() => setOpen(c.id)} data-testid={`correspondent-open-${c.id}`}>{n}</Button>,
    },
    { title: t("roster.kind"), dataIndex: "kind", render: (k: CorrespondentView["kind"]) => t(`roster.kind.${k}`) },
    { title: t("roster.position"), dataIndex: "position", render: (v: string) => v || EMPTY },
    ...(office ? [{ title: t("roster.phone"), dataIndex: "phone", render: (v: string | null) => v || EMPTY }] : []),
    { title: t("roster.status"), dataIndex: "status", render: (s: CorrespondentView["status"]) => <Tag color={STATUS_COLORS[s]}>{t(`roster.status.${s}`)}</Tag> },
    {
      title: t("roster.account"), dataIndex: "hasAccount",
      render: (has: boolean) => (has ? <Tag color="blue">{t("roster.hasAccount")}</Tag> : <Tag>{t("roster.noAccount")}</Tag>),
    },
    { title: t("roster.joinedOn"), dataIndex: "joinedOn", render: (v: string | null) => v ?? EMPTY },
    ...(office ? [{
      title: t("common.actions"), key: "actions", width: 90,
      render: (_: unknown, c: CorrespondentView) => (
        <Button type="link" size="small" onClick={() => setEditing(c)} data-testid={`correspondent-edit-${c.id}`}>{t("common.edit")}</Button>
      ),
    }] : []),
  ];

  const roster = (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <TreeSelect
          allowClear treeDefaultExpandAll style={{ width: 220 }} treeData={tree} placeholder={t("roster.allUnits")} value={filter.unitId}
          onChange={(v?: number) => setFilter({ ...filter, unitId: v })} data-testid="roster-filter-unit"
        />
        <Select
          allowClear style={{ width: 120 }} placeholder={t("roster.status")} value={filter.status} onChange={(v?: string) => setFilter({ ...filter, status: v })}
          options={CORRESPONDENT_STATUSES.map((s) => ({ value: s, label: t(`roster.status.${s}`) }))} data-testid="roster-filter-status"
        />
        <Select
          allowClear style={{ width: 120 }} placeholder={t("roster.kind")} value={filter.kind} onChange={(v?: string) => setFilter({ ...filter, kind: v })}
          options={CORRESPONDENT_KINDS.map((k) => ({ value: k, label: t(`roster.kind.${k}`) }))} data-testid="roster-filter-kind"
        />
        <Input.Search
          allowClear style={{ width: 220 }} placeholder={t("roster.search")} value={query} onChange={(e) => setQuery(e.target.value)}
          onSearch={(v) => setFilter({ ...filter, q: v.trim() || undefined })} data-testid="roster-filter-q"
        />
        {office ? (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="correspondent-new">{t("roster.add")}</Button>
            <Popconfirm title={t("roster.syncConfirm")} onConfirm={() => void sync()}>
              <Button icon={<SyncOutlined />} data-testid="correspondent-sync">{t("roster.sync")}</Button>
            </Popconfirm>
          </>
        ) : null}
      </Space>
      {list.error && !list.data ? (
        <LoadFailed error={list.error} onRetry={list.reload} />
      ) : (
        <Table<CorrespondentView> rowKey="id" size="small" loading={list.loading && !list.data} dataSource={list.data?.correspondents ?? []} columns={columns} />
      )}
    </>
  );

  return (
    <Card title={t("menu.correspondents")}>
      <Tabs
        items={[
          { key: "roster", label: t("roster.tab"), children: roster },
          { key: "trainings", label: t("trainings.tab"), children: <TrainingTab people={everyone.data?.correspondents ?? []} office={office} /> },
        ]}
      />
      <CorrespondentFormModal
        open={editing !== undefined} editing={editing ?? null} units={units.data?.units ?? []} onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void message.success(t("common.saved"));
          reload();
        }}
      />
      <CorrespondentDrawer id={open} office={office} onClose={() => setOpen(null)} />
    </Card>
  );
}
