import { describe, expect, it } from "vitest";
import { loadEngine, parseLexicon } from "./engine";

describe("engine lexicon", () => {
  it("tags every word of a cut as jieba's own tag does", () => {
    const { jieba, tagOf } = loadEngine();
    const text = "青禾县第三中学门口的道路施工，噪音扰民到深夜！iPhone15和4S店的投诉电话12345打不通，市民王先生很无奈。";
    const theirs = jieba.tag(text, true);
    expect(theirs.length).toBeGreaterThan(20);
    expect(jieba.cut(text, true).map((w) => `${w}/${tagOf(w)}`)).toEqual(theirs.map((t) => `${t.word}/${t.tag}`));
  });

  it("parses dictionary tags and IDF values into one table", () => {
    const lex = parseLexicon("学校 100 n\n投诉 50 v\r\n坏行\n", "学校 5.5\n噪音 8.25\n坏 x\n");
    expect(lex.tagOf("学校")).toBe("n");
    expect(lex.tagOf("投诉")).toBe("v");
    expect(lex.tagOf("噪音")).toBe("x"); // in the IDF table only
    expect(lex.tagOf("abc12")).toBe("eng");
    expect(lex.tagOf("2024")).toBe("m");
    expect(lex.idfOf("学校")).toBeCloseTo(5.5, 4);
    expect(lex.idfOf("噪音")).toBeCloseTo(8.25, 4);
    expect(lex.idfOf("投诉")).toBe(lex.median); // in the dictionary only
    expect(lex.median).toBe(8.25);
  });
});
