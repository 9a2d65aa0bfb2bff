// Open events with their indexes (words, entities, near-duplicate groups, expiry) kept in step.
// Every change to an event goes through here so that the indexes never disagree with the events.
import { ExpiryHeap } from "./expiry-heap";
import {
  MAX_EVENT_ENTITIES, MAX_EVENT_GROUPS, MAX_EVENT_MEMBERS, MAX_EVENT_TERMS, newEvent, type Member, type OpenEvent,
} from "./open-event";
import { CellPostings, Postings } from "./postings";
import { addCentroid, addVector, centroidNorm, emptyCentroid, subtractVector, type CellChange, type TermCell } from "./centroid";
import { byWeight } from "./term-vector";

/**
 * A word held by more than max(GENERIC_MIN_EVENTS, GENERIC_SHARE × open events) open events is too
 * common to link incidents (学校, the county's own name). It still counts in the cosine.
 */
export const GENERIC_MIN_EVENTS = 25;
/** See GENERIC_MIN_EVENTS. */
export const GENERIC_SHARE = 0.01;

/** An event's state as `load` takes it back. */
export type LoadedEvent = {
  id: number; firstAt: number; lastAt: number; refAt: number; size: number; complete: boolean;
  terms: readonly (readonly [string, number])[]; entities: readonly (readonly [string, number])[];
  groups: readonly (readonly [string, number])[]; members: readonly StoredMember[]; aliases: readonly number[];
};

/** A member as a snapshot stores it: its term vector as [word, weight] pairs. */
export type StoredMember = {
  id: number; at: number; terms: readonly (readonly [string, number])[]; entities: readonly string[]; dupGroup: string | null;
};

/** A stored member as the store keeps it (see Member). */
export function loadedMember(m: StoredMember): Member {
  const words: string[] = [];
  const weights: number[] = [];
  for (const [w, x] of m.terms) {
    words.push(w);
    weights.push(x);
  }
  return { id: m.id, at: m.at, words, weights, entities: [...m.entities], dupGroup: m.dupGroup };
}

/** Time settings of the store. */
export type StoreConfig = { windowMs: number; halfLifeMs: number; maxOpenEvents: number };

/** Open events and their indexes. */
export class EventStore {
  readonly events = new Map<number, OpenEvent>();
  readonly terms = new CellPostings<TermCell>();
  readonly entities = new Postings<OpenEvent>();
  readonly groupOwner = new Map<string, OpenEvent>();
  readonly aliases = new Map<number, number>();
  private readonly heap = new ExpiryHeap();
  /** The latest item time seen; the window closes events relative to it, not to the wall clock. */
  watermark = -Infinity;

  /** A store with the given limits. */
  constructor(readonly cfg: StoreConfig) {}

  /** Forgets every event and alias. */
  clear(): void {
    for (const ev of this.events.values()) ev.live = false;
    this.events.clear();
    this.terms.clear();
    this.entities.clear();
    this.groupOwner.clear();
    this.aliases.clear();
    this.heap.clear();
    this.watermark = -Infinity;
  }

  /** The id an event id stands for after merges. */
  resolve(id: number): number {
    let cur = id;
    for (let next = this.aliases.get(cur); next !== undefined && next !== id; next = this.aliases.get(cur)) cur = next;
    return cur;
  }

  /** How many open events a word may appear in and still count as evidence. */
  genericLimit(): number {
    return Math.max(GENERIC_MIN_EVENTS, Math.ceil(GENERIC_SHARE * this.events.size));
  }

  /** Registers a new empty event (call `add` before anything reads its times). */
  create(id: number): OpenEvent {
    if (this.events.has(id)) throw new Error(`events: event ${id} is already open`);
    const ev = newEvent(id);
    this.events.set(id, ev);
    return ev;
  }

  /** Adds an item; `keepGroups` limits which near-duplicate groups the event takes over (replays). */
  add(ev: OpenEvent, m: Member, keepGroups?: ReadonlySet<string>): void {
    const wasEmpty = ev.size === 0 && ev.lastAt === -Infinity;
    this.applyTerms(addVector(ev, m.words, m.weights, m.at, this.cfg.halfLifeMs, MAX_EVENT_TERMS));
    for (const e of m.entities) {
      const n = ev.entities.get(e);
      if (n === undefined) this.entities.add(e, ev);
      ev.entities.set(e, (n ?? 0) + 1);
    }
    if (ev.entities.size > MAX_EVENT_ENTITIES) {
      for (const [e] of [...ev.entities].sort(byWeight).slice(MAX_EVENT_ENTITIES)) this.dropEntity(ev, e);
    }
    if (m.dupGroup && (!keepGroups || keepGroups.has(m.dupGroup))) this.own(ev, m.dupGroup, m.at);
    ev.members.push(m);
    if (ev.members.length > MAX_EVENT_MEMBERS) {
      ev.members.shift();
      ev.complete = false;
    }
    ev.size++;
    ev.firstAt = Math.min(ev.firstAt, m.at);
    this.watermark = Math.max(this.watermark, ev.lastAt);
    if (wasEmpty) this.heap.push(ev);
  }

  /** Makes `ev` the owner of a near-duplicate group (taking it from any other event). */
  own(ev: OpenEvent, group: string, at: number): void {
    const prev = this.groupOwner.get(group);
    if (prev && prev !== ev) prev.groups.delete(group);
    const seen = ev.groups.get(group);
    ev.groups.delete(group); // re-inserted last: Map order is least recently seen first
    ev.groups.set(group, Math.max(at, seen ?? -Infinity));
    this.groupOwner.set(group, ev);
    if (ev.groups.size > MAX_EVENT_GROUPS) {
      const oldest = ev.groups.keys().next().value;
      if (oldest !== undefined) this.release(ev, oldest);
    }
  }

