// Documents as matching sees them, and the way back from normalised spans to the original text.
import type { NormalSpan } from "./evaluate";
import { normaliseForMatch, originalSpan, type MappedText } from "./normalise-map";

/** A document to match, with its original strings. */
export type QueryDoc = { title: string; text: string; source: string };

/** A highlight span in the original field string: UTF-16 offsets, end exclusive. */
export type MatchSpan = { field: "title" | "text"; start: number; end: number };

/** A document normalised once, for matching against several watch sets or queries. */
export class PreparedDoc {
  /** Wraps already-normalised fields; use `prepareDoc` to build one. */
  constructor(
    readonly title: MappedText,
    readonly text: MappedText,
    readonly source: MappedText,
  ) {}
}

/** Normalises a document's fields once, so matching it many times does not repeat the work. */
export function prepareDoc(doc: QueryDoc): PreparedDoc {
  return new PreparedDoc(normaliseForMatch(doc.title), normaliseForMatch(doc.text), normaliseForMatch(doc.source));
}

/** `doc` prepared, unless it already is. */
export function asPrepared(doc: QueryDoc | PreparedDoc): PreparedDoc {
  return doc instanceof PreparedDoc ? doc : prepareDoc(doc);
}

// Module-level, not an arrow made per call
// (see docs/ARCHITECTURE.md, "No closures made per call on hot paths").
function byStartThenEnd(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || a.end - b.end;
}

/** Normalised spans mapped to the original strings, merged where they overlap or touch, title first. */
export function toOriginalSpans(doc: PreparedDoc, spans: readonly NormalSpan[]): MatchSpan[] {
  const out: MatchSpan[] = [];
  for (const field of ["title", "text"] as const) {
    const mapped: { start: number; end: number }[] = [];
    for (const s of spans) if (s.field === field) mapped.push(originalSpan(doc[field], s.start, s.end));
    mapped.sort(byStartThenEnd);
    let last: MatchSpan | null = null;
    for (const { start, end } of mapped) {
      if (last && start <= last.end) last.end = Math.max(last.end, end);
      else out.push((last = { field, start, end }));
    }
  }
  return out;
}
