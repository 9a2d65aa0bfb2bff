import { describe, expect, it } from "vitest";
import { KeywordExtractor } from "./index";
import { STOPWORDS } from "./stopwords";
import { MAX_ANALYSED_CHARS } from "../segment";

// A made-up county news post, written for these tests (names and figures are invented).
const POST =
  "青禾县教育局近日回应家长关于补课费的投诉。有家长反映，青禾县第三中学在暑假期间组织学生集中补课，" +
  "每人收取补课费800元，另收资料费200元。网友王建国表示，补课费收取没有公示。记者从青禾县教育局了解到，" +
  "该局已成立调查组，对补课费和资料费问题进行核查，如查实将责令学校退还费用。2024年9月1日 转发 评论 网页链接";

const words = (list: { word: string }[]) => list.map((k) => k.word);

describe("KeywordExtractor.keywords", () => {
  const extractor = new KeywordExtractor();

  it("finds the content words of a county news post", () => {
    const found = words(extractor.keywords(POST, 10));
    expect(found).toEqual(expect.arrayContaining(["补课费", "资料费", "教育局", "青禾县", "家长"]));
    expect(found[0]).toBe("补课费");
  });

  it("never returns stopwords, numbers, single characters or platform filler", () => {
    for (const { word } of extractor.keywords(POST, 50)) {
      expect(STOPWORDS.has(word), word).toBe(false);
      expect(word, word).not.toMatch(/^[\d.]+$/u);
      expect(Array.from(word).length, word).toBeGreaterThan(1);
    }
    const found = words(extractor.keywords(POST, 50));
    for (const filler of ["网友", "表示", "记者", "转发", "评论", "网页链接"]) expect(found).not.toContain(filler);
  });

  it("does not make a private person's name a keyword", () => {
    // jieba tags 王建国 as a person name (nr); the filter must drop it even though it is a rare word.
    expect(extractor.segment(POST)).toContain("王建国");
    expect(words(extractor.keywords(POST, 50))).not.toContain("王建国");
    expect(words(extractor.textRank(POST, 50))).not.toContain("王建国");
  });

  it("returns weights in [0, 1] with the top at 1, ordered by weight then word", () => {
    const list = extractor.keywords(POST, 20);
    expect(list).toHaveLength(20);
    expect(list[0].weight).toBe(1);
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      expect(b.weight).toBeGreaterThan(0);
      expect(a.weight > b.weight || (a.weight === b.weight && a.word < b.word)).toBe(true);
    }
    expect(extractor.keywords(POST, 20)).toEqual(list);
  });

  it("honours extra stopwords from the options", () => {
    const custom = new KeywordExtractor({ stopwords: ["补课费"] });
    expect(words(custom.keywords(POST))).not.toContain("补课费");
    expect(custom.segment(POST)).not.toContain("补课费");
  });
});

describe("KeywordExtractor user dictionary", () => {
  const text = "青禾县第三中学的学生家长说，白鹭湾小区门口的路灯坏了半年，青禾县第三中学门口也一样。";

  it("keeps a user word whole only while it is in the dictionary", () => {
    const extractor = new KeywordExtractor();
    expect(extractor.segment(text)).not.toContain("青禾县第三中学");
    expect(words(extractor.analyse(text).keywords)).not.toContain("白鹭湾");

    extractor.setUserWords([
      { word: "青禾县第三中学", kind: "org" },
      { word: "白鹭湾", kind: "place" },
    ]);
    const withWords = extractor.analyse(text);
    expect(words(withWords.keywords).slice(0, 2).sort()).toEqual(["白鹭湾", "青禾县第三中学"]);
    expect(withWords.entities).toEqual(
      expect.arrayContaining([
        { word: "青禾县第三中学", kind: "org" },
        { word: "白鹭湾", kind: "place" },
      ]),
    );
    expect(extractor.segment(text).filter((w) => w === "青禾县第三中学")).toHaveLength(2);

    extractor.setUserWords([{ word: "白鹭湾", kind: "place" }]);
    const removed = extractor.analyse(text);
    expect(words(removed.keywords)).not.toContain("青禾县第三中学");
    expect(words(removed.entities)).not.toContain("青禾县第三中学");
    expect(words(removed.entities)).toContain("白鹭湾");
  });

  it("applies the constructor's dictionary, user terms and Latin word boundaries", () => {
    const extractor = new KeywordExtractor({ userWords: [{ word: "5G基站", kind: "term" }, { word: "ai" }] });
    const result = extractor.analyse("小区楼顶新装的5g基站引发居民担忧，有人说ai能算出辐射。said nothing");
    expect(result.entities).toEqual(expect.arrayContaining([{ word: "5g基站", kind: "term" }, { word: "ai", kind: "term" }]));
    expect(extractor.segment("he said so")).not.toContain("ai");
  });

  it("multiplies a user word's score by its weight", () => {
    const text = "家长投诉补课费，补课费太贵，学校门口的路灯也坏了。";
    const top = (weight: number) => new KeywordExtractor({ userWords: [{ word: "路灯", weight }] }).keywords(text)[0].word;
    expect(top(10)).toBe("路灯");
    expect(top(0.1)).toBe("补课费");
  });

  it("does not let one extractor's dictionary leak into another", () => {
    const a = new KeywordExtractor({ userWords: [{ word: "青禾县第三中学", kind: "org" }] });
    const b = new KeywordExtractor();
    expect(words(a.analyse(text).entities)).toContain("青禾县第三中学");
    expect(words(b.analyse(text).entities)).not.toContain("青禾县第三中学");
  });
});

