import { describe, expect, it } from "vitest";
import { loadEngine } from "./keywords/engine";
import { tokensOf as keywordTokens } from "./keywords/tokens";
import { compileUserWords } from "./keywords/user-dictionary";
import { dictionaryCut, hasRuns, isWordStart, REPEAT, segment, SPACES } from "./segment";
import { tokensOf as sentimentTokens } from "./sentiment/tokenise";

describe("segment", () => {
  it("cuts the cleaned text once; the words rebuild it and their offsets point into it", () => {
    const seg = segment("看到 @风息神泪: 青禾县的学校食堂太差了!!!! 好好好好 http://t.cn/abc #食品安全# [怒]");
    expect(seg.text).not.toMatch(/风息神泪|http|#/);
    expect(seg.text).toContain("好好 ");
    expect(seg.text).toContain("!! ");
    expect(seg.repeats).toBe(1); // 好好好好; a run of punctuation is shortened but not counted
    expect(seg.words.join("")).toBe(seg.text);
    seg.words.forEach((w, i) => expect(seg.text.slice(seg.starts[i], seg.starts[i + 1])).toBe(w));
    expect(seg.starts[seg.words.length]).toBe(seg.text.length);
    expect(seg.entries.length).toBe(seg.words.length);
  });

  it("handles empty, emoji-only and lone-surrogate text", () => {
    expect(segment("").words).toEqual([]);
    const emoji = segment("😂😂 👍");
    expect(emoji.words.join("")).toBe(emoji.text);
    const broken = segment("a\ud800b中文");
    expect(broken.starts[broken.words.length]).toBe(broken.text.length);
  });

  it("gives sentiment the words jieba's HMM made up as characters", () => {
    const { jieba, entry, knownEntry } = loadEngine();
    const known = (w: string) => knownEntry(entry(w));
    for (const text of ["柳溪镇丰禾村的村民反映这条路坑坑洼洼,下雨天根本没法走", "这个新冠疫苗打了吗,宿舍不拔插线板写作业"]) {
      const seg = segment(text);
      const cut = dictionaryCut(seg);
      const words = [...cut.words];
      words.forEach((w, i) => expect(seg.text.startsWith(w, cut.offsets[i])).toBe(true));
      expect(dictionaryCut(seg)).toBe(cut);
      expect(words.join("")).toBe(seg.text);
      const made = seg.words.filter((w) => w.length > 1 && /^\p{Script=Han}+$/u.test(w) && !known(w));
      expect(made.length).toBeGreaterThan(0);
      for (const w of made) expect(words).not.toContain(w);
      for (const w of words) if (w.length > 1 && /^\p{Script=Han}+$/u.test(w)) expect(known(w)).toBe(true);
      // Close to the cut without HMM (see dictionaryCut): most words agree.
      const plain = new Set(jieba.cut(seg.text, false));
      expect(words.filter((w) => plain.has(w)).length / words.length).toBeGreaterThan(0.8);
    }
  });

  it("finds exactly the runs the cleaning shortens: two spaces, three of one code point", () => {
    const cases = [
      "", "a", "aa", "aaa", "a a", "a  a", "好好", "好好好", "!!", "!!!", "😂😂", "😂😂😂", "😂\ud83d😂", "\ud800\ud800\ud800",
      "\ude02\ude02\ude02", "a\ud800b中文", "。。。", "哈哈 哈", "  ", "12333", "ab😂😂c😂",
    ];
    for (const text of cases) expect([text, hasRuns(text)]).toEqual([text, text.search(SPACES) >= 0 || text.search(REPEAT) >= 0]);
    // A text without runs is cut as it is.
    expect(segment("学校食堂太差了!! 好好").text).toBe("学校食堂太差了!! 好好");
  });

  it("finds word starts", () => {
    const seg = segment("学校食堂");
    expect(isWordStart(seg, 0)).toBe(true);
    expect(isWordStart(seg, seg.text.length)).toBe(true);
    expect(isWordStart(seg, 1)).toBe(false);
  });
});

describe("tokens from one segmentation", () => {
  it("keeps a user word whole when it ends inside one of jieba's words", () => {
    const engine = loadEngine();
    const seg = segment("在禾溪镇政府门口");
    expect(seg.words).toContain("镇政府"); // the user word 禾溪镇 would end inside it
    const tokens = keywordTokens(seg, engine, compileUserWords([{ word: "禾溪镇", kind: "place" }]));
    expect(tokens.map((t) => t.word)).toEqual(["在", "禾溪镇", "政府", "门口"]);
    expect(tokens[1].user?.kind).toBe("place");
  });

  it("takes user words on jieba's word boundaries from the one cut", () => {
    const seg = segment("去食堂吃饭");
    const tokens = keywordTokens(seg, loadEngine(), compileUserWords([{ word: "食堂", kind: "term" }]));
    expect(tokens.map((t) => t.word)).toEqual(seg.words);
    expect(tokens.find((t) => t.word === "食堂")?.user?.kind).toBe("term");
  });

  it("makes bracket emoticons and emoji single sentiment tokens", () => {
    const { tokens } = sentimentTokens(segment("气死我了[怒]还要排队👍"));
    expect(tokens.filter((t) => t.kind === "emoticon").map((t) => t.text)).toEqual(["[怒]"]);
    expect(tokens.filter((t) => t.kind === "emoji").map((t) => t.text)).toEqual(["👍"]);
    expect(tokens.map((t) => t.text)).not.toContain("[");
  });
});
