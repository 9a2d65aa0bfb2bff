// Normalisation for matching that remembers where every normalised unit came from, so spans found
// in normalised text can be reported on the original. Each character is folded on its own with
// `normaliseText` (full-width → ASCII, lowercase, traditional → simplified), never in context:
// that makes normalisation a homomorphism (a term inside a text normalises to the same units as the
// term alone), which substring matching needs and OpenCC's phrase rules would break (著 alone
// becomes 着 but 著名 stays 著名). The cost is that phrase-only distinctions are lost, so a few
// character pairs match each other (乾/干, 著/着, 瞭/了); for monitoring that is the safer error.
import { normaliseText } from "../normalise";

/**
 * Normalised text; `starts[i]` is the offset in `original` of the character unit i came from, or
 * `starts` is null when the text needed no change (each unit maps to its own offset).
 */
export type MappedText = { readonly original: string; readonly text: string; readonly starts: readonly number[] | null };

// Characters that are the conversion of another character but are converted again on their own
// (薴 → 苧 → 苎). Folding them would make the two fold apart, so they are kept (normaliseText itself
// keeps 么, which Taiwan's table would turn into 幺); normalise-map.test.ts checks that folding has
// no other such chains.
const KEPT = new Set(["苧"]);

const UNKNOWN = -1;
const SPACE = -2;
const MULTI = -3; // the folded form is not one code unit; see `multi`
const table = new Int32Array(0x10000).fill(UNKNOWN);
const multi = new Map<number, string>(); // code point → folded string, for MULTI units and astral characters

for (let c = 0; c < 0x80; c++) table[c] = /\s/.test(String.fromCharCode(c)) ? SPACE : c >= 0x41 && c <= 0x5a ? c + 32 : c;

function foldOne(ch: string): string {
  if (KEPT.has(ch)) return ch;
  const out = normaliseText(ch);
  return out === "" ? ch : out;
}

function learnUnit(c: number): number {
  const ch = String.fromCharCode(c);
  if (/\s/.test(ch)) return (table[c] = SPACE);
  if (c >= 0xd800 && c <= 0xdfff) return (table[c] = c); // a lone surrogate is kept as it is
  const out = foldOne(ch);
  if (out.length === 1) return (table[c] = out.charCodeAt(0));
  multi.set(c, out);
  return (table[c] = MULTI);
}

function foldAstral(cp: number): string {
  let out = multi.get(cp);
  if (out !== undefined) return out;
  out = foldOne(String.fromCodePoint(cp));
  if (multi.size < 100_000) multi.set(cp, out); // bounded: a text can hold a million distinct ones
  return out;
}

// Scratch buffers reused across calls: allocating typed arrays costs more than folding a short post.
let buf = new Uint16Array(1024);
let scratch = new Int32Array(1024);

/**
 * A BMP CJK code unit folded as matching folds it (traditional → simplified, one character at a
 * time), or the unit itself when its fold is not one CJK code unit; the ledger's full-text index
 * and its queries use it so that 學校 finds 学校 as watches do.
 */
export function foldHanUnit(c: number): number {
  let v = table[c];
  if (v === UNKNOWN) v = learnUnit(c);
  return v >= 0x2e80 ? v : c;
}

/** Folds `text` for matching (whitespace runs → one space, trimmed) and keeps the offset map. */
export function normaliseForMatch(text: string): MappedText {
  let n = 0;
  let same = true; // output equals input so far: then the original string is reused as is
  let pendingSpace = -1; // offset of the first whitespace of a run not yet written
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let v = table[c];
    if (v === UNKNOWN) v = learnUnit(c);
    if (v === SPACE) {
      if (c !== 0x20 || pendingSpace >= 0 || n === 0) same = false;
      if (pendingSpace < 0 && n > 0) pendingSpace = i;
      continue;
    }
    const astral = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const out = v >= 0 && !astral ? null : astral ? foldAstral(text.codePointAt(i) ?? c) : (multi.get(c) ?? String.fromCharCode(c));
    if (n + 3 + (out?.length ?? 0) > buf.length) grow();
    if (pendingSpace >= 0) {
      buf[n] = 0x20;
      scratch[n++] = pendingSpace;
      pendingSpace = -1;
    }
    if (out === null) {
      if (v !== c) same = false;
      buf[n] = v;
      scratch[n++] = i;
      continue;
    }
    same = false; // conservative: an astral character kept as it is still goes through the buffer
    for (let k = 0; k < out.length; k++) {
      buf[n] = out.charCodeAt(k);
      scratch[n++] = i;
    }
    if (astral) i++;
  }
  if (pendingSpace >= 0) same = false; // trailing whitespace was dropped
  if (same) return { original: text, text, starts: null };
  // A plain array: typed arrays over 64 bytes are allocated off-heap and cost more than the folding.
  const starts: number[] = new Array<number>(n);
  for (let k = 0; k < n; k++) starts[k] = scratch[k];
  return { original: text, text: unitsToString(n), starts };
}

function grow(): void {
  const b = new Uint16Array(buf.length * 2);
  b.set(buf);
  buf = b;
  const s = new Int32Array(b.length);
  s.set(scratch);
  scratch = s;
}

function unitsToString(n: number): string {
  const CHUNK = 4096; // fromCharCode takes units as arguments; stay well under the argument limit
  const parts: string[] = [];
  const units: number[] = [];
  for (let i = 0; i < n; i += CHUNK) {
    const to = Math.min(n, i + CHUNK);
    units.length = to - i;
    for (let k = i; k < to; k++) units[k - i] = buf[k];
    parts.push(String.fromCharCode.apply(null, units));
  }
  return parts.length === 1 ? parts[0] : parts.join("");
}

/** The offset in `m.original` that normalised unit `i` came from. */
export function originalOffset(m: MappedText, i: number): number {
  return m.starts ? m.starts[i] : i;
}

/** The span of `m.original` that normalised units [start, end) came from (end exclusive). */
export function originalSpan(m: MappedText, start: number, end: number): { start: number; end: number } {
  const from = originalOffset(m, start);
  const last = originalOffset(m, end - 1);
  const c = m.original.charCodeAt(last);
  const wide = c >= 0xd800 && c <= 0xdbff && (m.original.charCodeAt(last + 1) & 0xfc00) === 0xdc00;
  return { start: from, end: last + (wide ? 2 : 1) };
}
