// Quotas (任务分解): set, change and remove one, replace a year at once; administrators only.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("quotas", () => {
  it("upserts a quota, removes it at count 0, replaces a year in bulk, refuses non-admins", async () => {
    t = await createTestApp();
    const admin = await t.userClient("admin");
    const leader = await t.userClient("leader");
    const monitor = await t.userClient("monitor");
    const unit = (await admin.post("/api/units", { name: "县卫健委" })).json();
    const other = (await admin.post("/api/units", { name: "县文旅局" })).json();
    const set = await admin.request({ method: "PUT", url: "/api/quotas", payload: { year: 2026, unitId: unit.id, minLevel: "市级", period: "year", count: 12 } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().quotas).toEqual([expect.objectContaining({ unitId: unit.id, unitName: "县卫健委", minLevel: "city", period: "year", count: 12 })]);
    await admin.request({ method: "PUT", url: "/api/quotas", payload: { year: 2026, unitId: unit.id, minLevel: "city", period: "year", count: 15 } });
    await admin.request({ method: "PUT", url: "/api/quotas", payload: { year: 2026, unitId: unit.id, minLevel: "provincial", period: "q1", count: 1 } });
    const read = (await leader.get("/api/quotas?year=2026")).json().quotas;
    expect(read.map((q: { minLevel: string; period: string; count: number }) => [q.minLevel, q.period, q.count])).toEqual([["provincial", "q1", 1], ["city", "year", 15]]);
    await admin.request({ method: "PUT", url: "/api/quotas", payload: { year: 2026, unitId: unit.id, minLevel: "provincial", period: "q1", count: 0 } });
    expect((await leader.get("/api/quotas?year=2026")).json().quotas).toHaveLength(1);

    const bad = await admin.request({ method: "PUT", url: "/api/quotas", payload: { year: 2026, unitId: unit.id, minLevel: "city", period: "q5", count: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty("period");
    expect((await admin.request({ method: "PUT", url: "/api/quotas", payload: { year: 2026, unitId: 9999, minLevel: "city", period: "year", count: 1 } })).statusCode).toBe(400);
    expect((await monitor.request({ method: "PUT", url: "/api/quotas", payload: { year: 2026, unitId: unit.id, minLevel: "city", period: "year", count: 1 } })).statusCode).toBe(403);

    const bulk = await admin.request({
      method: "PUT", url: "/api/quotas/2026",
      payload: { quotas: [{ unitId: other.id, minLevel: "county", period: "year", count: 20 }, { unitId: other.id, minLevel: "county", period: "m03", count: 2 }] },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json().quotas.map((q: { unitId: number; period: string }) => [q.unitId, q.period])).toEqual([[other.id, "m03"], [other.id, "year"]]);
    expect((await leader.get("/api/quotas?year=2025")).json().quotas).toEqual([]);
    const audits = t.db.prepare("SELECT action FROM audit_log WHERE target_type = 'quota' ORDER BY id").all().map((r) => (r as { action: string }).action);
    expect(audits).toEqual(["quota.set", "quota.set", "quota.set", "quota.remove", "quota.replace_year"]);
  });
});
