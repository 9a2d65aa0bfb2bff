import { describe, expect, it } from "vitest";
import { loadOnnxBackend, mapLabel } from "./onnx";

type Scores = { label: string; score: number }[];

// Stands in for @huggingface/transformers: returns canned label scores per text.
function fakeTransformers(scoresFor: (text: string) => Scores, flattenSingle = false) {
  const env = { allowRemoteModels: true, allowLocalModels: false, localModelPath: "" };
  const calls: { task: string; model: string }[] = [];
  const pipeline = async (task: string, model: string) => {
    calls.push({ task, model });
    return async (texts: string[]) => (flattenSingle && texts.length === 1 ? scoresFor(texts[0]) : texts.map(scoresFor));
  };
  return { env, calls, module: { env, pipeline } };
}

describe("optional ONNX backend", () => {
  it("names the package to install when it is missing", async () => {
    const missing = () => Promise.reject(new Error("Cannot find package"));
    const loading = loadOnnxBackend("/models/zh-sentiment", { importer: missing });
    await expect(loading).rejects.toThrow(/@huggingface\/transformers/);
  });

  it("loads from the local folder only and maps the model's labels to ours", async () => {
    const bad = [{ label: "negative", score: 0.9 }, { label: "positive", score: 0.1 }];
    const good = [{ label: "negative", score: 0.2 }, { label: "positive", score: 0.8 }];
    const fake = fakeTransformers((t) => (t.includes("差") ? bad : good));
    const backend = await loadOnnxBackend("/models/zh-sentiment", { importer: async () => fake.module });
    expect(fake.env.allowRemoteModels).toBe(false);
    expect(fake.calls).toEqual([{ task: "text-classification", model: "zh-sentiment" }]);
    expect(backend.name).toBe("onnx:zh-sentiment");
    const results = await backend.analyse(["服务太差", "服务很好"]);
    expect(results).toEqual([{ label: "neg", score: -0.8 }, { label: "pos", score: 0.6 }]);
  });

  it("accepts the flat output some pipelines give for a single text", async () => {
    const fake = fakeTransformers(() => [{ label: "LABEL_1", score: 0.7 }, { label: "LABEL_0", score: 0.3 }], true);
    const backend = await loadOnnxBackend("/models/m", { importer: async () => fake.module });
    expect(await backend.analyse(["还行"])).toEqual([{ label: "pos", score: 0.4 }]);
  });

  it("maps common label conventions", () => {
    expect(mapLabel("负面", 2)).toBe("neg");
    expect(mapLabel("5 stars", 5)).toBe("pos");
    expect(mapLabel("3 stars", 5)).toBe("neu");
    expect(mapLabel("LABEL_1", 3)).toBe("neu");
    expect(mapLabel("happy", 2, { happy: "pos" })).toBe("pos");
  });
});
