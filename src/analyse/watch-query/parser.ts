// Recursive-descent parser of the watch query language. Precedence: NOT/- binds tightest, then
// NEAR/n, then AND (or juxtaposition), then OR (or |). Bounded: length, depth and term count.
import { QUERY_LIMITS, QueryError, type Field, type QueryNode } from "./ast";
import { tokenize, type Token } from "./lexer";
import { normaliseForMatch } from "./normalise-map";

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uac00-\ud7af]|[\ud840-\ud87f]/;

type TermNode = QueryNode & { type: "term" };

/** Parses a query; throws QueryError naming the position and the problem in Chinese. */
export function parseQuery(query: string): QueryNode {
  if (query.length > QUERY_LIMITS.maxLength)
    throw new QueryError("too_long", QUERY_LIMITS.maxLength, `查询式过长（最多 ${QUERY_LIMITS.maxLength} 个字符）`);
  const m = normaliseForMatch(query);
  const tokens = tokenize(m.text, query, m.starts);
  if (!tokens.length) throw new QueryError("empty_query", 0, "查询式为空");
  const p = new Parser(tokens, query.length);
  const node = p.parseOr(0);
  if (p.i < tokens.length) {
    const t = tokens[p.i];
    throw new QueryError("unexpected_token", t.pos, t.kind === "rparen" ? "多余的右括号“)”" : "无法识别的内容");
  }
  const neg = firstNegativeOnly(node);
  if (neg !== null) throw new QueryError("only_negative", neg, "只有排除条件，会匹配几乎所有内容；请至少加一个要包含的词");
  return node;
}

class Parser {
  i = 0;
  terms = 0;
  constructor(private readonly t: Token[], private readonly end: number) {}

  private peek(): Token | undefined {
    return this.t[this.i];
  }

  private depth(d: number, pos: number): void {
    if (d > QUERY_LIMITS.maxDepth) throw new QueryError("too_deep", pos, `括号嵌套过深（最多 ${QUERY_LIMITS.maxDepth} 层）`);
  }

  parseOr(d: number): QueryNode {
    const children = [this.parseAnd(d)];
    while (this.peek()?.kind === "or") {
      const op = this.t[this.i++];
      if (!this.startsOperand()) throw new QueryError("dangling_operator", op.pos, "“|”或 OR 后缺少查询词");
      children.push(this.parseAnd(d));
    }
    return children.length === 1 ? children[0] : { type: "or", children };
  }

  private startsOperand(): boolean {
    const k = this.peek()?.kind;
    return k === "term" || k === "lparen" || k === "not" || k === "minus" || k === "field";
  }

  private parseAnd(d: number): QueryNode {
    const children: QueryNode[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok?.kind === "and") {
        this.i++;
        if (!children.length || !this.startsOperand()) throw new QueryError("dangling_operator", tok.pos, "AND 两侧都需要查询词");
        continue;
      }
      if (!this.startsOperand()) break;
      children.push(this.parseUnary(d));
    }
    if (!children.length) {
      const tok = this.peek();
      if (!tok) throw new QueryError("dangling_operator", this.end, "查询式不完整，结尾缺少查询词");
      if (tok.kind === "near") throw new QueryError("near_operand", tok.pos, "NEAR 左侧缺少查询词");
      throw new QueryError("unexpected_token", tok.pos, tok.kind === "rparen" ? "多余的右括号“)”" : "此处缺少查询词");
    }
    return children.length === 1 ? children[0] : { type: "and", children };
  }

  private parseUnary(d: number): QueryNode {
    const tok = this.peek()!;
    if (tok.kind === "not" || tok.kind === "minus") {
      this.i++;
      this.depth(d + 1, tok.pos);
      if (!this.startsOperand()) throw new QueryError("dangling_operator", tok.pos, "排除符号后缺少查询词");
      return { type: "not", child: this.parseUnary(d + 1), pos: tok.pos };
    }
    return this.parseNear(d);
  }

  private parseNear(d: number): QueryNode {
    let left: QueryNode = this.parsePrimary(d);
    while (this.peek()?.kind === "near") {
      const op = this.t[this.i++] as Token & { kind: "near" };
      if (left.type === "near") throw new QueryError("near_operand", op.pos, "NEAR 不能连续使用");
      if (left.type !== "term") throw new QueryError("near_operand", op.pos, "NEAR 两侧必须是单个词或引号短语");
      const right = this.peek()?.kind === "term" || this.peek()?.kind === "field" ? this.parsePrimary(d) : null;
      if (!right || right.type !== "term") throw new QueryError("near_operand", op.pos, "NEAR 两侧必须是单个词或引号短语");
      if (left.field === "source" || right.field === "source") throw new QueryError("near_operand", op.pos, "NEAR 不能用于 source: 来源");
      left = { type: "near", left, right, distance: op.distance, pos: op.pos };
    }
    return left;
  }

  private parsePrimary(d: number, field: Field = "any"): QueryNode {
    const tok = this.peek();
    if (!tok) throw new QueryError("dangling_operator", this.end, "查询式不完整，结尾缺少查询词");
    if (tok.kind === "field") {
      this.i++;
      if (field !== "any") throw new QueryError("unexpected_token", tok.pos, "字段前缀不能嵌套");
      return this.parsePrimary(d, tok.field);
    }
    if (tok.kind === "lparen") {
      this.i++;
      this.depth(d + 1, tok.pos);
      if (this.peek()?.kind === "rparen") throw new QueryError("empty_group", tok.pos, "括号中没有内容");
      const inner = this.parseOr(d + 1);
      if (this.peek()?.kind !== "rparen") throw new QueryError("unclosed_paren", tok.pos, "括号没有闭合，缺少右括号“)”");
      this.i++;
      return field === "any" ? inner : withField(inner, field);
    }
    if (tok.kind === "term") {
      this.i++;
      if (++this.terms > QUERY_LIMITS.maxTerms) throw new QueryError("too_many_terms", tok.pos, `查询词过多（最多 ${QUERY_LIMITS.maxTerms} 个）`);
      return { type: "term", text: tok.text, phrase: tok.phrase, latin: !CJK.test(tok.text), field, pos: tok.pos };
    }
    throw new QueryError("unexpected_token", tok.pos, tok.kind === "rparen" ? "多余的右括号“)”" : "此处缺少查询词");
  }
}

function withField(node: QueryNode, field: Field): QueryNode {
  switch (node.type) {
    case "term": return { ...node, field: node.field === "any" ? field : node.field };
    case "and": case "or": return { ...node, children: node.children.map((c) => withField(c, field)) };
    case "not": return { ...node, child: withField(node.child, field) };
    case "near": return { ...node, left: withField(node.left, field) as TermNode, right: withField(node.right, field) as TermNode };
  }
}

/** Offset of a sub-query that matches without any positive term (e.g. `-a`, `a | -b`), or null. */
function firstNegativeOnly(node: QueryNode): number | null {
  if (node.type === "not") return node.pos;
  if (node.type === "and") return node.children.some((c) => c.type !== "not") ? inner(node.children) : (node.children[0] as { pos: number }).pos;
  if (node.type === "or") {
    for (const c of node.children) {
      const p = firstNegativeOnly(c);
      if (p !== null) return p;
    }
  }
  return null;

  function inner(children: QueryNode[]): number | null {
    for (const c of children) {
      if (c.type === "not") continue;
      const p = firstNegativeOnly(c);
      if (p !== null) return p;
    }
    return null;
  }
}
