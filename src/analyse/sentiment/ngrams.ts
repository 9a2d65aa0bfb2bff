// Character n-gram features for the learned model. Characters rather than words because
// short posts are full of slang and typos that a word segmenter splits arbitrarily.
import { stripNoise } from "../segment";

/** The n-gram orders used: unigrams to trigrams. */
export const NGRAM_ORDERS = [1, 2, 3] as const;

const REPEAT = /(.)\1{2,}/gu;
const SPACE = /\s+/g;

/** Distinct n-gram keys of a normalised text (emphatic repeats collapsed, mentions removed). */
export function ngramKeys(normalised: string): string[] {
  const text = stripNoise(normalised).replace(REPEAT, "$1$1").replace(SPACE, " ");
  const chars = Array.from(text);
  const keys = new Set<string>();
  for (const n of NGRAM_ORDERS) {
    for (let i = 0; i + n <= chars.length; i++) {
      let key = chars[i];
      for (let k = 1; k < n; k++) key += chars[i + k];
      if (key.trim() !== "") keys.add(key);
    }
  }
  return [...keys];
}

/** Sparse feature vector: parallel arrays of column indices and values. */
export type SparseRow = { idx: number[]; val: number[] };

/** Maps keys to columns of a fixed vocabulary, with values scaled so every row has unit length. */
export function toRow(keys: readonly string[], vocab: ReadonlyMap<string, number>): SparseRow {
  const idx: number[] = [];
  for (const key of keys) {
    const col = vocab.get(key);
    if (col !== undefined) idx.push(col);
  }
  const v = idx.length > 0 ? 1 / Math.sqrt(idx.length) : 0;
  return { idx, val: idx.map(() => v) };
}

/** Vocabulary of keys seen in at least `minCount` documents, in a stable order. */
export function buildVocab(docs: readonly (readonly string[])[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const keys of docs) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].filter(([, c]) => c >= minCount).map(([k]) => k).sort();
}
