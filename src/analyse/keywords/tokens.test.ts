import { describe, expect, it } from "vitest";
import { loadEngine } from "./engine";
import { capText, MAX_ANALYSED_CHARS } from "../segment";
import { isCandidate, tokenise } from "./tokens";
import { compileUserWords } from "./user-dictionary";
import type { Token } from "./types";

const token = (word: string, tag: string): Token => ({ word, tag, user: null });
const none = new Set<string>();
const tagOf = (word: string): string => loadEngine().tagOf(word);

describe("capText", () => {
  it("cuts long text without splitting a surrogate pair", () => {
    const text = "a".repeat(MAX_ANALYSED_CHARS - 1) + "😀" + "b".repeat(10);
    expect(capText(text)).toBe("a".repeat(MAX_ANALYSED_CHARS - 1));
    expect(capText("短文本")).toBe("短文本");
  });
});

describe("isCandidate", () => {
  it("admits content nouns and verbs only", () => {
    expect(isCandidate(token("补课费", "n"), none, tagOf)).toBe(true);
    expect(isCandidate(token("核查", "v"), none, tagOf)).toBe(true);
    expect(isCandidate(token("王建国", "nr"), none, tagOf)).toBe(false);
    expect(isCandidate(token("张小明", "x"), none, tagOf)).toBe(false);
    expect(isCandidate(token("2024", "m"), none, tagOf)).toBe(false);
    expect(isCandidate(token("iphone", "eng"), none, tagOf)).toBe(false);
    expect(isCandidate(token("县", "n"), none, tagOf)).toBe(false);
    expect(isCandidate(token("表示", "v"), none, tagOf)).toBe(false);
    expect(isCandidate(token("不下", "v"), none, tagOf)).toBe(false);
    expect(isCandidate(token("总得", "v"), none, tagOf)).toBe(false);
    expect(isCandidate(token("检查一下", "n"), none, tagOf)).toBe(false);
    expect(isCandidate(token("不下", "v"), none, null)).toBe(true); // the fragment filter off, as eval measures it
    expect(isCandidate(token("补课费", "n"), new Set(["补课费"]), tagOf)).toBe(false);
  });

  it("admits user words whatever their length or tag", () => {
    const user = { word: "禾", kind: "term" as const, boost: 2 };
    expect(isCandidate({ word: "禾", tag: "user", user }, none, tagOf)).toBe(true);
  });
});

describe("tokenise", () => {
  it("cuts user words out before jieba and tags the rest", () => {
    const dictionary = compileUserWords([{ word: "禾溪镇", kind: "place" }]);
    const tokens = tokenise("在禾溪镇政府门口", loadEngine(), dictionary);
    expect(tokens.map((t) => t.word)).toEqual(["在", "禾溪镇", "政府", "门口"]);
    expect(tokens[1].user?.kind).toBe("place");
  });

  it("rejoins a place stem with an administrative suffix", () => {
    const tokens = tokenise("岚山村的村民", loadEngine(), compileUserWords([]));
    expect(tokens[0]).toEqual({ word: "岚山村", tag: "ns", user: null });
  });
});
