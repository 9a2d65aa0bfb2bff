// The per-deployment learned model: a character n-gram softmax regression, stacked with the
// lexicon's figures by a second small regression. The stacker is fitted on out-of-fold n-gram
// predictions, so it learns how far to trust each source on unseen text, not on memorised text.
// Training a few thousand posts takes about a second: six small regressions over sparse rows.
import { z } from "zod";
import { type LexiconScore, scoreNormalised } from "./lexicon-score";
import { buildVocab, ngramKeys, type SparseRow, toRow } from "./ngrams";
import { normaliseForSentiment } from "./normalise";
import { mulberry32, roundWeights, shuffle, type SoftmaxWeights, softmaxPredict, trainSoftmax } from "./softmax";
import type { SentimentLabel } from "./types";

/** A trained model; plain data apart from the derived column index. */
export type TrainedModel = {
  version: 1;
  classes: SentimentLabel[];
  vocab: string[];
  ngram: SoftmaxWeights;
  meta: SoftmaxWeights;
  examples: number;
  columns: Map<string, number>;
};

/** Training knobs; the defaults suit a few hundred to a few thousand short posts. */
export type TrainOptions = { folds?: number; epochs?: number; l2?: number; minCount?: number; seed?: number };

// One prepared example: its n-gram keys, lexicon verdict and class index.
type Prepared = { keys: string[]; lex: LexiconScore; label: number };

const ALL_CLASSES: SentimentLabel[] = ["neg", "neu", "pos"];
const META_OPTIONS = { epochs: 40, rate: 0.2, l2: 1e-2 };
const META_FEATURES = 5;
// The stacker starts from, and is pulled towards, "n-gram log-probability plus the lexicon
// score": where the training posts never exercise a lexicon word, the lexicon keeps its say.
const LEXICON_PRIOR: Record<SentimentLabel, number> = { neg: -2, neu: 0, pos: 2 };

function metaPrior(classes: readonly SentimentLabel[]): SoftmaxWeights {
  const k = classes.length;
  return {
    weights: classes.map((c, i) => [
      ...classes.map((_, j) => (i === j ? 1 : 0)),
      LEXICON_PRIOR[c],
      ...new Array<number>(META_FEATURES - 1).fill(0),
    ]),
    bias: new Array<number>(k).fill(0),
  };
}

// The classes present in labels, in a fixed order.
function classesOf(labels: readonly SentimentLabel[]): SentimentLabel[] {
  return ALL_CLASSES.filter((c) => labels.includes(c));
}

// Stacker inputs: n-gram log-probabilities, then the lexicon's score, parts and coverage.
function metaRow(ngramProbs: readonly number[], lex: LexiconScore): SparseRow {
  const val = [
    ...ngramProbs.map((p) => Math.log(p + 1e-4)),
    lex.score,
    Math.tanh(lex.positive / 2),
    Math.tanh(lex.negative / 2),
    Math.tanh(lex.emoticons / 2),
    lex.hits > 0 ? 1 : 0,
  ];
  return { idx: val.map((_, i) => i), val };
}

function fitNgram(data: readonly Prepared[], classes: number, opts: Required<TrainOptions>) {
  const vocab = buildVocab(data.map((d) => d.keys), opts.minCount);
  const columns = new Map(vocab.map((k, i) => [k, i]));
  const rows = data.map((d) => toRow(d.keys, columns));
  const sgd = { epochs: opts.epochs, rate: 0.5, l2: opts.l2, seed: opts.seed };
  const weights = trainSoftmax(rows, data.map((d) => d.label), classes, vocab.length, sgd);
  return { vocab, columns, weights };
}

function fitModel(data: readonly Prepared[], classes: SentimentLabel[], opts: Required<TrainOptions>): TrainedModel {
  const k = classes.length;
  const outOfFold: SparseRow[] = new Array<SparseRow>(data.length);
  const folds = Math.max(2, Math.min(opts.folds, data.length));
  for (let f = 0; f < folds; f++) {
    const train = data.filter((_, i) => i % folds !== f);
    const fold = fitNgram(train, k, opts);
    data.forEach((d, i) => {
      if (i % folds === f) outOfFold[i] = metaRow(softmaxPredict(fold.weights, toRow(d.keys, fold.columns)), d.lex);
    });
  }
  const metaOpts = { ...META_OPTIONS, seed: opts.seed, prior: metaPrior(classes) };
  const meta = trainSoftmax(outOfFold, data.map((d) => d.label), k, k + META_FEATURES, metaOpts);
  const full = fitNgram(data, k, opts);
  const ngram = roundWeights(full.weights);
  const { vocab, columns } = full;
  return { version: 1, classes, vocab, ngram, meta: roundWeights(meta), examples: data.length, columns };
}

/** Class probabilities for normalised text given its lexicon verdict. */
export function modelProbabilities(model: TrainedModel, normalised: string, lex: LexiconScore): number[] {
  const ngram = softmaxPredict(model.ngram, toRow(ngramKeys(normalised), model.columns));
  return softmaxPredict(model.meta, metaRow(ngram, lex));
}

/** A labelled example as users supply it. */
export const exampleSchema = z.object({
  text: z.string(),
  label: z.enum(["neg", "neu", "pos"]),
});

/** A labelled example. */
export type LabelledExample = z.infer<typeof exampleSchema>;

const DEFAULTS: Required<TrainOptions> = { folds: 5, epochs: 12, l2: 1e-4, minCount: 2, seed: 20240601 };

/** Trains a model from labelled examples; needs at least two classes and four examples. */
export function trainSentimentModel(examples: readonly LabelledExample[], opts: TrainOptions = {}): TrainedModel {
  const parsed = z.array(exampleSchema).safeParse(examples);
  if (!parsed.success) throw new Error("sentiment: invalid training examples", { cause: parsed.error });
  const usable = parsed.data.filter((e) => e.text.trim() !== "");
  const classes = classesOf(usable.map((e) => e.label));
  if (classes.length < 2) throw new Error("sentiment: training needs examples of at least two labels");
  if (usable.length < 4) throw new Error("sentiment: training needs at least four examples");
  const options = { ...DEFAULTS, ...opts };
  const data = usable.map((e) => prepare(e.text, classes.indexOf(e.label)));
  // Folds are taken by position, so shuffle once (seeded) to keep them representative.
  shuffle(data, mulberry32(options.seed));
  return fitModel(data, classes, options);
}

function prepare(text: string, label: number): Prepared {
  const normalised = normaliseForSentiment(text);
  return { keys: ngramKeys(normalised), lex: scoreNormalised(normalised), label };
}

/** Label of the most probable class. */
export function labelOf(classes: readonly SentimentLabel[], probs: readonly number[]): SentimentLabel {
  let best = 0;
  for (let c = 1; c < probs.length; c++) if (probs[c] > probs[best]) best = c;
  return classes[best];
}
