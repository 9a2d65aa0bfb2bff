// One query against one document, for the watch editor's preview. Occurrences are found with
// indexOf, independently of the Aho–Corasick path a WatchSet takes, which is what lets the tests
// hold the two against each other.
import type { QueryNode } from "./ast";
import { compileQuery, PatternTable } from "./compile";
import { collectSpans, evaluate, type FieldName, type Hits, type NormalSpan } from "./evaluate";
import { parseQuery } from "./parser";
import { asPrepared, toOriginalSpans, type MatchSpan, type PreparedDoc, type QueryDoc } from "./prepared-doc";
import { onBoundaries } from "./word-chars";

/** Every accepted occurrence of the table's patterns in each field of `doc`. */
export function findByIndexOf(table: PatternTable, doc: PreparedDoc): Hits {
  const hits: Hits = { title: new Map(), text: new Map(), source: new Map() };
  for (const field of ["title", "text", "source"] as FieldName[]) {
    const text = doc[field].text;
    table.texts.forEach((pattern, id) => {
      const starts: number[] = [];
      for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1))
        if (onBoundaries(text, at, at + pattern.length, table.edges[id])) starts.push(at);
      if (starts.length) hits[field].set(id, starts);
    });
  }
  return hits;
}

/** Highlight spans when `query` matches `doc` (possibly none, for a source-only match), else null. */
export function matchQuery(query: string | QueryNode, doc: QueryDoc | PreparedDoc): MatchSpan[] | null {
  const node = typeof query === "string" ? parseQuery(query) : query;
  const table = new PatternTable();
  const compiled = compileQuery(node, table);
  const prepared = asPrepared(doc);
  const hits = findByIndexOf(table, prepared);
  const lengths = table.texts.map((t) => t.length);
  if (!evaluate(compiled, hits, lengths)) return null;
  const spans: NormalSpan[] = [];
  collectSpans(compiled, hits, lengths, spans);
  return toOriginalSpans(prepared, spans);
}
