// Items as term vectors: their keywords cleaned, merged and scaled to unit length, so that a long
// post with many keywords counts no more in an event than a short one.

/** A word and its weight. */
export type TermWeight = [word: string, weight: number];

/** Most keywords one item contributes (extractors give about ten). */
export const MAX_ITEM_TERMS = 16;

/** Orders term weights strongest first; ties by word so that results never depend on input order. */
export function byWeight(a: readonly [string, number], b: readonly [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/** An item's keywords as a unit vector: words trimmed, lower-cased and merged, unusable weights dropped. */
export function itemVector(keywords: readonly { word: string; weight: number }[]): TermWeight[] {
  const sums = new Map<string, number>();
  for (const k of keywords) {
    const word = typeof k.word === "string" ? k.word.trim().toLowerCase() : "";
    if (!word || !Number.isFinite(k.weight) || k.weight <= 0) continue;
    sums.set(word, (sums.get(word) ?? 0) + k.weight);
  }
  const top = [...sums].sort(byWeight).slice(0, MAX_ITEM_TERMS);
  let sq = 0;
  for (const [, w] of top) sq += w * w;
  const norm = Math.sqrt(sq);
  return top.map(([word, w]) => [word, w / norm]);
}
