// Queries compiled for matching: every distinct normalised term becomes a pattern id in a table
// shared by all the watches of a set, so a term used by many watches is searched for once.
import type { Field, QueryNode } from "./ast";
import { anchorTerms } from "./query-terms";
import { termEdges } from "./word-chars";

/** A query tree whose terms are pattern ids. */
export type Compiled =
  | { kind: "term"; pattern: number; field: Field }
  | { kind: "and" | "or"; children: Compiled[] }
  | { kind: "not"; child: Compiled }
  | { kind: "near"; left: number[]; right: number[]; distance: number; field: "any" | "title" };

/** Distinct normalised patterns with their lengths and which ends need a word boundary. */
export class PatternTable {
  readonly texts: string[] = [];
  readonly edges: number[] = [];
  private readonly ids = new Map<string, number>();

  /** The id of `text`, added on first use. */
  intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(text, id);
      this.texts.push(text);
      this.edges.push(termEdges(text));
    }
    return id;
  }
}

/** Compiles `node`, adding its terms to `table`. */
export function compileQuery(node: QueryNode, table: PatternTable): Compiled {
  switch (node.type) {
    case "term":
      return { kind: "term", pattern: table.intern(node.text), field: node.field };
    case "and":
    case "or":
      return { kind: node.type, children: node.children.map((c) => compileQuery(c, table)) };
    case "not":
      return { kind: "not", child: compileQuery(node.child, table) };
    case "near": {
      const ids = (terms: typeof node.left) => [...new Set(terms.map((t) => table.intern(t.text)))];
      return { kind: "near", left: ids(node.left), right: ids(node.right), distance: node.distance, field: node.field };
    }
  }
}

/** Pattern ids one of which occurs in every document `node` matches (see anchorTerms). */
export function anchorPatterns(node: QueryNode, table: PatternTable): number[] {
  return [...new Set(anchorTerms(node).map((t) => table.intern(t.text)))];
}
