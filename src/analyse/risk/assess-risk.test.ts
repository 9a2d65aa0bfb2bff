import { describe, expect, it } from "vitest";
import { detectBurst } from "../bursts";
import { assessRisk, type RiskInput } from "./assess-risk";

const quiet: RiskInput = { size: 1, growth: null, negativeShare: 0, maxSourcePriority: 3, text: "城西12路公交线路调整" };
const spike = detectBurst({ hourly: [...new Array<number>(47).fill(6), 42] });
const rising = detectBurst({ hourly: [...new Array<number>(47).fill(3), 9] });
// Concerning (negative share ≥ 30%) without earning negative-share points (< 40%).
const concerned = { ...quiet, negativeShare: 0.35 };
// Reasons are "中文 / English"; the UI shows one half.
const half = (i: 0 | 1) => (reasons: readonly string[]) =>
  reasons.map((r) => {
    const parts = r.split(" / ");
    expect(parts).toHaveLength(2);
    return parts[i];
  });
const zh = half(0);
const en = half(1);

describe("assessRisk factors", () => {
  it("gives points for a harm in the text, naming the words", () => {
    expect(assessRisk({ ...quiet, text: "禾溪镇一男子溺水身亡" })).toEqual({
      level: "general", score: 3, reasons: ["涉及伤亡：身亡、溺水（+3） / casualties: 身亡、溺水 (+3)"],
    });
  });

  it("counts minors only when something is wrong", () => {
    expect(assessRisk({ ...quiet, text: "城东实验学校学生运动会" }).score).toBe(0);
    expect(assessRisk({ ...quiet, negativeShare: 0.5, text: "学生午餐分量不足" }).reasons).toEqual([
      "涉及未成年人：学生（+2） / minors: 学生 (+2)", "负面占比 50%（+1） / 50% negative (+1)",
    ]);
  });

  it("caps harm points and still lists what lies beyond the cap", () => {
    const r = assessRisk({ ...quiet, text: "讨薪工人聚集，冲突中一人死亡，食堂饭菜变质" });
    expect(r.score).toBe(4);
    expect(zh(r.reasons)).toEqual(["涉及伤亡：死亡（+3）", "涉及食品药品安全：变质（+1）", "另涉及群体性事件（风险词加分已达上限 4）"]);
    expect(en(r.reasons)).toEqual(["casualties: 死亡 (+3)", "food and drug safety: 变质 (+1)", "Also mass incident (harm points already at the cap of 4)"]);
  });

  it.each([
    [0.39, 0, []],
    [0.4, 1, ["负面占比 40%（+1）"]],
    [0.69, 1, ["负面占比 69%（+1）"]],
    [0.78, 2, ["负面占比 78%（+2）"]],
  ])("scores a negative share of %s with %i points", (share, points, reasons) => {
    const r = assessRisk({ ...quiet, negativeShare: share });
    expect(r.score).toBe(points);
    expect(zh(r.reasons)).toEqual(reasons);
  });

  it.each([
    [9, 0],
    [10, 1],
    [49, 1],
    [50, 2],
    [199, 2],
    [200, 3],
  ])("scores a concerning event of %i items with %i points", (size, points) => {
    expect(assessRisk({ ...concerned, size }).score).toBe(points);
  });

  it("scores growth: a burst, a rise short of one, or nothing", () => {
    expect(assessRisk({ ...concerned, growth: spike }).reasons).toEqual([
      "截至最新一条，1小时内 42 条，前12小时平均每小时 6.0 条（突增）（+2） / 42 in the hour up to the latest item, 6.0 an hour in the 12 hours before (burst) (+2)",
    ]);
    expect(rising.flag).toBe(false);
    expect(zh(assessRisk({ ...concerned, growth: rising }).reasons)).toEqual(["截至最新一条，1小时内 9 条，前12小时平均每小时 3.0 条（3.0 倍）（+1）"]);
    expect(assessRisk({ ...concerned, growth: detectBurst({ hourly: new Array<number>(48).fill(4) }) }).score).toBe(0);
    // A young event's rise is no growth: it has no baseline to rise from.
    expect(assessRisk({ ...concerned, growth: detectBurst({ hourly: [...new Array<number>(47).fill(3), 9], history: 5 }) }).score).toBe(0);
  });

  it("scores source priority", () => {
    expect(assessRisk({ ...concerned, maxSourcePriority: 1 }).reasons).toEqual(["来源优先级高（1级）（+2） / high-priority source (level 1) (+2)"]);
    expect(en(assessRisk({ ...concerned, maxSourcePriority: 2 }).reasons)).toEqual(["higher-priority source (level 2) (+1)"]);
    expect(assessRisk({ ...concerned, maxSourcePriority: 3 }).score).toBe(0);
  });

  it("keeps a large, fast-growing, well-covered but liked event general", () => {
    const liked = { size: 800, growth: spike, negativeShare: 0.02, maxSourcePriority: 1, text: "城东实验学校秋季运动会 学生 获奖 表彰" };
    expect(assessRisk(liked)).toEqual({ level: "general", score: 0, reasons: [] });
    // The same event turning sour is another matter.
    expect(assessRisk({ ...liked, negativeShare: 0.8 }).level).toBe("major");
  });

  it("reads unusable figures as harmless defaults", () => {
    expect(assessRisk({ size: Number.NaN, growth: null, negativeShare: Number.NaN, maxSourcePriority: Number.NaN, text: "" })).toEqual({
      level: "general", score: 0, reasons: [],
    });
  });
});

describe("assessRisk levels", () => {
  it.each([
    // 3: a harm alone
    [{ ...quiet, text: "一人受伤" }, 3, "general"],
    // 4: harm 3 + negative share 1
    [{ ...quiet, text: "一人受伤", negativeShare: 0.5 }, 4, "significant"],
    // 6: harm 3 + negative 2 + one source-priority point
    [{ ...quiet, text: "一人受伤", negativeShare: 0.8, maxSourcePriority: 2 }, 6, "significant"],
    // 7: harm 3 + negative 2 + priority 2
    [{ ...quiet, text: "一人受伤", negativeShare: 0.8, maxSourcePriority: 1 }, 7, "major"],
  ] as const)("scores %o as %i → %s", (input, score, level) => {
    const r = assessRisk(input);
    expect(r).toMatchObject({ score, level });
    expect(en(r.reasons).length).toBe(r.reasons.length);
  });
});
