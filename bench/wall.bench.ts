// Wall snapshot at 1M items: items written straight into the table (no analysis: only the columns the
// wall reads) over BENCH_WALL_DAYS days (default 30), the last 24 h holding BENCH_WALL_DAY_ITEMS (default
// 100,000: a busy day) with sentiments and 2,000 events; plus 50,000 alerts and 5,000 cases. Prints each
// query's and the whole snapshot's p50/p95 over 30 runs, and the plan of the item queries.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "../src/db/connection";
import { migrate } from "../src/db/migrate";
import { wallAlerts, wallCases, wallTopEvents, wallVolume } from "../src/store/wall";
import { wallSnapshot, wallWindow } from "../src/displays/snapshot";

const TOTAL = Number(process.env.BENCH_WALL_ITEMS ?? 1_000_000);
const DAY_ITEMS = Number(process.env.BENCH_WALL_DAY_ITEMS ?? 100_000);
const DAYS = Number(process.env.BENCH_WALL_DAYS ?? 30);
const DAY = 86_400_000;

const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-wall-bench-"));
const db = openDb(path.join(dir, "wall.db"));
migrate(db);
const now = Date.now();
const t0 = performance.now();
db.sqlite.prepare("INSERT INTO sources (name, kind, url, interval_seconds, priority, enabled, created_at, updated_at) VALUES ('b', 'rss', 'http://127.0.0.1/', 300, 3, 1, ?, ?)").run(now, now);
db.tx(() => {
  const ev = db.sqlite.prepare("INSERT INTO events (title, first_at, last_at, size, neg, neu, pos, created_at, updated_at) VALUES (?, ?, ?, 100, 30, 50, 20, ?, ?)");
  for (let i = 0; i < 2000; i++) ev.run(`事件${i}`, now, now, now, now);
  // Older items spread over the days before; the last day's at DAY_ITEMS; every third in an event.
  db.sqlite.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
     INSERT INTO items (source_id, dedup_key, content_hash, title, text, published_at, fetched_at, status, sentiment, event_id)
     SELECT 1, 'k' || i, 'h' || i, '标题', '内容',
       CASE WHEN i % 5 = 0 THEN NULL ELSE t - 60000 END, t, 'new',
       CASE i % 4 WHEN 0 THEN 'neg' WHEN 1 THEN 'neu' WHEN 2 THEN 'pos' END,
       CASE WHEN i % 3 = 0 THEN 1 + (i * 7) % 2000 END
     FROM (SELECT i, CASE WHEN i < ? THEN ? - (i * ?) / ? ELSE ? - ? - ((i - ?) * ?) / ? END AS t FROM n)`,
  ).run(TOTAL, DAY_ITEMS, now, DAY, DAY_ITEMS, now, DAY, DAY_ITEMS, (DAYS - 1) * DAY, Math.max(1, TOTAL - DAY_ITEMS));
  db.sqlite.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < 50000)
     INSERT INTO alerts (severity, title, reason, fold_key, created_at) SELECT 'general', '预警' || i, 'r', 'k' || i, ? - i * 60000 FROM n`,
  ).run(now);
  db.sqlite.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < 5000)
     INSERT INTO cases (title, state, origin, feedback_due_at, reply_due_at, created_at, updated_at)
     SELECT '工单' || i, CASE WHEN i % 3 = 0 THEN 'closed' ELSE 'assigned' END, 'manual', ? + (i % 100 - 50) * 3600000, ? + (i % 50) * 86400000, ?, ? FROM n`,
  ).run(now, now, now, now);
});
db.sqlite.exec("ANALYZE");
console.log(`built ${TOTAL} items (${DAY_ITEMS} in the last 24 h) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const { from, to } = wallWindow(now);
const plan = (sql: string, ...args: unknown[]) =>
  (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(" | ");
console.log("volume plan:", plan("SELECT count(*) FROM items WHERE fetched_at >= ? AND coalesce(published_at, fetched_at) >= ? AND coalesce(published_at, fetched_at) < ?", from, from, to));

function measure(name: string, fn: () => unknown): void {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const s = performance.now();
    fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(10)} p50 ${times[14].toFixed(1)} ms  p95 ${times[28].toFixed(1)} ms`);
}
measure("volume", () => wallVolume(db, from, to, 600_000));
measure("events", () => wallTopEvents(db, from, to, 6));
measure("alerts", () => wallAlerts(db, 10));
measure("cases", () => wallCases(db, now, 5));
measure("snapshot", () => wallSnapshot(db, "bench", now));
db.close();
rmSync(dir, { recursive: true, force: true });
