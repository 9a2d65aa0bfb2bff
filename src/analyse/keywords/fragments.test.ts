import { describe, expect, it } from "vitest";
import { loadEngine } from "./engine";
import { isFragment } from "./fragments";
import { KEYWORD_TAGS } from "./tokens";

const tagOf = (word: string): string => loadEngine().tagOf(word);
// Words jieba's dictionary lacks (吃不下) are tried as verbs, the tag a rare word gets in the dictionary.
const fragment = (word: string): boolean => isFragment(word, KEYWORD_TAGS.has(tagOf(word)) ? tagOf(word) : "v", tagOf);

describe("isFragment", () => {
  it("catches function-word pairs, modal and negated verbs, and verb complements by their shape", () => {
    const fragments = [
      "不下", "总得", "这个", "一下", "回来", // only function characters
      "没法", "只能", "没见", "不堪", "没人接", // an adverb glued to a verb
      "吃不下", "轮不到", "挡不住", "来得及", "熏得", // potential complements
      "放到", "转给", "收进", "建好", "打过", "漂着", // one-character verb + complement
      "运出去", "转转", "晒晒", "检查一下", "考虑一下", "这个月", // direction, reduplication, 一下, demonstrative
      "河面上", "下车时", // locative and time words
    ];
    for (const word of fragments) expect(fragment(word), word).toBe(true);
  });

  it("keeps the verbs and nouns that name an issue, including look-alikes", () => {
    const words = ["迟到", "就诊", "就业", "演出", "会议", "补课", "停电", "围挡", "到位", "施工", "看病", "打桩", "超载", "校车", "停车场", "教育局", "垃圾堆"];
    for (const word of words) expect(fragment(word), word).toBe(false);
  });
});
