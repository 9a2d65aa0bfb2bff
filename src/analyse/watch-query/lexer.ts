// Splits a normalised query into tokens, remembering each token's offset in the original query.
import { QueryError, type Field } from "./ast";

/** One token of the query language. */
export type Token =
  | { kind: "lparen" | "rparen" | "or" | "and" | "not" | "minus"; pos: number }
  | { kind: "near"; distance: number; pos: number }
  | { kind: "term"; text: string; phrase: boolean; field: Field; pos: number }
  | { kind: "field"; field: Field; pos: number };

const OPEN_QUOTES = new Set(['"', "“", "「", "『"]);
const CLOSE_OF: Record<string, string> = { '"': '"', "“": "”", "「": "」", "『": "』" };
const STOP = new Set([" ", "(", ")", "|", '"', "“", "”", "「", "」", "『", "』"]);

/** Tokens of a normalised query; `starts[i]` is the original offset of normalised unit i. */
export function tokenize(q: string, original: string, starts: ArrayLike<number>): Token[] {
  const at = (i: number) => (i < q.length ? starts[i] : original.length);
  const originalWord = (from: number, to: number) => original.slice(at(from), at(to - 1) + 1);
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i];
    if (ch === " ") {
      i++;
      continue;
    }
    const pos = at(i);
    if (ch === "(" || ch === ")") {
      out.push({ kind: ch === "(" ? "lparen" : "rparen", pos });
      i++;
      continue;
    }
    if (ch === "|") {
      out.push({ kind: "or", pos });
      i++;
      continue;
    }
    if (ch === "-" && (out.length === 0 || q[i - 1] === " " || q[i - 1] === "(") && i + 1 < q.length && q[i + 1] !== " ") {
      out.push({ kind: "minus", pos });
      i++;
      continue;
    }
    const field = /^(title|source):/.exec(q.slice(i, i + 7));
    if (field && i + field[0].length < q.length && q[i + field[0].length] !== " ") {
      out.push({ kind: "field", field: field[1] as Field, pos });
      i += field[0].length;
      continue;
    }
    if (OPEN_QUOTES.has(ch)) {
      const close = CLOSE_OF[ch];
      const end = q.indexOf(close, i + 1);
      if (end < 0) throw new QueryError("unclosed_quote", pos, `引号没有闭合，缺少“${close}”`);
      const text = q.slice(i + 1, end).trim();
      if (!text) throw new QueryError("empty_phrase", pos, "引号中没有内容");
      out.push({ kind: "term", text, phrase: true, field: "any", pos });
      i = end + 1;
      continue;
    }
    if (ch === "”" || ch === "」" || ch === "』") throw new QueryError("unexpected_token", pos, `多余的右引号“${ch}”`);
    let j = i;
    while (j < q.length && !STOP.has(q[j])) j++;
    const word = q.slice(i, j);
    const near = /^near\/(.*)$/.exec(word);
    if (word === "and" || word === "or" || word === "not") {
      // Operators are upper-case in the original; a lower-case and/or/not is an ordinary word.
      const original = originalWord(i, j);
      if (original === word.toUpperCase()) out.push({ kind: word as "and" | "or" | "not", pos });
      else out.push({ kind: "term", text: word, phrase: false, field: "any", pos });
    } else if (near && originalWord(i, i + 4) === "NEAR") {
      const n = Number(near[1]);
      if (!/^\d{1,4}$/.test(near[1]) || n < 1 || n > 500) throw new QueryError("bad_near_distance", pos, "NEAR/ 后应为 1 到 500 之间的整数");
      out.push({ kind: "near", distance: n, pos });
    } else out.push({ kind: "term", text: word, phrase: false, field: "any", pos });
    i = j;
  }
  return out;
}
