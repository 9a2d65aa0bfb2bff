// Public API of the sentiment analyser: a training-free lexicon-and-rules analyser, optionally
// combined with a per-deployment model trained on the office's own labelled posts.
import { segment, type Segmentation } from "../segment";
import { scoreSegmentation } from "./lexicon-score";
import { labelOf, modelProbabilities, type TrainedModel } from "./model";
import { capLength, normaliseForSentiment } from "./normalise";
import { NEUTRAL_BAND } from "./verdict";
import type { SentimentBackend } from "./onnx";
import type { SentimentLabel, SentimentResult } from "./types";

export type { SentimentLabel, SentimentResult } from "./types";
export type { LabelledExample, TrainedModel, TrainOptions } from "./model";
export { trainSentimentModel } from "./model";
export { serialiseModel, deserialiseModel } from "./serialise";
export { loadOnnxBackend, type SentimentBackend } from "./onnx";

/** Sentiment of one text; with a trained model the lexicon verdict is combined with it. */
export function analyseSentiment(text: string, model?: TrainedModel | null): SentimentResult {
  return sentimentOfNormalised(normaliseForSentiment(text), model);
}

/**
 * Sentiment of text that has been through ../normalise.ts. `seg` is that text's segmentation when
 * the caller has one (the pipeline shares it with keywords); text longer than sentiment reads is
 * cut to its head and tail and segmented here.
 */
export function sentimentOfNormalised(normalised: string, model?: TrainedModel | null, seg?: Segmentation): SentimentResult {
  if (normalised === "") return { label: "neu", score: 0 };
  const capped = capLength(normalised);
  const lex = scoreSegmentation(seg && capped === normalised ? seg : segment(capped));
  const reasons = lex.reasons.length > 0 ? { reasons: lex.reasons } : {};
  if (!model) return { label: lex.label, score: round(lex.score), ...reasons };
  const probs = modelProbabilities(model, capped, lex);
  const p = (c: SentimentLabel) => probs[model.classes.indexOf(c)] ?? 0;
  const label = labelOf(model.classes, probs);
  return { label, score: round(modelScore(label, p("pos"), p("neg"))), ...reasons };
}

// The model's score follows the lexicon's convention (verdict.ts): a polar label scores its own
// probability, signed; a neutral one only leans, inside the neutral band.
function modelScore(label: SentimentLabel, pos: number, neg: number): number {
  if (label === "pos") return pos;
  if (label === "neg") return -neg;
  return (pos - neg) * NEUTRAL_BAND * 0.99;
}

/** The built-in analyser (with an optional trained model) behind the SentimentBackend interface. */
export function createLexiconBackend(model?: TrainedModel | null): SentimentBackend {
  return {
    name: model ? "lexicon+model" : "lexicon",
    analyse: async (texts) => texts.map((t) => analyseSentiment(t, model)),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000 || 0;
}
