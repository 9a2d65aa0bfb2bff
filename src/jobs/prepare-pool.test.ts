import { afterEach, describe, expect, it } from "vitest";
import { Preparer } from "../analyse/pipeline";
import { deserialiseModel, serialiseModel, trainSentimentModel } from "../analyse/sentiment";
import { PreparePool, threadHeapMb } from "./prepare-pool";
import { unpackPrepared } from "./prepared-codec";

const item = { id: 1, title: "禾溪镇小学被指乱收费", text: "家长反映学校每学期额外收取补课费八百元，希望教育局调查处理。", source: "青禾论坛", publishedAt: 0 };
const model = serialiseModel(
  trainSentimentModel([
    { text: "服务很好，点赞", label: "pos" }, { text: "办事效率高，满意", label: "pos" },
    { text: "乱收费，太过分了", label: "neg" }, { text: "态度恶劣，投诉", label: "neg" },
  ]),
);

let pool: PreparePool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe("threadHeapMb", () => {
  it("adds room for a model to the base cap", () => {
    expect(threadHeapMb(null)).toBe(192);
    expect(threadHeapMb("x".repeat(3_100_000))).toBe(192 + 38);
  });
});

describe("PreparePool", () => {
  it("prepares on its thread what the main thread would, and again after a model brings new threads", async () => {
    pool = new PreparePool(1);
    const watches = [{ id: 7, query: "乱收费 | 补课费" }];
    await pool.settings({ watches, userWords: [], model: null });
    const here = new Preparer({ watches }).prepare(item);
    const there = unpackPrepared(await pool.prepare([item]), 0);
    expect(there.watches).toEqual(here.watches);
    expect(there.keywords).toEqual(here.keywords);
    expect(there.simhash).toBe(here.simhash);

    const inFlight = pool.prepare([item]).then((r) => r.count, (e: Error) => e.message);
    await pool.settings({ watches, userWords: [], model });
    expect(pool.heapMb).toBe(threadHeapMb(model));
    // The batch the replaced thread held either finished or failed; it never hangs.
    expect(String(await inFlight)).toMatch(/^1$|analysis thread closed/);
    const withModel = unpackPrepared(await pool.prepare([item]), 0);
    const { label, score } = new Preparer({ watches, model: deserialiseModel(model) }).prepare(item).sentiment;
    expect(withModel.sentiment).toEqual({ label, score });
    expect(pool.broken).toBe(false);
  }, 60_000);
});
