// The in-memory state of one open event, and the limits that keep it small.
import { emptyCentroid, type Centroid } from "./centroid";

/** Terms kept per event centroid: enough for an incident's vocabulary, few enough to match fast. */
export const MAX_EVENT_TERMS = 30;
/** Entities (places, organisations) kept per event, by how many items named them. */
export const MAX_EVENT_ENTITIES = 20;
/** Near-duplicate groups an event remembers; the least recently seen are forgotten first. */
export const MAX_EVENT_GROUPS = 1000;
/** Items an event remembers for analysts' splits; older ones are forgotten (see `complete`). */
export const MAX_EVENT_MEMBERS = 300;

/**
 * One item as an event remembers it: enough to replay or take back its contribution. Its unit term
 * vector is kept as two parallel arrays (words, weights as a packed double array) rather than as
 * [word, weight] tuples: open events remember ~10⁵ members, and a tuple costs ~80 bytes per term.
 */
export type Member = { id: number; at: number; words: string[]; weights: number[]; entities: string[]; dupGroup: string | null };

/**
 * An open event. Its centroid fields (terms, refAt, norm, lastAt) sit on it directly, one pointer
 * fewer per lookup. The scratch fields belong to one `assign` call and mean nothing outside it.
 */
export interface OpenEvent extends Centroid {
  id: number;
  firstAt: number;
  /** Items the clusterer placed here (after splits, those it could account for). */
  size: number;
  /** Entity → number of items naming it. */
  entities: Map<string, number>;
  /** Near-duplicate groups this event owns → when a copy was last seen; least recently seen first. */
  groups: Map<string, number>;
  /** Items in assignment order, at most MAX_EVENT_MEMBERS. */
  members: Member[];
  /** True while `members` holds every item, so a split can replay the rest exactly. */
  complete: boolean;
  /** Ids merged into this event. */
  aliases: Set<number>;
  live: boolean;
  heapVer: number;
  mark: number;
  shared: number;
  sharedPlain: number;
  sharedEntities: number;
  /** Dot product with the item over the informative shared words. */
  acc: number;
}

/** A new, empty open event. */
export function newEvent(id: number): OpenEvent {
  return {
    id, firstAt: Infinity, size: 0, ...emptyCentroid(), entities: new Map(), groups: new Map(), members: [],
    complete: true, aliases: new Set(), live: true, heapVer: 0, mark: 0, shared: 0, sharedPlain: 0, sharedEntities: 0, acc: 0,
  };
}

/** How far `t` lies outside an event's time span (0 inside it). */
export function gapTo(ev: OpenEvent, t: number): number {
  if (t > ev.lastAt) return t - ev.lastAt;
  return t < ev.firstAt ? ev.firstAt - t : 0;
}
