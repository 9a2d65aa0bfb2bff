// Watches (监测方案): named queries, their matches and hourly match counts for burst detection.
import { encodeWatchSpans, type MatchSpan } from "../analyse/query";
import type { Db } from "../db/connection";
import type { WatchesTable } from "../db/schema";
import { BURST_STEP_MS, HOUR_MS, hourIndex, hourlySeries } from "../analyse/bursts";

/** A watch row with its match counts. */
export type WatchRow = WatchesTable & { matches_today: number };

/** Width of the buckets watch_match_counts counts matches in: the step burst hours are aligned to. */
export const MATCH_BUCKET_MS = BURST_STEP_MS;

/** The bucket of an item published (or fetched) at `time`. */
export function matchBucket(time: number): number {
  return Math.floor(Math.max(0, time) / MATCH_BUCKET_MS);
}

/**
 * Every watch with its total match count and today's: matches of items published since `dayStart`
 * (to the 10-minute bucket).
 */
export function listWatches(db: Db, dayStart: number): WatchRow[] {
  return db
    .prepare(
      `SELECT w.*, (SELECT coalesce(sum(c.n), 0) FROM watch_match_counts c WHERE c.watch_id = w.id AND c.bucket >= ?) AS matches_today
       FROM watches w ORDER BY w.id`,
    )
    .all(matchBucket(dayStart)) as WatchRow[];
}

/**
 * Match counts to add per watch and bucket, gathered while matches are stored and written once
 * (a batch of 500 posts with ~10 matches each writes ~100 count rows, not 5,000).
 */
export class MatchTally {
  // watch id → bucket → matches to add
  private readonly cells = new Map<number, Map<number, number>>();

  /** Counts `n` (negative to take away) matches of a watch in a bucket. */
  add(watchId: number, bucket: number, n = 1): void {
    let buckets = this.cells.get(watchId);
    if (!buckets) this.cells.set(watchId, (buckets = new Map()));
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + n);
  }

  /** Writes the counts (bucket rows and the watches' totals) and starts over. Call inside a transaction. */
  flush(db: Db): void {
    const bucket = db.prepare(
      "INSERT INTO watch_match_counts (watch_id, bucket, n) VALUES (?, ?, ?) ON CONFLICT (watch_id, bucket) DO UPDATE SET n = n + excluded.n",
    );
    // A bucket whose matches were all taken away (a deleted source's) leaves no row behind.
    const emptied = db.prepare("DELETE FROM watch_match_counts WHERE watch_id = ? AND bucket = ? AND n <= 0");
    const total = db.prepare("UPDATE watches SET match_count = match_count + ? WHERE id = ?");
    for (const [watchId, buckets] of this.cells) {
      let sum = 0;
      for (const [b, n] of buckets) {
        if (!n) continue;
        bucket.run(watchId, b, n);
        if (n < 0) emptied.run(watchId, b);
        sum += n;
      }
      if (sum) total.run(sum, watchId);
    }
    this.cells.clear();
  }
}

/**
 * A watch's matches per hour over the `hours` hours before `end` (oldest first), from the bucket
 * counts; `end` on the bucket grid (burstEnd), so each bucket lies in one hour and the counts are
 * those `hourlyCounts` gives for the matched items' times.
 */
export function watchHourlyCounts(db: Db, watchId: number, end: number, hours: number): number[] {
  return hourlySeries(end, hours, (n) =>
    (
      db
        .prepare("SELECT bucket, n FROM watch_match_counts WHERE watch_id = ? AND bucket >= ? AND bucket < ?")
        .raw()
        .all(watchId, matchBucket(end - n * HOUR_MS), matchBucket(end)) as [number, number][]
    ).map(([bucket, c]) => [hourIndex(bucket * MATCH_BUCKET_MS, end), c] as const),
  );
}

/**
 * Since when a watch has been observed: its creation, or its first counted match when the back-fill
 * over stored items reached further back. A burst needs that much history (see detectBurst).
 */
