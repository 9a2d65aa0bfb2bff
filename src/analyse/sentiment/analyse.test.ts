import { describe, expect, it } from "vitest";
import { analyseSentiment } from "./index";
import { capLength } from "./normalise";

const label = (text: string) => analyseSentiment(text).label;
const score = (text: string) => analyseSentiment(text).score;

describe("analyseSentiment: lexicon and rules", () => {
  it("flips polarity under negation", () => {
    expect(label("这家医院服务很好")).toBe("pos");
    expect(label("这家医院服务不好")).toBe("neg");
    expect(label("不错")).toBe("pos");
    expect(label("办事员一点也不耐心")).toBe("neg");
    expect(analyseSentiment("对处理结果一点也不满意").reasons).toContain("否定+满意");
  });

  it("limits negation to its clause", () => {
    expect(label("我不知道怎么说，反正很开心")).toBe("pos");
  });

  it("lets the clause after a contrast word dominate", () => {
    expect(label("虽然排队久，但是医生很耐心")).toBe("pos");
    expect(label("环境不错，可是收费太乱")).toBe("neg");
    expect(label("价格便宜，但是质量很差")).toBe("neg");
  });

  it("scales by degree adverbs", () => {
    expect(score("非常满意")).toBeGreaterThan(score("满意"));
    expect(score("满意")).toBeGreaterThan(score("有点满意"));
    expect(score("非常失望")).toBeLessThan(score("有点失望"));
    expect(score("太不好了")).toBeLessThan(score("不太好"));
    expect(label("不太好")).toBe("neg");
  });

  it("reads Weibo emoticons, emoji and repeated laughter", () => {
    expect(label("[怒]")).toBe("neg");
    expect(label("[赞]")).toBe("pos");
    expect(label("[抓狂][抓狂]")).toBe("neg");
    expect(label("👍👍")).toBe("pos");
    expect(label("😭")).toBe("neg");
    expect(label("哈哈哈哈哈哈")).toBe("pos");
    expect(label("[给你小心心]")).toBe("pos");
    expect(label("[来源:新华社]")).toBe("neu");
  });

  it("treats [微笑] and 呵呵 as irony", () => {
    expect(score("服务真好[微笑]")).toBeLessThan(score("服务真好"));
    expect(label("呵呵，真是好政策")).toBe("neg");
    expect(score("这服务真是太好了[doge]")).toBeLessThan(score("这服务真是太好了") - 0.2);
  });

  it("reads rhetorical questions as their opposite or as complaints", () => {
    expect(label("难道这样做是对的吗？")).toBe("neg");
    expect(label("凭什么让老百姓排三个小时的队")).toBe("neg");
    expect(label("怎么能这样对待病人？")).toBe("neg");
  });

  it("intensifies with exclamation marks", () => {
    expect(score("太棒了！！！")).toBeGreaterThan(score("太棒了"));
    expect(score("气死我了！！！")).toBeLessThan(score("气死我了"));
  });

  it("knows internet slang", () => {
    for (const text of ["点赞", "给力", "yyds", "泪目", "绝了"]) expect(label(text)).toBe("pos");
    for (const text of ["坑爹", "无语", "心塞", "破防了", "吐槽一下这个服务"]) expect(label(text)).toBe("neg");
  });

  it("treats a bad thing that ends or is fought as good news", () => {
    expect(label("希望疫情早日结束")).toBe("pos");
    expect(label("一起战胜病毒")).toBe("pos");
    expect(label("又发现新的病毒，太可怕了")).toBe("neg");
  });

  it("finds words inside an unknown compound only where they can be its parts", () => {
    expect(label("这一带流动人口多")).toBe("neu"); // 流|动人|口 is no 动人
    expect(label("大力支持")).toBe("pos");
  });

  it("handles traditional characters and mixed scripts", () => {
    expect(label("服務態度很差，再也不來了")).toBe("neg");
    expect(label("This app 真的很好用 👍")).toBe("pos");
    expect(label("什么破 system，又崩了!!")).toBe("neg");
  });

  it("is neutral on empty, blank and opinion-free input", () => {
    expect(analyseSentiment("")).toEqual({ label: "neu", score: 0 });
    expect(analyseSentiment("  \n ")).toEqual({ label: "neu", score: 0 });
    expect(label("明天上午九点在三楼会议室开会")).toBe("neu");
    expect(label("🌧️")).toBe("neu");
  });

  it("analyses only the capped head and tail of a 1 MB post", () => {
    const huge = "服务太差了。" + "今天开会。".repeat(200_000) + "结果还算满意";
    expect(huge.length).toBeGreaterThan(1_000_000);
    expect(analyseSentiment(huge)).toEqual(analyseSentiment(capLength(huge)));
    expect(["neg", "neu", "pos"]).toContain(label(huge));
  });

  it("keeps scores within [-1, 1] and explains them", () => {
    const r = analyseSentiment("太太太坑爹了！！！垃圾垃圾垃圾，气死了[怒][怒][怒]😡😡");
    expect(r.score).toBeGreaterThanOrEqual(-1);
    expect(r.label).toBe("neg");
    expect(r.reasons?.length).toBeGreaterThan(0);
    expect(r.reasons?.length).toBeLessThanOrEqual(8);
  });
});
