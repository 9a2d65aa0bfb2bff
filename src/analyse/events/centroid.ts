// Event centroids: the sum of their items' unit vectors, newer items weighing more (so that an
// incident's vocabulary may drift), cut to the strongest terms so that matching stays cheap.
//
// Weights are kept relative to `refAt`: an item published at t adds w·2^((t − refAt)/halfLife).
// Ageing then costs nothing per term, and since a cosine ignores scale the stored weights can be
// used as they are. The index lists the cells themselves, so a lookup reads a weight without hashing.
import type { OpenEvent } from "./open-event";

/** One term of one event's centroid. */
export type TermCell = { ev: OpenEvent; word: string; raw: number; pos: number };

/** An event's terms (in insertion order, which sums follow), reference time, length and last item time; OpenEvent carries these fields. */
export interface Centroid { terms: Map<string, TermCell>; refAt: number; norm: number; lastAt: number }

/** Cells that entered or left a centroid, so that the inverted index can follow. */
export type CellChange = { added: TermCell[]; removed: TermCell[] };

// Weights are rebased before 2^x comes near the end of the double range (2^1023).
const MAX_EXPONENT = 500;

/** A centroid with no terms. */
export function emptyCentroid(): Centroid {
  return { terms: new Map(), refAt: 0, norm: 0, lastAt: -Infinity };
}

/** The Euclidean length of the stored weights, summed in Map order (so a restored copy agrees exactly). */
export function centroidNorm(c: Centroid): number {
  let sq = 0;
  for (const cell of c.terms.values()) sq += cell.raw * cell.raw;
  return Math.sqrt(sq);
}

// The factor for a contribution made at time t, rebasing the centroid when it would overflow.
function growth(c: Centroid, t: number, halfLifeMs: number): number {
  if (!c.terms.size) c.refAt = t;
  const e = (t - c.refAt) / halfLifeMs;
  if (e <= MAX_EXPONENT) return 2 ** e;
  for (const cell of c.terms.values()) cell.raw *= 2 ** -e;
  c.refAt = t;
  return 1;
}

// Strongest first; ties by word, so that what is cut never depends on insertion order.
function strongestFirst(a: TermCell, b: TermCell): number {
  return b.raw - a.raw || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);
}

function prune(c: Centroid, maxTerms: number): TermCell[] {
  let cut: TermCell[] = [];
  if (c.terms.size > maxTerms) {
    cut = [...c.terms.values()].sort(strongestFirst).slice(maxTerms);
    for (const cell of cut) c.terms.delete(cell.word);
  }
  c.norm = centroidNorm(c);
  return cut;
}

function change(added: TermCell[], cut: TermCell[]): CellChange {
  if (!cut.length) return { added, removed: cut };
  // A cell that came in and was cut in the same step never reached the index.
  return { added: added.filter((a) => !cut.includes(a)), removed: cut.filter((r) => !added.includes(r)) };
}

function addWeighted(ev: OpenEvent, words: readonly string[], weights: readonly number[], factor: number, added: TermCell[]): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const x = weights[i] * factor;
    if (!(x > 0)) continue;
    let cell = ev.terms.get(word);
    if (!cell) {
      cell = { ev, word, raw: 0, pos: -1 };
      ev.terms.set(word, cell);
      added.push(cell);
    }
    cell.raw += x;
  }
}

/** Adds an item vector (parallel words and weights) published at `t` to event `ev`'s centroid. */
export function addVector(
  ev: OpenEvent, words: readonly string[], weights: readonly number[], t: number, halfLifeMs: number, maxTerms: number,
): CellChange {
  const added: TermCell[] = [];
  addWeighted(ev, words, weights, growth(ev, t, halfLifeMs), added);
  ev.lastAt = Math.max(ev.lastAt, t);
  return change(added, prune(ev, maxTerms));
}

/** Adds another event's centroid (an analyst's merge) to event `ev`'s. */
export function addCentroid(ev: OpenEvent, other: Centroid, halfLifeMs: number, maxTerms: number): CellChange {
  if (!other.terms.size) {
    ev.lastAt = Math.max(ev.lastAt, other.lastAt);
    return { added: [], removed: [] };
  }
  const factor = growth(ev, other.refAt, halfLifeMs);
  const added: TermCell[] = [];
  const words: string[] = [];
  const weights: number[] = [];
  for (const cell of other.terms.values()) {
    words.push(cell.word);
    weights.push(cell.raw);
  }
  addWeighted(ev, words, weights, factor, added);
  ev.lastAt = Math.max(ev.lastAt, other.lastAt);
  return change(added, prune(ev, maxTerms));
}

/** Takes an item's contribution back out (a split when the history is incomplete); returns the cells that left. */
export function subtractVector(
  c: Centroid, words: readonly string[], weights: readonly number[], t: number, halfLifeMs: number,
): TermCell[] {
  const factor = 2 ** ((t - c.refAt) / halfLifeMs);
  const scale = c.norm;
  const removed: TermCell[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const w = weights[i];
    const cell = c.terms.get(word);
    if (!cell) continue;
    cell.raw -= w * factor;
    // Pruning made the centroid approximate, so "nothing left" is anything near zero or below.
    if (cell.raw <= 1e-9 * Math.max(scale, w * factor)) {
      c.terms.delete(word);
      removed.push(cell);
    }
  }
  c.norm = centroidNorm(c);
  return removed;
}
