import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { toIndexText, toMatchQuery } from "./bigrams";
import { foldHanUnit } from "./query/normalise-map";

describe("bigrams", () => {
  it("splits CJK runs into overlapping bigrams and keeps latin words", () => {
    expect(toIndexText("青禾县教育局, iPhone手机")).toBe("青禾 禾县 县教 教育 育局 局 iphone 手机 机");
  });

  it("folds traditional CJK characters to simplified in the index and in queries", () => {
    expect(toIndexText("學校漲價")).toBe("学校 校涨 涨价 价");
    expect(toMatchQuery("學校")).toBe('"学校"');
    expect(toMatchQuery("门")).toBe('"门"*');
    expect(toMatchQuery("門")).toBe('"门"*');
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
  // As migration 0013 defines the index.
  db.exec("CREATE VIRTUAL TABLE f USING fts5(body, content='', contentless_delete=1, tokenize='ascii')");
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

  // What SQLite's unicode61 tokenizer folded these lower-case letters to (read from its own output).
  const UNICODE61_FOLDS: Record<string, string> = {
    "\u00b5": "\u03bc", "\u017f": "s", "\u03c2": "\u03c3", "\u03d0": "\u03b2", "\u03d1": "\u03b8", "\u03d5": "\u03c6",
    "\u03d6": "\u03c0", "\u03f0": "\u03ba", "\u03f1": "\u03c1", "\u03f5": "\u03b5", "\u1e9b": "\u1e61", "\u1fbe": "\u03b9",
  };

  it("folds the letters unicode61 folded beyond lower case, in the index and in queries", () => {
    for (const [from, to] of Object.entries(UNICODE61_FOLDS)) {
      expect(toIndexText(`x${from}`)).toBe(`x${to}`);
      expect(toMatchQuery(from.toUpperCase())).toBe(toMatchQuery(to));
    }
    expect(toIndexText("ΛΌΓΟΣ λόγος")).toBe("λόγοσ λόγοσ");
  });

  it("gives the ascii tokenizer the tokens unicode61 saw, and keeps only symbols unicode61 dropped", () => {
    const pair = new Database(":memory:");
    pair.exec(`CREATE VIRTUAL TABLE u USING fts5(body, tokenize='unicode61 remove_diacritics 0');
      CREATE VIRTUAL TABLE a USING fts5(body, tokenize='ascii');
      CREATE VIRTUAL TABLE uv USING fts5vocab(u, 'instance'); CREATE VIRTUAL TABLE av USING fts5vocab(a, 'instance');`);
    const put = [pair.prepare("INSERT INTO u (rowid, body) VALUES (?, ?)"), pair.prepare("INSERT INTO a (rowid, body) VALUES (?, ?)")];
    const chars: string[] = [];
    pair.transaction(() => {
      for (let cp = 0x20; cp <= 0xffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const ch = String.fromCharCode(cp);
        chars.push(ch);
        // Three documents per character: in a latin word, in a CJK run, alone.
        [`x${ch}y`, `中${ch}文`, ch].forEach((text, k) => put.forEach((st) => st.run(chars.length * 3 + k, toIndexText(text))));
      }
    })();
    const tokensByDoc = (table: string) => {
      const docs = new Map<number, string[]>();
      for (const r of pair.prepare(`SELECT doc, term, offset FROM ${table}`).iterate() as Iterable<{ doc: number; term: string; offset: number }>) {
        const list = docs.get(r.doc) ?? [];
        list.push(`${r.offset}:${r.term}`);
        docs.set(r.doc, list);
      }
      return (doc: number) => (docs.get(doc) ?? []).sort().join(" ");
    };
    const [unicode61, ascii] = [tokensByDoc("uv"), tokensByDoc("av")];
    const differing = chars.flatMap((_, i) => [0, 1, 2].map((k) => (i + 1) * 3 + k)).filter((doc) => unicode61(doc) !== ascii(doc)).map((doc) => ({ doc }));
    const unexpected = [...new Set(differing.map((d) => Math.floor(d.doc / 3)))]
      .filter((c) => unicode61(c * 3 + 2) !== "") // unicode61 kept the character alone
      .map((c) => chars[c - 1].codePointAt(0)?.toString(16));
    expect(differing.length).toBeGreaterThan(0); // CJK radicals and the like (So) differ, as intended
    expect(unexpected).toEqual([]);
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
      if (Array.from(lower).length !== 1 || UNICODE61_FOLDS[lower]) continue;
      // CJK characters are folded traditional → simplified (the fold is tested on its own).
      const expected = cjk.test(lower) ? `x ${String.fromCharCode(foldHanUnit(lower.charCodeAt(0)))}` : word.test(lower) ? `x${lower}` : "x";
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