describe("KeywordExtractor entities", () => {
  const extractor = new KeywordExtractor();

  it("finds places and organisations but never people", () => {
    const { entities } = extractor.analyse("市民王建国说，北京市海淀区和岚山村都有人向县公安局、青禾县城管局和县信访办反映情况。");
    expect(entities).toEqual(
      expect.arrayContaining([
        { word: "北京市", kind: "place" },
        { word: "海淀区", kind: "place" },
        { word: "岚山村", kind: "place" },
        { word: "县公安局", kind: "org" },
        { word: "城管局", kind: "org" },
        { word: "信访办", kind: "org" },
      ]),
    );
    expect(words(entities)).not.toContain("王建国");
  });

  it("rejoins an unknown county name with its suffix", () => {
    const { keywords, entities } = extractor.analyse(POST);
    expect(extractor.segment(POST)).toContain("青禾县");
    expect(words(keywords)).toContain("青禾县");
    expect(entities[0]).toEqual({ word: "青禾县", kind: "place" });
  });
});

describe("KeywordExtractor.textRank", () => {
  it("ranks the word linked to the most others first, unlike TF-IDF", () => {
    // 补课费 co-occurs with every other content word; 资料费 is repeated at the end with few neighbours.
    const text = "家长投诉补课费。学校收取补课费。教育局调查补课费。老师退还补课费。" + "资料费，资料费，资料费，资料费，资料费，资料费。";
    const extractor = new KeywordExtractor();
    expect(extractor.keywords(text)[0].word).toBe("资料费");
    const ranked = extractor.textRank(text);
    expect(ranked[0]).toEqual({ word: "补课费", weight: 1 });
    expect(words(ranked)).toEqual(expect.arrayContaining(["家长", "学校", "教育局", "资料费"]));
  });
});

describe("KeywordExtractor bounds", () => {
  const extractor = new KeywordExtractor();

  it("returns nothing for empty, emoji-only and punctuation-only text", () => {
    for (const text of ["", "😀😂👍🏻", "。。。！！！   \n\t", "\u0000\u200b"]) {
      expect(extractor.analyse(text)).toEqual({ keywords: [], entities: [] });
      expect(extractor.textRank(text)).toEqual([]);
      expect(extractor.segment(text)).toEqual([]);
    }
  });

  it("analyses only the first 20,000 characters of a long text", () => {
    expect(MAX_ANALYSED_CHARS).toBe(20_000);
    const filler = "路灯维修".repeat(5_000);
    const text = filler + "补课费".repeat(400_000);
    expect(text.length).toBeGreaterThan(1_000_000);
    const { keywords } = extractor.analyse(text, 5);
    expect(words(keywords)).toContain("路灯");
    expect(words(keywords)).not.toContain("补课费");
    expect(extractor.segment(text).at(-1)).toBe("维修");
  });

  it("returns at most topK keywords and none for topK 0", () => {
    expect(extractor.keywords(POST, 3)).toHaveLength(3);
    expect(extractor.keywords(POST, 0)).toEqual([]);
    expect(extractor.textRank(POST, 2)).toHaveLength(2);
  });
});

describe("KeywordExtractor and phrase fragments", () => {
  const extractor = new KeywordExtractor();
  // Sentences in the demo county's voice; each names a concrete issue that should be a keyword.
  const SENTENCES: [string, string][] = [
    ["柳溪镇中心小学的孩子说食堂的饭菜太难吃，很多孩子中午吃不下饭。", "食堂"],
    ["工程是资金没到位，但总得给附近居民一个说法吧，围挡拦了半年。", "围挡"],
    ["希望县教育局重视一下这个问题，别让孩子受委屈。", "教育局"],
    ["希望相关部门检查一下校车的安全，这个学期已经出了两次事。", "校车"],
    ["请县卫生健康局考虑一下家长的意见，这个接种点排队太久。", "接种"],
    ["打了好几次热线，来人看了一下就走了，排污口还在往河里排水。", "排污口"],
    ["南湖镇的公交班次太少，老人挤不上车，总得想想办法。", "班次"],
    ["梅岭乡卫生院晚上没人接电话，病人放不下心。", "卫生院"],
  ];

  it("never makes 不下, 总得, 这个 or 一下 (alone or in a phrase) a keyword, and keeps the issue", () => {
    for (const [sentence, issue] of SENTENCES) {
      const found = words(extractor.keywords(sentence, 10));
      for (const word of found) expect(word, sentence).not.toMatch(/不下|总得|这个|一下/u);
      expect(found.slice(0, 5), sentence).toContain(issue);
    }
  });

  it("drops verb-complement and modal fragments but keeps verbs that name an issue", () => {
    const found = words(extractor.keywords("孩子们轮不到座位只能站着，校车迟到了还被放到路口，家长挡不住，就诊也来不及。", 20));
    for (const fragment of ["轮不到", "只能", "放到", "挡不住", "来不及"]) expect(found).not.toContain(fragment);
    for (const issue of ["校车", "迟到", "就诊"]) expect(found).toContain(issue);
  });
});
