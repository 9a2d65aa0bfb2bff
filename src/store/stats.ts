// Aggregates for the dashboard.
import type { Db } from "../db/connection";

const DAY = 86_400_000;

/**
 * Item counts: today, total, per source, and per day over the last 7 days (local days). `sourceIds` limits every
 * figure to those sources (null: all), so a reader who may not see a source sees neither its name nor its counts.
 */
export function dashboardStats(
  db: Db, sourceIds: readonly number[] | null = null, now = Date.now(), tzOffsetMs = -new Date(now).getTimezoneOffset() * 60_000,
) {
  const startToday = Math.floor((now + tzOffsetMs) / DAY) * DAY - tzOffsetMs;
  const start7 = startToday - 6 * DAY;
  const at = "coalesce(published_at, fetched_at)";
  const ids = sourceIds ?? [];
  // Ids are integers from the database, bound as parameters; "IN ()" is valid SQLite and matches nothing.
  const inList = `(${ids.map(() => "?").join(",")})`;
  const itemScope = sourceIds ? `AND source_id IN ${inList}` : "";
  const sourceScope = sourceIds ? `WHERE s.id IN ${inList}` : "";
  // tf_budget() ends a statement past the read's time budget (src/db/budget.ts). The unscoped total has no
  // WHERE at all: SQLite then counts the table's b-tree pages (0.4 ms for 1M items, against 19 ms for "WHERE 1").
  const itemsTotal = (db.sqlite.prepare(`SELECT count(*) AS n FROM items${sourceIds ? ` WHERE tf_budget() ${itemScope}` : ""}`).get(...ids) as { n: number }).n;
  const perDay = db.sqlite
    .prepare(`SELECT CAST((${at} + ?) / ${DAY} AS INTEGER) AS d, count(*) AS n FROM items WHERE tf_budget() AND fetched_at >= ? AND ${at} >= ? ${itemScope} GROUP BY d`)
    .all(tzOffsetMs, start7, start7, ...ids) as { d: number; n: number }[];
  const byDay = new Map(perDay.map((r) => [r.d, r.n]));
  const volume7d = Array.from({ length: 7 }, (_, i) => {
    const dayStart = start7 + i * DAY;
    const key = Math.floor((dayStart + tzOffsetMs) / DAY);
    return { date: new Date(dayStart + tzOffsetMs).toISOString().slice(0, 10), count: byDay.get(key) ?? 0 };
  });
  const perSource = db.sqlite
    .prepare(
      `SELECT s.id AS sourceId, s.name AS name, s.item_count AS total,
        (SELECT count(*) FROM items i WHERE tf_budget() AND i.source_id = s.id AND i.fetched_at >= ? AND coalesce(i.published_at, i.fetched_at) >= ?) AS today
       FROM sources s ${sourceScope} ORDER BY s.id`,
    )
    .all(startToday, startToday, ...ids) as { sourceId: number; name: string; total: number; today: number }[];
  const src = db.sqlite
    .prepare(`SELECT count(*) AS total, sum(CASE WHEN error_count > 0 THEN 1 ELSE 0 END) AS failing FROM sources s ${sourceScope}`)
    .get(...ids) as { total: number; failing: number | null };
  return {
    itemsToday: volume7d[6].count,
    itemsTotal,
    sourcesTotal: src.total,
    sourcesFailing: src.failing ?? 0,
    perSource,
    volume7d,
  };
}
