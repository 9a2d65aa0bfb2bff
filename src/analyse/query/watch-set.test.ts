import { describe, expect, it } from "vitest";
import { matchQuery } from "./match-query";
import { prepareDoc, type QueryDoc } from "./prepared-doc";
import { WatchSet } from "./watch-set";

const QUERIES = [
  "学校",
  "學校 食堂",
  "学校 -招聘",
  "(学校 | 幼儿园) 食堂 -(招聘 | 广告)",
  "食堂 NEAR/4 变质",
  "(学校 | 医院) NEAR/2 (投诉 | 停水)",
  "title:停水 | title:(学校 NEAR/3 通知)",
  "source:微博 (停水 | 投诉)",
  "source:论坛",
  "ai | 5g",
  '"new york" | "食品 安全"',
  "a股 -停水",
  "covid-19 OR 疫情",
  "学校 (食堂 | -招聘)",
  "ｗｉｆｉ 医院",
  "NOT 学校 停水",
  "“校食” | 食堂食",
  "园 -停水", // a pattern that ends inside others (幼儿园)
];

const PIECES = ["学校", "學校", "幼儿园", "食堂", "变质", "招聘", "广告", "医院", "投诉", "停水", "通知", "AI", "said", "5G", "15g",
  "New York", "new  yorker", "食品 安全", "A股", "data股", "COVID-19", "疫情", "WiFi", "ＷＩＦＩ", "，", "。", " ", "\n", "😂", "一", "二", "校", "食"];

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

function randomDocs(count: number, seed: number): QueryDoc[] {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const text = (max: number) => Array.from({ length: Math.floor(next() * max) }, () => pick(PIECES)).join("");
  return Array.from({ length: count }, () => ({ title: text(5), text: text(40), source: pick(["新浪微博", "青禾论坛", "县政府网站", ""]) }));
}

describe("WatchSet", () => {
  it("agrees with matchQuery, spans included, on random documents", () => {
    const set = new WatchSet(QUERIES.map((query, id) => ({ id: id + 100, query })));
    expect(set.errors).toEqual([]);
    let matched = 0;
    const everMatched = new Set<number>();
    for (const doc of randomDocs(3_000, 11)) {
      const expected = QUERIES.flatMap((query, id) => {
        const spans = matchQuery(query, doc);
        return spans ? [{ watchId: id + 100, spans }] : [];
      });
      expect(set.match(doc)).toEqual(expected);
      matched += expected.length;
      for (const m of expected) everMatched.add(m.watchId);
    }
    expect(everMatched.size).toBe(QUERIES.length); // every query both matches somewhere…
    expect(matched).toBeLessThan(3_000 * QUERIES.length * 0.6); // …and fails to match often
  });

  it("lists queries that do not parse and keeps the others", () => {
    const set = new WatchSet([
      { id: 1, query: "学校" },
      { id: 2, query: "-招聘" },
      { id: 3, query: "(食堂" },
      { id: 4, query: "食堂" },
    ]);
    expect(set.size).toBe(2);
    expect(set.errors.map((e) => [e.id, e.error.code, e.error.position])).toEqual([
      [2, "only_negative", 0],
      [3, "unclosed_paren", 0],
    ]);
    expect(set.match({ title: "學校食堂", text: "", source: "" })).toEqual([
      { watchId: 1, spans: [{ field: "title", start: 0, end: 2 }] },
      { watchId: 4, spans: [{ field: "title", start: 2, end: 4 }] },
    ]);
  });

  it("matches nothing when no watch compiled", () => {
    const set = new WatchSet([{ id: 1, query: "" }]);
    expect(set.size).toBe(0);
    expect(set.match({ title: "学校", text: "学校", source: "" })).toEqual([]);
  });

  it("matches a prepared document against several sets with the same result", () => {
    const doc = { title: "停水通知", text: "学校食堂今天停水", source: "新浪微博" };
    const prepared = prepareDoc(doc);
    const a = new WatchSet([{ id: 1, query: "停水" }]);
    const b = new WatchSet([{ id: 2, query: "source:微博 食堂" }]);
    expect(a.match(prepared)).toEqual(a.match(doc));
    expect(b.match(prepared)).toEqual([{ watchId: 2, spans: [{ field: "text", start: 2, end: 4 }] }]);
  });

  it("keeps many watches sharing terms apart", () => {
    const watches = Array.from({ length: 1_000 }, (_, id) => ({ id, query: `学校 NEAR/${id % 20 + 1} 食堂${id % 10}` }));
    const set = new WatchSet(watches);
    const hits = set.match({ title: "", text: `学校${"一".repeat(9)}食堂3`, source: "" }).map((m) => m.watchId);
    expect(hits).toEqual(watches.filter((w) => w.id % 10 === 3 && w.id % 20 + 1 >= 9).map((w) => w.id));
  });

  it("matches a 1 MB text in bounded time", () => {
    const set = new WatchSet(QUERIES.map((query, id) => ({ id, query })));
    const text = randomDocs(30_000, 5).map((d) => d.text).join("");
    expect(text.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const result = set.match({ title: "", text, source: "新浪微博" });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.map((m) => m.watchId)).toContain(0);
  });
});
