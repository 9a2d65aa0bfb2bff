// Normalisation for matching that remembers where each character came from, so that highlight
// spans found in normalised text point at the original characters. Characters are folded one at
// a time (full-width → ASCII, lowercase, traditional → simplified by OpenCC's single-character
// conversion); OpenCC's multi-character phrase rules are not applied here, which only matters for a
// handful of traditional phrases and keeps every offset exact. Whitespace runs become one space.
import { normaliseText } from "../normalise";

/** Normalised text with, per UTF-16 unit, the original start and end offsets it came from. */
export type MappedText = { text: string; starts: Int32Array; ends: Int32Array };

const single = new Map<string, string>();

function simplified(ch: string): string {
  let out = single.get(ch);
  if (out === undefined) {
    const converted = normaliseText(ch);
    out = converted.length === ch.length && converted !== "" ? converted : ch;
    if (single.size < 50_000) single.set(ch, out);
  }
  return out;
}

function foldChar(ch: string, code: number): string {
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
  if (code >= 0x2e80) return simplified(ch);
  const lower = ch.toLowerCase();
  return lower.length === ch.length ? lower : ch;
}

const isSpace = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x3000 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0xfeff;

/** Normalises `text` for matching and keeps the offset map. */
export function normaliseForMatch(text: string): MappedText {
  const parts: string[] = [];
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  let n = 0;
  let lastSpace = true; // leading whitespace is dropped
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (isSpace(code)) {
      if (!lastSpace) {
        parts.push(" ");
        starts[n] = i;
        ends[n] = i + 1;
        n++;
        lastSpace = true;
      }
      i += width;
      continue;
    }
    lastSpace = false;
    const ch = width === 2 ? text.slice(i, i + 2) : text[i];
    const out = width === 2 ? ch : foldChar(ch, code);
    parts.push(out);
    for (let k = 0; k < out.length; k++) {
      starts[n] = i;
      ends[n] = i + width;
      n++;
    }
    i += width;
  }
  let joined = parts.join("");
  if (joined.endsWith(" ")) {
    joined = joined.slice(0, -1);
    n--;
  }
  return { text: joined, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** The original-text span of a normalised span [start, end). */
export function originalSpan(m: MappedText, start: number, end: number): { start: number; end: number } {
  if (end <= start || start >= m.text.length) return { start: 0, end: 0 };
  return { start: m.starts[start], end: m.ends[Math.min(end, m.text.length) - 1] };
}