  /**
   * Moves a near-duplicate group's ownership to its new name (the group was renamed: a late first
   * post, or its first post deleted), so that later copies under the new name follow it. A name that
   * already has an owner (two groups joined) keeps it.
   */
  renameGroup(from: string, to: string): void {
    const ev = this.groupOwner.get(from);
    if (!ev || from === to || this.groupOwner.has(to)) return;
    const seen = ev.groups.get(from) ?? -Infinity;
    this.release(ev, from);
    this.own(ev, to, seen);
    for (const m of ev.members) if (m.dupGroup === from) m.dupGroup = to;
  }

  /** Rebuilds an event from the given members, replayed in order (exact when the history is complete). */
  rebuild(ev: OpenEvent, members: readonly Member[]): void {
    const owned = new Set(ev.groups.keys());
    this.strip(ev);
    Object.assign(ev, emptyCentroid());
    ev.size = 0;
    ev.firstAt = Infinity;
    ev.members = [];
    ev.complete = true;
    for (const m of members) this.add(ev, m, owned);
    this.heap.push(ev);
  }

  /** Takes items back out of an event whose history is incomplete (approximate: pruning lost some weight). */
  subtract(ev: OpenEvent, gone: readonly Member[]): void {
    for (const m of gone) {
      for (const cell of subtractVector(ev, m.words, m.weights, m.at, this.cfg.halfLifeMs)) this.terms.remove(cell);
      for (const e of m.entities) {
        const n = ev.entities.get(e);
        if (n === undefined) continue;
        if (n <= 1) this.dropEntity(ev, e);
        else ev.entities.set(e, n - 1);
      }
    }
    const ids = new Set(gone.map((m) => m.id));
    ev.members = ev.members.filter((m) => !ids.has(m.id));
  }

  /** Folds `from` into `into` (an analyst's merge) and closes `from`. */
  fold(into: OpenEvent, from: OpenEvent): void {
    this.applyTerms(addCentroid(into, from, this.cfg.halfLifeMs, MAX_EVENT_TERMS));
    for (const [e, n] of from.entities) {
      if (!into.entities.has(e)) this.entities.add(e, into);
      into.entities.set(e, (into.entities.get(e) ?? 0) + n);
    }
    if (into.entities.size > MAX_EVENT_ENTITIES) {
      for (const [e] of [...into.entities].sort(byWeight).slice(MAX_EVENT_ENTITIES)) this.dropEntity(into, e);
    }
    const groups = [...from.groups];
    const members = [...into.members, ...from.members];
    into.complete = into.complete && from.complete && members.length <= MAX_EVENT_MEMBERS;
    into.members = members.slice(-MAX_EVENT_MEMBERS);
    into.size += from.size;
    into.firstAt = Math.min(into.firstAt, from.firstAt);
    for (const a of from.aliases) into.aliases.add(a);
    this.drop(from);
    for (const [g, at] of groups) this.own(into, g, at);
    this.heap.push(into);
  }

  /** Puts back an event saved by `snapshot` (terms in their saved order, so sums repeat bit for bit). */
  load(state: LoadedEvent): OpenEvent {
    const ev = this.create(state.id);
    ev.firstAt = state.firstAt;
    ev.size = state.size;
    ev.complete = state.complete;
    Object.assign(ev, { terms: new Map(), refAt: state.refAt, norm: 0, lastAt: state.lastAt });
    for (const [word, raw] of state.terms) {
      const cell = { ev, word, raw, pos: -1 };
      ev.terms.set(word, cell);
      this.terms.add(cell);
    }
    ev.norm = centroidNorm(ev);
    for (const [e, n] of state.entities) {
      ev.entities.set(e, n);
      this.entities.add(e, ev);
    }
    for (const [g, at] of state.groups) this.own(ev, g, at);
    ev.members = state.members.map(loadedMember);
    for (const a of state.aliases) ev.aliases.add(a);
    this.watermark = Math.max(this.watermark, state.lastAt);
    this.heap.push(ev);
    return ev;
  }

  /** Gives an open event another id (merged into an event that is no longer in memory). */
  rename(ev: OpenEvent, id: number): void {
    this.events.delete(ev.id);
    ev.id = id;
    this.events.set(id, ev);
    this.heap.push(ev);
  }

  /** Removes an event from memory and from every index. */
  drop(ev: OpenEvent): void {
    this.strip(ev);
    this.events.delete(ev.id);
    ev.live = false;
  }

  /** Closes events past the window, then the least recently active beyond maxOpenEvents - reserve. */
  expire(reserve = 0): void {
    const cutoff = this.watermark - this.cfg.windowMs;
    for (let top = this.heap.top(); top; top = this.heap.top()) {
      const over = this.events.size > this.cfg.maxOpenEvents - reserve;
      if (top.key >= cutoff && !over) break;
      if (top.ev.lastAt > top.key) this.heap.push(top.ev); // stale key: requeue at its real time
      else this.drop(top.ev);
    }
  }

  private applyTerms(ch: CellChange): void {
    for (const cell of ch.added) this.terms.add(cell);
    for (const cell of ch.removed) this.terms.remove(cell);
  }

  private dropEntity(ev: OpenEvent, e: string): void {
    ev.entities.delete(e);
    this.entities.remove(e, ev);
  }

  private release(ev: OpenEvent, group: string): void {
    ev.groups.delete(group);
    if (this.groupOwner.get(group) === ev) this.groupOwner.delete(group);
  }

  private strip(ev: OpenEvent): void {
    for (const cell of ev.terms.values()) this.terms.remove(cell);
    for (const e of [...ev.entities.keys()]) this.dropEntity(ev, e);
    for (const g of [...ev.groups.keys()]) this.release(ev, g);
  }
}
