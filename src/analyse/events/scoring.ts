// How well an item fits an open event, and the incident-evidence rule: two reports are one event
// when they are about the same incident (same place or actor, same happening), never merely the
// same topic. Topic words (道路, 施工, 收费, 学校 …) are held by many open events and count for
// nothing as evidence; what links an item to an event is an anchor (a fine place or a named
// institution, see anchors.ts) they share together with specific words of the happening, or, with
// no shared anchor, more specific words and a high similarity. Only an event's core anchors (held
// by a third of its items and two at least, or by its first post) admit an item, so that events do
// not chain from one intersection to the next; an item whose title names a road, school or
// hospital the event does not, while the event's core names another of that kind, is another
// incident (counter-evidence.ts); and an item naming a place outside the event's core never joins
// on topic words alone (a fire in another town), whatever words they share.
import { canContradict, isCoreAnchor, namesOtherThanEvent, namesOtherThanPost, namesUnknownTo } from "./counter-evidence";
import type { EventStore } from "./event-store";
import { gapTo, type Member, type OpenEvent } from "./open-event";

/** Added to the cosine per shared anchor, for at most two anchors. */
export const ENTITY_BONUS = 0.1;
/** Share of the score lost at the far end of the window (linear in the time gap). */
export const AGE_PENALTY = 0.5;
/** Specific words an item must share with an event besides a shared anchor. */
export const ANCHORED_MIN_TERMS = 2;
/** Specific words an item must share with an event that shares no anchor with it. */
export const UNANCHORED_MIN_TERMS = 3;
/** A word held by more than 1/COMMONISH_SHARE of the generic limit of open events counts as half a shared word. */
export const COMMONISH_SHARE = 5;
/** Added to the threshold for a join without a shared anchor. */
export const UNANCHORED_MARGIN = 0.25;

/** A candidate event with its score; `joins` when the evidence and the score suffice to join it. */
export type Match = { ev: OpenEvent; score: number; joins: boolean };

/** What an item shares with an event, counted over specific (not generic) words and anchors. */
export type Evidence = {
  /** Shared specific words that are not anchors of the item. */
  plainTerms: number;
  /** Shared specific anchors. */
  entities: number;
  /** Whether the item and the event each name a specific place (so that their places can disagree). */
  bothPlaced: boolean;
};

/**
 * The least score at which the evidence joins an item to an event, or Infinity when it cannot:
 * a shared anchor plus ANCHORED_MIN_TERMS shared words at `threshold`; no shared anchor while both
 * name a place (another place) never; otherwise UNANCHORED_MIN_TERMS shared words at
 * `threshold` + UNANCHORED_MARGIN. A lone 学校 or a lone place name is never enough.
 */
export function requiredScore(e: Evidence, threshold: number): number {
  if (e.entities >= 1) return e.plainTerms >= ANCHORED_MIN_TERMS ? threshold : Infinity;
  if (e.bothPlaced) return Infinity;
  return e.plainTerms >= UNANCHORED_MIN_TERMS ? threshold + UNANCHORED_MARGIN : Infinity;
}

/** The score from the dot product of a unit item vector with an event centroid: cosine plus entity bonus, discounted by the time gap. */
export function scoreMatch(ev: OpenEvent, dot: number, gap: number, windowMs: number): number {
  const cos = ev.norm > 0 ? dot / ev.norm : 0;
  const bonus = ENTITY_BONUS * Math.min(2, ev.sharedEntities);
  return (cos + bonus) * (1 - (AGE_PENALTY * gap) / windowMs);
}

/** Orders matches: joining first, then higher score, then the most recently active event, then the oldest id (never Map order). */
function better(joins: boolean, score: number, ev: OpenEvent, best: OpenEvent | null, bestScore: number, bestJoins: boolean): boolean {
  if (!best) return true;
  if (joins !== bestJoins) return joins;
  if (score !== bestScore) return score > bestScore;
  const la = ev.lastAt;
  const lb = best.lastAt;
  return la !== lb ? la > lb : ev.id < best.id;
}

// Scratch for bestMatch (one call at a time; emptied before it returns so that no event is held).
const CANDIDATES: OpenEvent[] = [];
// Indexes of the item's words too common to be evidence (at most MAX_ITEM_TERMS).
const COMMON: number[] = [];

/**
 * Whether a near-duplicate of an event's posts is about another incident: it names specific
 * anchors and shares none with the group's first post the event remembers (or, when it remembers
 * none with anchors, with the event). Real reposts carry their original's names; a template filled
 * in for another school or road (an official notice, a form complaint) is near-identical text about
 * somewhere else. The group's own post decides because an event may name several places already.
 */
