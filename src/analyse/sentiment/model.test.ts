import { describe, expect, it } from "vitest";
import {
  analyseSentiment, createLexiconBackend, deserialiseModel, type LabelledExample, serialiseModel, trainSentimentModel,
} from "./index";

// A made-up service hall whose praise and complaints use local jargon the lexicon cannot know.
const SERVICES = ["营业执照", "社保卡", "公积金提取", "居住证", "不动产登记", "户口迁移", "医保报销", "出生证明"];
const CUES: Record<LabelledExample["label"], string[]> = {
  pos: ["秒批", "当天拿证", "掌上就办了", "零跑腿", "全程网办"],
  neg: ["转圈圈", "来回跑了三趟", "材料被退回", "卡在审核", "系统又掉线"],
  neu: ["周一至周五受理", "需携带身份证原件", "在二楼窗口办理", "可通过小程序预约", "工本费另计"],
};
const FRAMES = ["今天去办{s}，{c}", "{s}这次{c}", "听说{s}{c}", "关于{s}：{c}"];

function syntheticSet(): { train: LabelledExample[]; test: LabelledExample[] } {
  const train: LabelledExample[] = [];
  const test: LabelledExample[] = [];
  let i = 0;
  for (const label of ["pos", "neg", "neu"] as const) {
    for (const s of SERVICES) {
      for (const c of CUES[label]) {
        for (const f of FRAMES) (i++ % 4 === 0 ? test : train).push({ text: f.replace("{s}", s).replace("{c}", c), label });
      }
    }
  }
  return { train, test };
}

function accuracy(examples: readonly LabelledExample[], predict: (text: string) => string): number {
  return examples.filter((e) => predict(e.text) === e.label).length / examples.length;
}

describe("trained sentiment model", () => {
  const { train, test } = syntheticSet();
  const model = trainSentimentModel(train);

  it("learns a deployment's own vocabulary that the lexicon misses", () => {
    const lexicon = accuracy(test, (t) => analyseSentiment(t).label);
    const trained = accuracy(test, (t) => analyseSentiment(t, model).label);
    expect(lexicon).toBeLessThan(0.6);
    expect(trained).toBeGreaterThan(0.9);
    expect(model.classes).toEqual(["neg", "neu", "pos"]);
  });

  it("still uses the lexicon for general opinion words it was not trained on", () => {
    expect(analyseSentiment("办事员态度恶劣，气死了", model).label).toBe("neg");
  });

  it("gives identical predictions after a JSON round trip", () => {
    const json = serialiseModel(model);
    const restored = deserialiseModel(json);
    for (const e of test) expect(analyseSentiment(e.text, restored)).toEqual(analyseSentiment(e.text, model));
    expect(serialiseModel(restored)).toBe(json);
  });

  it("serves the same verdicts through the backend interface", async () => {
    const backend = createLexiconBackend(model);
    expect(backend.name).toBe("lexicon+model");
    const texts = test.slice(0, 5).map((e) => e.text);
    expect(await backend.analyse(texts)).toEqual(texts.map((t) => analyseSentiment(t, model)));
  });

  it("rejects JSON that is not a model", () => {
    expect(() => deserialiseModel("not json")).toThrow(/not valid JSON/);
    expect(() => deserialiseModel(JSON.stringify({ format: "tingfeng-sentiment", version: 1 }))).toThrow(/not a Tingfeng/);
  });

  it("refuses to train on a single label or on malformed examples", () => {
    const onlyPos = train.filter((e) => e.label === "pos");
    expect(() => trainSentimentModel(onlyPos)).toThrow(/two labels/);
    const bad = [{ text: "好", label: "great" }] as unknown as LabelledExample[];
    expect(() => trainSentimentModel(bad)).toThrow(/invalid training examples/);
  });

  it("is deterministic for the same examples", () => {
    expect(serialiseModel(trainSentimentModel(train))).toBe(serialiseModel(model));
  });
});
