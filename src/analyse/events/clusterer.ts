// Incremental event clustering (舆情事件): each item joins the best-matching open event or opens a
// new one. Copies of one post always share an event (a near-copy naming another place is no copy); analysts' merges and splits stick; the whole
// state can be saved per event and restored at process start.
import { HOUR_MS } from "../bursts";
import { anchorsOf } from "./anchors";
import { CannotLinks } from "./cannot-links";
import { EventStore } from "./event-store";
import { gapTo, type Member, type OpenEvent } from "./open-event";
import { leadAnchors } from "./counter-evidence";
import { bestMatch, namesOtherIncident } from "./scoring";
import { loadedEvent, openSnapshot, parseEventSnapshot, type EventSnapshot } from "./snapshot";
import { itemVector } from "./term-vector";
import type { Assignment, ClustererOptions, EventItem } from "./types";

/** Default window: an event stays open for 72 hours after its last item. */
export const DEFAULT_WINDOW_MS = 72 * HOUR_MS;
/** Default least score to join an event (cosine-based, see scoring.ts). */
export const DEFAULT_THRESHOLD = 0.35;
/** Default cap on open events. */
export const DEFAULT_MAX_OPEN_EVENTS = 20_000;

const NO_GROUPS: ReadonlySet<string> = new Set();
// Shared by the many members that name no anchor (never written to: members' entities are read only).
const NO_ENTITIES = Object.freeze([]) as unknown as string[];

/** Groups items into events incrementally; see the module comment for the rules. */
export class EventClusterer {
  private readonly store: EventStore;
  private readonly links = new CannotLinks();
  private readonly windowMs: number;
  private readonly threshold: number;
  private readonly allocate: () => number;
  private counter = 1;
  private seq = 0;

  /** A clusterer with no open events. */
  constructor(options: ClustererOptions = {}) {
    const { windowMs = DEFAULT_WINDOW_MS, threshold = DEFAULT_THRESHOLD, maxOpenEvents = DEFAULT_MAX_OPEN_EVENTS } = options;
    if (!(windowMs > 0) || !Number.isFinite(windowMs)) throw new RangeError("events: windowMs must be a positive number");
    if (!(threshold >= 0) || !Number.isFinite(threshold)) throw new RangeError("events: threshold must be a number ≥ 0");
    if (!Number.isInteger(maxOpenEvents) || maxOpenEvents < 1) throw new RangeError("events: maxOpenEvents must be an integer ≥ 1");
    this.windowMs = windowMs;
    this.threshold = threshold;
    // The half-life is a third of the window: a term from the start of a 72 h window weighs 1/8.
    this.store = new EventStore({ windowMs, halfLifeMs: windowMs / 3, maxOpenEvents });
    this.allocate = options.nextId ?? (() => this.counter++);
  }

  /**
   * Places an item. A copy of a post already in an open event goes there. Otherwise the item joins
   * the best open event scoring at least the threshold, or opens a new event; an item without
   * keywords can only follow its copies, so it otherwise opens an event of its own.
   */
  assign(item: EventItem): Assignment {
    const w = this.store.watermark;
    const at = Number.isFinite(item.publishedAt) ? item.publishedAt : Number.isFinite(w) ? w : 0;
    const vec = itemVector(item.keywords);
    const words: string[] = [];
    const weights: number[] = [];
    for (let i = 0; i < vec.length; i++) {
      words.push(vec[i][0]);
      weights.push(vec[i][1]);
    }
    const anchors = anchorsOf(item.entities);
    const m: Member = {
      id: item.id, at, words, weights, entities: anchors.length ? anchors : NO_ENTITIES, dupGroup: item.dupGroup || null,
    };
    this.store.watermark = Math.max(w, at);
    this.store.expire();
    const owner = m.dupGroup ? this.store.groupOwner.get(m.dupGroup) : undefined;
    const copy = owner !== undefined && gapTo(owner, at) <= this.windowMs;
    const lead = leadAnchors(item.title, m.entities);
    if (copy && !namesOtherIncident(this.store, owner, m, lead)) {
      this.store.add(owner, m);
      return { eventId: owner.id, created: false, score: 1 };
    }
    // A near-copy about another place leaves its group with the event that owns it.
    const keep = copy ? NO_GROUPS : undefined;
    const best = bestMatch(this.store, m, this.windowMs, this.threshold, ++this.seq, lead);
    const score = best ? Math.round(best.score * 1e4) / 1e4 : 0;
    if (best?.joins) {
      this.store.add(best.ev, m, keep);
      return { eventId: best.ev.id, created: false, score };
    }
    const id = this.newId();
    this.store.expire(1);
    this.store.add(this.store.create(id), m, keep);
    return { eventId: id, created: true, score };
  }

  /** Tells the clusterer that a near-duplicate group is now called `to` (see EventStore.renameGroup). */
  renameGroup(from: string, to: string): void {
    this.store.renameGroup(from, to);
  }

