import { describe, expect, it } from "vitest";
import { compileUserWords, findUserWords } from "./user-dictionary";
import { validateUserWord } from "./user-words";

describe("validateUserWord", () => {
  it("accepts an entry and normalises the word as analysed text is", () => {
    expect(validateUserWord({ word: " 青禾县第三中学 ", kind: "org" })).toEqual({ word: "青禾县第三中学", kind: "org" });
    expect(validateUserWord({ word: "ＡＩ助手", weight: 3 })).toEqual({ word: "ai助手", weight: 3 });
    expect(validateUserWord({ word: "禾".repeat(30), kind: "place" }).word).toHaveLength(30);
  });

  it.each([
    [{ word: "" }, "词不能为空"],
    [{ word: "   " }, "词不能为空"],
    [{ word: "禾".repeat(31) }, "不能超过 30 个字"],
    [{ word: "青禾 县" }, "不能有空格"],
    [{ word: "青禾\n县" }, "不能有空格"],
    [{ word: "青禾\u0007县" }, "控制字符"],
    [{ word: "青禾\u200b县" }, "控制字符"],
    [{ word: "，。！" }, "至少要有一个汉字"],
    [{ word: 42 }, "词必须是文字"],
    [{ word: "禾溪镇", kind: "person" }, "类型只能是"],
    [{ word: "禾溪镇", weight: 0 }, "权重不能小于"],
    [{ word: "禾溪镇", weight: 11 }, "权重不能大于"],
    [{ word: "禾溪镇", weight: "2" }, "权重必须是数字"],
    ["禾溪镇", "格式不正确"],
    [null, "格式不正确"],
  ])("rejects %j with a Chinese message", (input, message) => {
    expect(() => validateUserWord(input)).toThrow(message);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(validateUserWord({ word: "𠀀".repeat(30) }).word).toBe("𠀀".repeat(30));
  });
});

describe("findUserWords", () => {
  const dictionary = compileUserWords([
    { word: "青禾县", kind: "place" },
    { word: "青禾县第三中学", kind: "org" },
    { word: "ai", kind: "term" },
    { word: "ＡＩ", kind: "org" },
  ]);

  it("prefers the longest entry and does not overlap matches", () => {
    const found = findUserWords("青禾县第三中学和青禾县", dictionary).map((m) => [m.start, m.entry.word]);
    expect(found).toEqual([[0, "青禾县第三中学"], [8, "青禾县"]]);
  });

  it("matches Latin entries only as whole Latin runs", () => {
    expect(findUserWords("ai识别", dictionary)).toHaveLength(1);
    expect(findUserWords("用ai", dictionary)).toHaveLength(1);
    expect(findUserWords("said", dictionary)).toHaveLength(0);
    expect(findUserWords("aim", dictionary)).toHaveLength(0);
  });

  it("folds entries and keeps the last of duplicates", () => {
    expect(dictionary.size).toBe(3);
    expect(findUserWords("ai", dictionary)[0].entry).toEqual({ word: "ai", kind: "org", boost: 2 });
  });
});
