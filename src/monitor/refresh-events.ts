// Recomputes the cached aggregates of events after their members changed: size, time span,
// sentiment mix, top keywords, title suggestion, burst and risk suggestion with its reasons.
import type { Db } from "../db/connection";
import { eventTitle } from "../analyse/events";
import { burstEnd } from "../analyse/bursts";
import { assessRisk } from "../analyse/risk";
import { eventAggregates, eventMembers, updateEventAggregates, type EventMember } from "../store/events";
import { eventBurstAt } from "./bursts";
import { enqueueEventAlerts, eventAlerting } from "../alerts/triggers";
import { eventForAlert } from "../store/alerts";

// The routes read burst figures through this module.
export { eventBurst, watchBurst } from "./bursts";

/** Top keywords of members: how many members carry each word, best first, weight relative to the top. */
export function topKeywords(keywordLists: readonly (string | null)[], k = 12): { word: string; weight: number }[] {
  const counts = new Map<string, number>();
  for (const list of keywordLists) {
    if (!list) continue;
    let words: unknown;
    try {
      words = JSON.parse(list);
    } catch {
      continue;
    }
    if (!Array.isArray(words)) continue;
    words.slice(0, 8).forEach((w, rank) => {
      if (typeof w === "string") counts.set(w, (counts.get(w) ?? 0) + 1 / (1 + rank * 0.15));
    });
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
  const max = top[0]?.[1] ?? 1;
  return top.map(([word, c]) => ({ word, weight: Math.round((c / max) * 1000) / 1000 }));
}

/** How often touched events' clusterer snapshots are stored while items keep coming. */
export const SNAPSHOT_EVERY_MS = 5_000;

/**
 * When the full refresh (title, keywords, burst, risk) of an event is due: it reads up to hundreds
 * of members, so an event is refreshed when it is new, or doubled (under 500 items) or grew by a
 * fifth, or a minute passed, not after every batch. With events that are incidents there are
 * thousands of open events of tens to hundreds of items; refreshing the small ones whenever a batch
 * touched them and the others at every fifth read 4.2 member rows per analysed item on the bench
 * stream (~7 µs a row, on the main thread), doubling 2.4. An event held back is remembered and
 * refreshed when the queue is empty (`takeStale`). Counts and time span are exact after every batch.
 */
export class RefreshThrottle {
  private readonly last = new Map<number, { size: number; at: number }>();
  private readonly dirty = new Set<number>();
  private readonly stale = new Set<number>();
  private savedAt = -Infinity;

  /**
   * Events whose clusterer snapshot should be stored now. A snapshot holds an event's centroid and
   * last few hundred members (tens of kB), so a hot event is saved every SNAPSHOT_EVERY_MS rather
   * than after every batch; `flush` returns the rest (the worker flushes when it finds nothing to do,
   * at least every 30 s, and at stop). After a crash the clusterer restarts from snapshots that may
   * miss the last seconds of assignments; every item keeps the event it was given.
   */
  snapshotsDue(touched: Iterable<number>, now: number): number[] {
    for (const id of touched) this.dirty.add(id);
    if (now - this.savedAt < SNAPSHOT_EVERY_MS && now >= this.savedAt) return [];
    return this.flush(now);
  }

  /** Every event touched since its snapshot was last stored. */
  flush(now: number): number[] {
    this.savedAt = now;
    const ids = [...this.dirty];
    this.dirty.clear();
    return ids;
  }

  /** True when an event of `size` items should get its full refresh at `now` (else it is remembered as stale). */
  due(id: number, size: number, now: number): boolean {
    const l = this.last.get(id);
    const grown = l !== undefined && size >= l.size * (size < 500 ? 2 : 1.2);
    if (!l || grown || now - l.at >= 60_000 || now < l.at) {
      if (this.last.size > 50_000) this.last.clear();
      this.last.set(id, { size, at: now });
      this.stale.delete(id);
      return true;
    }
    this.stale.add(id);
    return false;
  }

  /** Events whose full refresh was held back since they were last refreshed; forgets them. */
  takeStale(): number[] {
    const ids = [...this.stale];
    this.stale.clear();
    for (const id of ids) this.last.delete(id);
    return ids;
  }
}

/** The one member of a new event as the batch that analysed it knows it (what eventMembers would read back). */
export type LoneMember = Pick<EventMember, "title" | "t" | "dup_group" | "keywords" | "sentiment" | "source_priority">;

/** What eventAggregates reads for an event whose only member is `m`. */
function loneAggregates(m: LoneMember): ReturnType<typeof eventAggregates> {
  return {
    size: 1, neg: m.sentiment === "neg" ? 1 : 0, neu: m.sentiment === "neu" ? 1 : 0, pos: m.sentiment === "pos" ? 1 : 0,
    first: m.t, last: m.t, priority: m.source_priority,
  };
}

/**
 * Recomputes and stores the aggregates of the given events. Call inside a transaction: the alerts of
 * event rules (a burst that starts, a level that rises) are written in it.
 */
export function refreshEvents(
  db: Db, ids: readonly number[], now: number, throttle?: RefreshThrottle, lone?: ReadonlyMap<number, LoneMember>,
): void {
  // The level before the refresh is read only while some event rule is enabled.
  const alerting = eventAlerting(db);
  for (const id of ids) {
    let size = -1;
    if (throttle) {
      // The worker has bumped the counts already; the full refresh reads members, so throttle it.
      size = (db.prepare("SELECT size FROM events WHERE id = ?").get(id) as { size: number } | undefined)?.size ?? 0;
      if (size && !throttle.due(id, size, now)) continue;
    }
    // An event of one item the batch just analysed: its aggregates and member are that item, already in hand.
    const only = size === 1 ? lone?.get(id) : undefined;
    const a = only ? loneAggregates(only) : eventAggregates(db, id);
    if (!a.size || a.first === null || a.last === null) {
      updateEventAggregates(db, id, {
        firstAt: now, lastAt: now, size: 0, neg: 0, neu: 0, pos: 0, keywords: [], riskLevel: "general", riskScore: 0, riskReasons: [],
      }, now);
      continue;
    }
    const members: readonly Pick<EventMember, "title" | "t" | "dup_group" | "keywords">[] = only ? [only] : eventMembers(db, id, 500);
    const keywords = topKeywords(members.map((m) => m.keywords));
    const groupSize = new Map<string, number>();
    for (const m of members) if (m.dup_group) groupSize.set(m.dup_group, (groupSize.get(m.dup_group) ?? 0) + 1);
    const title = eventTitle(
      members.map((m) => ({ title: m.title, publishedAt: m.t, dupGroupSize: m.dup_group ? groupSize.get(m.dup_group) : 1 })),
      keywords.map((k) => k.word),
    );
    // The growth the stored risk quotes is that of the hour up to the latest member, which does not
    // change until the members do (the live burst badge is computed when it is shown).
    const burst = eventBurstAt(db, id, burstEnd(Math.min(a.last, now)));
    const risk = assessRisk({
      size: a.size, growth: burst, negativeShare: a.neg / a.size, maxSourcePriority: a.priority ?? 3,
      text: [title, ...members.slice(0, 50).map((m) => m.title), ...keywords.map((k) => k.word)].join(" "),
    });
    const before = alerting ? eventForAlert(db, id) : undefined;
    updateEventAggregates(db, id, {
      title, firstAt: a.first, lastAt: a.last, size: a.size, neg: a.neg, neu: a.neu, pos: a.pos, keywords,
      riskLevel: risk.level, riskScore: risk.score, riskReasons: risk.reasons,
    }, now);
    if (before && !before.merged_into) {
      const after = eventForAlert(db, id)!;
      enqueueEventAlerts(db, { id, title: after.title, burst, burstEnd: burstEnd(Math.min(a.last, now)), before: before.risk, after: after.risk ?? risk.level }, now);
    }
  }
}
