// The analyser's state at start: settings, open events, and the near-duplicate index rebuilt from
// recent analysed items. The rebuild takes ~17–20 s at 1M stored items (it re-sketches up to 130k
// posts), so the server runs it in steps with HTTP requests served in between (RecentCopies).
import type { Db } from "../db/connection";
import { Analyser, DEDUP_KEEP_ITEMS } from "../analyse/pipeline";
import { deserialiseModel } from "../analyse/sentiment";
import type { EventSnapshot } from "../analyse/events";
import { analysedSince, itemTime, newestAnalysedFloor, storedDupGroup } from "../store/analysis";
import { createEventRow, openEventSnapshots } from "../store/events";
import { activeModel } from "../store/sentiment";
import { listUserWords } from "../store/user-words";
import { enabledWatches } from "../store/watches";
import type { PreparePool, PrepareSettings } from "./prepare-pool";

/** How far back the near-duplicate index reaches after a restart, and how many items at most (the newest). */
export const DEDUP_REBUILD_MS = 14 * 86_400_000;
export const DEDUP_REBUILD_MAX = DEDUP_KEEP_ITEMS;
// Posts re-sketched per step: ~0.07 s of work (~130 µs each at 1M stored items), so a request
// waits at most about that long while the index loads.
const STEP_ROWS = 500;

function loadSettings(db: Db): PrepareSettings {
  const m = activeModel(db);
  return {
    watches: enabledWatches(db),
    userWords: listUserWords(db).map((w) => ({ word: w.word, kind: w.kind as "place" | "org" | "term" })),
    model: m ? m.model : null,
  };
}

/** Gives the analyser (and the analysis threads, when given) the stored watches, user dictionary and model. */
export function applySettings(db: Db, analyser: Analyser, pool?: PreparePool | null): void {
  const s = loadSettings(db);
  analyser.preparer.setWatches(s.watches);
  analyser.preparer.setUserWords(s.userWords);
  analyser.preparer.setModel(s.model ? deserialiseModel(s.model) : null);
  if (pool && !pool.broken) void pool.settings(s).catch(() => {});
}

/** An analyser with the stored settings and open events, and an empty near-duplicate index (see RecentCopies). */
export function newAnalyser(db: Db, now = Date.now()): Analyser {
  const analyser = new Analyser({ nextEventId: () => createEventRow(db, Date.now()) });
  applySettings(db, analyser);
  analyser.restoreEvents(openEventSnapshots(db, now) as EventSnapshot[]);
  return analyser;
}

/** Loads the analyser's state from the database: settings, open events and recent items for near-duplicates. */
export function loadAnalyser(db: Db, now = Date.now()): Analyser {
  const analyser = newAnalyser(db, now);
  const copies = new RecentCopies(db, analyser, now);
  while (copies.step());
  return analyser;
}

/**
 * Rebuilds the near-duplicate index from the analysed items of the last DEDUP_REBUILD_MS (at most
 * the newest DEDUP_REBUILD_MAX), one step of STEP_ROWS items per `step`. Items deleted between
 * steps are simply not read; the index forgets deleted items it already holds (forgetDeletedPosts).
 */
export class RecentCopies {
  private readonly since: number;
  private after: number;
  private done = false;
  private readonly storedGroup = new Map<number, string>();

  /** A rebuild of `analyser`'s index as of `now`. */
  constructor(private readonly db: Db, private readonly analyser: Analyser, now = Date.now()) {
    this.since = now - DEDUP_REBUILD_MS;
    this.after = newestAnalysedFloor(db, this.since, DEDUP_REBUILD_MAX);
  }

  /** Loads the next items; false once the index is complete. */
  step(): boolean {
    if (this.done) return false;
    const rows = analysedSince(this.db, this.since, this.after, STEP_ROWS);
    for (const r of rows) {
      this.analyser.rememberCopy(r.id, r.title, r.text, r.published_at ?? r.fetched_at);
      if (r.dup_group !== null && r.dup_group !== String(r.id)) this.storedGroup.set(r.id, r.dup_group);
    }
    if (rows.length) {
      this.after = rows[rows.length - 1].id;
      return true;
    }
    this.keepStoredGroupNames();
    this.done = true;
    return false;
  }

  // Copies keep the name their group has in the database: a group whose first post is older than
  // what the index was rebuilt from gets that post as a member (without a signature), so it is named
  // after it again, and later copies join that name, not the name of the earliest copy rebuilt.
  private keepStoredGroupNames(): void {
    const named = new Set<string>();
    for (const [id, group] of this.storedGroup) {
      if (named.has(group) || this.analyser.dedup.groupOf(String(id)) === group) continue;
      named.add(group);
      // The stored name as it is now: a source deleted between steps renames the groups it named.
      const name = storedDupGroup(this.db, id);
      if (!name || name === String(id) || this.analyser.dedup.groupOf(String(id)) === name) continue;
      const first = Number(name);
      const at = Number.isSafeInteger(first) ? itemTime(this.db, first) : undefined;
      if (at !== undefined) this.analyser.dedup.addMember(String(id), name, at);
    }
  }
}
