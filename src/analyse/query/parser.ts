// Recursive-descent parser. Precedence from tightest: NEAR/n (between terms only), NOT / -, AND
// (or plain juxtaposition), OR / |. So `-a NEAR/5 b` excludes the pair and `a b | c` is (a b) | c.
// Work is bounded before it starts: the length is checked first, every nesting level (bracket or
// NOT) counts towards the depth limit, and terms are counted as they are read.
import { QUERY_LIMITS, QueryError, type Field, type QueryNode, type TermNode } from "./ast";
import { tokenize, type Token } from "./lexer";
import { normaliseForMatch } from "./normalise-map";
import { negativeOnlyAt } from "./query-terms";

/** Parses a watch query into its syntax tree; throws QueryError naming the position and problem. */
export function parseQuery(query: string): QueryNode {
  const max = QUERY_LIMITS.maxLength;
  if (query.length > max) throw new QueryError("too_long", max, `查询式过长，最多 ${max} 个字符（现有 ${query.length} 个）`);
  const tokens = tokenize(query);
  if (!tokens.length) throw new QueryError("empty_query", 0, "查询式为空，请输入要监测的词");
  const parser = new Parser(tokens, query.length);
  const node = parser.parseOr(0);
  const rest = tokens[parser.i];
  if (rest)
    throw new QueryError("unexpected_token", rest.pos, rest.kind === "rparen" ? "多余的右括号“)”，前面没有对应的左括号" : "此处的内容无法识别");
  const negative = negativeOnlyAt(node);
  if (negative !== null)
    throw new QueryError("only_negative", negative, "只有排除条件会匹配几乎所有信息，请至少写一个要包含的词（如“学校 -招聘”）");
  return node;
}

const NEAR_OPERAND = "NEAR 两侧只能是词、引号短语，或用“|”连接的一组词（如“(学校 | 幼儿园) NEAR/10 食堂”）";

class Parser {
  i = 0;
  private terms = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly end: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private startsOperand(): boolean {
    const kind = this.peek()?.kind;
    return kind === "term" || kind === "lparen" || kind === "not" || kind === "field";
  }

  private enter(depth: number, pos: number): void {
    if (depth > QUERY_LIMITS.maxDepth)
      throw new QueryError("too_deep", pos, `括号或排除嵌套过深，最多 ${QUERY_LIMITS.maxDepth} 层`);
  }

  parseOr(depth: number): QueryNode {
    const children = [this.parseAnd(depth)];
    for (let tok = this.peek(); tok?.kind === "or"; tok = this.peek()) {
      this.i++;
      if (!this.startsOperand()) throw new QueryError("dangling_operator", tok.pos, `“${tok.text}”后缺少查询词`);
      children.push(this.parseAnd(depth));
    }
    return children.length === 1 ? children[0] : { type: "or", children };
  }

