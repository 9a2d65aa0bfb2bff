import { describe, expect, it } from "vitest";
import { queryTerms, splitHighlight, termSpans } from "./highlight";

describe("queryTerms", () => {
  it("keeps words and quoted phrases, drops operators and excluded terms", () => {
    expect(queryTerms('教育 AND "乱收费 问题" OR 体罚 NOT 广告 -招聘 学校 NEAR/5 食堂')).toEqual([
      "教育",
      "乱收费 问题",
      "体罚",
      "学校",
      "食堂",
    ]);
  });

  it("strips grouping parentheses and returns nothing for a blank query", () => {
    expect(queryTerms("(师德 OR 补课费)")).toEqual(["师德", "补课费"]);
    expect(queryTerms("   ")).toEqual([]);
  });
});

describe("splitHighlight", () => {
  it("marks every occurrence, case-insensitively, keeping the original text", () => {
    expect(splitHighlight("RSS 订阅与rss源", ["rss"])).toEqual([
      { text: "RSS", match: true },
      { text: " 订阅与", match: false },
      { text: "rss", match: true },
      { text: "源", match: false },
    ]);
  });

  it("prefers the longer term where terms overlap", () => {
    expect(splitHighlight("学校食堂", ["学校", "学校食堂"])).toEqual([{ text: "学校食堂", match: true }]);
  });

  it("treats regex characters in terms literally", () => {
    expect(splitHighlight("a.b axb", ["a.b"])).toEqual([
      { text: "a.b", match: true },
      { text: " axb", match: false },
    ]);
  });

  it("returns the text unmarked without terms, and nothing for empty text", () => {
    expect(splitHighlight("<script>x</script>", [])).toEqual([{ text: "<script>x</script>", match: false }]);
    expect(splitHighlight("", ["a"])).toEqual([]);
  });
});

describe("termSpans", () => {
  it("gives the offsets of every occurrence, case-insensitively, longest term first", () => {
    expect(termSpans("RSS 订阅与rss源，学校食堂", ["rss", "学校", "学校食堂"])).toEqual([
      { start: 0, end: 3 },
      { start: 7, end: 10 },
      { start: 12, end: 16 },
    ]);
    expect(termSpans("abc", [])).toEqual([]);
  });
});
