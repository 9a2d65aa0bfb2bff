// Ledger search: FTS5 over CJK bigrams, newest first, with source/time/status filters.
import type { Db } from "../db/connection";
import { toMatchQuery } from "../analyse/bigrams";
import type { ItemRow } from "./items";

/** Search filters; times are ms since the epoch and apply to the publish time (fetch time when unknown). */
export interface ItemFilter {
  q?: string; sourceIds?: number[]; from?: number; to?: number; status?: string;
  /** Copies in a repost group are folded under their first post when it is among the results. */
  collapse?: boolean; eventId?: number; watchId?: number; sentiment?: string; // "none": not yet analysed
}

/** A watch with at most this many matches is checked against a list of them built once per statement. */
const SMALL_WATCH = 50_000;

// The filters as SQL over the items row `a` (the text query excluded: the caller drives from it;
// the watch excluded when `watchDriven`: the caller drives from the watch's matches). With `rowId`
// (the text index's row id) the watch and event are checked on it, before the item's row is read.
function filterClauses(f: ItemFilter, a: string, watchDriven = false, rowId?: string, watchSize?: number): { clauses: string[]; params: unknown[] } {
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
    // An event's members are a short list in items_event (event_id, id).
    // (`+` keeps the planner from probing the text index once per member instead).
    clauses.push(rowId ? `+${rowId} IN (SELECT id FROM items WHERE event_id = ?)` : `${a}.event_id = ?`);
    params.push(f.eventId);
  }
  if (f.watchId !== undefined && !watchDriven) {
    // A probe of one row looks up its key instead of building the list of all the watch's matches
    // first (a broad watch's list took ~100 ms at 1M items, and a page needs a few dozen probes).
    // A small watch's list is built once instead (a hash probe per row rather than a b-tree probe).
    clauses.push(
      rowId && (watchSize ?? Infinity) <= SMALL_WATCH ? `+${rowId} IN (SELECT item_id FROM watch_matches WHERE watch_id = ?)`
      : `EXISTS (SELECT 1 FROM watch_matches m WHERE m.watch_id = ? AND m.item_id = ${rowId ?? `${a}.id`})`,
    );
    params.push(f.watchId);
  }
  if (f.sentiment === "none") clauses.push(`${a}.sentiment IS NULL`);
  else if (f.sentiment) {
    clauses.push(`${a}.sentiment = ?`);
    params.push(f.sentiment);
  }
  return { clauses, params };
}

type Driver = "fts" | "watch" | "items";

function where(db: Db, f: ItemFilter): { clauses: string[]; params: unknown[]; match: string | null; driver: Driver } {
  const match = f.q ? toMatchQuery(f.q) : null;
  // Without a text query, a watch's matches drive the search (newest first by their key), so a
  // page reads 50 matches rather than listing all of a broad watch's (50 ms at 300k items).
  const driver: Driver = match ? "fts" : f.watchId !== undefined ? "watch" : "items";
  // With a text query the watch and event are checked on the query's row id before the item's row
  // is read: a common word and a rare watch met once in ~2,000 of the word's matches, and reading
  // each of those rows first took 80–140 ms at 1M items.
  const watchSize = driver === "fts" && f.watchId !== undefined
    ? (db.prepare("SELECT match_count FROM watches WHERE id = ?").pluck().get(f.watchId) as number | undefined) ?? 0 : undefined;
  const { clauses, params } = filterClauses(f, "i", driver === "watch", driver === "fts" ? "f.rowid" : undefined, watchSize);
  if (f.collapse) {
    // Copies are folded under their group's first post when that post is among the results too;
    // when it is not (another source, a query or watch only the copies match), the matching copies
    // are listed rather than the group vanishing. One primary-key probe of the first post per row.
    const first = filterClauses(f, "o");
    if (match) {
      // One probe of the text index per copy met: a page meets a few, and listing every match of a
      // common word first (to test membership) took 50–200 ms at 1M items.
      first.clauses.push("EXISTS (SELECT 1 FROM items_fts WHERE items_fts MATCH ? AND rowid = o.id)");
      first.params.push(match);
    }
    const cond = first.clauses.map((c) => ` AND ${c}`).join("");
    clauses.push(
      "(i.dup_group IS NULL OR i.dup_group = CAST(i.id AS TEXT)" +
        (cond ? ` OR NOT EXISTS (SELECT 1 FROM items o WHERE o.id = CAST(i.dup_group AS INTEGER)${cond}))` : ")"),
    );
    params.push(...first.params);
  }
  return { clauses, params, match, driver };
}

