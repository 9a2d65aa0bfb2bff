// Ledger search: FTS5 over CJK bigrams, newest first, with source/time/status filters.
import type { Db } from "../db/connection";
import { toMatchQuery } from "../analyse/bigrams";
import type { ItemRow } from "./items";

/** Search filters; times are ms since the epoch and apply to the publish time (fetch time when unknown). */
export interface ItemFilter {
  q?: string; sourceIds?: number[]; from?: number; to?: number; status?: string;
  /** Copies in a repost group are folded under their first post when it is among the results. */
  collapse?: boolean; eventId?: number; watchId?: number; sentiment?: string;
}

// The filters as SQL over the items row `a` (the text query excluded: the caller drives from it;
// the watch excluded when `watchDriven`: the caller drives from the watch's matches).
function filterClauses(f: ItemFilter, a: string, watchDriven = false): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (f.sourceIds?.length) {
    clauses.push(`${a}.source_id IN (${f.sourceIds.map(() => "?").join(",")})`);
    params.push(...f.sourceIds);
  }
  if (f.from !== undefined) {
    clauses.push(`coalesce(${a}.published_at, ${a}.fetched_at) >= ?`);
    params.push(f.from);
  }
  if (f.to !== undefined) {
    clauses.push(`coalesce(${a}.published_at, ${a}.fetched_at) <= ?`);
    params.push(f.to);
  }
  if (f.status) {
    clauses.push(`${a}.status = ?`);
    params.push(f.status);
  }
  if (f.eventId !== undefined) {
    clauses.push(`${a}.event_id = ?`);
    params.push(f.eventId);
  }
  if (f.watchId !== undefined && !watchDriven) {
    // Driving rows come from the watch's matches; a probe of one row looks up its key instead of
    // building the list of all the watch's matches first.
    clauses.push(
      a === "i" ? `${a}.id IN (SELECT item_id FROM watch_matches WHERE watch_id = ?)`
      : `EXISTS (SELECT 1 FROM watch_matches m WHERE m.watch_id = ? AND m.item_id = ${a}.id)`,
    );
    params.push(f.watchId);
  }
  if (f.sentiment) {
    clauses.push(`${a}.sentiment = ?`);
    params.push(f.sentiment);
  }
  return { clauses, params };
}

function where(f: ItemFilter): { clauses: string[]; params: unknown[]; match: string | null; watchDriven: boolean } {
  const match = f.q ? toMatchQuery(f.q) : null;
  // Without a text query, a watch's matches drive the search (newest first by their key), so a
  // page reads 50 matches rather than listing all of a broad watch's (50 ms at 300k items).
  const watchDriven = f.watchId !== undefined && !match;
  const { clauses, params } = filterClauses(f, "i", watchDriven);
  if (f.collapse) {
    // Copies are folded under their group's first post when that post is among the results too;
    // when it is not (another source, a query or watch only the copies match), the matching copies
    // are listed rather than the group vanishing. One primary-key probe of the first post per row.
    const first = filterClauses(f, "o");
    if (match) {
      first.clauses.push("o.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)");
      first.params.push(match);
    }
    const cond = first.clauses.map((c) => ` AND ${c}`).join("");
    clauses.push(
      "(i.dup_group IS NULL OR i.dup_group = CAST(i.id AS TEXT)" +
        (cond ? ` OR NOT EXISTS (SELECT 1 FROM items o WHERE o.id = CAST(i.dup_group AS INTEGER)${cond}))` : ")"),
    );
    params.push(...first.params);
  }
  return { clauses, params, match, watchDriven };
}

/**
 * Collapsed views count at most this many results past the requested page: each row of a filtered
 * collapsed view needs a probe of its group's first post, so an exact count of a broad filter read the
 * whole table (0.3–0.9 s at 1M items); the ledger shows "more than 10,000" instead.
 */
export const COLLAPSED_COUNT_CAP = 10_000;

/**
 * A page of matching items, newest first, and the number of all matches (-1 when `count` is false);
 * `capped` when the count stopped at offset + COLLAPSED_COUNT_CAP (there are more).
 */
