// How well an item fits an open event, and the evidence rule that stops one generic word from
// gluing unrelated incidents together.
import type { EventStore } from "./event-store";
import { gapTo, type Member, type OpenEvent } from "./open-event";

/** Added to the cosine per shared entity (place or organisation), for at most two entities. */
export const ENTITY_BONUS = 0.1;
/** Share of the score lost at the far end of the window (linear in the time gap). */
export const AGE_PENALTY = 0.5;

/** A candidate event with its score. */
export type Match = { ev: OpenEvent; score: number };

/**
 * Whether shared words are evidence enough: two shared informative words, or a shared entity plus
 * a shared word that is not that entity. A lone 学校 or a lone place name is never enough.
 */
export function enoughEvidence(sharedTerms: number, sharedPlainTerms: number, sharedEntities: number): boolean {
  return sharedTerms >= 2 || (sharedEntities >= 1 && sharedPlainTerms >= 1);
}

/** The score from the dot product of a unit item vector with an event centroid: cosine plus entity bonus, discounted by the time gap. */
export function scoreMatch(ev: OpenEvent, dot: number, gap: number, windowMs: number): number {
  const cos = ev.norm > 0 ? dot / ev.norm : 0;
  const bonus = ENTITY_BONUS * Math.min(2, ev.sharedEntities);
  return (cos + bonus) * (1 - (AGE_PENALTY * gap) / windowMs);
}

/** Orders matches: higher score, then the most recently active event, then the oldest id (never Map order). */
function better(score: number, ev: OpenEvent, bestScore: number, best: OpenEvent | null): boolean {
  if (!best || score !== bestScore) return !best || score > bestScore;
  const la = ev.lastAt;
  const lb = best.lastAt;
  return la !== lb ? la > lb : ev.id < best.id;
}

/**
 * The best open event for an item among those sharing an informative word or entity with it.
 * Words held by more than `store.genericLimit()` open events are skipped as evidence (and as a
 * way in), which keeps both the glue rule and the cost of a lookup independent of common words.
 * `seq` must differ on every call: it marks which events this call has counted.
 */
export function bestMatch(store: EventStore, m: Member, windowMs: number, seq: number): Match | null {
  const limit = store.genericLimit();
  const candidates: OpenEvent[] = [];
  let common: [string, number][] | null = null;
  for (const [word, w] of m.terms) {
    const list = store.terms.get(word);
    if (!list) continue;
    if (list.length > limit) {
      (common ??= []).push([word, w]);
      continue;
    }
    const plain = m.entities.includes(word) ? 0 : 1;
    for (const cell of list) {
      const ev = cell.ev;
      if (ev.mark !== seq) {
        ev.mark = seq;
        ev.shared = ev.sharedPlain = ev.sharedEntities = ev.acc = 0;
        candidates.push(ev);
      }
      ev.shared++;
      ev.sharedPlain += plain;
      ev.acc += w * cell.raw;
    }
  }
  for (const e of m.entities) {
    const list = store.entities.get(e);
    if (!list || list.size > limit) continue;
    for (const ev of list) {
      if (ev.mark !== seq) {
        ev.mark = seq;
        ev.shared = ev.sharedPlain = ev.sharedEntities = ev.acc = 0;
        candidates.push(ev);
      }
      ev.sharedEntities++;
    }
  }
  let best: OpenEvent | null = null;
  let bestScore = -Infinity;
  for (const ev of candidates) {
    if (!enoughEvidence(ev.shared, ev.sharedPlain, ev.sharedEntities)) continue;
    const gap = gapTo(ev, m.at);
    if (gap > windowMs) continue;
    // Common words are no evidence, but they are part of the cosine.
    let dot = ev.acc;
    if (common) for (const [word, w] of common) dot += w * (ev.terms.get(word)?.raw ?? 0);
    const score = scoreMatch(ev, dot, gap, windowMs);
    if (better(score, ev, bestScore, best)) {
      best = ev;
      bestScore = score;
    }
  }
  return best ? { ev: best, score: bestScore } : null;
}
