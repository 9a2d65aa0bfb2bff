// The watch query syntax tree, the limits that keep a query cheap, and the error the parser raises.

/** Where a term is looked for: title and text (the default), the title only, or the source name. */
export type Field = "any" | "title" | "source";

/** A word or quoted phrase. `text` is normalised for matching; `pos` is its offset in the query. */
export type TermNode = { type: "term"; text: string; raw: string; phrase: boolean; field: Field; pos: number };

/**
 * A parsed query. NEAR operands are lists of alternatives (a term, or an OR-group of terms); the
 * pair is searched in the title only when an operand carries `title:`, else in title or in text.
 */
export type QueryNode =
  | TermNode
  | { type: "and"; children: QueryNode[] }
  | { type: "or"; children: QueryNode[] }
  | { type: "not"; child: QueryNode; pos: number }
  | { type: "near"; left: TermNode[]; right: TermNode[]; distance: number; field: "any" | "title"; pos: number };

/** Bounds against pathological input: query length, nesting, term count, NEAR distance. */
export const QUERY_LIMITS = { maxLength: 4000, maxDepth: 32, maxTerms: 500, maxNear: 500 } as const;

/** Stable codes of parse errors, for callers that react to a kind of mistake. */
export type QueryErrorCode =
  | "empty_query"
  | "too_long"
  | "too_deep"
  | "too_many_terms"
  | "unclosed_paren"
  | "unclosed_quote"
  | "unexpected_token"
  | "dangling_operator"
  | "empty_group"
  | "empty_phrase"
  | "near_operand"
  | "bad_near_distance"
  | "only_negative";

/** A rejected query: `position` is a 0-based UTF-16 offset in the original query, `message` Chinese. */
export class QueryError extends Error {
  /** `problem` is the Chinese description; the message prefixes the 1-based character number. */
  constructor(
    readonly code: QueryErrorCode,
    readonly position: number,
    problem: string,
  ) {
    super(`第 ${position + 1} 个字符处：${problem}`);
    this.name = "QueryError";
  }
}