  /** An analyst's merge: `sourceId` joins `targetId`, and items that would have gone to the source go to the target. */
  merge(targetId: number, sourceId: number): void {
    const t = this.store.resolve(targetId);
    const s = this.store.resolve(sourceId);
    if (t === s) return;
    const target = this.store.events.get(t);
    const source = this.store.events.get(s);
    this.store.aliases.set(s, t);
    if (target && source) this.store.fold(target, source);
    else if (source) this.store.rename(source, t); // the target is closed: the source's state carries on under its id
    this.store.events.get(t)?.aliases.add(s);
    this.links.merged(t, s);
  }

  /**
   * An analyst's split: the given items of an event form a new event (id returned), and the two are
   * kept apart from then on. Items the event no longer remembers (see MAX_EVENT_MEMBERS) move in
   * the database but cannot be taken out of the centroid exactly.
   */
  split(eventId: number, itemIds: readonly number[], newEventId?: number): number {
    const e = this.store.resolve(eventId);
    const newId = newEventId ?? this.newId();
    if (newId === e || this.store.events.has(newId)) throw new Error(`events: cannot split into open event ${newId}`);
    this.counter = Math.max(this.counter, newId + 1);
    this.links.link(e, newId);
    const ev = this.store.events.get(e);
    if (!ev) return newId;
    const ids = new Set(itemIds);
    const moved = this.takeOut(ev, ids, ids.size);
    if (moved.length) {
      const created = this.store.create(newId);
      for (const m of moved) this.store.add(created, m); // the moved copies take their repost groups along
    }
    return newId;
  }

  /**
   * Takes items of an open event that were deleted (with their source) out of it; it may remember
   * only some of them (see `split` for how exact that is). An event left with none stays open,
   * empty, until it expires.
   */
  forget(eventId: number, itemIds: readonly number[]): void {
    const ev = this.store.events.get(this.store.resolve(eventId));
    if (!ev) return;
    const ids = new Set(itemIds);
    this.takeOut(ev, ids, ids.size);
  }

  // Takes the remembered members with these ids (and `count` items in all) out of an event; returns them.
  private takeOut(ev: OpenEvent, ids: ReadonlySet<number>, count: number): Member[] {
    const out = ev.members.filter((m) => ids.has(m.id));
    const kept = ev.members.filter((m) => !ids.has(m.id));
    if (ev.complete) this.store.rebuild(ev, kept);
    else {
      this.store.subtract(ev, out);
      ev.size = Math.max(kept.length, ev.size - count);
    }
    return out;
  }

  /** Whether an analyst split these two events apart (merge suggestions must respect it). */
  apart(a: number, b: number): boolean {
    return this.links.apart(this.store.resolve(a), this.store.resolve(b));
  }

  /** The event an id stands for after merges. */
  resolve(eventId: number): number {
    return this.store.resolve(eventId);
  }

  /** The state to store for an event: full for an open one, an alias for a merged one, null when not in memory. */
  snapshot(eventId: number): EventSnapshot | null {
    if (this.store.aliases.has(eventId)) return { v: 1, kind: "merged", id: eventId, mergedInto: this.store.resolve(eventId) };
    const ev = this.store.events.get(eventId);
    return ev ? openSnapshot(ev, this.links.partners(eventId)) : null;
  }

  /**
   * Replaces all state with stored snapshots (at process start). Values are checked because they
   * come back from the database as JSON; returns how many were unreadable and skipped.
   */
  restore(events: readonly EventSnapshot[]): number {
    this.store.clear();
    this.links.clear();
    let skipped = 0;
    for (const raw of events) {
      const s = parseEventSnapshot(raw);
      if (!s || (s.kind === "open" && this.store.events.has(s.id))) {
        skipped++;
        continue;
      }
      if (s.kind === "merged") {
        this.store.aliases.set(s.id, s.mergedInto);
        this.counter = Math.max(this.counter, s.id + 1, s.mergedInto + 1);
        continue;
      }
      this.store.load(loadedEvent(s));
      for (const a of s.aliases) this.store.aliases.set(a, s.id);
      for (const p of s.cannotLink) this.links.link(s.id, p);
      this.counter = Math.max(this.counter, s.id + 1, ...s.aliases.map((a) => a + 1), ...s.cannotLink.map((p) => p + 1));
    }
    // An id that was merged away is never open, whatever older state said.
    for (const id of this.store.aliases.keys()) {
      const stale = this.store.events.get(id);
      if (stale) this.store.drop(stale);
    }
    this.store.expire();
    return skipped;
  }

  /** Ids of events open at `now` (last item within the window), ascending. */
  open(now: number): number[] {
    const since = now - this.windowMs;
    return [...this.store.events.values()].filter((ev) => ev.lastAt >= since).map((ev) => ev.id).sort((a, b) => a - b);
  }

  private newId(): number {
    const id = this.allocate();
    this.counter = Math.max(this.counter, id + 1);
    return id;
  }
}
