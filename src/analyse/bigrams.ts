// CJK bigram splitting for the full-text index: SQLite's unicode61 tokenizer treats a run of Han
// characters as one token, and the trigram tokenizer cannot match 2-character words, so we
// index overlapping bigrams (plus the last character of each run, so 1-character queries work).

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}_]/u;

type Segment = { cjk: boolean; text: string };

// Character classes of the BMP, computed once (a few ms): this runs on every stored item, and a
// Unicode-property regex per character was a quarter of the insert cost.
const OTHER = 0, WORDCHAR = 1, CJKCHAR = 2;
const bmpClass = new Uint8Array(0x10000);
for (let cp = 0; cp < 0x10000; cp++) {
  if (cp >= 0xd800 && cp <= 0xdfff) continue;
  const ch = String.fromCharCode(cp);
  bmpClass[cp] = CJK.test(ch) ? CJKCHAR : WORD.test(ch) ? WORDCHAR : OTHER;
}

function classOf(cp: number): number {
  if (cp < 0x10000) return bmpClass[cp];
  const ch = String.fromCodePoint(cp);
  return CJK.test(ch) ? CJKCHAR : WORD.test(ch) ? WORDCHAR : OTHER;
}

/** Splits text into runs of CJK characters and runs of other word characters. */
function segments(text: string): Segment[] {
  const lower = text.toLowerCase();
  const out: Segment[] = [];
  let start = -1;
  let runCjk = false;
  for (let i = 0; i < lower.length; ) {
    const cp = lower.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const cls = classOf(cp);
    const cjk = cls === CJKCHAR;
    if (cls === OTHER) {
      if (start >= 0) out.push({ cjk: runCjk, text: lower.slice(start, i) });
      start = -1;
    } else if (start < 0 || cjk !== runCjk) {
      if (start >= 0) out.push({ cjk: runCjk, text: lower.slice(start, i) });
      start = i;
      runCjk = cjk;
    }
    i += width;
  }
  if (start >= 0) out.push({ cjk: runCjk, text: lower.slice(start) });
  return out;
}

function cjkTokens(run: string, withTail: boolean): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  if (withTail) out.push(chars[chars.length - 1]);
  return out;
}

/** Text as stored in the FTS index: CJK runs become overlapping bigrams, other words stay whole. */
export function toIndexText(text: string): string {
  const out: string[] = [];
  for (const s of segments(text)) {
    if (s.cjk) out.push(...cjkTokens(s.text, true));
    else out.push(s.text);
  }
  return out.join(" ");
}

/** One user term as an FTS5 phrase that matches it as a substring of indexed text. */
function termToPhrase(term: string): string | null {
  const segs = segments(term);
  if (!segs.length) return null;
  const tokens: string[] = [];
  let prefix = false;
  segs.forEach((s, i) => {
    const last = i === segs.length - 1;
    if (!s.cjk) tokens.push(s.text);
    else {
      tokens.push(...cjkTokens(s.text, !last));
      // A lone trailing CJK character may be the start of a longer run in the document.
      if (last && Array.from(s.text).length === 1) prefix = true;
    }
  });
  const phrase = `"${tokens.join(" ").replace(/"/g, '""')}"`;
  return prefix ? `${phrase}*` : phrase;
}

/** A user's search string (space-separated terms, all required) as an FTS5 MATCH expression. */
export function toMatchQuery(query: string): string | null {
  const phrases = query
    .split(/\s+/)
    .map(termToPhrase)
    .filter((p): p is string => p !== null);
  return phrases.length ? phrases.join(" AND ") : null;
}
