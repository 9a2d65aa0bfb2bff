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

// The filters as SQL over the items row `a` (the text query excluded: the caller drives from it).
function filterClauses(f: ItemFilter, a: string): { clauses: string[]; params: unknown[] } {
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
  if (f.watchId !== undefined) {
    clauses.push(`${a}.id IN (SELECT item_id FROM watch_matches WHERE watch_id = ?)`);
    params.push(f.watchId);
  }
  if (f.sentiment) {
    clauses.push(`${a}.sentiment = ?`);
    params.push(f.sentiment);
  }
  return { clauses, params };
}

function where(f: ItemFilter): { clauses: string[]; params: unknown[]; match: string | null } {
  const match = f.q ? toMatchQuery(f.q) : null;
  const { clauses, params } = filterClauses(f, "i");
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
  return { clauses, params, match };
}

/** A page of matching items, newest first, and the number of all matches (-1 when `count` is false). */
export function searchItems(
  db: Db, f: ItemFilter, limit: number, offset: number, opts: { count?: boolean } = {},
): { rows: ItemRow[]; total: number } {
  const count = opts.count ?? true;
  const w = where(f);
  // A query with only punctuation matches nothing rather than everything.
  if (f.q && f.q.trim() && !w.match) return { rows: [], total: 0 };
  const cond = w.clauses.length ? ` AND ${w.clauses.join(" AND ")}` : "";
  if (w.match) {
    // Drive from the FTS index in rowid order so LIMIT stops early.
    const from = `FROM items_fts f JOIN items i ON i.id = f.rowid JOIN sources s ON s.id = i.source_id WHERE items_fts MATCH ?${cond}`;
    const rows = db.sqlite
      .prepare(`SELECT i.*, s.name AS source_name ${from} ORDER BY f.rowid DESC LIMIT ? OFFSET ?`)
      .all(w.match, ...w.params, limit, offset) as ItemRow[];
    const total = !count
      ? -1
      : w.clauses.length
      ? (db.sqlite.prepare(`SELECT count(*) AS n FROM items_fts f JOIN items i ON i.id = f.rowid WHERE items_fts MATCH ?${cond}`)
          .get(w.match, ...w.params) as { n: number }).n
      : (db.sqlite.prepare("SELECT count(*) AS n FROM items_fts WHERE items_fts MATCH ?").get(w.match) as { n: number }).n;
    return { rows, total };
  }
  const whereSql = w.clauses.length ? ` WHERE ${w.clauses.join(" AND ")}` : "";
  const rows = db.sqlite
    .prepare(`SELECT i.*, s.name AS source_name FROM items i JOIN sources s ON s.id = i.source_id${whereSql} ORDER BY i.id DESC LIMIT ? OFFSET ?`)
    .all(...w.params, limit, offset) as ItemRow[];
  const total = count ? (db.sqlite.prepare(`SELECT count(*) AS n FROM items i${whereSql}`).get(...w.params) as { n: number }).n : -1;
  return { rows, total };
}
