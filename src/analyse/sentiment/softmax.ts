// Multinomial logistic regression on sparse rows, trained by AdaGrad SGD with L2. Small and
// deterministic (seeded shuffles), so the same examples always give the same model.
import type { SparseRow } from "./ngrams";

/** Weights per class over the feature columns, plus a bias per class. */
export type SoftmaxWeights = { weights: number[][]; bias: number[] };

/** Training knobs; with a prior, L2 pulls the weights towards it instead of towards zero. */
export type SoftmaxOptions = { epochs: number; rate: number; l2: number; seed: number; prior?: SoftmaxWeights };

/** Class probabilities for one row. */
export function softmaxPredict(model: SoftmaxWeights, row: SparseRow): number[] {
  const z = model.bias.map((b, c) => {
    const w = model.weights[c];
    let s = b;
    for (let k = 0; k < row.idx.length; k++) s += w[row.idx[k]] * row.val[k];
    return s;
  });
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Fits weights to rows with class indices in labels (0 … classes-1). */
export function trainSoftmax(
  rows: readonly SparseRow[],
  labels: readonly number[],
  classes: number,
  columns: number,
  opts: SoftmaxOptions,
): SoftmaxWeights {
  const zero = (): SoftmaxWeights => ({
    weights: Array.from({ length: classes }, () => new Array<number>(columns).fill(0)),
    bias: new Array<number>(classes).fill(0),
  });
  const prior = opts.prior ?? zero();
  const model: SoftmaxWeights = { weights: prior.weights.map((w) => [...w]), bias: [...prior.bias] };
  const g2 = Array.from({ length: classes }, () => new Array<number>(columns).fill(1e-8));
  const b2 = new Array<number>(classes).fill(1e-8);
  const order = rows.map((_, i) => i);
  const random = mulberry32(opts.seed);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const row = rows[i];
      const p = softmaxPredict(model, row);
      for (let c = 0; c < classes; c++) {
        const err = p[c] - (labels[i] === c ? 1 : 0);
        const w = model.weights[c];
        const w0 = prior.weights[c];
        const g = g2[c];
        for (let k = 0; k < row.idx.length; k++) {
          const j = row.idx[k];
          const grad = err * row.val[k] + opts.l2 * (w[j] - w0[j]);
          g[j] += grad * grad;
          w[j] -= (opts.rate / Math.sqrt(g[j])) * grad;
        }
        b2[c] += err * err;
        model.bias[c] -= (opts.rate / Math.sqrt(b2[c])) * err;
      }
    }
  }
  return model;
}

/** Rounds weights to 6 significant digits, so the JSON form is smaller and reads back exactly. */
export function roundWeights(model: SoftmaxWeights): SoftmaxWeights {
  const round = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(6)));
  return { weights: model.weights.map((row) => row.map(round)), bias: model.bias.map(round) };
}

/** A small seeded PRNG (mulberry32): deterministic shuffles without a dependency. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place. */
export function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