/**
 * Collapsed views count at most this many results past the requested page: each row of a filtered
 * collapsed view needs a probe of its group's first post, so an exact count of a broad filter read the
 * whole table (0.3–0.9 s at 1M items); the ledger shows "more than 10,000" instead.
 */
export const COLLAPSED_COUNT_CAP = 10_000;

/** Collapsed views stop counting after this long and say "more than" what they counted. */
export const COLLAPSED_COUNT_MS = 40;

/**
 * A page of matching items, newest first, and the number of all matches (-1 when `count` is false);
 * `capped` when a collapsed view's count stopped at offset + COLLAPSED_COUNT_CAP or after
 * COLLAPSED_COUNT_MS (there are more than `total`).
 */
export function searchItems(
  db: Db, f: ItemFilter, limit: number, offset: number, opts: { count?: boolean; countCap?: number; countMs?: number } = {},
): { rows: ItemRow[]; total: number; capped: boolean } {
  const count = opts.count ?? true;
  const cap = opts.countCap ?? COLLAPSED_COUNT_CAP;
  const w = where(db, f);
  // A query with only punctuation matches nothing rather than everything.
  if (f.q && f.q.trim() && !w.match) return { rows: [], total: 0, capped: false };
  const cond = w.clauses.length ? ` AND ${w.clauses.join(" AND ")}` : "";
  // What drives the search, in newest-first order so LIMIT stops early, and a cheaper exact count
  // where one exists.
  let tables: string;
  let filter: string;
  let params: unknown[];
  let order: string;
  let quickCount: { sql: string; params: unknown[] } | null = null;
  if (w.driver === "fts") {
    tables = "items_fts f JOIN items i ON i.id = f.rowid";
    filter = ` WHERE items_fts MATCH ?${cond}`;
    params = [w.match, ...w.params];
    order = "f.rowid";
    if (!cond) quickCount = { sql: "SELECT count(*) AS n FROM items_fts WHERE items_fts MATCH ?", params: [w.match] };
  } else if (w.driver === "watch") {
    tables = "watch_matches m JOIN items i ON i.id = m.item_id";
    filter = ` WHERE m.watch_id = ?${cond}`;
    params = [f.watchId, ...w.params];
    order = "m.item_id";
    if (!cond) quickCount = { sql: "SELECT count(*) AS n FROM watch_matches WHERE watch_id = ?", params: [f.watchId] };
  } else {
    // Collapsed with no other filter: the rows are exactly the partial index items_group_first, which
    // the planner would not pick for the count on its own (it has no statistics).
    tables = f.collapse && w.clauses.length === 1 ? "items i INDEXED BY items_group_first" : "items i";
    filter = w.clauses.length ? ` WHERE ${w.clauses.join(" AND ")}` : "";
    params = w.params;
    order = "i.id";
  }
  // tf_budget() ends a statement that runs past the caller's time budget (src/db/budget.ts); SQLite
  // evaluates it per row the statement considers, and first in the WHERE clause also for rows the
  // filters then reject (AND stops at a false term). Left out of a plain count(*), which SQLite
  // answers from the b-tree without visiting rows.
  const budgeted = filter ? filter.replace(" WHERE ", " WHERE tf_budget() AND ") : " WHERE tf_budget()";
  const rows = db
    .prepare(`SELECT i.*, s.name AS source_name FROM ${tables} JOIN sources s ON s.id = i.source_id${budgeted} ORDER BY ${order} DESC LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as ItemRow[];
  if (!count) return { rows, total: -1, capped: false };
  if (f.collapse) {
    // Counted up to `cap` results past this page, so the pages after it stay reachable, and for at
    // most `countMs` (tf_budget cuts the statement, however few rows it yields): a common word with a
    // filter met 10,000 results only after 30–60k rows (150–450 ms at 1M items). A count cut short is
    // what was counted, shown as "more than".
    const most = offset + cap;
    let n = 0;
    const counter = db.prepare(`SELECT 1 FROM ${tables}${budgeted} LIMIT ?`).pluck();
    const cut = !db.budget.cut(opts.countMs ?? COLLAPSED_COUNT_MS, () => {
      for (const _ of counter.iterate(...params, most + 1)) n++;
    });
    if (cut) return { rows, total: Math.max(n, offset + rows.length), capped: true };
    return { rows, total: Math.min(n, most), capped: n > most };
  }
  const counting = quickCount ?? { sql: `SELECT count(*) AS n FROM ${tables}${filter ? budgeted : ""}`, params };
  return { rows, total: (db.prepare(counting.sql).get(...counting.params) as { n: number }).n, capped: false };
}
