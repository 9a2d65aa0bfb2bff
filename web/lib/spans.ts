// Server-given highlight spans (UTF-16 offsets): merging, splitting text into runs, and excerpts.
import type { MatchSpanView } from "../../src/shared/analysis-api";
import type { HighlightPart } from "./highlight";

/** A half-open range [start, end) of UTF-16 offsets. */
export interface Range {
  start: number;
  end: number;
}

/** Clamps ranges to [0, length], drops empty or malformed ones, sorts and merges overlapping or touching ones. */
export function mergeSpans(spans: readonly Range[], length: number): Range[] {
  const clean = spans
    .filter((span) => Number.isFinite(span.start) && Number.isFinite(span.end))
    .map((span) => ({ start: Math.max(0, Math.trunc(span.start)), end: Math.min(length, Math.trunc(span.end)) }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Range[] = [];
  for (const span of clean) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Splits `text` into plain and marked runs along `spans` (which may overlap or run past the end). */
export function splitSpans(text: string, spans: readonly Range[]): HighlightPart[] {
  if (text === "") return [];
  const parts: HighlightPart[] = [];
  let at = 0;
  for (const span of mergeSpans(spans, text.length)) {
    if (span.start > at) parts.push({ text: text.slice(at, span.start), match: false });
    parts.push({ text: text.slice(span.start, span.end), match: true });
    at = span.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}

/** The spans of one field ("title" or "text") gathered from any number of watch matches. */
export function fieldSpans(
  matches: readonly { spans: readonly MatchSpanView[] }[] | undefined,
  field: MatchSpanView["field"],
): Range[] {
  return (matches ?? []).flatMap((match) =>
    match.spans.filter((span) => span.field === field).map(({ start, end }) => ({ start, end })),
  );
}

/** An excerpt of a long text and the spans that fall inside it, re-based to the excerpt. */
export interface Excerpt {
  text: string;
  spans: Range[];
  cutStart: boolean;
  cutEnd: boolean;
}

/** About `radius` characters either side of the first span (the start of the text when there is none). */
export function excerptAround(text: string, spans: readonly Range[], radius = 40): Excerpt {
  const merged = mergeSpans(spans, text.length);
  const first = merged[0];
  const start = first ? Math.max(0, first.start - radius) : 0;
  const end = Math.min(text.length, first ? first.end + radius : radius * 2);
  const inside = merged
    .filter((span) => span.end > start && span.start < end)
    .map((span) => ({ start: Math.max(span.start, start) - start, end: Math.min(span.end, end) - start }));
  return { text: text.slice(start, end), spans: inside, cutStart: start > 0, cutEnd: end < text.length };
}
