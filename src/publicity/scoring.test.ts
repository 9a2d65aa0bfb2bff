import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING_RULES, type ScoringRules } from "../shared/publicity-types";
import { adoptionPoints, authorPoints, completion, countsToward, dayBefore, placementPoints, reward, ruleSetOn, type RuleSet } from "./scoring";

const doubled: ScoringRules = { ...DEFAULT_SCORING_RULES, base: { ...DEFAULT_SCORING_RULES.base, city: { news: 6, feature: 8, commentary: 8, photo: 4, video: 6 } } };
const sets: RuleSet[] = [
  { id: 1, name: "2025 版", validFrom: "2025-01-01", validTo: "2026-06-30", rules: DEFAULT_SCORING_RULES },
  { id: 2, name: "2026 下半年版", validFrom: "2026-07-01", validTo: null, rules: doubled },
];

describe("placement points", () => {
  it("uses the rule set in force on the publication day, on both sides of the boundary", () => {
    const city = { level: "city", genre: "news", slot: "none", featured: false } as const;
    expect(placementPoints({ ...city, publishedOn: "2026-06-30" }, sets)).toEqual({ points: 3, ruleSetId: 1 });
    expect(placementPoints({ ...city, publishedOn: "2026-07-01" }, sets)).toEqual({ points: 6, ruleSetId: 2 });
    // Before any saved set: the defaults, and no set named.
    expect(placementPoints({ ...city, publishedOn: "2024-12-31" }, sets)).toEqual({ points: 3, ruleSetId: null });
  });

  it("multiplies by the slot and by the featured multiplier", () => {
    const p = { publishedOn: "2026-03-01", level: "provincial", genre: "feature", slot: "front_headline", featured: true } as const;
    // 8 × 2 (头版头条) × 2 (featured)
    expect(placementPoints(p, sets).points).toBe(32);
  });

  it("splits points between authors by share", () => {
    expect(authorPoints(3, [0.5, 0.3, 0.2])).toEqual([1.5, 0.9, 0.6]);
  });

  it("scores adoptions and instructions by the adopting office's level", () => {
    expect(adoptionPoints("adoption", "city", "2026-03-01", sets)).toBe(3);
    expect(adoptionPoints("instruction", "provincial", "2026-03-01", sets)).toBe(10);
  });
});

describe("quotas and rewards", () => {
  it("counts a placement toward a quota of its level or a lower one", () => {
    expect(countsToward("provincial", "city")).toBe(true);
    expect(countsToward("city", "city")).toBe(true);
    expect(countsToward("county", "city")).toBe(false);
  });

  it("gives completion against the quota and none without one", () => {
    expect(completion(9, 12)).toBe(0.75);
    expect(completion(3, null)).toBeNull();
  });

  it("computes the reward with the bonus and the cap", () => {
    expect(reward(10, true, DEFAULT_SCORING_RULES)).toBe(1000);
    expect(reward(10, false, { ...DEFAULT_SCORING_RULES, reward: { perPoint: 50, quotaMetBonus: 500, cap: 300 } })).toBe(300);
  });

  it("finds the set in force and the day before a new one", () => {
    expect(ruleSetOn("2026-07-01", sets)?.id).toBe(2);
    expect(dayBefore("2026-03-01")).toBe("2026-02-28");
  });
});
