// Versions of the points table: the defaults before any is saved, full validation of the rules, who may save.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { DEFAULT_SCORING_RULES } from "../../shared/publicity-types";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("scoring rules", () => {
  it("shows the defaults until a version is saved, marks the one in force, validates every number", async () => {
    t = await createTestApp();
    const admin = await t.userClient("admin");
    const leader = await t.userClient("leader");
    const monitor = await t.userClient("monitor");
    const contributor = await t.userClient("contributor");
    const empty = (await leader.get("/api/scoring-rules")).json();
    expect(empty).toMatchObject({ sets: [], inForceId: null, defaults: DEFAULT_SCORING_RULES });
    expect((await contributor.get("/api/scoring-rules")).statusCode).toBe(403);

    const negative = structuredClone(DEFAULT_SCORING_RULES);
    negative.base.county.photo = -1;
    const bad = await admin.post("/api/scoring-rules", { name: "坏", validFrom: "2026-01-01", rules: negative });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).join()).toContain("county");
    const missing = structuredClone(DEFAULT_SCORING_RULES) as unknown as { slotMultiplier: Record<string, number> };
    delete missing.slotMultiplier.headline;
    expect((await admin.post("/api/scoring-rules", { name: "缺", validFrom: "2026-01-01", rules: missing })).statusCode).toBe(400);
    expect((await admin.post("/api/scoring-rules", { name: "日期", validFrom: "2026-13-01", rules: DEFAULT_SCORING_RULES })).statusCode).toBe(400);

    expect((await monitor.post("/api/scoring-rules", { name: "v1", validFrom: "2020-01-01", rules: DEFAULT_SCORING_RULES })).statusCode).toBe(403);
    expect((await leader.post("/api/scoring-rules", { name: "v1", validFrom: "2020-01-01", rules: DEFAULT_SCORING_RULES })).statusCode).toBe(403);
    const v1 = await admin.post("/api/scoring-rules", { name: "v1", validFrom: "2020-01-01", rules: DEFAULT_SCORING_RULES });
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json()).toMatchObject({ id: expect.any(Number), previousEndsOn: null, inForceId: v1.json().id });
    const v2 = await admin.post("/api/scoring-rules", { name: "v2", validFrom: "2099-01-01", rules: DEFAULT_SCORING_RULES });
    expect(v2.json()).toMatchObject({ previousEndsOn: "2098-12-31", inForceId: v1.json().id });
    const listed = (await monitor.get("/api/scoring-rules")).json().sets;
    expect(listed.map((s: { name: string; inForce: boolean }) => [s.name, s.inForce])).toEqual([["v2", false], ["v1", true]]);
    // The database itself refuses to rewrite a saved table.
    expect(() => t!.db.prepare("UPDATE scoring_rule_sets SET rules = '{}' WHERE id = ?").run(v1.json().id)).toThrow(/never rewritten/);
    const audits = t.db.prepare("SELECT action FROM audit_log WHERE target_type = 'scoring_rule_set'").all();
    expect(audits).toHaveLength(2);
  });
});
