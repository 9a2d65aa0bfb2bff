// The watch query syntax tree and the errors the parser raises.

/** Where a term is looked for: title and text, the title only, or the source name. */
export type Field = "any" | "title" | "source";

/** A parsed query. Term text is normalised; `pos` is the offset in the original query. */
export type QueryNode =
  | { type: "term"; text: string; phrase: boolean; latin: boolean; field: Field; pos: number }
  | { type: "and"; children: QueryNode[] }
  | { type: "or"; children: QueryNode[] }
  | { type: "not"; child: QueryNode; pos: number }
  | { type: "near"; left: QueryNode & { type: "term" }; right: QueryNode & { type: "term" }; distance: number; pos: number };

/** Limits that keep parsing and matching bounded whatever a user types. */
export const QUERY_LIMITS = { maxLength: 4000, maxDepth: 32, maxTerms: 500, maxNear: 500 } as const;

/** A query the parser rejected: `position` is a 0-based offset in the query, `message` is Chinese. */
export class QueryError extends Error {
  /** An error at `position` with a stable `code` and the problem in Chinese. */
  constructor(readonly code: string, readonly position: number, problem: string) {
    super(`第 ${position + 1} 个字符处：${problem}`);
    this.name = "QueryError";
  }
}