export function watchObservedSince(db: Db, watchId: number): number | null {
  const row = db
    .prepare("SELECT w.created_at AS created, (SELECT min(c.bucket) FROM watch_match_counts c WHERE c.watch_id = w.id) AS first FROM watches w WHERE w.id = ?")
    .get(watchId) as { created: number; first: number | null } | undefined;
  if (!row) return null;
  return row.first === null ? row.created : Math.min(row.created, row.first * MATCH_BUCKET_MS);
}

/** One watch. */
export function getWatch(db: Db, id: number): WatchesTable | undefined {
  return db.get(db.q.selectFrom("watches").selectAll().where("id", "=", id));
}

/** Enabled watches, for the pipeline. */
export function enabledWatches(db: Db): { id: number; query: string }[] {
  return db.all(db.q.selectFrom("watches").select(["id", "query"]).where("enabled", "=", 1).orderBy("id"));
}

/** Creates a watch. */
export function insertWatch(db: Db, w: { name: string; query: string; enabled: boolean; createdBy: number | null }, now = Date.now()): number {
  return db.run(
    db.q.insertInto("watches").values({
      name: w.name, query: w.query, enabled: w.enabled ? 1 : 0, created_by: w.createdBy, created_at: now, updated_at: now, match_count: 0,
    }),
  ).lastInsertRowid;
}

/** Updates a watch; a changed query drops its old matches (they no longer describe it). */
export function updateWatch(db: Db, id: number, patch: { name?: string; query?: string; enabled?: boolean }, now = Date.now()): void {
  const set: Partial<WatchesTable> = { updated_at: now };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.query !== undefined) set.query = patch.query;
  if (patch.enabled !== undefined) set.enabled = patch.enabled ? 1 : 0;
  if (patch.query !== undefined) {
    set.match_count = 0;
    db.run(db.q.deleteFrom("watch_matches").where("watch_id", "=", id));
    db.run(db.q.deleteFrom("watch_match_counts").where("watch_id", "=", id));
  }
  db.run(db.q.updateTable("watches").set(set).where("id", "=", id));
}

/** Deletes a watch and its matches. */
export function deleteWatch(db: Db, id: number): void {
  db.run(db.q.deleteFrom("watch_matches").where("watch_id", "=", id));
  db.run(db.q.deleteFrom("watch_match_counts").where("watch_id", "=", id));
  db.run(db.q.deleteFrom("watches").where("id", "=", id));
}

/**
 * Stores an item's matches: a row per watch and its spans (encodeWatchSpans) merged into the item's
 * spans row, so that a re-scan for one watch keeps the other watches' spans; new matches are
 * counted in `tally` (under the item's publication time), which the caller flushes.
 */
export function recordWatchMatches(
  db: Db, item: { id: number; time: number }, hits: { ids: readonly number[]; spans: string }, tally: MatchTally,
): void {
  if (!hits.ids.length) return;
  const itemId = item.id;
  const match = db.prepare("INSERT INTO watch_matches (watch_id, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
  const bucket = matchBucket(item.time);
  for (const id of hits.ids) if (match.run(id, itemId).changes) tally.add(id, bucket);
  db.prepare(
    `INSERT INTO item_watch_spans (item_id, spans) VALUES (?, ?)
     ON CONFLICT (item_id) DO UPDATE SET spans = json_patch(CASE WHEN json_valid(spans) THEN spans ELSE '{}' END, excluded.spans)`,
  ).run(itemId, hits.spans);
}

/** Stores matches found by re-scanning items (published, or fetched, at `time`) for a new or edited watch. */
export function insertWatchMatches(db: Db, watchId: number, matches: { itemId: number; time: number; spans: MatchSpan[] }[]): void {
  const tally = new MatchTally();
  for (const m of matches) {
    recordWatchMatches(db, { id: m.itemId, time: m.time }, { ids: [watchId], spans: encodeWatchSpans([{ watchId, spans: m.spans }]) }, tally);
  }
  tally.flush(db);
}
