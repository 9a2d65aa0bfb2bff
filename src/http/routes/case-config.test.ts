// Case configuration through the API: routing rules and their suggestions, deadline policies and the
// holiday calendar; administrators only, audited.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("case configuration", () => {
  it("keeps routing rules that suggest the owner unit and say why", async () => {
    t = await createTestApp();
    const admin = await t.userClient("admin");
    const monitor = await t.userClient("monitor");
    const town = (await admin.post("/api/units", { name: "禾溪镇" })).json().id;
    const edu = (await admin.post("/api/units", { name: "县教育局" })).json().id;
    const place = await admin.post("/api/routing-rules", { name: "属地", kind: "place", terms: ["禾溪镇"], unitId: town });
    expect(place.statusCode, place.body).toBe(201);
    expect(place.json()).toMatchObject({ unitName: "禾溪镇", priority: 100, enabled: true });
    await admin.post("/api/routing-rules", { name: "教育", kind: "keyword", terms: ["学校", "补课"], unitId: edu });
    expect((await monitor.post("/api/routing-rules", { name: "x", kind: "keyword", terms: ["y"], unitId: edu })).statusCode).toBe(403);
    expect((await admin.post("/api/routing-rules", { name: "x", kind: "keyword", terms: [], unitId: edu })).statusCode).toBe(400);
    expect((await admin.post("/api/routing-rules", { name: "x", kind: "keyword", terms: ["y"], unitId: 9999 })).statusCode).toBe(400);

    const sug = (await monitor.post("/api/routing-rules/suggest", { title: "禾溪镇学校补课收费" })).json();
    expect(sug.matches.map((m: { ruleName: string; term: string }) => `${m.ruleName}:${m.term}`)).toEqual(["属地:禾溪镇", "教育:学校"]);
    // Disabling the place rule lets the keyword rule lead; the change is audited.
    expect((await admin.patch(`/api/routing-rules/${place.json().id}`, { priority: 5 })).json().priority).toBe(5);
    expect((await admin.patch(`/api/routing-rules/${place.json().id}`, { enabled: false })).json()).toMatchObject({ enabled: false, priority: 5 });
    const c = (await monitor.post("/api/cases", { title: "禾溪镇学校补课收费" })).json();
    expect(c.suggestion).toMatchObject({ unitId: edu, ruleName: "教育" });
    const audit = (await admin.get("/api/audit?targetType=routing_rule&limit=10")).json();
    expect(audit.entries.map((e: { action: string }) => e.action).sort()).toEqual(["routing_rule.create", "routing_rule.create", "routing_rule.update", "routing_rule.update"]);
  });

  it("sets deadline policies per severity and category, and the year's holidays", async () => {
    t = await createTestApp({ timeZone: "Asia/Shanghai" });
    const admin = await t.userClient("admin");
    const put = (url: string, payload: unknown) => admin.request({ method: "PUT", url, payload: payload as object });
    const set = await put("/api/case-deadlines", { severity: "general", category: "", feedbackAmount: 2, feedbackUnit: "working_days", replyAmount: 3, replyUnit: "working_days" });
    expect(set.statusCode, set.body).toBe(204);
    const list = (await admin.get("/api/case-deadlines")).json().deadlines;
    expect(list.find((d: { severity: string; category: string }) => d.severity === "general" && d.category === "")).toMatchObject({ feedbackAmount: 2, replyUnit: "working_days" });
    expect((await put("/api/calendar/2026", { days: [{ date: "2027-01-01", kind: "holiday" }] })).statusCode).toBe(400);
    expect((await put("/api/calendar/2026", { days: [{ date: "2026-12-07", kind: "holiday", name: "测试" }, { date: "2026-12-12", kind: "workday", name: "调休" }] })).statusCode).toBe(204);
    expect((await admin.get("/api/calendar/2026")).json().days).toEqual([
      { date: "2026-12-07", kind: "holiday", name: "测试" }, { date: "2026-12-12", kind: "workday", name: "调休" },
    ]);
    const monitor = await t.userClient("monitor");
    expect((await monitor.request({ method: "PUT", url: "/api/calendar/2026", payload: { days: [] } })).statusCode).toBe(403);
  });
});
