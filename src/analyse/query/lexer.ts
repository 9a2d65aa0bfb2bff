// Splits a query into tokens. Full-width forms are folded first, one unit for one unit, so （）｜
// and ＡＮＤ work and every token's offset is an offset in the original query. Operators are
// upper-case only: a lower-case `and` or `or` is an ordinary word a user may want to find.
import { QUERY_LIMITS, QueryError } from "./ast";

/** One token; `pos` is its 0-based offset in the original query. */
export type Token =
  | { kind: "lparen" | "rparen" | "or" | "and" | "not"; text: string; pos: number }
  | { kind: "near"; distance: number; pos: number }
  | { kind: "term"; raw: string; phrase: boolean; pos: number }
  | { kind: "field"; field: "title" | "source"; text: string; pos: number };

const CLOSE_OF = new Map([['"', '"'], ["“", "”"], ["「", "」"], ["『", "』"]]);
const CLOSERS = new Set(["”", "」", "』"]);
const FIELD = /^(title|source|标题|来源):/i;
const FIELD_NAMES: Record<string, "title" | "source"> = { title: "title", source: "source", 标题: "title", 来源: "source" };

const isSpace = (ch: string) => /\s/.test(ch);
const endsWord = (ch: string) => isSpace(ch) || ch === "(" || ch === ")" || ch === "|" || CLOSE_OF.has(ch) || CLOSERS.has(ch);

/** The query with full-width ASCII forms and the ideographic space folded; same length. */
function foldWidth(query: string): string {
  return query.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

function nearToken(word: string, pos: number): Token {
  const m = /^NEAR\/(\d{1,4})$/.exec(word);
  const n = m ? Number(m[1]) : NaN;
  if (!(n >= 1 && n <= QUERY_LIMITS.maxNear))
    throw new QueryError("bad_near_distance", pos, `“${word}”写法不对，应为 NEAR/n，n 为 1 到 ${QUERY_LIMITS.maxNear} 之间的整数`);
  return { kind: "near", distance: n, pos };
}

/** The tokens of `query` (at most QUERY_LIMITS.maxLength characters; the parser checks). */
export function tokenize(query: string): Token[] {
  const q = foldWidth(query);
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i];
    if (isSpace(ch)) {
      i++;
    } else if (ch === "(" || ch === ")" || ch === "|") {
      out.push({ kind: ch === "(" ? "lparen" : ch === ")" ? "rparen" : "or", text: query[i], pos: i });
      i++;
    } else if (ch === "-") {
      const next = q[i + 1];
      if (next === undefined || isSpace(next) || next === ")" || next === "|")
        throw new QueryError("dangling_operator", i, "“-”后缺少要排除的词（“-”须紧贴在词前，如“学校 -招聘”）");
      out.push({ kind: "not", text: "-", pos: i });
      i++;
    } else if (CLOSE_OF.has(ch)) {
      const close = CLOSE_OF.get(ch) ?? ch;
      const end = q.indexOf(close, i + 1);
      if (end < 0) throw new QueryError("unclosed_quote", i, `引号 ${query[i]} 没有闭合，缺少 ${close}`);
      const raw = query.slice(i + 1, end);
      if (raw.trim() === "") throw new QueryError("empty_phrase", i, "引号中没有内容");
      out.push({ kind: "term", raw, phrase: true, pos: i });
      i = end + 1;
    } else if (CLOSERS.has(ch)) {
      throw new QueryError("unexpected_token", i, `多余的右引号 ${ch}，前面没有对应的左引号`);
    } else {
      let j = i + 1;
      while (j < q.length && !endsWord(q[j])) j++;
      const word = q.slice(i, j);
      const field = FIELD.exec(word);
      if (word === "AND" || word === "OR" || word === "NOT") {
        out.push({ kind: word === "AND" ? "and" : word === "OR" ? "or" : "not", text: word, pos: i });
      } else if (word === "NEAR" || word.startsWith("NEAR/")) {
        out.push(nearToken(word, i));
      } else if (field) {
        const after = i + field[0].length;
        if (after === j && !(q[j] === "(" || CLOSE_OF.has(q[j])))
          throw new QueryError("dangling_operator", i, `字段前缀“${query.slice(i, after)}”后缺少查询词`);
        out.push({ kind: "field", field: FIELD_NAMES[field[1].toLowerCase()], text: query.slice(i, after), pos: i });
        j = after;
      } else {
        out.push({ kind: "term", raw: query.slice(i, j), phrase: false, pos: i });
      }
      i = j;
    }
  }
  return out;
}
