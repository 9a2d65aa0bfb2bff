// /duty (值班): a unit's week as days × shifts with the people on duty in order, who is on duty now,
// and for those who plan it (administrators, monitors): edit a shift, swap (换班), leave, shift times.
import { useState } from "react";
import { App, Button, Card, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { EditOutlined, LeftOutlined, RightOutlined } from "@ant-design/icons";
import type { UnitView } from "../../src/shared/api";
import type { DutyNowView, DutyPersonView, RotaView, ShiftName } from "../../src/shared/duty-api";
import { api, withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { canPlanDuty } from "../app/access";
import { useUser } from "../app/session";
import { LoadFailed } from "../components/page-states";
import { useI18n } from "../locales/i18n";
import { useReportError } from "../lib/use-report-error";

type Day = RotaView["days"][number];
type Person = { id: number; name: string; unitId: number | null };
const SHIFTS: ShiftName[] = ["day", "night"];

function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The /duty page. */
export function DutyPage() {
  const { t, lang } = useI18n();
  const weekday = new Intl.DateTimeFormat(lang, { weekday: "short", timeZone: "UTC" });
  const { message } = App.useApp();
  const report = useReportError();
  const planner = canPlanDuty(useUser().role);
  const units = useApi<{ units: UnitView[] }>("/api/units");
  const [unitId, setUnitId] = useState<number>();
  const [week, setWeek] = useState<string>();
  const rota = useApi<RotaView>(withQuery("/api/duty/rota", { unitId, week }), { keepPrevious: true });
  const unit = unitId ?? rota.data?.unitId;
  const now = useApi<DutyNowView>(unit ? `/api/duty/now?unitId=${unit}` : null, { refreshMs: 60_000 });
  const people = useApi<{ people: Person[] }>(planner ? "/api/duty/people" : null);
  const options = (people.data?.people ?? []).map((p) => ({ value: p.id, label: p.name }));
  const [editing, setEditing] = useState<{ date: string; shift: ShiftName; userIds: number[] }>();
  const [swapOpen, setSwapOpen] = useState(false);
  const [leaveOpen, setLeaveOpen] = useState(false);
  const [swapForm] = Form.useForm();
  const [leaveForm] = Form.useForm();
  const [timesForm] = Form.useForm();

  const reloadAll = () => {
    rota.reload();
    now.reload();
  };
  const send = async (action: () => Promise<unknown>, form?: Parameters<typeof report>[1]) => {
    try {
      await action();
      void message.success(t("common.saved"));
      reloadAll();
      return true;
    } catch (caught) {
      report(caught, form);
      return false;
    }
  };
  const putShifts = (body: object) => api.put("/api/duty/assignments", { unitId: unit, shifts: [], ...body });

  const renderShift = (day: Day, shift: ShiftName) => (
    <Space wrap size={4} data-testid={`duty-${day.date}-${shift}`}>
      {day[shift].map((p: DutyPersonView) => (
        <Tag key={`${p.position}-${p.userId}`} color={p.onLeave ? "default" : p.position === 1 ? "blue" : undefined}>
          <span style={p.onLeave ? { textDecoration: "line-through" } : undefined}>{`${p.position}. ${p.name}`}</span>
          {p.standsInForName ? ` (${t("duty.standsIn", { name: p.standsInForName })})` : ""}
          {p.onLeave ? ` · ${t("duty.onLeave")}` : ""}
        </Tag>
      ))}
      {planner ? (
        <Button size="small" type="text" icon={<EditOutlined />} aria-label={t("duty.edit")} data-testid="duty-edit"
          onClick={() => setEditing({ date: day.date, shift, userIds: day[shift].map((p) => p.standsInFor ?? p.userId) })} />
      ) : null}
    </Space>
  );
  const columns: TableColumnsType<Day> = [
    { title: t("duty.date"), dataIndex: "date", width: 150, render: (date: string) => `${date} ${weekday.format(new Date(`${date}T00:00:00Z`))}` },
    ...SHIFTS.map((shift) => ({ title: t(`duty.shift.${shift}`), key: shift, render: (_: unknown, day: Day) => renderShift(day, shift) })),
  ];

  if (rota.error && !rota.data) return <LoadFailed error={rota.error} onRetry={rota.reload} />;
  const r = rota.data;
  const names = new Map<number, string>(options.map((o) => [o.value, o.label]));
  for (const d of r?.days ?? []) for (const p of [...d.day, ...d.night]) names.set(p.userId, p.name);
  const nameOf = (id: number) => names.get(id) ?? `#${id}`;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card size="small" title={t("duty.now")} data-testid="duty-now">
        {now.data ? (
          <Space wrap>
            <Tag>{`${t(`duty.shift.${now.data.shift}`)} ${now.data.start}–${now.data.end}`}</Tag>
            {now.data.onDuty.length ? now.data.onDuty.map((p) => <Tag key={p.userId} color={p.position === 1 ? "blue" : undefined}>{`${p.position}. ${p.name}`}</Tag>) : <Typography.Text type="secondary">{t("duty.nobody")}</Typography.Text>}
          </Space>
        ) : null}
      </Card>
      <Card
        title={t("menu.duty")}
        extra={
          <Space wrap>
            <Select style={{ minWidth: 160 }} value={unit} placeholder={t("duty.unit")} onChange={setUnitId} options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
            <Button icon={<LeftOutlined />} aria-label={t("duty.prevWeek")} onClick={() => r && setWeek(shiftDate(r.weekStart, -7))} />
            <Button onClick={() => setWeek(undefined)}>{t("duty.thisWeek")}</Button>
            <Button icon={<RightOutlined />} aria-label={t("duty.nextWeek")} onClick={() => r && setWeek(shiftDate(r.weekStart, 7))} />
            {planner ? <Button onClick={() => setSwapOpen(true)}>{t("duty.swap")}</Button> : null}
            {planner ? <Button onClick={() => setLeaveOpen(true)}>{t("duty.leave")}</Button> : null}
          </Space>
        }
      >
        {r ? <Typography.Paragraph type="secondary">{t("duty.shiftTimes", { day: r.dayStart, night: r.nightStart })}</Typography.Paragraph> : null}
        <Table rowKey="date" size="small" pagination={false} loading={rota.loading && !r} columns={columns} dataSource={r?.days ?? []} />
        {planner && r ? (
          <Form form={timesForm} layout="inline" style={{ marginTop: 12 }} initialValues={{ dayStart: r.dayStart, nightStart: r.nightStart }} key={`${r.unitId}-${r.dayStart}-${r.nightStart}`}
            onFinish={(v) => void send(() => putShifts(v), timesForm)}>
            <Form.Item name="dayStart" label={t("duty.dayStart")}><Input style={{ width: 80 }} /></Form.Item>
            <Form.Item name="nightStart" label={t("duty.nightStart")}><Input style={{ width: 80 }} /></Form.Item>
            <Button htmlType="submit">{t("common.save")}</Button>
          </Form>
        ) : null}
      </Card>
      {r && (r.swaps.length > 0 || r.leave.length > 0) ? (
        <Card size="small" title={`${t("duty.swapList")} / ${t("duty.leaveList")}`}>
          <List size="small" dataSource={[
            ...r.swaps.map((s) => ({ key: `s${s.id}`, text: `${s.date} ${t(`duty.shift.${s.shift}`)}：${nameOf(s.fromUserId)} → ${nameOf(s.toUserId)}${s.note ? `（${s.note}）` : ""}`, leaveId: null as number | null })),
            ...r.leave.map((l) => ({ key: `l${l.id}`, text: `${l.name}：${l.startDate} – ${l.endDate}${l.note ? `（${l.note}）` : ""}`, leaveId: l.id as number | null })),
          ]} renderItem={(row) => (
            <List.Item actions={planner && row.leaveId != null ? [<Button key="d" size="small" danger onClick={() => void send(() => api.delete(`/api/duty/leave/${row.leaveId}`))}>{t("common.delete")}</Button>] : []}>{row.text}</List.Item>
          )} />
        </Card>
      ) : null}

      <Modal open={!!editing} destroyOnHidden title={editing ? t("duty.editShift", { date: editing.date, shift: t(`duty.shift.${editing.shift}`) }) : ""} onCancel={() => setEditing(undefined)}
        onOk={() => void (async () => { if (editing && (await send(() => putShifts({ shifts: [editing] })))) setEditing(undefined); })()}>
        <Typography.Paragraph type="secondary">{t("duty.people")}</Typography.Paragraph>
        <Select mode="multiple" style={{ width: "100%" }} data-testid="duty-people" value={editing?.userIds} options={options} optionFilterProp="label"
          onChange={(userIds: number[]) => setEditing((e) => (e ? { ...e, userIds } : e))} />
      </Modal>

      <Modal open={swapOpen} destroyOnHidden title={t("duty.swap")} onCancel={() => setSwapOpen(false)} onOk={() => swapForm.submit()}>
        <Form form={swapForm} layout="vertical" initialValues={{ shift: "day" }}
          onFinish={(v) => void (async () => { if (await send(() => api.post("/api/duty/swaps", { unitId: unit, ...v, note: v.note || null }), swapForm)) setSwapOpen(false); })()}>
          <Form.Item name="date" label={t("duty.date")} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item name="shift" label={t("duty.shift")}><Select options={SHIFTS.map((s) => ({ value: s, label: t(`duty.shift.${s}`) }))} /></Form.Item>
          <Form.Item name="fromUserId" label={t("duty.swapFrom")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={options} /></Form.Item>
          <Form.Item name="toUserId" label={t("duty.swapTo")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={options} /></Form.Item>
          <Form.Item name="note" label={t("duty.note")}><Input maxLength={200} /></Form.Item>
        </Form>
      </Modal>

      <Modal open={leaveOpen} destroyOnHidden title={t("duty.leave")} onCancel={() => setLeaveOpen(false)} onOk={() => leaveForm.submit()}>
        <Form form={leaveForm} layout="vertical"
          onFinish={(v) => void (async () => { if (await send(() => api.post("/api/duty/leave", { ...v, note: v.note || null }), leaveForm)) setLeaveOpen(false); })()}>
          <Form.Item name="userId" label={t("duty.leaveUser")} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={options} /></Form.Item>
          <Space>
            <Form.Item name="startDate" label={t("duty.leaveDates")} rules={[{ required: true }]}><Input type="date" /></Form.Item>
            <Form.Item name="endDate" label=" " rules={[{ required: true }]}><Input type="date" /></Form.Item>
          </Space>
          <Form.Item name="note" label={t("duty.note")}><Input maxLength={200} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
