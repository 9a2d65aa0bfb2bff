// Scoring of sentiment verdicts against gold labels: the two-class figures (a neutral verdict is
// wrong) and the three-class ones (accuracy, per-class precision/recall, macro-F1), plus a
// reliability table that shows whether a larger |score| really means a surer label.
import type { SentimentLabel, SentimentResult } from "../src/analyse/sentiment";

/** Accuracy and macro-F1 over neg/pos; a "neu" verdict (or a score of exactly 0) counts as wrong. */
export type Metrics = { n: number; accuracy: number; macroF1: number; undecided: number };

/** Precision, recall and F1 of one class. */
export type ClassFigures = { precision: number; recall: number; f1: number; support: number };

/** Three-class figures: accuracy, macro-F1 over neg/neu/pos and each class's figures. */
export type Metrics3 = { n: number; accuracy: number; macroF1: number; perClass: Record<SentimentLabel, ClassFigures> };

/** One band of |score|: how many verdicts fell in it and how many of them were right. */
export type ReliabilityBin = { from: number; to: number; n: number; accuracy: number };

const LABELS: readonly SentimentLabel[] = ["neg", "neu", "pos"];

/** Scores predictions against neg/pos gold labels. */
export function score(gold: readonly SentimentLabel[], predicted: readonly SentimentResult[]): Metrics {
  let correct = 0;
  let undecided = 0;
  const tp = { neg: 0, pos: 0 }, fp = { neg: 0, pos: 0 }, fn = { neg: 0, pos: 0 };
  gold.forEach((g, i) => {
    const p = predicted[i];
    const label = p.score === 0 ? "neu" : p.label;
    if (label === "neu") undecided++;
    if (label === g) correct++;
    for (const c of ["neg", "pos"] as const) {
      if (label === c && g === c) tp[c]++;
      else if (label === c) fp[c]++;
      else if (g === c) fn[c]++;
    }
  });
  const f1 = (c: "neg" | "pos") => (tp[c] === 0 ? 0 : (2 * tp[c]) / (2 * tp[c] + fp[c] + fn[c]));
  return { n: gold.length, accuracy: correct / gold.length, macroF1: (f1("neg") + f1("pos")) / 2, undecided };
}

/** Scores predicted labels against three-class gold labels. */
export function score3(gold: readonly SentimentLabel[], predicted: readonly SentimentResult[]): Metrics3 {
  const tp = { neg: 0, neu: 0, pos: 0 }, fp = { neg: 0, neu: 0, pos: 0 }, fn = { neg: 0, neu: 0, pos: 0 };
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i].label;
    if (p === g) {
      correct++;
      tp[g]++;
    } else {
      fp[p]++;
      fn[g]++;
    }
  });
  const perClass = {} as Record<SentimentLabel, ClassFigures>;
  let f1Sum = 0;
  for (const c of LABELS) {
    const precision = tp[c] + fp[c] === 0 ? 0 : tp[c] / (tp[c] + fp[c]);
    const recall = tp[c] + fn[c] === 0 ? 0 : tp[c] / (tp[c] + fn[c]);
    const f1 = tp[c] === 0 ? 0 : (2 * tp[c]) / (2 * tp[c] + fp[c] + fn[c]);
    perClass[c] = { precision, recall, f1, support: tp[c] + fn[c] };
    f1Sum += f1;
  }
  return { n: gold.length, accuracy: correct / gold.length, macroF1: f1Sum / LABELS.length, perClass };
}

/** Accuracy of pos/neg verdicts by |score| band (neutral verdicts are left out: their score is a lean). */
export function reliability(gold: readonly SentimentLabel[], predicted: readonly SentimentResult[], edges: readonly number[]): ReliabilityBin[] {
  const bins = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1], n: 0, right: 0 }));
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (p.label === "neu") return;
    const a = Math.abs(p.score);
    const bin = bins.find((b) => a >= b.from && (a < b.to || b.to === edges[edges.length - 1]));
    if (!bin) return;
    bin.n++;
    if (p.label === g) bin.right++;
  });
  return bins.map((b) => ({ from: b.from, to: b.to, n: b.n, accuracy: b.n === 0 ? 0 : b.right / b.n }));
}

/** One printed line of two-class figures. */
export function line(name: string, m: Metrics): string {
  const figures = `accuracy ${m.accuracy.toFixed(4)}  macro-F1 ${m.macroF1.toFixed(4)}  undecided ${m.undecided}`;
  return `${name.padEnd(34)} n=${String(m.n).padStart(4)}  ${figures}`;
}

/** One printed line of three-class figures: accuracy, macro-F1, then P/R per class. */
export function line3(name: string, m: Metrics3): string {
  const cls = LABELS.map((c) => `${c} P ${m.perClass[c].precision.toFixed(3)} R ${m.perClass[c].recall.toFixed(3)}`);
  return `${name.padEnd(34)} n=${String(m.n).padStart(4)}  accuracy ${m.accuracy.toFixed(4)}  macro-F1 ${m.macroF1.toFixed(4)}  ${cls.join("  ")}`;
}
