// Highlight spans as stored: one JSON object per item, keyed by watch id, each span written as
// [field, start, end] with field 0 = text, 1 = title (a third of the size of {field,start,end}).
import type { MatchSpan } from "./prepared-doc";

/** The stored form of an item's watch matches. */
export function encodeWatchSpans(matches: readonly { watchId: number; spans: readonly MatchSpan[] }[]): string {
  let out = "{";
  for (let i = 0; i < matches.length; i++) {
    const spans = matches[i].spans.map((s) => `[${s.field === "title" ? 1 : 0},${s.start},${s.end}]`);
    out += `${i ? "," : ""}"${matches[i].watchId}":[${spans.join(",")}]`;
  }
  return `${out}}`;
}

const isOffset = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** One watch's spans from their stored form (JSON text of [[field, start, end], …]); malformed entries are skipped. */
export function decodeSpans(stored: string): MatchSpan[] {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const out: MatchSpan[] = [];
  for (const s of value) {
    if (!Array.isArray(s) || s.length !== 3 || (s[0] !== 0 && s[0] !== 1) || !isOffset(s[1]) || !isOffset(s[2]) || s[2] < s[1]) continue;
    out.push({ field: s[0] === 1 ? "title" : "text", start: s[1], end: s[2] });
  }
  return out;
}