export function searchItems(
  db: Db, f: ItemFilter, limit: number, offset: number, opts: { count?: boolean; countCap?: number } = {},
): { rows: ItemRow[]; total: number; capped: boolean } {
  const count = opts.count ?? true;
  const cap = opts.countCap ?? COLLAPSED_COUNT_CAP;
  const w = where(f);
  // A query with only punctuation matches nothing rather than everything.
  if (f.q && f.q.trim() && !w.match) return { rows: [], total: 0, capped: false };
  const cond = w.clauses.length ? ` AND ${w.clauses.join(" AND ")}` : "";
  // Counted up to `cap` results past this page, so the pages after it stay reachable.
  const capped = (sql: string, params: unknown[]) => {
    const most = offset + cap;
    const n = (db.sqlite.prepare(`SELECT count(*) AS n FROM (SELECT 1 ${sql} LIMIT ?)`).get(...params, most + 1) as { n: number }).n;
    return { total: Math.min(n, most), capped: n > most };
  };
  if (w.match) {
    // Drive from the FTS index in rowid order so LIMIT stops early.
    const from = `FROM items_fts f JOIN items i ON i.id = f.rowid JOIN sources s ON s.id = i.source_id WHERE items_fts MATCH ?${cond}`;
    const rows = db.sqlite
      .prepare(`SELECT i.*, s.name AS source_name ${from} ORDER BY f.rowid DESC LIMIT ? OFFSET ?`)
      .all(w.match, ...w.params, limit, offset) as ItemRow[];
    if (!count) return { rows, total: -1, capped: false };
    if (f.collapse) return { rows, ...capped(`FROM items_fts f JOIN items i ON i.id = f.rowid WHERE items_fts MATCH ?${cond}`, [w.match, ...w.params]) };
    const total = w.clauses.length
      ? (db.sqlite.prepare(`SELECT count(*) AS n FROM items_fts f JOIN items i ON i.id = f.rowid WHERE items_fts MATCH ?${cond}`)
          .get(w.match, ...w.params) as { n: number }).n
      : (db.sqlite.prepare("SELECT count(*) AS n FROM items_fts WHERE items_fts MATCH ?").get(w.match) as { n: number }).n;
    return { rows, total, capped: false };
  }
  if (w.watchDriven) {
    const from = `FROM watch_matches m JOIN items i ON i.id = m.item_id WHERE m.watch_id = ?${cond}`;
    const rows = db.sqlite
      .prepare(`SELECT i.*, s.name AS source_name ${from.replace(" WHERE ", " JOIN sources s ON s.id = i.source_id WHERE ")} ORDER BY m.item_id DESC LIMIT ? OFFSET ?`)
      .all(f.watchId, ...w.params, limit, offset) as ItemRow[];
    if (!count) return { rows, total: -1, capped: false };
    if (f.collapse) return { rows, ...capped(from, [f.watchId, ...w.params]) };
    const total = cond
      ? (db.sqlite.prepare(`SELECT count(*) AS n ${from}`).get(f.watchId, ...w.params) as { n: number }).n
      : (db.sqlite.prepare("SELECT count(*) AS n FROM watch_matches WHERE watch_id = ?").get(f.watchId) as { n: number }).n;
    return { rows, total, capped: false };
  }
  const whereSql = w.clauses.length ? ` WHERE ${w.clauses.join(" AND ")}` : "";
  // Collapsed with no other filter: the rows are exactly the partial index items_group_first, which
  // the planner would not pick for the count on its own (it has no statistics).
  const table = f.collapse && w.clauses.length === 1 ? "items i INDEXED BY items_group_first" : "items i";
  const rows = db.sqlite
    .prepare(`SELECT i.*, s.name AS source_name FROM ${table} JOIN sources s ON s.id = i.source_id${whereSql} ORDER BY i.id DESC LIMIT ? OFFSET ?`)
    .all(...w.params, limit, offset) as ItemRow[];
  if (!count) return { rows, total: -1, capped: false };
  if (f.collapse) return { rows, ...capped(`FROM ${table}${whereSql}`, w.params) };
  return { rows, total: (db.sqlite.prepare(`SELECT count(*) AS n FROM items i${whereSql}`).get(...w.params) as { n: number }).n, capped: false };
}
