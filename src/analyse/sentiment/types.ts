// Types shared by the analyser, the lexicon data, the trained model and optional backends.

/** A polarity label. */
export type SentimentLabel = "neg" | "neu" | "pos";

/**
 * A verdict: label, score in [-1, 1] and the cues behind it. The score's sign is the lean
 * (negative or positive), its size how sure the label is; a neutral verdict's score stays
 * inside ±0.1.
 */
export type SentimentResult = { label: SentimentLabel; score: number; reasons?: string[] };

/** Lexicon data: weight (as a decimal string key) → space-separated words with that weight. */
export type WeightTable = Readonly<Record<string, string>>;

/**
 * What the rules found: a raw sum, its positive and negative parts, and why. `opinion` is the
 * part of the evidence that judges (opinion words, emoticons, complaining questions), as against
 * words that only name a topic or an event (疫情, 停电, 暴雨).
 */
export type RuleResult = {
  raw: number;
  positive: number;
  negative: number;
  opinion: number;
  hits: number;
  emoticons: number;
  reasons: string[];
};
