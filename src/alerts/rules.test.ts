import { describe, expect, it } from "vitest";
import { evaluate, parseClock, releaseTime, type Rule } from "./rules";

const rule = (over: Partial<Rule> = {}): Rule => ({
  id: 1, name: "乱收费预警", watchId: 7, watchName: "乱收费", severity: "general", onlyNegative: false, maxSourcePriority: null,
  minReposts: null, channelIds: [1], quiet: null, foldSeconds: 600, ...over,
});
const item = { id: 3, title: "禾溪镇小学被指乱收费", watchIds: [7], sentiment: "neg", sourcePriority: 2 };

describe("alert rules", () => {
  it("fires for an item of its watch and only then", () => {
    expect(evaluate([rule()], item, () => 0)).toHaveLength(1);
    expect(evaluate([rule({ watchId: 8 })], item, () => 0)).toHaveLength(0);
  });

  it("applies the negative-only, source priority and repost filters", () => {
    expect(evaluate([rule({ onlyNegative: true })], { ...item, sentiment: "neu" }, () => 0)).toHaveLength(0);
    expect(evaluate([rule({ maxSourcePriority: 1 })], item, () => 0)).toHaveLength(0);
    expect(evaluate([rule({ maxSourcePriority: 2 })], item, () => 0)).toHaveLength(1);
    expect(evaluate([rule({ minReposts: 5 })], item, () => 4)).toHaveLength(0);
    expect(evaluate([rule({ minReposts: 5 })], item, () => 5)).toHaveLength(1);
  });

  it("says why it fired in Chinese, and folds per rule and watch", () => {
    const [f] = evaluate([rule({ onlyNegative: true })], item, () => 0);
    expect(f.reason).toBe("预警规则「乱收费预警」：监测方案「乱收费」命中新信息，负面");
    expect(f.title).toBe("[一般] 乱收费：禾溪镇小学被指乱收费");
    expect(f.foldKey).toBe("rule:1:watch:7");
  });

  it("holds general alerts until quiet hours end, across midnight, and never major ones", () => {
    const quiet = { start: parseClock("22:00")!, end: parseClock("07:30")! };
    const now = Date.UTC(2026, 0, 1, 23, 0); // minute-of-day given separately: 23:00
    expect(releaseTime("general", quiet, now, 23 * 60)).toBe(now + 8.5 * 3600_000);
    expect(releaseTime("significant", quiet, now, 3 * 60)).toBe(now + 4.5 * 3600_000);
    expect(releaseTime("major", quiet, now, 23 * 60)).toBe(now);
    expect(releaseTime("general", quiet, now, 12 * 60)).toBe(now);
    expect(parseClock("24:00")).toBeNull();
  });
});
