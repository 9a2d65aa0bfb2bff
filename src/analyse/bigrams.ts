// CJK bigram splitting for the full-text index: SQLite's unicode61 tokenizer treats a run of Han
// characters as one token, and the trigram tokenizer cannot match 2-character words, so we
// index overlapping bigrams (plus the last character of each run, so 1-character queries work).
// CJK characters are folded traditional → simplified one at a time in both the index and the
// query, so a search finds either form (學校 finds 学校), as watch matching does.
import { foldHanUnit } from "./query/normalise-map";

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

// Lower-case letters that SQLite's unicode61 tokenizer folded further (µ → μ, ς → σ …). The index
// is tokenized by FTS5's ascii tokenizer (migration 0013), which folds nothing beyond ASCII, so the
// index and query texts fold these themselves and both still match as they did under unicode61.
// Code unit → its fold (each is one unit either way), from µ (U+00B5) to ι (U+1FBE); 0 for none.
const FOLD_FROM = 0xb5;
const FOLD_UNITS = new Uint16Array(0x1fbe - FOLD_FROM + 1);
for (const [from, to] of [
  [0x00b5, 0x03bc], [0x017f, 0x73], [0x03c2, 0x03c3], [0x03d0, 0x03b2], [0x03d1, 0x03b8], [0x03d5, 0x03c6],
  [0x03d6, 0x03c0], [0x03f0, 0x03ba], [0x03f1, 0x03c1], [0x03f5, 0x03b5], [0x1e9b, 0x1e61], [0x1fbe, 0x03b9],
]) FOLD_UNITS[from - FOLD_FROM] = to;

/** A lower-case code unit folded as unicode61 folded it (itself for all but the twelve above). */
function foldUnit(unit: number): number {
  return (unit >= FOLD_FROM && unit - FOLD_FROM < FOLD_UNITS.length && FOLD_UNITS[unit - FOLD_FROM]) || unit;
}

/** Text lower-cased and folded as the full-text index stores it. */
function lowerForIndex(text: string): string {
  const lower = text.toLowerCase();
  let folded = "";
  for (let i = 0; i < lower.length; i++) folded += String.fromCharCode(foldUnit(lower.charCodeAt(i)));
  return folded;
}

/** Splits text into runs of CJK characters and runs of other word characters. */
function segments(text: string): Segment[] {
  const lower = lowerForIndex(text);
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

// A CJK character folded as the index folds it (traditional → simplified, one at a time).
function foldHan(ch: string): string {
  return ch.length === 1 ? String.fromCharCode(foldHanUnit(ch.charCodeAt(0))) : ch;
}

function cjkTokens(run: string, withTail: boolean): string[] {
  const chars = Array.from(run, foldHan);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  if (withTail) out.push(chars[chars.length - 1]);
  return out;
}

// Output buffer of toIndexText (code units), grown as needed up to 64k units.
let units = new Uint16Array(2048);
const utf16 = new TextDecoder("utf-16le");

// Writes CJK text[from, to) at out[n] as one token, folded (after a space unless first); returns the
// new length.
function putToken(out: Uint16Array, n: number, text: string, from: number, to: number): number {
  if (n) out[n++] = 32;
  for (let k = from; k < to; k++) out[n++] = foldHanUnit(text.charCodeAt(k));
  return n;
}

// putToken for a word of other scripts, folded by foldUnit (no CJK character is folded).
function putWord(out: Uint16Array, n: number, text: string, from: number, to: number): number {
  if (n) out[n++] = 32;
  for (let k = from; k < to; k++) out[n++] = foldUnit(text.charCodeAt(k));
  return n;
}

/** An item's text as stored in the FTS index: its title and body, one line each. */
export function itemIndexText(title: string, text: string): string {
  return toIndexText(`${title}\n${text}`);
}

/**
 * Text as stored in the FTS index: CJK runs become overlapping bigrams and then their last
 * character, other words stay whole (lower-cased), one space between tokens; FTS5's ascii
 * tokenizer then only has to split at the spaces. Written code unit by code unit into one buffer
 * (this runs on every stored item; building strings per bigram cost as much as the insert).
 */
export function toIndexText(text: string): string {
  const lower = text.toLowerCase(); // folded further by putWord
  // At most 3 code units out per unit in, plus the last token's; a buffer for a long text is not kept.
  const need = lower.length * 3 + 8;
  if (need > units.length && need <= 1 << 16) units = new Uint16Array(need);
  const out = need <= units.length ? units : new Uint16Array(need);
  let n = 0;
  let prev = -1; // where the previous character of the current CJK run starts
  for (let i = 0; i < lower.length; ) {
    const cp = lower.codePointAt(i) as number;
    const next = i + (cp > 0xffff ? 2 : 1);
    const cls = classOf(cp);
    if (cls === CJKCHAR) {
      if (prev >= 0) n = putToken(out, n, lower, prev, next); // the bigram ending here
      prev = i;
      i = next;
      continue;
    }
    if (prev >= 0) n = putToken(out, n, lower, prev, i); // the run's last character
    prev = -1;
    if (cls !== WORDCHAR) {
      i = next;
      continue;
    }
    // A word runs until the next character of another class.
    let j = next;
    while (j < lower.length) {
      const c = lower.codePointAt(j) as number;
      if (classOf(c) !== WORDCHAR) break;
      j += c > 0xffff ? 2 : 1;
    }
    n = putWord(out, n, lower, i, j);
    i = j;
  }
  if (prev >= 0) n = putToken(out, n, lower, prev, lower.length);
  return utf16.decode(out.subarray(0, n));
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
