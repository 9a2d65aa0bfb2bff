import { describe, expect, it } from "vitest";
import type { QueryNode, TermNode } from "./ast";
import { parseQuery } from "./parser";
import { queryTerms } from "./query-terms";

// A compact rendering of the tree: (and a b), (or …), (not …), (near/5 [a] [b]), title:x, "phrase".
function show(node: QueryNode): string {
  const term = (t: TermNode) => `${t.field === "any" ? "" : `${t.field}:`}${t.phrase ? `"${t.text}"` : t.text}`;
  switch (node.type) {
    case "term":
      return term(node);
    case "and":
    case "or":
      return `(${node.type} ${node.children.map(show).join(" ")})`;
    case "not":
      return `(not ${show(node.child)})`;
    case "near":
      return `(near/${node.distance}${node.field === "title" ? " title" : ""} [${node.left.map(term).join(" ")}] [${node.right.map(term).join(" ")}])`;
  }
}

const parse = (q: string) => show(parseQuery(q));

describe("parseQuery", () => {
  it("reads juxtaposition as AND, | as OR and - as NOT", () => {
    expect(parse("学校 食堂")).toBe("(and 学校 食堂)");
    expect(parse("欠薪 | 拖欠工资")).toBe("(or 欠薪 拖欠工资)");
    expect(parse("学校 -招聘")).toBe("(and 学校 (not 招聘))");
    expect(parse("学校 AND 食堂 OR 医院 AND NOT 招聘")).toBe("(or (and 学校 食堂) (and 医院 (not 招聘)))");
  });

  it("binds NOT tighter than AND, and AND tighter than OR", () => {
    expect(parse("a b | c d")).toBe("(or (and a b) (and c d))");
    expect(parse("a | b c")).toBe("(or a (and b c))");
    expect(parse("-a b | c")).toBe("(or (and (not a) b) c)");
    expect(parse("(a | b) c")).toBe("(and (or a b) c)");
    expect(parse("a -(b | c)")).toBe("(and a (not (or b c)))");
  });

  it("accepts full-width brackets, bar, quotes and operators", () => {
    expect(parse("（学校｜幼儿园） 食堂")).toBe("(and (or 学校 幼儿园) 食堂)");
    expect(parse("学校 ＯＲ 医院")).toBe("(or 学校 医院)");
    expect(parse("＂食品 安全＂ 标题：停水")).toBe('(and "食品 安全" title:停水)');
  });

  it("treats lower-case and/or/not/near as words", () => {
    expect(parse("rock and roll")).toBe("(and rock and roll)");
    expect(parse("a or b")).toBe("(and a or b)");
    expect(parse("near/5 x")).toBe("(and near/5 x)");
  });

  it("reads ASCII and Chinese quotes as phrases, normalised", () => {
    expect(parse('"New  York"')).toBe('"new york"');
    expect(parse("“食品安全” 「學校」 『x y』")).toBe('(and "食品安全" "学校" "x y")');
    expect(parse('学校"食堂"')).toBe('(and 学校 "食堂")');
  });

  it("keeps hyphens inside words and needs - to start a word to mean NOT", () => {
    expect(parse("covid-19 wi-fi")).toBe("(and covid-19 wi-fi)");
    expect(parse("a (-b c)")).toBe("(and a (and (not b) c))");
  });

  it("parses NEAR between terms, phrases and OR-groups of terms", () => {
    expect(parse("食堂 NEAR/10 变质")).toBe("(near/10 [食堂] [变质])");
    expect(parse('(学校 | 幼儿园) NEAR/5 "食物 中毒"')).toBe('(near/5 [学校 幼儿园] ["食物 中毒"])');
    expect(parse("x 食堂 NEAR/3 变质 | y")).toBe("(or (and x (near/3 [食堂] [变质])) y)");
    expect(parse("x -a NEAR/3 b")).toBe("(and x (not (near/3 [a] [b])))");
  });

  it("applies field prefixes to a term or a group, inner prefixes winning", () => {
    expect(parse("title:教育 source:微博")).toBe("(and title:教育 source:微博)");
    expect(parse("TITLE:(a | b) c")).toBe("(and (or title:a title:b) c)");
    expect(parse("title:(a source:b)")).toBe("(and title:a source:b)");
    expect(parse('来源：青禾论坛 标题:"停 水"')).toBe('(and source:青禾论坛 title:"停 水")');
    expect(parse("title:a NEAR/4 b")).toBe("(near/4 title [title:a] [b])");
    expect(parse("title:(a NEAR/4 b)")).toBe("(near/4 title [title:a] [title:b])");
    expect(parse("http://x.cn")).toBe("http://x.cn");
  });

  it("records where each term was in the original query", () => {
    const node = parseQuery("（學校） “食堂”");
    expect(node.type === "and" && node.children.map((c) => (c.type === "term" ? [c.pos, c.raw] : null))).toEqual([
      [1, "學校"],
      [5, "食堂"],
    ]);
  });
});

describe("queryTerms", () => {
  it("lists the positive terms once each, without excluded or source terms", () => {
    const node = parseQuery("學校 -招聘 (ai | 学校 | x NEAR/3 y) source:微博 -(z)");
    expect(queryTerms(node)).toEqual(["学校", "ai", "x", "y"]);
  });
});
