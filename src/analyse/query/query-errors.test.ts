import { beforeAll, describe, expect, it } from "vitest";
import { QUERY_LIMITS, QueryError } from "./ast";
import { parseQuery } from "./parser";

function failure(query: string): QueryError {
  try {
    parseQuery(query);
  } catch (err) {
    if (err instanceof QueryError) return err;
    throw err;
  }
  throw new Error(`query parsed but should not have: ${query}`);
}

const manyTerms = Array.from({ length: 501 }, (_, i) => `t${i}`).join(" ");

// [query, code, 0-based position in the query]
const CASES: [string, string, number][] = [
  ["", "empty_query", 0],
  [" \u3000 ", "empty_query", 0],
  ["a".repeat(QUERY_LIMITS.maxLength + 1), "too_long", QUERY_LIMITS.maxLength],
  [`${"(".repeat(33)}a${")".repeat(33)}`, "too_deep", 32],
  [`a ${"-".repeat(40)}b`, "too_deep", 34],
  [manyTerms, "too_many_terms", manyTerms.indexOf(" t500") + 1],
  ["学校 (食堂 | 医院", "unclosed_paren", 3],
  ["((a)", "unclosed_paren", 0],
  ['学校 "食堂', "unclosed_quote", 3],
  ["“食堂", "unclosed_quote", 0],
  ["a 「b", "unclosed_quote", 2],
  ["学校 )", "unexpected_token", 3],
  ["(a) b)", "unexpected_token", 5],
  ["a ”b", "unexpected_token", 2],
  ["title:title:a", "unexpected_token", 0],
  ["title:-a", "unexpected_token", 0],
  ["学校 |", "dangling_operator", 3],
  ["| 学校", "dangling_operator", 0],
  ["学校 AND", "dangling_operator", 3],
  ["AND 学校", "dangling_operator", 0],
  ["学校 OR | 医院", "dangling_operator", 3],
  ["学校 NOT", "dangling_operator", 3],
  ["学校 - 招聘", "dangling_operator", 3],
  ["title: 学校", "dangling_operator", 0],
  ["学校 ()", "empty_group", 3],
  ['学校 ""', "empty_phrase", 3],
  ["“ ”", "empty_phrase", 0],
  ["NEAR/5 a", "near_operand", 0],
  ["a NEAR/5", "near_operand", 2],
  ["(a b) NEAR/5 c", "near_operand", 6],
  ["a NEAR/5 -b", "near_operand", 2],
  ["a NEAR/5 b NEAR/5 c", "near_operand", 11],
  ["source:a NEAR/5 b", "near_operand", 9],
  ["source:(a NEAR/5 b)", "near_operand", 10],
  ["a NEAR/0 b", "bad_near_distance", 2],
  ["a NEAR/501 b", "bad_near_distance", 2],
  ["a NEAR/x b", "bad_near_distance", 2],
  ["a NEAR b", "bad_near_distance", 2],
  ["-招聘", "only_negative", 0],
  ["NOT a", "only_negative", 0],
  ["-a -b", "only_negative", 0],
  ["学校 | -招聘", "only_negative", 5],
  ["(-a) | b", "only_negative", 1],
];

describe("parse errors", () => {
  beforeAll(() => parseQuery("學校")); // load the converter before anything is timed

  it.each(CASES)("%j fails with %s at %i", (query, code, position) => {
    const err = failure(query);
    expect({ code: err.code, position: err.position }).toEqual({ code, position });
    expect(err.message).toMatch(new RegExp(`^第 ${position + 1} 个字符处：.*[\\u4e00-\\u9fff]`));
  });

  it("names the missing bracket in Chinese", () => {
    expect(failure("学校 (食堂").message).toBe("第 4 个字符处：左括号“(”缺少对应的右括号“)”");
  });

  it("accepts the limits themselves", () => {
    expect(() => parseQuery(`${"(".repeat(32)}a${")".repeat(32)}`)).not.toThrow();
    expect(() => parseQuery(Array.from({ length: 500 }, (_, i) => `t${i}`).join(" "))).not.toThrow();
    expect(() => parseQuery("a NEAR/500 b NEAR/1 c".replace(" NEAR/1 c", " c NEAR/1 d"))).not.toThrow();
    expect(() => parseQuery(`a${" ".repeat(QUERY_LIMITS.maxLength - 1)}`)).not.toThrow();
  });

  it("allows excluded terms next to a required one", () => {
    expect(() => parseQuery("学校 (食堂 | -招聘)")).not.toThrow();
  });
});

describe("pathological queries fail fast", () => {
  beforeAll(() => parseQuery("學校"));

  const timed = (query: string) => {
    const started = performance.now();
    const err = failure(query);
    return { code: err.code, ms: performance.now() - started };
  };

  it("rejects 10,000 nested brackets", () => {
    const { code, ms } = timed(`${"(".repeat(10_000)}学校${")".repeat(10_000)}`);
    expect(code).toBe("too_long");
    expect(ms).toBeLessThan(100);
  });

  it("rejects nesting that fits the length limit by depth", () => {
    const { code, ms } = timed(`${"(".repeat(1_999)}a${")".repeat(1_999)}`);
    expect(code).toBe("too_deep");
    expect(ms).toBeLessThan(100);
  });

  it("rejects thousands of terms", () => {
    const short = timed(Array.from({ length: 1_999 }, () => "学").join(" "));
    expect(short.code).toBe("too_many_terms");
    expect(short.ms).toBeLessThan(100);
    const long = timed(Array.from({ length: 5_000 }, (_, i) => `词${i}`).join(" | "));
    expect(long.code).toBe("too_long");
    expect(long.ms).toBeLessThan(100);
  });
});
