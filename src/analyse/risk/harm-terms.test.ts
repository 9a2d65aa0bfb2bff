import { describe, expect, it } from "vitest";
import { findHarms, HARM_CATEGORIES, HARM_TERMS } from "./harm-terms";

describe("findHarms", () => {
  it("finds each category by its words, listing the words seen", () => {
    expect(findHarms("青禾县柳溪镇货车侧翻，司机受伤送医，另有一人死亡")).toEqual([
      { category: "伤亡", terms: ["死亡", "受伤"] },
      { category: "安全事故", terms: ["侧翻"] },
    ]);
    expect(findHarms("禾溪镇中心小学学生午餐疑似变质").map((h) => h.category)).toEqual(["未成年人", "食品药品安全"]);
  });

  it("ignores a negated mention", () => {
    expect(findHarms("事故未造成人员伤亡")).toEqual([{ category: "安全事故", terms: ["事故"] }]);
    expect(findHarms("厂房起火，无人员受伤，暂无人员死亡")).toEqual([{ category: "安全事故", terms: ["起火"] }]);
    expect(findHarms("经检测未发现污染")).toEqual([]);
  });

  it("still counts a mention after words that only start like a negation", () => {
    expect(findHarms("未成年人受伤").map((h) => h.category)).toEqual(["伤亡", "未成年人"]);
    expect(findHarms("无辜路人受伤").map((h) => h.category)).toEqual(["伤亡"]);
  });

  it("does not take university students for minors", () => {
    expect(findHarms("大学生志愿者清理河道")).toEqual([]);
    expect(findHarms("大学生和小学生一起参加活动")).toEqual([{ category: "未成年人", terms: ["学生"] }]);
  });

  it("has words for every category and no word in two categories", () => {
    const all = HARM_CATEGORIES.flatMap((c) => HARM_TERMS[c]);
    expect(HARM_CATEGORIES.every((c) => HARM_TERMS[c].length >= 5)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });
});
