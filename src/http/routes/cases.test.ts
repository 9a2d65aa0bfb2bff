// The case API: open from items, the whole lifecycle with its timeline and audit, deadlines and the
// overdue flag, routing suggestions, and who may see and do what per role and unit.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";
import { insertItems } from "../../store/items";
import { insertSource } from "../../store/sources";
import { insertRoutingRule, replaceCalendarDays } from "../../store/case-config";
import { openCase, takeStep } from "../../cases/commands";
import { officeCalendar } from "../../cases/calendar";
import { contentHash } from "../../ingest";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function setup() {
  t = await createTestApp({ timeZone: "Asia/Shanghai" });
  const admin = await t.userClient("admin");
  const county = (await admin.post("/api/units", { name: "青禾县" })).json();
  const edu = (await admin.post("/api/units", { name: "县教育局", parentId: county.id })).json();
  const town = (await admin.post("/api/units", { name: "禾溪镇", parentId: county.id })).json();
  const source = insertSource(t.db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/feed", intervalSeconds: 300, priority: 2, enabled: true });
  const [itemId] = insertItems(t.db, source.id, [{
    guid: "g1", url: "http://127.0.0.1/p/1", canonicalUrl: null, contentHash: contentHash("", "乱收费"), author: null,
    title: "禾溪镇小学乱收费", text: "家长反映每学期额外收取补课费", publishedAt: Date.now() - 60_000,
  }]);
  return {
    admin, itemId, edu: edu.id as number, town: town.id as number,
    monitor: await t.userClient("monitor"),
    leader: await t.userClient("leader"),
    eduHandler: await t.userClient("handler", { unitId: edu.id }),
    townHandler: await t.userClient("handler", { unitId: town.id }),
  };
}

async function step(c: Client, id: number, body: Record<string, unknown>, status = 200) {
  const res = await c.post(`/api/cases/${id}/steps`, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

describe("cases", () => {
  it("runs a case from items to closed, every step on the timeline and in the audit log", async () => {
    const s = await setup();
    insertRoutingRule(t!.db, { name: "属地：禾溪镇", kind: "place", terms: ["禾溪镇"], unitId: s.town, priority: 100, enabled: true });
    const res = await s.monitor.post("/api/cases", { title: "禾溪镇小学乱收费", itemIds: [s.itemId] });
    expect(res.statusCode, res.body).toBe(201);
    const opened = res.json();
    expect(opened).toMatchObject({ state: "open", unitId: null, itemIds: [s.itemId], origin: "items" });
    expect(opened.suggestion).toMatchObject({ unitId: s.town, ruleName: "属地：禾溪镇", term: "禾溪镇", kind: "place" });
    const id = opened.id as number;

    // The suggestion is only a suggestion: triage puts it with the education bureau, the town co-handling.
    const triaged = await step(s.monitor, id, { kind: "triage", severity: "significant", category: "教育", unitId: s.edu, text: "涉及教育收费" });
    expect(triaged).toMatchObject({ state: "triaged", severity: "significant", unitId: s.edu });
    expect(triaged.feedbackDueAt).not.toBeNull();
    await step(s.monitor, id, { kind: "escalate" });
    await step(s.leader, id, { kind: "instruct", text: "请教育局牵头核实，当日回应" });
    await step(s.monitor, id, { kind: "assign", unitId: s.edu, coUnitIds: [s.town] });
    await step(s.eduHandler, id, { kind: "accept" });
    await step(s.eduHandler, id, { kind: "reply", text: "已核实，责令退还" });
    await step(s.monitor, id, { kind: "return", text: "未说明退还时限" });
    await step(s.eduHandler, id, { kind: "reply", text: "已核实，本周五前退还" });
    const closed = await step(s.monitor, id, { kind: "close", text: "回应及时" });
    expect(closed).toMatchObject({ state: "closed", open: false, coUnitIds: [s.town] });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.timeline.map((x: { kind: string }) => x.kind)).toEqual([
      "open", "triage", "escalate", "instruct", "assign", "accept", "reply", "return", "reply", "close",
    ]);
    expect(closed.timeline[3]).toMatchObject({ kind: "instruct", text: "请教育局牵头核实，当日回应", fromState: "escalated", toState: "instructed" });

    const audit = (await s.admin.get("/api/audit?targetType=case&limit=50")).json();
    const actions = audit.entries.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a.startsWith("case."))).toHaveLength(10);
  });

  it("refuses steps out of order (409) and missing fields (400), with Chinese messages", async () => {
    const s = await setup();
    const id = (await s.monitor.post("/api/cases", { title: "路灯不亮" })).json().id;
    const wrong = await step(s.monitor, id, { kind: "close", text: "x" }, 409);
    expect(wrong.message).toContain("待研判");
    const missing = await step(s.monitor, id, { kind: "triage", severity: "general" }, 400);
    expect(missing.fields.unitId).toBe("此步骤需要填写该项");
    expect((await s.monitor.post("/api/cases", { title: "x", itemIds: [999999] })).statusCode).toBe(400);
    expect((await s.monitor.post("/api/cases", { title: "" })).statusCode).toBe(400);
    expect((await s.monitor.post("/api/cases", { title: "x", eventId: 999999 })).json().fields).toHaveProperty("eventId");
    expect((await s.monitor.post("/api/cases", { title: "x", alertId: 999999 })).json().fields.alertId).toBe("预警不存在");
  });

  it("keeps cases within their units: another unit's case is not found, and roles bound the steps", async () => {
    const s = await setup();
    const id = (await s.monitor.post("/api/cases", { title: "教育收费", severity: "general", unitId: s.edu })).json().id;
    expect((await s.eduHandler.get(`/api/cases/${id}`)).json()).toMatchObject({ id, state: "triaged", unitId: s.edu });
    expect((await s.townHandler.get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect((await s.townHandler.post(`/api/cases/${id}/steps`, { kind: "comment", text: "看看" })).statusCode).toBe(404);
    expect((await s.townHandler.get("/api/cases")).json()).toEqual({ cases: [], total: 0 });
    expect((await s.eduHandler.get("/api/cases")).json().total).toBe(1);
    // Handlers cannot open cases nor triage; leaders instruct, monitors cannot.
    expect((await s.eduHandler.post("/api/cases", { title: "x" })).statusCode).toBe(403);
    expect((await s.eduHandler.post(`/api/cases/${id}/steps`, { kind: "triage", severity: "major", unitId: s.edu })).statusCode).toBe(403);
    await step(s.monitor, id, { kind: "escalate" });
    expect((await s.monitor.post(`/api/cases/${id}/steps`, { kind: "instruct", text: "同意" })).statusCode).toBe(403);
    await step(s.leader, id, { kind: "instruct", text: "同意" });
    // Co-handling makes the case visible to the town; handling steps stay with the lead unit.
    await step(s.monitor, id, { kind: "assign", unitId: s.edu, coUnitIds: [s.town] });
    expect((await s.townHandler.get(`/api/cases/${id}`)).statusCode).toBe(200);
    expect((await s.townHandler.post(`/api/cases/${id}/steps`, { kind: "accept" })).statusCode).toBe(403);
    await step(s.townHandler, id, { kind: "comment", text: "镇里已配合走访" });
    await step(s.eduHandler, id, { kind: "accept" });
  });

  it("sets deadlines on the working calendar and fixes the overdue flag at the next step", async () => {
    const s = await setup();
    // Opened on a Friday evening before a Monday holiday: "reply the same working day" is Tuesday's close.
    replaceCalendarDays(t!.db, "2026-01-01", "2026-12-31", [{ date: "2026-12-07", kind: "holiday", name: "测试假日" }]);
    const actor = { id: 1, username: "admin", role: "admin", unitId: null };
    const cal = officeCalendar(t!.db, t!.config);
    const friday = Date.parse("2026-12-04T19:00:00+08:00");
    const id = openCase(t!.db, cal, { title: "停水", severity: "general", unitId: s.edu, itemIds: [], origin: "manual" }, actor, null, friday);
    const c = (await s.monitor.get(`/api/cases/${id}`)).json();
    expect(c.feedbackDueAt).toBe(new Date(friday + 12 * 3_600_000).toISOString());
    expect(c.replyDueAt).toBe(new Date("2026-12-08T17:30:00+08:00").toISOString());
    expect(c.overdue).toBe(true); // those deadlines are long past today
    // A step taken after the reply deadline fixes the flag, and it stays after the reply.
    const later = Date.parse(c.replyDueAt) + 60_000;
    expect(takeStep(t!.db, cal, id, { kind: "comment", text: "查看" }, actor, null, friday + 3_600_000)).toMatchObject({ ok: true, caseRow: { overdue: 0 } });
    expect(takeStep(t!.db, cal, id, { kind: "assign", unitId: s.edu }, actor, null, later)).toMatchObject({ ok: true, caseRow: { overdue: 1 } });
    expect(takeStep(t!.db, cal, id, { kind: "reply", text: "已恢复供水" }, actor, null, later + 1)).toMatchObject({ ok: true, caseRow: { overdue: 1 } });
    // Extension approved by a leader moves the reply deadline.
    const id2 = (await s.monitor.post("/api/cases", { title: "噪音", severity: "general", unitId: s.edu })).json().id;
    const until = new Date(Date.now() + 5 * 86_400_000).toISOString();
    await step(s.eduHandler, id2, { kind: "extend", text: "需现场测量", until });
    expect((await s.eduHandler.post(`/api/cases/${id2}/steps`, { kind: "approve_extension", until })).statusCode).toBe(403);
    const extended = await step(s.leader, id2, { kind: "approve_extension", until });
    expect(extended.replyDueAt).toBe(until);
  });
});
