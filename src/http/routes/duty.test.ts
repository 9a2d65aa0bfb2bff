// The duty rota API: the week view, assignments, swaps, leave, who is on duty now; validation, roles, audit.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertUnit } from "../../store/units";
import { localReading, weekStart, addDays, slotAt, DEFAULT_SHIFT_TIMES } from "../../duty/rota";
import type { Client } from "../../../test/helpers";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const userIdOf = async (c: Client) => ((await c.get("/api/auth/me")).json() as { user: { id: number } }).user.id;

async function setup() {
  t = await createTestApp();
  const unit = insertUnit(t.db, "青禾县委网信办", null);
  const admin = await t.userClient("admin");
  const monitor = await t.userClient("monitor", { username: "wangwu", unitId: unit.id });
  const handler = await t.userClient("handler", { unitId: unit.id });
  const a = await t.userClient("monitor", { username: "zhangsan", unitId: unit.id });
  const b = await t.userClient("monitor", { username: "lisi", unitId: unit.id });
  return { unit, admin, monitor, handler, a, b, aId: await userIdOf(a), bId: await userIdOf(b), monitorId: await userIdOf(monitor) };
}

describe("duty rota API", () => {
  it("plans a week, shows it, and tells who is on duty now", async () => {
    const { unit, monitor, handler, aId, bId } = await setup();
    const today = localReading(Date.now());
    const slot = slotAt(DEFAULT_SHIFT_TIMES, today.date, today.minute);
    const first = weekStart(today.date);
    const other = slot.date === first && slot.shift === "day" ? addDays(first, 1) : first;
    const put = await monitor.request({
      method: "PUT", url: "/api/duty/assignments",
      // A second shift elsewhere in the week: the week's first day, or the next one when now is that day's day shift
      // (on a Monday daytime both entries named the same shift, and the second replaced the first).
      payload: { unitId: unit.id, shifts: [{ date: slot.date, shift: slot.shift, userIds: [bId, aId] }, { date: other, shift: "day", userIds: [aId] }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const now = await handler.get(`/api/duty/now?unitId=${unit.id}`);
    expect(now.statusCode).toBe(200);
    expect(now.json()).toMatchObject({ unitId: unit.id, date: slot.date, shift: slot.shift, onDuty: [{ userId: bId, name: "lisi", position: 1 }, { userId: aId, position: 2 }] });
    // The unit defaults to the top unit.
    expect((await handler.get("/api/duty/now")).json().onDuty).toHaveLength(2);

    const week = await handler.get(`/api/duty/rota?unitId=${unit.id}&week=${slot.date}`);
    expect(week.statusCode).toBe(200);
    const body = week.json();
    expect(body.weekStart).toBe(weekStart(slot.date));
    expect(body.dayStart).toBe("08:30");
    expect(body.days).toHaveLength(7);
    const day = body.days.find((d: { date: string }) => d.date === slot.date);
    expect(day[slot.shift].map((p: { name: string }) => p.name)).toEqual(["lisi", "zhangsan"]);

    const audit = t!.db.sqlite.prepare("SELECT action, actor_name FROM audit_log WHERE action LIKE 'duty.%'").all();
    expect(audit).toEqual([{ action: "duty.assign", actor_name: "wangwu" }]);
  });

  it("records a swap and leave, and who is on duty follows them", async () => {
    const { unit, admin, aId, bId, monitorId } = await setup();
    const today = localReading(Date.now());
    const slot = slotAt(DEFAULT_SHIFT_TIMES, today.date, today.minute);
    await admin.request({ method: "PUT", url: "/api/duty/assignments", payload: { unitId: unit.id, shifts: [{ ...slot, userIds: [aId, bId] }] } });

    const swap = await admin.post("/api/duty/swaps", { unitId: unit.id, ...slot, fromUserId: aId, toUserId: monitorId, note: "家中有事" });
    expect(swap.statusCode, swap.body).toBe(201);
    expect((await admin.get(`/api/duty/now?unitId=${unit.id}`)).json().onDuty.map((p: { userId: number }) => p.userId)).toEqual([monitorId, bId]);

    const leave = await admin.post("/api/duty/leave", { userId: monitorId, startDate: slot.date, endDate: addDays(slot.date, 2), note: "年假" });
    expect(leave.statusCode, leave.body).toBe(201);
    expect((await admin.get(`/api/duty/now?unitId=${unit.id}`)).json().onDuty.map((p: { userId: number }) => p.userId)).toEqual([bId]);

    const week = (await admin.get(`/api/duty/rota?unitId=${unit.id}&week=${slot.date}`)).json();
    const person = week.days.find((d: { date: string }) => d.date === slot.date)[slot.shift][0];
    expect(person).toMatchObject({ userId: monitorId, standsInFor: aId, standsInForName: "zhangsan", onLeave: true });
    expect(week.swaps[0]).toMatchObject({ fromUserId: aId, toUserId: monitorId, note: "家中有事" });
    expect(week.leave[0]).toMatchObject({ userId: monitorId, note: "年假" });

    expect((await admin.del(`/api/duty/leave/${leave.json().id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/duty/now?unitId=${unit.id}`)).json().onDuty.map((p: { userId: number }) => p.userId)).toEqual([monitorId, bId]);
    const actions = t!.db.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'duty.%' ORDER BY id").pluck().all();
    expect(actions).toEqual(["duty.assign", "duty.swap", "duty.leave", "duty.leave_delete"]);
  });

  it("lets everyone read but only administrators and monitors edit", async () => {
    const { unit, handler, aId } = await setup();
    const leader = await t!.userClient("leader");
    expect((await handler.get(`/api/duty/rota?unitId=${unit.id}`)).statusCode).toBe(200);
    for (const c of [handler, leader]) {
      expect((await c.request({ method: "PUT", url: "/api/duty/assignments", payload: { unitId: unit.id, shifts: [] } })).statusCode).toBe(403);
      expect((await c.post("/api/duty/leave", { userId: aId, startDate: "2026-12-07", endDate: "2026-12-07" })).statusCode).toBe(403);
    }
    expect((await t!.app.inject({ method: "GET", url: "/api/duty/now" })).statusCode).toBe(401);
    expect((await handler.get("/api/duty/people")).statusCode).toBe(403);
    expect(t!.db.sqlite.prepare("SELECT count(*) FROM duty_leave").pluck().get()).toBe(0);
  });

  it("refuses bad input with field messages and writes nothing", async () => {
    const { unit, admin, aId, bId } = await setup();
    const put = (payload: unknown) => admin.request({ method: "PUT", url: "/api/duty/assignments", payload: payload as object });
    const bad = await put({ unitId: unit.id, shifts: [{ date: "2026-02-30", shift: "day", userIds: [aId] }] });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().fields)).toContain("YYYY-MM-DD");
    expect((await put({ unitId: unit.id, shifts: [{ date: "2026-12-07", shift: "evening", userIds: [aId] }] })).statusCode).toBe(400);
    const unknown = await put({ unitId: unit.id, shifts: [{ date: "2026-12-07", shift: "day", userIds: [aId, 999] }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields.shifts).toContain("999");
    expect((await put({ unitId: 999, shifts: [] })).json().fields.unitId).toBe("单位不存在");
    expect((await put({ unitId: unit.id, dayStart: "18:00", nightStart: "08:00", shifts: [] })).json().fields.nightStart).toContain("早于");
    expect((await put({ unitId: unit.id, shifts: [{ date: "2026-12-07", shift: "day", userIds: Array.from({ length: 11 }, (_, i) => i + 1) }] })).statusCode).toBe(400);

    const swap = await admin.post("/api/duty/swaps", { unitId: unit.id, date: "2026-12-07", shift: "day", fromUserId: aId, toUserId: bId });
    expect(swap.statusCode).toBe(400);
    expect(swap.json().fields.fromUserId).toBe("该人员不在此班次中");
    const leave = await admin.post("/api/duty/leave", { userId: aId, startDate: "2026-12-08", endDate: "2026-12-07" });
    expect(leave.json().fields.endDate).toBe("结束日期不能早于开始日期");
    expect(t!.db.sqlite.prepare("SELECT (SELECT count(*) FROM duty_assignments) + (SELECT count(*) FROM duty_swaps) + (SELECT count(*) FROM duty_leave)").pluck().get()).toBe(0);
    expect(t!.db.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action LIKE 'duty.%'").pluck().get()).toBe(0);
  });

  it("stores configured shift times", async () => {
    const { unit, admin } = await setup();
    const res = await admin.request({ method: "PUT", url: "/api/duty/assignments", payload: { unitId: unit.id, dayStart: "09:00", nightStart: "21:00", shifts: [] } });
    expect(res.statusCode).toBe(200);
    const week = (await admin.get(`/api/duty/rota?unitId=${unit.id}`)).json();
    expect([week.dayStart, week.nightStart]).toEqual(["09:00", "21:00"]);
    const people = (await admin.get("/api/duty/people")).json().people.map((p: { name: string }) => p.name);
    expect(people).toEqual(expect.arrayContaining(["zhangsan", "lisi"]));
  });
});
