// Evaluates a compiled query against the occurrences found in a document, and collects the
// occurrences that made it match. Whoever finds the occurrences (one Aho–Corasick pass for a
// WatchSet, indexOf for a one-off preview) hands them over in the same shape.
import type { Compiled } from "./compile";
import { nearPairs, occurrencesOf } from "./near";

/** A document field as matching sees it. */
export type FieldName = "title" | "text" | "source";

/** Per field: pattern id → start offsets (normalised, ascending) of its accepted occurrences. */
export type Hits = Record<FieldName, Map<number, number[]>>;

/** A span in a field's normalised text. */
export type NormalSpan = { field: "title" | "text"; start: number; end: number };

const SEARCHED: Record<"any" | "title" | "source", readonly FieldName[]> = {
  any: ["title", "text"],
  title: ["title"],
  source: ["source"],
};

/**
 * Whether `node` matches; `lengths[pattern]` is the pattern's length. Loops, not `some`/`every`
 * with arrows made per call (see docs/ARCHITECTURE.md, "No closures made per call on hot paths").
 */
export function evaluate(node: Compiled, hits: Hits, lengths: readonly number[]): boolean {
  switch (node.kind) {
    case "term":
      for (const f of SEARCHED[node.field]) if (hits[f].has(node.pattern)) return true;
      return false;
    case "and":
      for (const c of node.children) if (!evaluate(c, hits, lengths)) return false;
      return true;
    case "or":
      for (const c of node.children) if (evaluate(c, hits, lengths)) return true;
      return false;
    case "not":
      return !evaluate(node.child, hits, lengths);
    case "near":
      for (const f of SEARCHED[node.field] as readonly ("title" | "text")[]) {
        const left = occurrencesOf(node.left, hits[f], lengths);
        const right = occurrencesOf(node.right, hits[f], lengths);
        if (nearPairs(left, right, node.distance, null)) return true;
      }
      return false;
  }
}

/**
 * Adds to `out` the occurrences that made a matching `node` match: every occurrence of its
 * positive terms in the fields they search, but only the true branches of an OR and only the
 * occurrences of NEAR operands that lie within the distance. Source-name terms give no spans.
 */
export function collectSpans(node: Compiled, hits: Hits, lengths: readonly number[], out: NormalSpan[]): void {
  switch (node.kind) {
    case "term":
      if (node.field === "source") return;
      for (const field of SEARCHED[node.field] as readonly ("title" | "text")[])
        for (const start of hits[field].get(node.pattern) ?? []) out.push({ field, start, end: start + lengths[node.pattern] });
      return;
    case "and":
      for (const c of node.children) collectSpans(c, hits, lengths, out);
      return;
    case "or":
      for (const c of node.children) if (evaluate(c, hits, lengths)) collectSpans(c, hits, lengths, out);
      return;
    case "not":
      return;
    case "near":
      for (const field of SEARCHED[node.field] as readonly ("title" | "text")[]) {
        const left = occurrencesOf(node.left, hits[field], lengths);
        const right = occurrencesOf(node.right, hits[field], lengths);
        nearPairs(left, right, node.distance, (start, end) => out.push({ field, start, end }));
      }
  }
}
