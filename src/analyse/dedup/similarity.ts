// The rule that decides whether two posts are near-copies, and its exact (no MinHash) form for
// comparing two texts directly. The index applies the same rule to MinHash estimates.
import { shingleHashes } from "./minhash";
import { matchKeys } from "./views";

/** Thresholds of the near-copy rule (tuned on the development set, see eval/neardup.ts). */
export type MatchRule = {
  /** Character shingle length. */
  shingle: number;
  /** Bodies with at least this Jaccard similarity are copies. */
  jaccard: number;
  /** …or when this share of the smaller body's shingles is in the larger one (truncation, ads, tails)… */
  containment: number;
  /** …and the smaller body has at least this share of the larger one's shingles. */
  minRatio: number;
  /** A post whose reposted text has this Jaccard similarity with another body is its repost. */
  repost: number;
  /** Texts with fewer distinct shingles only match an identical text. */
  minShingles: number;
};

/** The tuned rule. */
export const DEFAULT_RULE: MatchRule = { shingle: 3, jaccard: 0.55, containment: 0.85, minRatio: 0.5, repost: 0.7, minShingles: 8 };

/** Whether two long-enough bodies with this Jaccard and these distinct-shingle counts are copies. */
export function bodiesMatch(jaccard: number, sizeA: number, sizeB: number, rule: MatchRule): boolean {
  if (jaccard >= rule.jaccard) return true;
  const small = Math.min(sizeA, sizeB);
  const large = Math.max(sizeA, sizeB);
  if (small === 0 || small < large * rule.minRatio) return false;
  const shared = (jaccard * (sizeA + sizeB)) / (1 + jaccard); // |A∩B| from J = |A∩B| / |A∪B|
  return shared / small >= rule.containment;
}

function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union ? shared / union : 0;
}

/** Exact similarities between two posts and the rule's verdict on them. */
export type Similarity = { jaccard: number; containment: number; repost: number; nearCopy: boolean };

/** Compares two posts exactly: body Jaccard and containment, and each one's repost of the other. */
export function similarity(a: string, b: string, rule: MatchRule = DEFAULT_RULE): Similarity {
  const ka = matchKeys(a);
  const kb = matchKeys(b);
  const sa = shingleHashes(ka.body, rule.shingle);
  const sb = shingleHashes(kb.body, rule.shingle);
  const jaccard = exactJaccard(sa, sb);
  const small = Math.min(sa.length, sb.length);
  const containment = small ? ((jaccard * (sa.length + sb.length)) / (1 + jaccard)) / small : 0;
  const parentOf = (parent: string | null, other: Uint32Array): number => {
    const sp = parent === null ? null : shingleHashes(parent, rule.shingle);
    return sp && sp.length >= rule.minShingles && other.length >= rule.minShingles ? exactJaccard(sp, other) : 0;
  };
  const repost = Math.max(parentOf(ka.parent, sb), parentOf(kb.parent, sa));
  const short = small < rule.minShingles;
  const nearCopy = short
    ? ka.body !== "" && (ka.body === kb.body || ka.parent === kb.body || kb.parent === ka.body)
    : bodiesMatch(jaccard, sa.length, sb.length, rule) || repost >= rule.repost;
  return { jaccard, containment, repost, nearCopy };
}
