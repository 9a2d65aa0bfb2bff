// What source health reads besides the source row: items fetched per day over the last 7 days and the
// newest item's fetch time, for every source in two indexed reads.
import type { Db } from "../db/connection";

const DAY = 86_400_000;
/** A source's newest item's fetch time, through its own index (source_id, id). */
const NEWEST_ITEM_AT = "SELECT fetched_at FROM items WHERE source_id = ? ORDER BY id DESC LIMIT 1";

/** Per source: items per day (oldest first, 7 days ending at `now`) and the newest item's fetch time. */
export function sourceActivity(db: Db, now = Date.now()): Map<number, { itemsPerDay: number[]; lastItemAt: number | null }> {
  const start = now - 7 * DAY;
  const out = new Map<number, { itemsPerDay: number[]; lastItemAt: number | null }>();
  const newest = db.prepare(NEWEST_ITEM_AT).pluck();
  for (const id of db.prepare("SELECT id FROM sources").pluck().all() as number[]) {
    out.set(id, { itemsPerDay: [0, 0, 0, 0, 0, 0, 0], lastItemAt: (newest.get(id) as number | undefined) ?? null });
  }
  const days = db
    .prepare(
      `SELECT source_id, CAST((fetched_at - ?) / ${DAY} AS INTEGER) AS d, count(*) AS n FROM items INDEXED BY items_fetched
       WHERE fetched_at >= ? GROUP BY source_id, d`,
    )
    .all(start, start) as { source_id: number; d: number; n: number }[];
  for (const r of days) {
    const a = out.get(r.source_id);
    if (a && r.d >= 0 && r.d < 7) a.itemsPerDay[r.d] += r.n;
  }
  return out;
}

/**
 * One source's items fetched in the last 7 days and its newest item's fetch time, cheaply: the window's
 * first id from the fetch-time index, then a count over the source's own index from that id on.
 */
export function sourceRhythm(db: Db, sourceId: number, now = Date.now()): { week: number; lastItemAt: number | null } {
  const firstId = db.prepare("SELECT id FROM items INDEXED BY items_fetched WHERE fetched_at >= ? ORDER BY fetched_at LIMIT 1").pluck().get(now - 7 * DAY) as number | undefined;
  const week = firstId === undefined ? 0 : (db.prepare("SELECT count(*) FROM items WHERE source_id = ? AND id >= ?").pluck().get(sourceId, firstId) as number);
  const lastItemAt = (db.prepare(NEWEST_ITEM_AT).pluck().get(sourceId) as number | undefined) ?? null;
  return { week, lastItemAt };
}
