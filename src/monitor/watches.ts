// Watch commands beyond plain storage: validating a query, previewing it over recent items, and
// back-filling matches among recent items when a watch is created or its query changes.
import type { Db } from "../db/connection";
import { WatchSet, parseQuery, QueryError, type MatchSpan } from "../analyse/query";
import { AppError } from "../errors";
import { insertWatchMatches } from "../store/watches";

/** How many recent items a preview scans and a new watch is back-filled over. */
export const PREVIEW_SCAN = 5_000;
export const BACKFILL_SCAN = 20_000;

type Row = { id: number; title: string; text: string; source_name: string; published_at: number | null; fetched_at: number };

function recentItems(db: Db, limit: number): Row[] {
  return db.sqlite
    .prepare(
      `SELECT i.id, i.title, i.text, s.name AS source_name, i.published_at, i.fetched_at FROM items i JOIN sources s ON s.id = i.source_id
       ORDER BY i.id DESC LIMIT ?`,
    )
    .all(limit) as Row[];
}

/** Throws a 400 naming the position and problem when the query does not parse. */
export function validateQuery(query: string): void {
  try {
    parseQuery(query);
  } catch (err) {
    if (err instanceof QueryError) {
      const ref = { code: "invalid_query", params: { detail: err.message, position: err.position + 1, reason: err.code.replace(/_/g, " ") } };
      throw new AppError(400, ref.code, err.message, { query: ref }, ref.params);
    }
    throw err;
  }
}

/** Matches of a query among the most recent items, newest first. */
export function previewQuery(db: Db, query: string, limit: number): { scanned: number; matched: number; items: (Row & { spans: MatchSpan[] })[] } {
  validateQuery(query);
  const set = new WatchSet([{ id: 1, query }]);
  const rows = recentItems(db, PREVIEW_SCAN);
  const items: (Row & { spans: MatchSpan[] })[] = [];
  let matched = 0;
  for (const r of rows) {
    const m = set.match({ title: r.title, text: r.text, source: r.source_name });
    if (!m.length) continue;
    matched++;
    if (items.length < limit) items.push({ ...r, spans: m[0].spans });
  }
  return { scanned: rows.length, matched, items };
}

/** A watch's matches among recent items (the read half of a back-fill; runs on a read thread). */
export function findWatchMatches(db: Db, query: string): { itemId: number; time: number; spans: MatchSpan[] }[] {
  const set = new WatchSet([{ id: 1, query }]);
  const found: { itemId: number; time: number; spans: MatchSpan[] }[] = [];
  for (const r of recentItems(db, BACKFILL_SCAN)) {
    const m = set.match({ title: r.title, text: r.text, source: r.source_name });
    if (m.length) found.push({ itemId: r.id, time: r.published_at ?? r.fetched_at, spans: m[0].spans });
  }
  return found;
}

/** Stores the watch's matches among recent items (call after create or a query change). */
export function backfillWatch(db: Db, watchId: number, query: string): number {
  const found = findWatchMatches(db, query);
  insertWatchMatches(db, watchId, found);
  return found.length;
}
