import { describe, expect, it } from "vitest";
import { matchQuery } from "./match-query";
import { parseQuery } from "./parser";
import { prepareDoc, type MatchSpan, type QueryDoc } from "./prepared-doc";

const doc = (text: string, title = "", source = ""): QueryDoc => ({ title, text, source });
const matches = (query: string, d: QueryDoc) => matchQuery(query, d) !== null;
// The highlighted pieces of the original strings, as "field:text".
const marked = (query: string, d: QueryDoc) =>
  matchQuery(query, d)?.map((s: MatchSpan) => `${s.field}:${d[s.field].slice(s.start, s.end)}`) ?? null;

describe("terms", () => {
  it("matches a Chinese term anywhere, even inside a longer word", () => {
    expect(marked("教育", doc("县教育局发布通知"))).toEqual(["text:教育"]);
    expect(matches("教育", doc("教学与育人"))).toBe(false);
  });

  it("matches a Latin or digit term only as a whole word, ignoring case", () => {
    expect(matches("ai", doc("She said it was fine"))).toBe(false);
    expect(marked("ai", doc("The AI, they said"))).toEqual(["text:AI"]);
    expect(marked("AI", doc("县里使用ai技术"))).toEqual(["text:ai"]);
    expect(matches("5g", doc("15g 流量"))).toBe(false);
    expect(matches("5g", doc("5G基站"))).toBe(true);
  });

  it("checks word boundaries at the Latin end of a mixed term only", () => {
    expect(marked("a股", doc("今天A股大涨"))).toEqual(["text:A股"]);
    expect(matches("a股", doc("data股"))).toBe(false);
  });

  it("matches full-width and traditional text and highlights the original characters", () => {
    const d = doc("青禾縣第一中學校長說：ＡＢＣ計劃", "學校通知");
    expect(marked("abc", d)).toEqual(["text:ＡＢＣ"]);
    expect(marked("学校", d)).toEqual(["title:學校", "text:學校"]);
    expect(marked("學校", doc("学校食堂"))).toEqual(["text:学校"]);
  });

  it("handles non-Latin alphabets and mixed scripts", () => {
    const d = doc("Café 東京タワー 서울 ПРИВЕТ 青禾縣");
    expect(marked("东京", d)).toEqual(["text:東京"]);
    expect(marked("привет", d)).toEqual(["text:ПРИВЕТ"]);
    expect(matches("caf", d)).toBe(false);
    expect(matches("café 서울", d)).toBe(true);
  });
});

describe("phrases", () => {
  it("matches a Latin phrase across any whitespace, as whole words", () => {
    expect(marked('"new york"', doc("Flights to New\n  York today"))).toEqual(["text:New\n  York"]);
    expect(matches('"new york"', doc("newyork"))).toBe(false);
    expect(matches('"new york"', doc("the new yorker"))).toBe(false);
  });

  it("matches a Chinese phrase as a substring, with any quote style", () => {
    expect(marked("“食品安全”", doc("加强食品安全监管"))).toEqual(["text:食品安全"]);
    expect(matches("「食品安全」", doc("食品 安全"))).toBe(false);
  });
});

describe("operators", () => {
  it("excludes documents with a NOT term", () => {
    expect(matchQuery("学校 -招聘", doc("学校食堂招聘厨师"))).toBeNull();
    expect(marked("学校 -招聘", doc("学校食堂"))).toEqual(["text:学校"]);
  });

  it("combines fields for AND by default and highlights in each", () => {
    expect(marked("学校 食堂", doc("食堂饭菜变质", "某学校通报"))).toEqual(["title:学校", "text:食堂"]);
  });

  it("highlights only the OR branches that matched", () => {
    expect(marked("(学校 食堂) | 医院", doc("学校旁边的医院"))).toEqual(["text:医院"]);
  });

  it("merges overlapping and touching spans", () => {
    expect(matchQuery("学校 校食 堂", doc("学校食堂"))).toEqual([{ field: "text", start: 0, end: 4 }]);
  });
});

