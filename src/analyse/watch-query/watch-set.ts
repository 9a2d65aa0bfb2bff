// Many watches compiled together: an Aho–Corasick pass over title and text finds which terms occur,
// and only watches with at least one of their required terms present are evaluated in full.
import { QueryError, type QueryNode } from "./ast";
import { AhoCorasick } from "./aho-corasick";
import { evaluate, prepareDoc, toSpans, type MatchSpan, type PreparedDoc, type QueryDoc } from "./match";
import { parseQuery } from "./parser";

type Compiled = { id: number; node: QueryNode; required: number[] | null };

/**
 * Terms of which at least one must occur for the node to match, or null when the node can match
 * on the source name alone (such watches are always evaluated; source names are short).
 */
function required(node: QueryNode, termId: (text: string) => number): number[] | null {
  switch (node.type) {
    case "term": return node.field === "source" ? null : [termId(node.text)];
    case "near": return [termId(node.left.text)];
    case "not": return null;
    case "or": {
      const all: number[] = [];
      for (const c of node.children) {
        const r = required(c, termId);
        if (r === null) return null;
        all.push(...r);
      }
      return all;
    }
    case "and": {
      let best: number[] | null = null;
      for (const c of node.children) {
        const r = required(c, termId);
        if (r !== null && (best === null || r.length < best.length)) best = r;
      }
      return best;
    }
  }
}

/** Positive terms of a query (what a prefilter or the UI's term list needs). */
export function queryTerms(node: QueryNode): string[] {
  switch (node.type) {
    case "term": return [node.text];
    case "near": return [node.left.text, node.right.text];
    case "not": return [];
    case "and": case "or": return [...new Set(node.children.flatMap(queryTerms))];
  }
}

/** A compiled set of watches; queries that do not parse are listed in `errors` and skipped. */
export class WatchSet {
  readonly errors: { id: number; error: QueryError }[] = [];
  private readonly watches: Compiled[] = [];
  private readonly automaton: AhoCorasick;
  private readonly termCount: number;

  /** Compiles the watches. */
  constructor(watches: ReadonlyArray<{ id: number; query: string }>) {
    const terms = new Map<string, number>();
    const termId = (t: string) => {
      let id = terms.get(t);
      if (id === undefined) terms.set(t, (id = terms.size));
      return id;
    };
    for (const w of watches) {
      try {
        const node = parseQuery(w.query);
        this.watches.push({ id: w.id, node, required: required(node, termId) });
      } catch (err) {
        if (err instanceof QueryError) this.errors.push({ id: w.id, error: err });
        else throw err;
      }
    }
    this.automaton = new AhoCorasick([...terms.keys()]);
    this.termCount = terms.size;
  }

  /** Number of compiled watches. */
  get size(): number {
    return this.watches.length;
  }

  /** Watches matching the document, with highlight spans in the original title and text. */
  match(doc: QueryDoc | PreparedDoc): { watchId: number; spans: MatchSpan[] }[] {
    if (!this.watches.length) return [];
    const p = "source" in doc && typeof doc.title !== "string" ? (doc as PreparedDoc) : prepareDoc(doc as QueryDoc);
    const seen = new Uint8Array(this.termCount);
    this.automaton.scan(p.title.text, seen);
    this.automaton.scan(p.text.text, seen);
    const out: { watchId: number; spans: MatchSpan[] }[] = [];
    for (const w of this.watches) {
      if (w.required !== null && !w.required.some((t) => seen[t])) continue;
      const hits = evaluate(p, w.node);
      if (hits) out.push({ watchId: w.id, spans: toSpans(p, hits) });
    }
    return out;
  }
}

/** Matches one query (a string or a parsed tree) against a document; null when it does not match. */
export function matchQuery(query: string | QueryNode, doc: QueryDoc): MatchSpan[] | null {
  const node = typeof query === "string" ? parseQuery(query) : query;
  const p = prepareDoc(doc);
  const hits = evaluate(p, node);
  return hits ? toSpans(p, hits) : null;
}
