// Figures of the duty-room wall display (大屏): the last 24 hours' volume and sentiment, the most active
// events, the newest alerts and the open and overdue cases. Each item query is one range of the covering
// index items_fetched(fetched_at, published_at, sentiment, source_id, event_id) (migration 0030).
import type { Db } from "../db/connection";
import { OPEN_CASES_AT } from "./case-overdue";

/** Item counts per bucket and sentiment (`sentiment` null: not analysed yet). */
export interface VolumeRow { bucket: number; sentiment: string | null; n: number }
/** An event with its items in the window. */
export interface TopEventRow { id: number; title: string; n: number; size: number; risk: string; neg: number; neu: number; pos: number }
/** A ledger alert. */
export interface WallAlertRow { id: number; severity: string; title: string; created_at: number; acknowledged_at: number | null }
/** An overdue open case with the deadline it missed (else its nearest one). */
export interface OverdueCaseRow { id: number; title: string; unit_name: string | null; deadline: number | null }

// Items count at their publication time, else their fetch time. Only items fetched in the window can be
// published in it (a post is fetched after it is published), so the index range on fetched_at bounds the scan.
const AT = "coalesce(published_at, fetched_at)";
// tf_budget() ends a scan past the read's time budget (src/db/budget.ts); outside one it always passes.
const IN_WINDOW = `tf_budget() AND fetched_at >= ? AND ${AT} >= ? AND ${AT} < ?`;

/** Items of [from, to) per `bucketMs` (0 = the bucket starting at `from`) and sentiment. */
export function wallVolume(db: Db, from: number, to: number, bucketMs: number): VolumeRow[] {
  // Parameters are bound as reals: the bucket width is written into the SQL as an integer, and the quotient cast.
  const width = Math.max(1, Math.trunc(bucketMs));
  return db
    .prepare(`SELECT CAST((${AT} - ?) / ${width} AS INTEGER) AS bucket, sentiment, count(*) AS n FROM items WHERE ${IN_WINDOW} GROUP BY bucket, sentiment`)
    .all(from, from, from, to) as VolumeRow[];
}

/** The `limit` events with the most items in [from, to), with their effective risk (the analyst's over the suggestion). */
export function wallTopEvents(db: Db, from: number, to: number, limit: number): TopEventRow[] {
  return db
    .prepare(
      `WITH top AS (SELECT event_id, count(*) AS n FROM items WHERE ${IN_WINDOW} AND event_id IS NOT NULL
                    GROUP BY event_id ORDER BY n DESC, event_id DESC LIMIT ?)
       SELECT e.id, e.title, top.n, e.size, coalesce(e.risk_override, e.risk_level) AS risk, e.neg, e.neu, e.pos
       FROM top JOIN events e ON e.id = top.event_id ORDER BY top.n DESC, e.id DESC`,
    )
    .all(from, from, to, limit) as TopEventRow[];
}

/** The newest `limit` alerts of the ledger. */
export function wallAlerts(db: Db, limit: number): WallAlertRow[] {
  return db.prepare("SELECT id, severity, title, created_at, acknowledged_at FROM alerts ORDER BY id DESC LIMIT ?").all(limit) as WallAlertRow[];
}

/**
 * Open cases, how many of them are overdue at `now` (store/case-overdue.ts, as the reports count them), and
 * the `limit` most overdue (earliest missed deadline first).
 */
export function wallCases(db: Db, now: number, limit: number): { open: number; overdue: number; rows: OverdueCaseRow[] } {
  const { open } = db.prepare("SELECT count(*) AS open FROM cases WHERE tf_budget() AND state <> 'closed'").get() as { open: number };
  const { overdue } = db.prepare(`${OPEN_CASES_AT} SELECT count(*) AS overdue FROM open_at WHERE tf_budget() AND overdue_at = 1`).get({ at: now }) as { overdue: number };
  const rows = db
    .prepare(
      `${OPEN_CASES_AT}
       SELECT id, title, unit_name, deadline FROM (
         SELECT o.id, o.title, u.name AS unit_name, coalesce(o.missed, o.reply_due_at, o.feedback_due_at) AS deadline
         FROM open_at o LEFT JOIN units u ON u.id = o.unit_id WHERE o.overdue_at = 1
       ) AS x ORDER BY deadline IS NULL, deadline, id LIMIT @limit`,
    )
    .all({ at: now, limit }) as OverdueCaseRow[];
  return { open, overdue, rows };
}