describe("NEAR", () => {
  const gap = (n: number) => "一".repeat(n);

  it("matches within n characters in either order, and not beyond", () => {
    expect(matches("学校 NEAR/10 食堂", doc(`学校${gap(10)}食堂`))).toBe(true);
    expect(matches("学校 NEAR/10 食堂", doc(`食堂${gap(10)}学校`))).toBe(true);
    expect(matches("学校 NEAR/9 食堂", doc(`学校${gap(10)}食堂`))).toBe(false);
    expect(matches("学校 NEAR/9 食堂", doc(`食堂${gap(10)}学校`))).toBe(false);
    expect(matches("学校 NEAR/1 食堂", doc("学校食堂"))).toBe(true);
  });

  it("counts a whitespace run as one character", () => {
    expect(matches("school NEAR/1 canteen", doc("school \n\t canteen"))).toBe(true);
  });

  it("needs both in the same field, and occurrences that do not overlap", () => {
    expect(matches("学校 NEAR/5 食堂", doc("食堂", "学校"))).toBe(false);
    expect(matches("学校 NEAR/5 校食", doc("学校食堂"))).toBe(false);
    expect(matches("title:学校 NEAR/5 食堂", doc("学校食堂", "学校 食堂"))).toBe(true);
    expect(matches("title:学校 NEAR/5 食堂", doc("学校食堂", "学校"))).toBe(false);
  });

  it("highlights only the occurrences that are near each other", () => {
    const d = doc(`学校${gap(30)}学校一食堂${gap(30)}食堂`);
    const spans = matchQuery("学校 NEAR/3 食堂", d);
    expect(spans?.map((s) => d.text.slice(s.start, s.end))).toEqual(["学校", "食堂"]);
    expect(spans?.[0].start).toBe(32);
  });

  it("accepts an OR-group of alternatives on either side", () => {
    expect(marked("(学校 | 幼儿园) NEAR/3 食物中毒", doc("幼儿园发生食物中毒"))).toEqual(["text:幼儿园", "text:食物中毒"]);
  });
});

describe("fields", () => {
  it("searches only the title with title:", () => {
    expect(matches("title:教育", doc("教育局"))).toBe(false);
    expect(marked("title:教育", doc("教育局", "教育新闻"))).toEqual(["title:教育"]);
  });

  it("matches the source name with source: and highlights no source text", () => {
    const d = doc("今日停水通知", "", "新浪微博");
    expect(marked("source:微博 停水", d)).toEqual(["text:停水"]);
    expect(matchQuery("source:微博", d)).toEqual([]);
    expect(matchQuery("source:论坛 停水", d)).toBeNull();
  });
});

describe("edge documents", () => {
  it("matches nothing in an empty or emoji-only document", () => {
    expect(matchQuery("学校 | ai", doc(""))).toBeNull();
    expect(matchQuery("学校 | ai", doc("😂😂👍"))).toBeNull();
    expect(matchQuery("😂", doc("😂😂👍"))).toEqual([{ field: "text", start: 0, end: 4 }]);
  });

  it("accepts a parsed tree or a prepared document with the same result", () => {
    const d = doc("學校食堂 AI", "標題");
    const expected = matchQuery("学校 ai", d);
    expect(expected).not.toBeNull();
    expect(matchQuery(parseQuery("学校 ai"), prepareDoc(d))).toEqual(expected);
  });

  it("matches a 1 MB text in bounded time", () => {
    const chunk = "青禾县柳溪镇发生一起交通事故，一辆货车与电动车相撞。学校食堂的饭菜引发家长关注。";
    const text = `${chunk.repeat(Math.ceil(1_000_000 / chunk.length))}最后的学校一二三招聘`;
    const started = performance.now();
    const spans = matchQuery("(学校 | 医院) NEAR/3 (招聘 | 投诉) 事故 -停水", doc(text));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(spans?.filter((s) => text.slice(s.start, s.end) === "招聘")).toHaveLength(1);
  });
});
