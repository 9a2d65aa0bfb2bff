import { describe, expect, it } from "vitest";
import { textRankScores, tfIdfScores, topKeywords, type Candidate } from "./rank";

const seq = (words: string): Candidate[] => words.split(" ").map((word) => ({ word, boost: 1 }));

describe("tfIdfScores", () => {
  it("multiplies occurrences, IDF and boost", () => {
    const idf = (w: string) => (w === "补课费" ? 10 : 5);
    const scores = tfIdfScores([...seq("补课费 家长 补课费"), { word: "禾溪镇", boost: 2 }], idf);
    expect(Object.fromEntries(scores)).toEqual({ 补课费: 20, 家长: 5, 禾溪镇: 10 });
  });
});

describe("textRankScores", () => {
  it("scores a hub above its neighbours and an isolated word at the base score", () => {
    // 甲 co-occurs with everything; the window is five words, so 乙 and 己 never meet.
    const scores = textRankScores(seq("乙 丙 甲 丁 戊 甲 己"));
    const hub = scores.get("甲") ?? 0;
    for (const word of ["乙", "丙", "丁", "戊", "己"]) expect(hub).toBeGreaterThan(scores.get(word) ?? Infinity);
    expect(textRankScores(seq("甲 甲 甲")).get("甲")).toBeCloseTo(0.15, 10);
  });

  it("links words at most four apart", () => {
    // Six distinct words: only the two ends (five apart) are unlinked, so they score lower and every
    // inner word, linked to all five others, scores the same. A window of 4 or 6 breaks both.
    const scores = textRankScores(seq("甲 乙 丙 丁 戊 己"));
    const s = (w: string) => scores.get(w) ?? Number.NaN;
    expect(s("甲")).toBeLessThan(s("乙"));
    expect(s("己")).toBeCloseTo(s("甲"), 10);
    for (const word of ["丙", "丁", "戊"]) expect(s(word)).toBeCloseTo(s("乙"), 10);
  });

  it("multiplies the final score by a user word's boost", () => {
    const plain = textRankScores(seq("甲 乙 丙"));
    const boosted = textRankScores([...seq("甲 乙"), { word: "丙", boost: 3 }]);
    expect(boosted.get("丙")).toBeCloseTo(3 * (plain.get("丙") ?? 0), 10);
  });
});

describe("topKeywords", () => {
  it("normalises to the top score, rounds, and breaks ties by word", () => {
    const scores = new Map([["乙", 2], ["甲", 2], ["丙", 4], ["丁", 1.00001]]);
    expect(topKeywords(scores, 10)).toEqual([
      { word: "丙", weight: 1 },
      { word: "乙", weight: 0.5 },
      { word: "甲", weight: 0.5 },
      { word: "丁", weight: 0.25 },
    ]);
    expect(topKeywords(scores, 2).map((k) => k.word)).toEqual(["丙", "乙"]);
    expect(topKeywords(new Map(), 5)).toEqual([]);
    expect(topKeywords(scores, Number.NaN)).toEqual([]);
  });
});
