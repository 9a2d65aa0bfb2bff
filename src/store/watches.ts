// Watches (监测方案): named queries, their matches and hourly match counts for burst detection.
import { encodeWatchSpans, type MatchSpan } from "../analyse/query";
import type { Db } from "../db/connection";
import type { WatchesTable } from "../db/schema";

/** A watch row with its match counts. */
export type WatchRow = WatchesTable & { match_count: number; matches_today: number };

/** Every watch with its total and today's match counts. */
export function listWatches(db: Db, dayStart: number): WatchRow[] {
  return db
    .prepare(
      `SELECT w.*,
         (SELECT count(*) FROM watch_matches m WHERE m.watch_id = w.id) AS match_count,
         (SELECT count(*) FROM watch_matches m WHERE m.watch_id = w.id AND m.matched_at >= ?) AS matches_today
       FROM watches w ORDER BY w.id`,
    )
    .all(dayStart) as WatchRow[];
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
      name: w.name, query: w.query, enabled: w.enabled ? 1 : 0, created_by: w.createdBy, created_at: now, updated_at: now,
    }),
  ).lastInsertRowid;
}

/** Updates a watch; a changed query drops its old matches (they no longer describe it). */
export function updateWatch(db: Db, id: number, patch: { name?: string; query?: string; enabled?: boolean }, now = Date.now()): void {
  const set: Partial<WatchesTable> = { updated_at: now };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.query !== undefined) set.query = patch.query;
  if (patch.enabled !== undefined) set.enabled = patch.enabled ? 1 : 0;
  db.run(db.q.updateTable("watches").set(set).where("id", "=", id));
  if (patch.query !== undefined) db.run(db.q.deleteFrom("watch_matches").where("watch_id", "=", id));
}

/** Deletes a watch and its matches. */
export function deleteWatch(db: Db, id: number): void {
  db.run(db.q.deleteFrom("watch_matches").where("watch_id", "=", id));
  db.run(db.q.deleteFrom("watches").where("id", "=", id));
}

/** Publication times (fetch time when unknown) of a watch's matches since a time. */
export function watchMatchTimes(db: Db, watchId: number, since: number): number[] {
  return (
    db
      .prepare(
        `SELECT coalesce(i.published_at, i.fetched_at) AS t FROM watch_matches m JOIN items i ON i.id = m.item_id
         WHERE m.watch_id = ? AND coalesce(i.published_at, i.fetched_at) >= ?`,
      )
      .all(watchId, since) as { t: number }[]
  ).map((r) => r.t);
}

/**
 * Stores an item's matches: a row per watch and its spans (encodeWatchSpans) merged into the item's
 * spans row, so that a re-scan for one watch keeps the other watches' spans.
 */
export function recordWatchMatches(db: Db, itemId: number, hits: { ids: readonly number[]; spans: string }, now = Date.now()): void {
  if (!hits.ids.length) return;
  const match = db.prepare("INSERT INTO watch_matches (watch_id, item_id, matched_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
  for (const id of hits.ids) match.run(id, itemId, now);
  db.prepare(
    `INSERT INTO item_watch_spans (item_id, spans) VALUES (?, ?)
     ON CONFLICT (item_id) DO UPDATE SET spans = json_patch(CASE WHEN json_valid(spans) THEN spans ELSE '{}' END, excluded.spans)`,
  ).run(itemId, hits.spans);
}

/** Stores matches found by re-scanning items for a new or edited watch. */
export function insertWatchMatches(db: Db, watchId: number, matches: { itemId: number; spans: MatchSpan[] }[], now = Date.now()): void {
  for (const m of matches) recordWatchMatches(db, m.itemId, { ids: [watchId], spans: encodeWatchSpans([{ watchId, spans: m.spans }]) }, now);
}
