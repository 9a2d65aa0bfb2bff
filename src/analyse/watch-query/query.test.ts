import { describe, expect, it } from "vitest";
import { matchQuery, parseQuery, QueryError, queryTerms, WatchSet } from "./index";

const doc = (text: string, title = "", source = "青禾论坛") => ({ title, text, source });
const matches = (q: string, text: string, title = "", source = "青禾论坛") => matchQuery(q, doc(text, title, source)) !== null;

function errorOf(q: string): QueryError {
  try {
    parseQuery(q);
  } catch (err) {
    if (err instanceof QueryError) return err;
    throw err;
  }
  throw new Error(`no error for ${q}`);
}

describe("query language", () => {
  it("treats space as AND, | and OR as OR, - and NOT as exclusion, with NOT > AND > OR", () => {
    expect(matches("学校 收费", "学校乱收费")).toBe(true);
    expect(matches("学校 收费", "学校放假")).toBe(false);
    expect(matches("学校 AND 收费", "学校乱收费")).toBe(true);
    expect(matches("补课 | 收费", "有偿补课")).toBe(true);
    expect(matches("补课 OR 收费", "乱收费")).toBe(true);
    expect(matches("学校 -招聘", "学校招聘教师")).toBe(false);
    expect(matches("学校 NOT 招聘", "学校乱收费")).toBe(true);
    // a b | c  ==  (a AND b) OR c
    expect(matches("学校 收费 | 公交", "公交改线")).toBe(true);
    expect(matches("学校 (收费 | 公交)", "公交改线")).toBe(false);
    expect(matches("学校 (收费 | 公交)", "学校门口公交站")).toBe(true);
  });

  it("matches Chinese terms as substrings and Latin terms as whole words", () => {
    expect(matches("教育", "县教育局回应")).toBe(true);
    expect(matches("ai", "he said so")).toBe(false);
    expect(matches("ai", "AI 换脸诈骗")).toBe(true);
    expect(matches("5g", "5G基站建设")).toBe(true);
    expect(matches("and", "rock and roll")).toBe(true); // lower-case and is a word, not an operator
  });

  it("matches quoted phrases, including Chinese quotes", () => {
    expect(matches('"machine learning"', "about Machine   Learning here")).toBe(true);
    expect(matches('"machine learning"', "machine and learning")).toBe(false);
    expect(matches("“补课费”", "收补课费")).toBe(true);
    expect(matches("「乱 收费」", "乱 收费")).toBe(true);
  });

  it("finds NEAR/n in either order up to exactly n characters apart", () => {
    const text = "学校今天通知每人交钱"; // 学校 … 交钱: gap of 6 characters
    expect(matches("学校 NEAR/6 交钱", text)).toBe(true);
    expect(matches("交钱 NEAR/6 学校", text)).toBe(true);
    expect(matches("学校 NEAR/5 交钱", text)).toBe(false);
    expect(matches("学校 NEAR/6 交钱", "学校", "交钱")).toBe(false); // different fields
  });

  it("restricts terms to the title or the source name", () => {
    expect(matches("title:收费", "正文提到收费", "公交调整")).toBe(false);
    expect(matches("title:收费", "正文", "乱收费")).toBe(true);
    expect(matches("title:(收费 | 公交)", "正文", "公交调整")).toBe(true);
    expect(matches("source:论坛 收费", "收费", "", "青禾论坛")).toBe(true);
    expect(matches("source:微博 收费", "收费", "", "青禾论坛")).toBe(false);
  });

  it("normalises traditional characters and full-width forms, and highlights the original characters", () => {
    const text = "家長反映學校亂收費，ＡＢＣ公司";
    const spans = matchQuery("学校 | abc", doc(text))!;
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["學校", "ＡＢＣ"]);
    const title = "  多个   空格 学校";
    const t = matchQuery('"多个 空格"', doc("", title))!;
    expect(t[0].field).toBe("title");
    expect(title.slice(t[0].start, t[0].end)).toBe("多个   空格");
  });

  it("handles empty, emoji-only, mixed-script and 1 MB texts", () => {
    expect(matches("学校", "")).toBe(false);
    expect(matches("学校", "😀😡👍")).toBe(false);
    expect(matches("😡 学校", "学校😡")).toBe(true);
    expect(matches("iphone 维修", "iPhone手机维修点")).toBe(true);
    const big = "无关内容".repeat(250_000) + "学校乱收费";
    const t0 = performance.now();
    expect(matches("学校 NEAR/3 收费", big)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it.each([
    ["", "empty_query", 0],
    ["   ", "empty_query", 0],
    ["(学校 | 收费", "unclosed_paren", 0],
    ["学校 收费)", "unexpected_token", 5],
    ["学校 |", "dangling_operator", 3],
    ["AND 学校", "dangling_operator", 0],
    ['学校 "收费', "unclosed_quote", 3],
    ["学校 NEAR/0 收费", "bad_near_distance", 3],
    ["学校 NEAR/x 收费", "bad_near_distance", 3],
    ["(学校 | 公交) NEAR/5 收费", "near_operand", 10],
    ["-招聘", "only_negative", 0],
    ["学校 | -招聘", "only_negative", 5],
    ["()", "empty_group", 0],
  ])("rejects %j with %s at offset %i", (q, code, pos) => {
    const e = errorOf(q);
    expect(e.code).toBe(code);
    expect(e.position).toBe(pos);
    expect(e.message).toContain(`第 ${pos + 1} 个字符处`);
  });

  it("bounds pathological queries", () => {
    const t0 = performance.now();
    expect(errorOf("(".repeat(10_000) + "a" + ")".repeat(10_000)).code).toBe("too_long");
    expect(errorOf("(".repeat(100) + "a" + ")".repeat(100)).code).toBe("too_deep");
    expect(errorOf(Array.from({ length: 600 }, (_, i) => `x${i}`).join(" ")).code).toBe("too_many_terms");
    expect(errorOf("-".repeat(50) + "a").code).not.toBe("");
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it("lists positive terms", () => {
    expect(queryTerms(parseQuery("学校 (收费 | 补课) -招聘 title:通知"))).toEqual(["学校", "收费", "补课", "通知"]);
  });
});

describe("WatchSet", () => {
  const queries = [
    "学校 收费", "补课 | 收费 | 资料费", "公交 -停运", '"城西公交" NEAR/10 调整', "title:通知", "source:论坛 学校",
    "(环境 | 污染) (投诉 | 举报)", "学校 NOT (招聘 | 招生)", "ai | 5g", "医院 挂号",
  ];
  const docs = [
    doc("青禾县禾溪镇小学乱收费，家长投诉", "学校收费通知"),
    doc("城西公交3路调整线路，不再停运", "公交"),
    doc("化工厂排污污染河道，村民举报", "环境"),
    doc("学校招聘教师", "招聘通知", "青禾论坛"),
    doc("AI 换脸诈骗、5G 基站", ""),
    doc("", ""),
    doc("醫院掛號難", "學校"),
  ];

  it("agrees with matching each query on its own, and skips invalid queries", () => {
    const set = new WatchSet([...queries.map((query, i) => ({ id: i + 1, query })), { id: 99, query: "(坏的" }]);
    expect(set.size).toBe(queries.length);
    expect(set.errors.map((e) => e.id)).toEqual([99]);
    for (const d of docs) {
      const expected = queries.flatMap((q, i) => (matchQuery(q, d) ? [{ watchId: i + 1, spans: matchQuery(q, d) }] : []));
      expect(set.match(d)).toEqual(expected);
    }
  });

  it("evaluates only the watches whose terms occur, among hundreds", () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ id: i, query: `词${i}号 (收费 | 补课) -招聘` }));
    const set = new WatchSet(many);
    expect(set.match(doc("青禾县禾溪镇小学乱收费，词7号 词70号 家长投诉".repeat(5))).map((m) => m.watchId)).toEqual([7, 70]);
    expect(set.match(doc("词7号 收费 招聘"))).toEqual([]);
  });
});
