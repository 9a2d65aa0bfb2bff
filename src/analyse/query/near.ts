// NEAR/n: an occurrence of one side and an occurrence of the other, in either order, that do
// not overlap and leave at most n normalised characters between them. Each side's occurrences
// are sorted by start, so the nearest follower of an occurrence is found by binary search and a
// text full of both terms costs O(k log k), never a comparison of every pair.

/** Occurrences of one NEAR operand in one field, sorted by start. */
export type Occurrences = { starts: number[]; ends: number[] };

/** The occurrences of any of `patterns` in a field's hits, sorted by start. */
export function occurrencesOf(patterns: readonly number[], hits: Map<number, number[]>, lengths: readonly number[]): Occurrences {
  if (patterns.length === 1) {
    const starts = hits.get(patterns[0]) ?? [];
    return { starts, ends: starts.map((s) => s + lengths[patterns[0]]) };
  }
  const pairs: [number, number][] = [];
  for (const p of patterns) for (const s of hits.get(p) ?? []) pairs.push([s, s + lengths[p]]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { starts: pairs.map((p) => p[0]), ends: pairs.map((p) => p[1]) };
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Pairs where the `to` occurrence follows the `from` one. With marks, records every `from` that
// has a partner and (as a difference array) every `to` within reach of one.
function following(from: Occurrences, to: Occurrences, n: number, marks: { from: Uint8Array; to: Int32Array } | null): boolean {
  let found = false;
  for (let i = 0; i < from.starts.length; i++) {
    const end = from.ends[i];
    const lo = lowerBound(to.starts, end);
    if (lo >= to.starts.length || to.starts[lo] - end > n) continue;
    if (!marks) return true;
    found = true;
    marks.from[i] = 1;
    marks.to[lo]++;
    marks.to[lowerBound(to.starts, end + n + 1)]--;
  }
  return found;
}

/** Whether some pair is within `n`; with `onSpan`, also reports every occurrence in such a pair. */
export function nearPairs(left: Occurrences, right: Occurrences, n: number, onSpan: ((start: number, end: number) => void) | null): boolean {
  if (!left.starts.length || !right.starts.length) return false;
  if (!onSpan) return following(left, right, n, null) || following(right, left, n, null);
  const leftMarks = { from: new Uint8Array(left.starts.length), to: new Int32Array(left.starts.length + 1) };
  const rightMarks = { from: new Uint8Array(right.starts.length), to: new Int32Array(right.starts.length + 1) };
  const after = following(left, right, n, { from: leftMarks.from, to: rightMarks.to });
  const before = following(right, left, n, { from: rightMarks.from, to: leftMarks.to });
  for (const [occ, marks] of [[left, leftMarks], [right, rightMarks]] as const) {
    let reached = 0;
    for (let i = 0; i < occ.starts.length; i++) {
      reached += marks.to[i];
      if (marks.from[i] || reached > 0) onSpan(occ.starts[i], occ.ends[i]);
    }
  }
  return after || before;
}
