// Optional backend: a local ONNX text-classification model run by @huggingface/transformers.
// That package weighs ~0.5 GB, so it is not a dependency: it is imported only when a deployment
// asks for this backend, and the error says what to install when it is missing.
import path from "node:path";
import type { SentimentLabel, SentimentResult } from "./types";

/** Anything that can score a batch of texts (the built-in analyser, an ONNX model, a service). */
export interface SentimentBackend {
  name: string;
  analyse(texts: string[]): Promise<SentimentResult[]>;
}

type LabelScore = { label: string; score: number };
type Classifier = (texts: string[], options: { top_k: number | null }) => Promise<unknown>;
type TransformersModule = {
  env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath: string };
  pipeline: (task: string, model: string, options: Record<string, unknown>) => Promise<Classifier>;
};

/** Options for loadOnnxBackend; `importer` exists so tests can stand in for the package. */
export type OnnxOptions = { labels?: Record<string, SentimentLabel>; importer?: () => Promise<unknown> };

const PACKAGE = "@huggingface/transformers";

/** Loads a text-classification model from a local folder (config.json, tokenizer, onnx/). */
export async function loadOnnxBackend(folder: string, opts: OnnxOptions = {}): Promise<SentimentBackend> {
  const mod = await importTransformers(opts.importer);
  const dir = path.resolve(folder);
  // Never reach for the network: the folder is the model.
  mod.env.allowRemoteModels = false;
  mod.env.allowLocalModels = true;
  mod.env.localModelPath = path.dirname(dir) + path.sep;
  const classify = await mod.pipeline("text-classification", path.basename(dir), { local_files_only: true });
  return {
    name: `onnx:${path.basename(dir)}`,
    async analyse(texts) {
      if (texts.length === 0) return [];
      const out = await classify(texts, { top_k: null });
      if (!Array.isArray(out)) throw new Error("sentiment: ONNX model returned no list");
      // One input may come back as a flat list of label scores rather than a list of lists.
      const perText: unknown[] = texts.length === 1 && !Array.isArray(out[0]) ? [out] : out;
      return perText.map((scores) => toResult(asScores(scores), opts.labels));
    },
  };
}

async function importTransformers(importer?: () => Promise<unknown>): Promise<TransformersModule> {
  let mod: unknown;
  try {
    // A variable specifier keeps bundlers and tsc from resolving the optional package.
    const specifier: string = PACKAGE;
    mod = await (importer ? importer() : import(specifier));
  } catch (cause) {
    throw new Error(
      `sentiment: the ONNX backend needs the optional package ${PACKAGE}; install it with ` +
        `\`ONNXRUNTIME_NODE_INSTALL=skip npm install ${PACKAGE}\``,
      { cause },
    );
  }
  if (typeof mod !== "object" || mod === null || !("pipeline" in mod) || !("env" in mod)) {
    throw new Error(`sentiment: ${PACKAGE} did not export pipeline and env`);
  }
  return mod as TransformersModule;
}

function asScores(value: unknown): LabelScore[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter(
    (s): s is LabelScore =>
      typeof s === "object" && s !== null && typeof s.label === "string" && typeof s.score === "number",
  );
}

/** Maps a model's own label names (positive, LABEL_1, 5 stars, 负面 …) to ours. */
export function mapLabel(label: string, count: number, labels?: Record<string, SentimentLabel>): SentimentLabel {
  if (labels?.[label]) return labels[label];
  const l = label.toLowerCase();
  if (/neg|负|消极|bad/.test(l)) return "neg";
  if (/pos|正|积极|good/.test(l)) return "pos";
  const stars = /^([1-5]) stars?$/.exec(l);
  if (stars) return Number(stars[1]) <= 2 ? "neg" : Number(stars[1]) === 3 ? "neu" : "pos";
  const index = /^label_(\d+)$/.exec(l);
  if (index) return (count === 2 ? ["neg", "pos"] : ["neg", "neu", "pos"])[Number(index[1])] as SentimentLabel ?? "neu";
  return "neu";
}

function toResult(scores: LabelScore[], labels?: Record<string, SentimentLabel>): SentimentResult {
  const p: Record<SentimentLabel, number> = { neg: 0, neu: 0, pos: 0 };
  for (const s of scores) p[mapLabel(s.label, scores.length, labels)] += s.score;
  const label = (Object.keys(p) as SentimentLabel[]).reduce((a, b) => (p[b] > p[a] ? b : a));
  return { label, score: Math.round((p.pos - p.neg) * 1000) / 1000 };
}
