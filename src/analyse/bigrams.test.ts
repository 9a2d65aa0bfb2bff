import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { toIndexText, toMatchQuery } from "./bigrams";

describe("bigrams", () => {
  it("splits CJK runs into overlapping bigrams and keeps latin words", () => {
    expect(toIndexText("青禾县教育局, iPhone手机")).toBe("青禾 禾县 县教 教育 育局 局 iphone 手机 机");
  });

  it("builds phrase queries", () => {
    expect(toMatchQuery("教育")).toBe('"教育"');
    expect(toMatchQuery("教育局 收费")).toBe('"教育 育局" AND "收费"');
    expect(toMatchQuery("  ,, ")).toBeNull();
    expect(toMatchQuery('a"b')).toBe('"a b"');
  });

  const docs = [
    "青禾县教育局回应乱收费问题",
    "柳溪镇道路施工造成拥堵",
    "市民反映iPhone手机维修点收费高",
    "教",
    "A股市场今日上涨",
  ];
  const db = new Database(":memory:");
  db.exec("CREATE VIRTUAL TABLE f USING fts5(body, content='', contentless_delete=1)");
  docs.forEach((d, i) => db.prepare("INSERT INTO f(rowid, body) VALUES (?, ?)").run(i + 1, toIndexText(d)));
  const find = (q: string) =>
    (db.prepare("SELECT rowid AS id FROM f WHERE f MATCH ? ORDER BY rowid").all(toMatchQuery(q)) as { id: number }[]).map(
      (r) => docs[r.id - 1],
    );
  const substring = (q: string) => docs.filter((d) => d.toLowerCase().includes(q.toLowerCase()));

  it.each(["教育", "收费", "拥堵", "教育局", "育局回", "手机", "iphone手机", "手机维修", "教", "费", "a股", "股市", "县"])(
    "FTS finds exactly the documents containing %s",
    (q) => {
      expect(find(q)).toEqual(substring(q));
    },
  );

  it("requires every term", () => {
    expect(find("收费 教育")).toEqual([docs[0]]);
  });

  // The scanner decides common ranges without a regex; it must agree with the Unicode classes.
  it("classifies every BMP character as the Unicode script/letter classes do", () => {
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
    const word = /[\p{L}\p{N}_]/u;
    const mismatches: string[] = [];
    for (let cp = 0x20; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const lower = `x${ch}`.toLowerCase().slice(1);
      if (Array.from(lower).length !== 1) continue;
      const expected = cjk.test(lower) ? `x ${lower}` : word.test(lower) ? `x${lower}` : "x";
      const got = toIndexText(`x${ch}`);
      if (got !== expected) mismatches.push(`${cp.toString(16)}:${got}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it("indexes mixed scripts, astral characters and lone surrogates as a token-by-token split does", () => {
    // Reference: split into runs by the same classes, then bigrams plus the last character per CJK run.
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
    const word = /[\p{L}\p{N}_]/u;
    const reference = (text: string) => {
      const tokens: string[] = [];
      let run: string[] = [];
      let latin = "";
      const flush = () => {
        for (let i = 0; i + 1 < run.length; i++) tokens.push(run[i] + run[i + 1]);
        if (run.length) tokens.push(run[run.length - 1]);
        if (latin) tokens.push(latin);
        run = [];
        latin = "";
      };
      for (const ch of text.toLowerCase()) {
        if (cjk.test(ch)) {
          if (latin) flush();
          run.push(ch);
        } else if (word.test(ch)) {
          if (run.length) flush();
          latin += ch;
        } else flush();
      }
      flush();
      return tokens.join(" ");
    };
    const pool = ["学", "校", "A", "b", "1", " ", "，", "😀", "𠮷", "ア", "한", "_", "é", "\n", "!", "\ud800", "𝐀"];
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: Math.floor(random() * 14) }, () => pool[Math.floor(random() * pool.length)]).join("");
      expect(toIndexText(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});
