// Evaluates a parsed query against one prepared document and collects highlight spans.
import type { QueryNode } from "./ast";
import { normaliseForMatch, originalSpan, type MappedText } from "./normalise-map";

/** A highlight span in the original title or text (UTF-16 offsets, end exclusive). */
export type MatchSpan = { field: "title" | "text"; start: number; end: number };

/** A document to match: the original strings. */
export type QueryDoc = { title: string; text: string; source: string };

/** A document normalised once for any number of queries. */
export type PreparedDoc = { title: MappedText; text: MappedText; source: string };

/** At most this many occurrences of one term are considered (bounds NEAR and highlights on huge texts). */
const MAX_OCCURRENCES = 200;

/** Normalises a document's fields for matching. */
export function prepareDoc(doc: QueryDoc): PreparedDoc {
  return { title: normaliseForMatch(doc.title), text: normaliseForMatch(doc.text), source: normaliseForMatch(doc.source).text };
}

const isWordUnit = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;

/** Start offsets of a term in normalised text: substrings for CJK terms, whole words for Latin ones. */
export function occurrences(hay: string, term: string, latin: boolean, limit = MAX_OCCURRENCES): number[] {
  const out: number[] = [];
  if (!term) return out;
  let from = 0;
  while (out.length < limit) {
    const at = hay.indexOf(term, from);
    if (at < 0) break;
    from = at + 1;
    if (latin) {
      const before = at > 0 ? hay.charCodeAt(at - 1) : 0;
      const after = at + term.length < hay.length ? hay.charCodeAt(at + term.length) : 0;
      if ((isWordUnit(term.charCodeAt(0)) && isWordUnit(before)) || (isWordUnit(term.charCodeAt(term.length - 1)) && isWordUnit(after))) continue;
    }
    out.push(at);
  }
  return out;
}

type Hit = { field: "title" | "text"; start: number; end: number };

function termHits(doc: PreparedDoc, node: QueryNode & { type: "term" }): Hit[] | null {
  if (node.field === "source") return occurrences(doc.source, node.text, node.latin, 1).length ? [] : null;
  const hits: Hit[] = [];
  const fields: ("title" | "text")[] = node.field === "title" ? ["title"] : ["title", "text"];
  for (const f of fields) for (const at of occurrences(doc[f].text, node.text, node.latin)) hits.push({ field: f, start: at, end: at + node.text.length });
  return hits.length ? hits : null;
}

function nearHits(doc: PreparedDoc, node: QueryNode & { type: "near" }): Hit[] | null {
  const a = termHits(doc, node.left);
  const b = termHits(doc, node.right);
  if (!a || !b) return null;
  const out: Hit[] = [];
  for (const x of a)
    for (const y of b) {
      if (x.field !== y.field) continue;
      const gap = Math.max(y.start - x.end, x.start - y.end, 0);
      if (gap <= node.distance) out.push(x, y);
    }
  return out.length ? out : null;
}

/** Evaluates a node; on a match returns the positive hits that made it (empty for source-only matches). */
export function evaluate(doc: PreparedDoc, node: QueryNode): Hit[] | null {
  switch (node.type) {
    case "term": return termHits(doc, node);
    case "near": return nearHits(doc, node);
    case "not": return evaluate(doc, node.child) ? null : [];
    case "and": {
      const hits: Hit[] = [];
      for (const c of node.children) {
        const h = evaluate(doc, c);
        if (!h) return null;
        hits.push(...h);
      }
      return hits;
    }
    case "or": {
      let any = false;
      const hits: Hit[] = [];
      for (const c of node.children) {
        const h = evaluate(doc, c);
        if (h) {
          any = true;
          hits.push(...h);
        }
      }
      return any ? hits : null;
    }
  }
}

/** Hits as sorted, merged spans in the original strings. */
export function toSpans(doc: PreparedDoc, hits: readonly Hit[]): MatchSpan[] {
  const spans = hits
    .map((h) => ({ field: h.field, ...originalSpan(doc[h.field], h.start, h.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === "title" ? -1 : 1));
  const out: MatchSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.field === s.field && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
