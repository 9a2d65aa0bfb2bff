// 采访申请: outside media's interview requests with state tags and filters; the office registers them and
// acts per state (批准 / 不予安排 with a reason / 安排 with time, place, 陪同人员 / 完成 / 取消) and links the
// published piece (a placement).
import { useMemo, useState } from "react";
import { App, Button, Card, DatePicker, Popconfirm, Select, Space, Table, Tag, Tooltip, TreeSelect, Typography } from "antd";
import type { TableColumnsType } from "antd";
import type { Dayjs } from "dayjs";
import { PlusOutlined } from "@ant-design/icons";
import type { UnitView } from "../../src/shared/api";
import { api, withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { useUser } from "../app/session";
import { LoadFailed } from "../components/page-states";
import { canManagePublicity } from "../app/access";
import { useT } from "../locales/i18n";
import { buildUnitTree } from "../lib/unit-tree";
import { EMPTY, formatTime } from "../lib/format";
import { useReportError } from "../lib/use-report-error";
import { INTERVIEW_COLORS, INTERVIEW_STATES, type InterviewView } from "./correspondent-types";
import { InterviewNewModal } from "./interview-new-modal";
import { InterviewActionModal, type FormAction } from "./interview-action-modal";
import { InterviewPlacementModal } from "./interview-placement-modal";

/** The /interviews page. */
export function InterviewsPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const office = canManagePublicity(useUser().role);
  const [filter, setFilter] = useState<{ state?: string; unitId?: number; from?: string; to?: string }>({});
  const list = useApi<{ interviews: InterviewView[] }>(withQuery("/api/interviews", filter), { keepPrevious: true });
  const units = useApi<{ units: UnitView[] }>("/api/units");
  const tree = useMemo(() => buildUnitTree(units.data?.units ?? []), [units.data]);
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<{ request: InterviewView; action: FormAction } | null>(null);
  const [placing, setPlacing] = useState<InterviewView | null>(null);

  const done = async (i: InterviewView) => {
    try {
      await api.post(`/api/interviews/${i.id}/done`, {});
      void message.success(t("interviews.actionDone"));
      list.reload();
    } catch (caught) {
      report(caught);
    }
  };

  const actions = (i: InterviewView) => (
    <Space size={0} wrap>
      {i.actions.map((a) =>
        a === "done" ? (
          <Popconfirm key={a} title={t("interviews.confirmDone")} onConfirm={() => void done(i)}>
            <Button type="link" size="small" data-testid={`interview-${a}-${i.id}`}>{t("interviews.done")}</Button>
          </Popconfirm>
        ) : (
          <Button
            key={a} type="link" size="small" danger={a === "decline" || a === "cancel"} onClick={() => (a === "link" ? setPlacing(i) : setActing({ request: i, action: a }))}
            data-testid={`interview-${a}-${i.id}`}
          >
            {t(`interviews.${a}`)}
          </Button>
        ),
      )}
    </Space>
  );

  const columns: TableColumnsType<InterviewView> = [
    { title: t("interviews.requestedFor"), dataIndex: "requestedFor", width: 150, render: (v: string | null) => (v ? formatTime(v) : EMPTY) },
    { title: t("interviews.unit"), dataIndex: "unitName", render: (v: string | null) => v ?? EMPTY },
    { title: t("interviews.outlet"), dataIndex: "outletName" },
    {
      title: t("interviews.reporter"), dataIndex: "reporter",
      render: (r: string, i) => (
        <Tooltip title={[i.pressCard && t("interviews.labelled", { label: t("interviews.pressCard"), value: i.pressCard }), i.contact && t("interviews.labelled", { label: t("interviews.contact"), value: i.contact })].filter(Boolean).join("；") || undefined}>
          {r}
        </Tooltip>
      ),
    },
    { title: t("interviews.topic"), dataIndex: "topic" },
    { title: t("interviews.peopleAsked"), dataIndex: "peopleAsked", render: (v: string) => v || EMPTY },
    {
      title: t("interviews.state"), dataIndex: "state",
      render: (s: InterviewView["state"], i) => {
        const why = s === "cancelled" ? i.cancelReason : i.decisionReason;
        return <Tooltip title={why || undefined}><Tag color={INTERVIEW_COLORS[s]} data-testid={`interview-state-${i.id}`}>{t(`interviews.state.${s}`)}</Tag></Tooltip>;
      },
    },
    {
      title: t("interviews.arrangement"), key: "arrangement",
      render: (_, i) => (i.scheduledAt ? (
        <Typography.Text>{formatTime(i.scheduledAt)} · {i.place}{i.accompaniedBy ? ` · ${t("interviews.labelled", { label: t("interviews.accompaniedBy"), value: i.accompaniedBy })}` : ""}</Typography.Text>
      ) : EMPTY),
    },
    {
      title: t("interviews.placement"), key: "placement",
      render: (_, i) => (i.placementId ? <a href="/placements" data-testid={`interview-placement-${i.id}`}>{i.placementTitle ?? `#${i.placementId}`}</a> : EMPTY),
    },
    ...(office ? [{ title: t("common.actions"), key: "actions", width: 200, render: (_: unknown, i: InterviewView) => actions(i) }] : []),
  ];

  const setRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    setFilter({ ...filter, from: range?.[0]?.startOf("day").toISOString(), to: range?.[1]?.endOf("day").toISOString() });

  return (
    <Card
      title={t("menu.interviews")}
      extra={office ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="interview-new">{t("interviews.add")}</Button> : null}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear style={{ width: 140 }} placeholder={t("interviews.allStates")} value={filter.state} onChange={(v?: string) => setFilter({ ...filter, state: v })}
          options={INTERVIEW_STATES.map((s) => ({ value: s, label: t(`interviews.state.${s}`) }))} data-testid="interview-filter-state"
        />
        <TreeSelect
          allowClear treeDefaultExpandAll style={{ width: 220 }} treeData={tree} placeholder={t("interviews.unit")} value={filter.unitId}
          onChange={(v?: number) => setFilter({ ...filter, unitId: v })} data-testid="interview-filter-unit"
        />
        <DatePicker.RangePicker placeholder={[t("interviews.period"), t("interviews.period")]} onChange={(r) => setRange(r)} data-testid="interview-filter-period" />
      </Space>
      {list.error && !list.data ? (
        <LoadFailed error={list.error} onRetry={list.reload} />
      ) : (
        <Table<InterviewView> rowKey="id" size="small" loading={list.loading && !list.data} dataSource={list.data?.interviews ?? []} columns={columns} />
      )}
      <InterviewNewModal
        open={creating} units={units.data?.units ?? []} onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void message.success(t("common.created"));
          list.reload();
        }}
      />
      <InterviewPlacementModal
        request={placing} onClose={() => setPlacing(null)}
        onDone={() => {
          setPlacing(null);
          void message.success(t("interviews.actionDone"));
          list.reload();
        }}
      />
      <InterviewActionModal
        request={acting?.request ?? null} action={acting?.action ?? null} onClose={() => setActing(null)}
        onDone={() => {
          setActing(null);
          void message.success(t("interviews.actionDone"));
          list.reload();
        }}
      />
    </Card>
  );
}