  private parseAnd(depth: number): QueryNode {
    const children: QueryNode[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok?.kind === "and") {
        if (!children.length) throw new QueryError("dangling_operator", tok.pos, "AND 前缺少查询词");
        this.i++;
        if (!this.startsOperand()) throw new QueryError("dangling_operator", tok.pos, "AND 后缺少查询词");
      } else if (this.startsOperand()) {
        children.push(this.parseUnary(depth));
      } else break;
    }
    if (children.length) return children.length === 1 ? children[0] : { type: "and", children };
    const tok = this.peek();
    if (!tok) throw new QueryError("dangling_operator", this.end, "查询式不完整，结尾缺少查询词");
    if (tok.kind === "or") throw new QueryError("dangling_operator", tok.pos, `“${tok.text}”前缺少查询词`);
    if (tok.kind === "near") throw new QueryError("near_operand", tok.pos, NEAR_OPERAND);
    throw new QueryError("unexpected_token", tok.pos, "多余的右括号“)”，前面没有对应的左括号");
  }

  private parseUnary(depth: number): QueryNode {
    const tok = this.peek();
    if (tok?.kind !== "not") return this.parseNear(depth);
    this.i++;
    this.enter(depth + 1, tok.pos);
    if (!this.startsOperand()) throw new QueryError("dangling_operator", tok.pos, `“${tok.text}”后缺少要排除的词`);
    return { type: "not", child: this.parseUnary(depth + 1), pos: tok.pos };
  }

  private parseNear(depth: number): QueryNode {
    const left = this.parsePrimary(depth);
    const op = this.peek();
    if (op?.kind !== "near") return left;
    this.i++;
    const kind = this.peek()?.kind;
    if (kind !== "term" && kind !== "lparen" && kind !== "field") throw new QueryError("near_operand", op.pos, NEAR_OPERAND);
    const right = this.parsePrimary(depth);
    const chained = this.peek();
    if (chained?.kind === "near") throw new QueryError("near_operand", chained.pos, "NEAR 不能连用，请用 AND 连接两组 NEAR");
    const [l, r] = [alternatives(left, op.pos), alternatives(right, op.pos)];
    if ([...l, ...r].some((t) => t.field === "source")) throw new QueryError("near_operand", op.pos, "NEAR 不能用于来源（source:）");
    const field = [...l, ...r].some((t) => t.field === "title") ? "title" : "any";
    return { type: "near", left: l, right: r, distance: op.distance, field, pos: op.pos };
  }

  private parsePrimary(depth: number, field?: Field): QueryNode {
    const tok = this.peek();
    if (!tok) throw new QueryError("dangling_operator", this.end, "查询式不完整，结尾缺少查询词");
    this.i++;
    if (tok.kind === "field") {
      const next = this.peek()?.kind;
      if (field || (next !== "term" && next !== "lparen"))
        throw new QueryError("unexpected_token", tok.pos, `字段前缀“${tok.text}”后应紧跟词、引号短语或括号`);
      return this.parsePrimary(depth, tok.field);
    }
    if (tok.kind === "lparen") {
      this.enter(depth + 1, tok.pos);
      if (this.peek()?.kind === "rparen") throw new QueryError("empty_group", tok.pos, "括号中没有内容");
      const inner = this.parseOr(depth + 1);
      if (this.peek()?.kind !== "rparen") throw new QueryError("unclosed_paren", tok.pos, "左括号“(”缺少对应的右括号“)”");
      this.i++;
      return field ? withField(inner, field) : inner;
    }
    if (tok.kind === "term") {
      if (++this.terms > QUERY_LIMITS.maxTerms)
        throw new QueryError("too_many_terms", tok.pos, `查询词过多，最多 ${QUERY_LIMITS.maxTerms} 个`);
      const text = normaliseForMatch(tok.raw).text;
      return { type: "term", text, raw: tok.raw, phrase: tok.phrase, field: field ?? "any", pos: tok.pos };
    }
    throw new QueryError("unexpected_token", tok.pos, "此处应为查询词");
  }
}

function alternatives(node: QueryNode, pos: number): TermNode[] {
  if (node.type === "term") return [node];
  if (node.type === "or" && node.children.every((c) => c.type === "term")) return node.children as TermNode[];
  throw new QueryError("near_operand", pos, NEAR_OPERAND);
}

/** `node` with `field` given to every term that has no field of its own (inner prefixes win). */
function withField(node: QueryNode, field: Field): QueryNode {
  switch (node.type) {
    case "term":
      return node.field === "any" ? { ...node, field } : node;
    case "and":
    case "or":
      return { ...node, children: node.children.map((c) => withField(c, field)) };
    case "not":
      return { ...node, child: withField(node.child, field) };
    case "near": {
      if (field === "source") throw new QueryError("near_operand", node.pos, "NEAR 不能用于来源（source:）");
      const set = (t: TermNode) => (t.field === "any" ? { ...t, field } : t);
      return { ...node, left: node.left.map(set), right: node.right.map(set), field: "title" };
    }
  }
}
