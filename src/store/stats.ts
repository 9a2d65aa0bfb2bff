// Aggregates for the dashboard.
import type { Db } from "../db/connection";

const DAY = 86_400_000;

/** Item counts: today, total, per source, and per day over the last 7 days (local days). */
export function dashboardStats(db: Db, now = Date.now(), tzOffsetMs = -new Date(now).getTimezoneOffset() * 60_000) {
  const startToday = Math.floor((now + tzOffsetMs) / DAY) * DAY - tzOffsetMs;
  const start7 = startToday - 6 * DAY;
  const at = "coalesce(published_at, fetched_at)";
  const itemsTotal = (db.sqlite.prepare("SELECT count(*) AS n FROM items").get() as { n: number }).n;
  const perDay = db.sqlite
    .prepare(`SELECT CAST((${at} + ?) / ${DAY} AS INTEGER) AS d, count(*) AS n FROM items WHERE fetched_at >= ? AND ${at} >= ? GROUP BY d`)
    .all(tzOffsetMs, start7, start7) as { d: number; n: number }[];
  const byDay = new Map(perDay.map((r) => [r.d, r.n]));
  const volume7d = Array.from({ length: 7 }, (_, i) => {
    const dayStart = start7 + i * DAY;
    const key = Math.floor((dayStart + tzOffsetMs) / DAY);
    return { date: new Date(dayStart + tzOffsetMs).toISOString().slice(0, 10), count: byDay.get(key) ?? 0 };
  });
  const perSource = db.sqlite
    .prepare(
      `SELECT s.id AS sourceId, s.name AS name, s.item_count AS total,
        (SELECT count(*) FROM items i WHERE i.source_id = s.id AND i.fetched_at >= ? AND coalesce(i.published_at, i.fetched_at) >= ?) AS today
       FROM sources s ORDER BY s.id`,
    )
    .all(startToday, startToday) as { sourceId: number; name: string; total: number; today: number }[];
  const src = db.sqlite
    .prepare("SELECT count(*) AS total, sum(CASE WHEN error_count > 0 THEN 1 ELSE 0 END) AS failing FROM sources")
    .get() as { total: number; failing: number | null };
  return {
    itemsToday: volume7d[6].count,
    itemsTotal,
    sourcesTotal: src.total,
    sourcesFailing: src.failing ?? 0,
    perSource,
    volume7d,
  };
}
