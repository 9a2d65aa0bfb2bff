// Case statistics (季度汇总): every figure of the API and the XLSX recomputed from the case rows
// themselves, the period in the office's time zone, and unit staff limited to their units' rows.
import { afterEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { openCase, takeStep } from "../../cases/commands";
import { officeCalendar } from "../../cases/calendar";
import type { Actor } from "../../store/audit";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const cst = (s: string) => Date.parse(`${s}+08:00`);
const HOUR = 3_600_000;

async function setup() {
  t = await createTestApp({ timeZone: "Asia/Shanghai" });
  const admin = await t.userClient("admin");
  const county = (await admin.post("/api/units", { name: "青禾县" })).json().id as number;
  const edu = (await admin.post("/api/units", { name: "县教育局", parentId: county })).json().id as number;
  const town = (await admin.post("/api/units", { name: "禾溪镇", parentId: county })).json().id as number;
  const db = t.db;
  const cal = officeCalendar(db, t.config);
  const actor: Actor = { id: 1, username: "admin", role: "admin", unitId: null };
  const open = (title: string, at: string, unitId?: number, severity?: "general" | "major") =>
    openCase(db, cal, { title, itemIds: [], origin: "manual", unitId, severity }, actor, null, cst(at));
  const reply = (id: number, at: number, close = false) => {
    expect(takeStep(db, cal, id, { kind: "assign", unitId: undefined }, actor, null, at - 2).ok).toBe(true);
    expect(takeStep(db, cal, id, { kind: "reply", text: "已回应" }, actor, null, at).ok).toBe(true);
    if (close) expect(takeStep(db, cal, id, { kind: "close", text: "办结" }, actor, null, at + 1).ok).toBe(true);
  };
  // Quick reply, on time.
  const a = open("及时回应", "2026-07-01T09:00:00", edu, "general");
  reply(a, cst("2026-07-01T11:00:00"));
  // Replied three days late: the overdue flag is fixed at the reply.
  const b = open("逾期回应", "2026-07-02T09:00:00", edu, "general");
  reply(b, cst("2026-07-05T09:00:00"));
  // Never replied, its deadline long gone.
  open("未回应", "2026-07-03T09:00:00", edu, "major");
  // Replied within the hour and closed.
  const d = open("已办结", "2026-07-10T10:00:00", town, "major");
  reply(d, cst("2026-07-10T11:00:00"), true);
  // No severity, so no deadline: neither on time nor late.
  open("无期限", "2026-07-15T10:00:00", town);
  // No lead unit yet.
  open("待定单位", "2026-07-20T10:00:00");
  // The quarter's edges in Beijing time, not UTC.
  open("上季度末", "2026-06-30T23:30:00", edu, "general");
  open("本季度末", "2026-09-30T23:30:00", edu, "general");
  open("下季度初", "2026-10-01T00:30:00", edu, "general");
  return { admin, county, edu, town };
}

type Row = { id: number; unit_id: number | null; state: string; created_at: number; reply_due_at: number | null; replied_at: number | null; closed_at: number | null; overdue: number };

/** The figures, written again from the definitions without the code under test. */
function recompute(rows: Row[], now: number) {
  const replyAt = (r: Row) => r.replied_at ?? (r.state === "closed" ? r.closed_at : null);
  const replied = rows.filter((r) => replyAt(r) !== null);
  const pastDue = rows.filter((r) => r.state !== "closed" && replyAt(r) === null && r.reply_due_at !== null && r.reply_due_at < now);
  const onTime = replied.filter((r) => r.reply_due_at === null || replyAt(r)! <= r.reply_due_at);
  const hours = replied.map((r) => (replyAt(r)! - r.created_at) / HOUR).sort((x, y) => x - y);
  const mid = Math.floor(hours.length / 2);
  const med = hours.length === 0 ? null : hours.length % 2 === 1 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2;
  return {
    cases: rows.length, replied: replied.length, repliedRate: rows.length ? replied.length / rows.length : null,
    onTime: onTime.length, openPastDue: pastDue.length,
    onTimeRate: replied.length + pastDue.length ? onTime.length / (replied.length + pastDue.length) : null,
    medianHoursToReply: med === null ? null : Math.round(med * 10) / 10,
    overdue: rows.filter((r) => r.overdue === 1 || pastDue.includes(r)).length,
  };
}

describe("case statistics", () => {
  it("equals the figures recomputed from the case rows, per unit and in total", async () => {
    const s = await setup();
    const res = await s.admin.get("/api/cases/stats?from=2026-07-01&to=2026-09-30");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const now = Date.now();
    const rows = (t!.db.prepare("SELECT * FROM cases").all() as Row[]).filter(
      (r) => r.created_at >= Date.parse("2026-06-30T16:00:00Z") && r.created_at < Date.parse("2026-09-30T16:00:00Z"),
    );
    expect(rows.map((r) => r.id).length).toBe(7);
    expect(body.total).toEqual(recompute(rows, now));
    const unitIds = [...new Set(rows.map((r) => r.unit_id))];
    expect(body.units).toHaveLength(unitIds.length);
    for (const u of body.units) expect(u, u.unitName).toMatchObject(recompute(rows.filter((r) => r.unit_id === u.unitId), now));
    // And the figures a reader can check by hand.
    const edu = body.units.find((u: { unitId: number }) => u.unitId === s.edu);
    expect(edu).toMatchObject({ unitName: "县教育局", cases: 4, replied: 2, onTime: 1, openPastDue: 2, overdue: 3 });
    expect(edu.onTimeRate).toBeCloseTo(1 / 4);
    expect(edu.medianHoursToReply).toBe(37); // 2 h and 72 h
    const town = body.units.find((u: { unitId: number }) => u.unitId === s.town);
    expect(town).toMatchObject({ cases: 2, replied: 1, repliedRate: 0.5, onTime: 1, onTimeRate: 1, medianHoursToReply: 1, overdue: 0 });
    expect(body.units.at(-1)).toMatchObject({ unitId: null, unitName: "未指定牵头单位", cases: 1, replied: 0, repliedRate: 0, onTimeRate: null });
    expect(body.definitions.map((d: { label: string }) => d.label)).toContain("按期回应率");
  });

  it("defaults to this quarter and offers presets; refuses a reversed period", async () => {
    const s = await setup();
    const body = (await s.admin.get("/api/cases/stats")).json();
    expect(body.presets.map((p: { key: string }) => p.key)).toEqual(["thisQuarter", "lastQuarter", "thisYear"]);
    expect({ from: body.from, to: body.to }).toEqual({ from: body.presets[0].from, to: body.presets[0].to });
    const bad = await s.admin.get("/api/cases/stats?from=2026-09-30&to=2026-07-01");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.from).toContain("统计期");
    expect((await s.admin.get("/api/cases/stats?from=2026-02-30")).statusCode).toBe(400);
  });

  it("shows unit staff only their units' rows; every signed-in role may read it", async () => {
    const s = await setup();
    const q = "/api/cases/stats?from=2026-07-01&to=2026-09-30";
    const townHandler = await t!.userClient("handler", { unitId: s.town });
    const mine = (await townHandler.get(q)).json();
    expect(mine.units.map((u: { unitId: number }) => u.unitId)).toEqual([s.town]);
    expect(mine.total.cases).toBe(2);
    const countyStaff = await t!.userClient("contributor", { unitId: s.county });
    expect((await countyStaff.get(q)).json().units.map((u: { unitName: string }) => u.unitName).sort()).toEqual(["县教育局", "禾溪镇"].sort());
    const noUnit = await t!.userClient("handler", { unitId: null });
    expect((await noUnit.get(q)).json().units).toEqual([]);
    for (const role of ["monitor", "leader", "spokesperson"] as const) {
      const c = await t!.userClient(role);
      expect((await c.get(q)).json().total.cases, role).toBe(7);
    }
    expect((await t!.app.inject({ method: "GET", url: q })).statusCode).toBe(401);
    expect((await t!.app.inject({ method: "GET", url: q.replace("stats", "stats.xlsx") })).statusCode).toBe(401);
    const xlsx = await townHandler.get(q.replace("stats", "stats.xlsx"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    wb.getWorksheet("季度汇总")!.eachRow((r, i) => { if (i > 3) names.push(String(r.getCell(1).value)); });
    expect(names).toEqual(["禾溪镇", "合计"]);
  });

  it("exports the same figures as XLSX with Chinese headers, the definitions and the period in the file name", async () => {
    const s = await setup();
    const json = (await s.admin.get("/api/cases/stats?from=2026-07-01&to=2026-09-30")).json();
    const res = await s.admin.get("/api/cases/stats.xlsx?from=2026-07-01&to=2026-09-30");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(decodeURIComponent(String(res.headers["content-disposition"]))).toContain("工单统计-2026年第3季度-2026-07-01_2026-09-30.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("季度汇总")!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain("2026-07-01 至 2026-09-30");
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(["牵头单位", "工单数", "已回应", "回应率", "按期回应", "未回应已过期", "按期回应率", "回应用时中位数（小时）", "超期数"]);
    const pct = (r: number | null) => (r == null ? "—" : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
    const lines = [...json.units, { unitName: "合计", ...json.total }];
    lines.forEach((u, i) => {
      expect((ws.getRow(4 + i).values as unknown[]).slice(1), u.unitName).toEqual([
        u.unitName, u.cases, u.replied, pct(u.repliedRate), u.onTime, u.openPastDue, pct(u.onTimeRate), u.medianHoursToReply ?? "—", u.overdue,
      ]);
    });
    const defs = wb.getWorksheet("指标定义")!;
    expect(defs.rowCount).toBe(json.definitions.length + 1);
    expect(String(defs.getRow(6).getCell(2).value)).toContain("按期回应率 = 按期回应 ÷");
    const audit = (await s.admin.get("/api/audit?action=cases.stats_export&limit=5")).json();
    expect(audit.entries[0]).toMatchObject({ action: "cases.stats_export" });
  });
});
