// Keyword scoring: TF-IDF over one document, TextRank over a co-occurrence graph, and the shared
// step that turns raw scores into the stable, normalised list callers store and compare.
import type { Keyword } from "./types";

/** A candidate keyword occurrence: the word, the factor user-dictionary entries add, and its IDF when known. */
export type Candidate = { word: string; boost: number; idf?: number };

/** TF-IDF per distinct word: occurrences × IDF × boost (dividing by document length would not change the ranking). */
export function tfIdfScores(candidates: readonly Candidate[], idfOf: (word: string) => number): Map<string, number> {
  const tally = new Map<string, { count: number; boost: number; idf: number | undefined }>();
  for (const { word, boost, idf } of candidates) {
    const seen = tally.get(word);
    if (seen) seen.count++;
    else tally.set(word, { count: 1, boost, idf });
  }
  const scores = new Map<string, number>();
  for (const [word, { count, boost, idf }] of tally) scores.set(word, count * (idf ?? idfOf(word)) * boost);
  return scores;
}

/** Co-occurrence window of TextRank, in candidate words (the word itself plus the four after it). */
export const TEXTRANK_WINDOW = 5;
const DAMPING = 0.85;
const MAX_ITERATIONS = 30;
const TOLERANCE = 1e-6;

/**
 * TextRank (Mihalcea & Tarau 2004) in jieba's variant: words are nodes, every pair of distinct words
 * inside the window adds 1 to an undirected edge, and weighted PageRank runs over the graph. Unlike
 * jieba the window counts candidate words only, so stopwords and punctuation do not cut links.
 * Isolated words keep the base score 1 − d, so a word repeated away from other content words ranks low.
 */
export function textRankScores(candidates: readonly Candidate[]): Map<string, number> {
  const ids = new Map<string, number>();
  const seq = new Array<number>(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const { word } = candidates[i];
    let id = ids.get(word);
    if (id === undefined) ids.set(word, (id = ids.size));
    seq[i] = id;
  }
  const n = ids.size;
  // Undirected pair counts keyed by low * n + high, then laid out as adjacency arrays (CSR) so the
  // iterations below are plain loops over typed arrays: Maps of Maps made this four times slower.
  const pairs = new Map<number, number>();
  for (let i = 0; i < seq.length; i++)
    for (let j = i + 1; j < Math.min(seq.length, i + TEXTRANK_WINDOW); j++) {
      const a = seq[i], b = seq[j];
      if (a === b) continue;
      const key = a < b ? a * n + b : b * n + a;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  const start = new Int32Array(n + 1);
  const strength = new Float64Array(n);
  for (const [key, w] of pairs) {
    const a = Math.floor(key / n), b = key % n;
    start[a + 1]++, start[b + 1]++;
    strength[a] += w, strength[b] += w;
  }
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const from = new Int32Array(start[n]);
  const share = new Float64Array(start[n]);
  const fill = start.slice(0, n);
  for (const [key, w] of pairs) {
    const a = Math.floor(key / n), b = key % n;
    from[fill[b]] = a, share[fill[b]++] = w / strength[a];
    from[fill[a]] = b, share[fill[a]++] = w / strength[b];
  }
  let rank = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    let change = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let e = start[v]; e < start[v + 1]; e++) sum += share[e] * rank[from[e]];
      next[v] = 1 - DAMPING + DAMPING * sum;
      change = Math.max(change, Math.abs(next[v] - rank[v]));
    }
    [rank, next] = [next, rank];
    if (change < TOLERANCE) break;
  }
  const scores = new Map<string, number>();
  for (const { word, boost } of candidates) scores.set(word, rank[ids.get(word) ?? 0] * boost);
  return scores;
}

/** The topK words by score, weights scaled so the top is 1 and rounded to 4 decimals, ordered by weight then word. */
export function topKeywords(scores: ReadonlyMap<string, number>, topK: number): Keyword[] {
  const k = Number.isNaN(topK) ? 0 : Math.max(0, Math.floor(topK));
  let max = 0;
  for (const score of scores.values()) if (score > max) max = score;
  if (k === 0 || max <= 0) return [];
  // Rounding happens before sorting so that equal printed weights are always ordered by word.
  const all: Keyword[] = [];
  for (const [word, score] of scores) all.push({ word, weight: Math.round((score / max) * 10_000) / 10_000 });
  all.sort(byWeightThenWord);
  return all.slice(0, k);
}

// Module-level, not an arrow made per call
// (see docs/ARCHITECTURE.md, "No closures made per call on hot paths").
function byWeightThenWord(a: Keyword, b: Keyword): number {
  return b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);
}
