import { describe, expect, it } from "vitest";
import { burstReason, burstStarts, evaluate, foldSubject, parseClock, releaseTime, riskReached, riskReason, sourceTurnsUnhealthy, type Rule } from "./rules";

const rule = (over: Partial<Rule> = {}): Rule => ({
  id: 1, name: "乱收费预警", trigger: "watch", minRisk: null, sourceId: null, minFailures: 3, watchId: 7, watchName: "乱收费", severity: "general", onlyNegative: false, maxSourcePriority: null,
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

  it("folds an item's alert by its event when the event has more than one item, else by watch", () => {
    expect(evaluate([rule()], { ...item, eventId: 42, eventSize: 3 }, () => 0)[0].foldKey).toBe("rule:1:event:42");
    expect(evaluate([rule()], { ...item, eventId: 42, eventSize: 1 }, () => 0)[0].foldKey).toBe("rule:1:watch:7");
    expect(foldSubject("rule:1:event:42")).toBe("同一事件");
    expect(foldSubject("rule:1:watch:7")).toBe("同一监测方案");
    expect(foldSubject("rule:1:source:3")).toBe("同一信息源");
    expect(evaluate([rule({ trigger: "burst" })], item, () => 0)).toHaveLength(0);
  });

  it("fires a burst when it starts, not while it lasts, and again after a quiet hour", () => {
    const end = Date.UTC(2026, 0, 1, 9, 10);
    expect(burstStarts(null, end)).toBe(true);
    expect(burstStarts(end - 10 * 60_000, end)).toBe(false);
    expect(burstStarts(end - 3_600_000, end)).toBe(false);
    expect(burstStarts(end - 3_600_000 - 10 * 60_000, end)).toBe(true);
    expect(burstReason(rule({ name: "突增预警" }), "监测方案「乱收费」", ["最近1小时 12 条 / 12 in the last hour"], 12))
      .toBe("预警规则「突增预警」：监测方案「乱收费」出现突增，最近一小时 12 条（最近1小时 12 条）");
  });

  it("fires an event risk rule only when the level rises to its level", () => {
    const r = rule({ trigger: "event_risk", minRisk: "significant", name: "风险升级" });
    expect(riskReached(r, "general", "significant")).toBe(true);
    expect(riskReached(r, "general", "major")).toBe(true);
    expect(riskReached(r, "significant", "major")).toBe(false);
    expect(riskReached(r, "major", "general")).toBe(false);
    expect(riskReached(r, null, "significant")).toBe(true);
    expect(riskReason(r, "禾溪镇溺水事件", "general", "significant", true))
      .toBe("预警规则「风险升级」：事件「禾溪镇溺水事件」风险等级由一般升至较大（分析人员调整），达到较大");
  });

  it("fires a source rule on the failure that makes the source unhealthy, for its source only", () => {
    const r = rule({ trigger: "source_unhealthy", minFailures: 3, sourceId: null });
    expect([1, 2, 3, 4, 5].map((n) => sourceTurnsUnhealthy(r, 9, n))).toEqual([false, false, true, false, false]);
    expect(sourceTurnsUnhealthy({ ...r, sourceId: 8 }, 9, 3)).toBe(false);
    expect(sourceTurnsUnhealthy({ ...r, sourceId: 9 }, 9, 3)).toBe(true);
  });
});
