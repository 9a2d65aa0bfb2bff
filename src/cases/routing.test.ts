import { describe, expect, it } from "vitest";
import { matchRules, suggestUnit, type RoutingRule } from "./routing";

const rule = (id: number, kind: RoutingRule["kind"], terms: string[], unitId: number, priority = 100, enabled = true): RoutingRule => ({
  id, name: `规则${id}`, kind, terms, unitId, priority, enabled,
});

const rules = [
  rule(1, "keyword", ["收费", "学校"], 10), // 教育局
  rule(2, "place", ["青禾镇", "青禾大道"], 20), // 青禾镇政府
  rule(3, "category", ["城建"], 30), // 住建局
  rule(4, "keyword", ["停水"], 40, 100, false),
];

describe("owner-unit routing", () => {
  it("prefers the place (属地) over category and keyword at equal priority, and says which rule", () => {
    const s = suggestUnit(rules, { title: "青禾镇中心学校乱收费", text: "", category: "城建" });
    expect(s).toEqual({ unitId: 20, ruleId: 2, ruleName: "规则2", term: "青禾镇", kind: "place" });
    expect(matchRules(rules, { title: "青禾镇中心学校乱收费", text: "", category: "城建" }).map((m) => m.ruleId)).toEqual([2, 3, 1]);
  });

  it("lets an explicit priority win, matches categories exactly and skips disabled rules", () => {
    const withPriority = [...rules, rule(5, "keyword", ["学校"], 50, 1)];
    expect(suggestUnit(withPriority, { title: "青禾镇中心学校", text: "", category: null })?.unitId).toBe(50);
    expect(suggestUnit(rules, { title: "无关", text: "", category: "城建类" })).toBeNull();
    expect(suggestUnit(rules, { title: "小区停水三天", text: "", category: null })).toBeNull();
    expect(suggestUnit(rules, { title: "标题", text: "正文提到 学校 食堂", category: null })?.ruleId).toBe(1);
  });
});
