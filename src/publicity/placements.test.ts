// createPlacement as other parts of the module call it: points under the rule set in force, audited.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers";
import { insertOutlet } from "../store/outlets";
import { insertUnit } from "../store/units";
import { DEFAULT_SCORING_RULES } from "../shared/publicity-types";
import { addRuleSet } from "./rule-sets";
import { createPlacement, placementView } from "./placements";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("createPlacement", () => {
  it("stores a placement with its authors and returns the points of the rule set in force on its day", async () => {
    t = await createTestApp();
    const unit = insertUnit(t.db, "县融媒体中心", null);
    const outlet = insertOutlet(t.db, { name: "市日报", level: "city", medium: "newspaper" });
    const actor = null;
    const now = Date.parse("2026-12-01T04:00:00Z");
    const a = createPlacement(t.db, null, { title: "春耕", outletId: outlet, genre: "消息", publishedOn: "2026-03-02", unitId: unit.id, authors: [{ name: "王明" }, { name: "李华" }] }, now);
    expect(a).toEqual({ id: expect.any(Number), points: DEFAULT_SCORING_RULES.base.city.news, ruleSetId: null });
    const rules = { ...DEFAULT_SCORING_RULES, base: { ...DEFAULT_SCORING_RULES.base, city: { ...DEFAULT_SCORING_RULES.base.city, news: 5 } } };
    const set = addRuleSet(t.db, null, { name: "2026 版", validFrom: "2026-01-01", rules }, now);
    const b = createPlacement(t.db, actor, { title: "夏收", outletId: outlet, genre: "news", slot: "头版", publishedOn: "2026-06-02", unitId: unit.id, authors: [{ name: "王明", share: 1 }], featured: true }, now);
    expect(b).toEqual({ id: expect.any(Number), points: 5 * 1.5 * 2, ruleSetId: set.id });
    const view = placementView(t.db, a.id);
    expect(view.authors.map((x) => [x.name, x.share, x.points])).toEqual([["王明", 0.5, 2.5], ["李华", 0.5, 2.5]]);
    expect(view.points).toBe(5);
    const audits = t.db.prepare("SELECT action FROM audit_log WHERE target_type = 'placement'").all();
    expect(audits).toHaveLength(2);
    expect(() => createPlacement(t!.db, null, { title: "x", outletId: outlet, genre: "news", publishedOn: "2026-12-02", unitId: unit.id, authors: [{ name: "王明" }] }, now))
      .toThrow(expect.objectContaining({ status: 400, fields: expect.objectContaining({ publishedOn: expect.any(String) }) }));
  });
});