export function namesOtherIncident(store: EventStore, ev: OpenEvent, m: Member, lead: readonly string[] = m.entities): boolean {
  const limit = store.genericLimit();
  let named = false;
  for (const e of m.entities) named ||= canContradict(e) || (store.entities.get(e)?.size ?? 0) <= limit;
  if (!named) return false;
  let first: Member | null = null;
  for (const x of ev.members)
    if (x.dupGroup === m.dupGroup && x.entities.length) {
      first = x;
      break;
    }
  if (first) return !sharesAny(m.entities, first.entities) || namesOtherThanPost(first, m, lead);
  for (const e of m.entities) if (ev.entities.has(e)) return false;
  for (const e of ev.entities.keys()) if ((store.entities.get(e)?.size ?? 0) <= limit) return true;
  return false;
}

function partOfName(word: string, names: readonly string[]): boolean {
  for (const n of names) if (n.includes(word)) return true;
  return false;
}

function sharesAny(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

function touch(ev: OpenEvent, seq: number, candidates: OpenEvent[]): void {
  ev.mark = seq;
  ev.shared = ev.sharedPlain = ev.sharedEntities = ev.acc = 0;
  candidates.push(ev);
}

/**
 * The best open event for an item among those sharing a specific word or anchor with it, and
 * whether it joins it. Words and anchors held by more than `store.genericLimit()` open events are
 * no evidence (and no way in), which keeps both the rule and the cost of a lookup independent of
 * common words.
 * `seq` must differ on every call: it marks which events this call has counted. The member's words
 * that some open event holds are replaced by the index's equal string.
 */
export function bestMatch(store: EventStore, m: Member, windowMs: number, threshold: number, seq: number, lead: readonly string[] = m.entities): Match | null {
  const limit = store.genericLimit();
  const candidates = CANDIDATES;
  candidates.length = 0;
  const words = m.words;
  const weights = m.weights;
  const entities = m.entities;
  let nCommon = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const list = store.terms.get(word);
    if (!list) continue;
    // The member keeps the copy of the word the index already holds (one string per word, not one per item).
    words[i] = list[0].word;
    if (list.length > limit) {
      COMMON[nCommon++] = i;
      continue;
    }
    const w = weights[i];
    // A piece of one of the item's names (青禾县, 实验 of 青禾县实验小学) is the name again, not a word of the happening.
    // A word that a fifth of the generic limit of events hold (家长, 孩子) is half the evidence of a rarer one.
    const plain = entities.length !== 0 && partOfName(word, entities) ? 0 : list.length * COMMONISH_SHARE > limit ? 0.5 : 1;
    for (let j = 0; j < list.length; j++) {
      const cell = list[j];
      const ev = cell.ev;
      if (ev.mark !== seq) touch(ev, seq, candidates);
      ev.shared++;
      ev.sharedPlain += plain;
      ev.acc += w * cell.raw;
    }
  }
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    const list = store.entities.get(e);
    if (!list || list.size > limit) continue;
    for (const ev of list) {
      if (ev.mark !== seq) touch(ev, seq, candidates);
      // Only the event's core anchors admit an item: an anchor a member named in passing would let
      // incidents chain (A和B, B和C, C和D … at one intersection after another).
      if (isCoreAnchor(ev, e)) ev.sharedEntities++;
    }
  }
  let best: Match | null = null;
  let bestEv: OpenEvent | null = null;
  let bestScore = 0;
  let bestJoins = false;
  for (let c = 0; c < candidates.length; c++) {
    const ev = candidates[c];
    // requiredScore inlined (the same rule): a shared core anchor needs ANCHORED_MIN_TERMS plain
    // words and no other place or institution of the same kind; no shared anchor needs
    // UNANCHORED_MIN_TERMS and an item that names no specific anchor at all.
    let need: number;
    if (ev.sharedEntities >= 1) {
      if (ev.sharedPlain < ANCHORED_MIN_TERMS) continue;
      need = threshold;
    } else {
      // Topic words alone never join an item that names a place or institution the event does not.
      if (ev.sharedPlain < UNANCHORED_MIN_TERMS || namesUnknownTo(ev, m)) continue;
      need = threshold + UNANCHORED_MARGIN;
    }
    const gap = gapTo(ev, m.at);
    if (gap > windowMs) continue;
    // Common words are no evidence, but they are part of the cosine.
    let dot = ev.acc;
    for (let k = 0; k < nCommon; k++) {
      const i = COMMON[k];
      dot += weights[i] * (ev.terms.get(words[i])?.raw ?? 0);
    }
    const score = scoreMatch(ev, dot, gap, windowMs);
    // The counter-evidence is looked at only for an event the item would join (it reads the event's anchors).
    const joins = score >= need && !(ev.sharedEntities >= 1 && namesOtherThanEvent(ev, m, lead));
    if (better(joins, score, ev, bestEv, bestScore, bestJoins)) {
      bestEv = ev;
      bestScore = score;
      bestJoins = joins;
    }
  }
  candidates.length = 0;
  if (bestEv) best = { ev: bestEv, score: bestScore, joins: bestJoins };
  return best;
}
