// Events (舆情事件): rows with their cached aggregates, clusterer snapshots, member items, and the
// analysts' corrections (merge, split, title, risk override).
import type { Db } from "../db/connection";
import type { EventsTable } from "../db/schema";
import { HOUR_MS, hourlySeries } from "../analyse/bursts";
import { DEFAULT_WINDOW_MS } from "../analyse/events";

/** How long an event stays open for new items after its last one (the clusterer window). */
export const EVENT_OPEN_MS = DEFAULT_WINDOW_MS;

/** A member item as event pages and aggregates need it. */
export type EventMember = {
  id: number; title: string; url: string | null; source_name: string; source_priority: number;
  t: number; sentiment: string | null; dup_group: string | null; keywords: string | null;
};

/** Creates an empty event row and returns its id (the clusterer's id allocator). */
export function createEventRow(db: Db, now: number): number {
  return Number(
    db.prepare("INSERT INTO events (title, first_at, last_at, created_at, updated_at) VALUES ('', ?, ?, ?, ?)").run(now, now, now, now)
      .lastInsertRowid,
  );
}

/** One event row. */
export function getEvent(db: Db, id: number): EventsTable | undefined {
  return db.get(db.q.selectFrom("events").selectAll().where("id", "=", id));
}

/** When an event's first member was published (null for an unknown event): where its burst history starts. */
export function eventFirstAt(db: Db, id: number): number | null {
  return (db.prepare("SELECT first_at FROM events WHERE id = ?").get(id) as { first_at: number } | undefined)?.first_at ?? null;
}

/** The event an id resolves to after merges. */
export function resolveEvent(db: Db, id: number): EventsTable | undefined {
  let ev = getEvent(db, id);
  for (let hops = 0; ev?.merged_into && hops < 50; hops++) ev = getEvent(db, ev.merged_into);
  return ev;
}

/** Snapshots of events still open (or merged away, so aliases survive a restart). */
export function openEventSnapshots(db: Db, now: number): unknown[] {
  return (
    db.prepare("SELECT state FROM events WHERE state IS NOT NULL AND last_at >= ?").all(now - EVENT_OPEN_MS) as { state: string }[]
  ).map((r) => JSON.parse(r.state) as unknown);
}

/** Stores an event's clusterer snapshot. */
export function saveEventSnapshot(db: Db, id: number, snapshot: unknown): void {
  if (snapshot === null || snapshot === undefined) return;
  db.prepare("UPDATE events SET state = ? WHERE id = ?").run(JSON.stringify(snapshot), id);
}

/** Member items of an event, newest first. */
export function eventMembers(db: Db, id: number, limit = 2000): EventMember[] {
  return db
    .prepare(
      `SELECT i.id, i.title, i.url, s.name AS source_name, s.priority AS source_priority,
         coalesce(i.published_at, i.fetched_at) AS t, i.sentiment, i.dup_group, i.keywords
       FROM items i JOIN sources s ON s.id = i.source_id WHERE tf_budget() AND i.event_id = ? ORDER BY i.id DESC LIMIT ?`,
    )
    .all(id, limit) as EventMember[];
}

/** Counts and time span of an event's members. */
export function eventAggregates(db: Db, id: number): { size: number; neg: number; neu: number; pos: number; first: number | null; last: number | null; priority: number | null } {
  return db
    .prepare(
      `SELECT count(*) AS size,
         coalesce(sum(CASE WHEN i.sentiment = 'neg' THEN 1 ELSE 0 END), 0) AS neg,
         coalesce(sum(CASE WHEN i.sentiment = 'neu' THEN 1 ELSE 0 END), 0) AS neu,
         coalesce(sum(CASE WHEN i.sentiment = 'pos' THEN 1 ELSE 0 END), 0) AS pos,
         min(coalesce(i.published_at, i.fetched_at)) AS first, max(coalesce(i.published_at, i.fetched_at)) AS last,
         min(s.priority) AS priority
       FROM items i JOIN sources s ON s.id = i.source_id WHERE i.event_id = ?`,
    )
    .get(id) as { size: number; neg: number; neu: number; pos: number; first: number | null; last: number | null; priority: number | null };
}

/** Member times since a moment (for volume curves and bursts). */
export function eventTimes(db: Db, id: number, since: number): number[] {
  return (
    db
      .prepare("SELECT coalesce(published_at, fetched_at) AS t FROM items WHERE event_id = ? AND coalesce(published_at, fetched_at) >= ?")
      .all(id, since) as { t: number }[]
  ).map((r) => r.t);
}

/**
 * Members per hour over the `hours` hours before `end` (oldest first), as `hourlyCounts` gives for
 * the members' times; counted in SQL from the event index, so a big event sends back ≤ `hours` rows.
 */
export function eventHourlyCounts(db: Db, id: number, end: number, hours: number): number[] {
  return hourlySeries(end, hours, (n) =>
    db
      .prepare(
        `SELECT CAST((? - 1 - t) / ${HOUR_MS} AS INTEGER) AS k, count(*) AS n
         FROM (SELECT coalesce(published_at, fetched_at) AS t FROM items WHERE event_id = ?)
         WHERE t < ? AND t >= ? GROUP BY k`,
      )
      .raw()
      .all(end, id, end, end - n * HOUR_MS) as [number, number][],
  );
}

/**
 * An event's volume curve: members per hour before `end`, on the same hour edges as its burst
 * series (burstEnd), hours without members left out; the start of each hour and its count.
 */
export function eventVolume(db: Db, id: number, end: number): { hour: number; count: number }[] {
  const rows = db
    .prepare(
      `SELECT CAST((? - 1 - t) / ${HOUR_MS} AS INTEGER) AS k, count(*) AS n
       FROM (SELECT coalesce(published_at, fetched_at) AS t FROM items WHERE tf_budget() AND event_id = ?)
       WHERE t < ? GROUP BY k ORDER BY k DESC`,
    )
    .raw()
    .all(end, id, end) as [number, number][];
  return rows.map(([k, count]) => ({ hour: end - (k + 1) * HOUR_MS, count }));
}

/** Sources of an event's members with counts. */
export function eventSources(db: Db, id: number): { name: string; count: number }[] {
  return db
    .prepare(
      `SELECT s.name AS name, count(*) AS count FROM items i JOIN sources s ON s.id = i.source_id
       WHERE tf_budget() AND i.event_id = ? GROUP BY s.name ORDER BY count DESC, s.name`,
    )
    .all(id) as { name: string; count: number }[];
}

/** Writes an event's recomputed aggregates. */
export function updateEventAggregates(
  db: Db, id: number,
  a: { title?: string; firstAt: number; lastAt: number; size: number; neg: number; neu: number; pos: number; keywords: unknown; riskLevel: string; riskScore: number; riskReasons: string[] },
  now: number,
): void {
  db
    .prepare(
      `UPDATE events SET title = CASE WHEN title_manual = 1 OR ? IS NULL THEN title ELSE ? END,
         first_at = ?, last_at = ?, size = ?, neg = ?, neu = ?, pos = ?, keywords = ?,
         risk_level = ?, risk_score = ?, risk_reasons = ?, updated_at = ? WHERE id = ?`,
    )
    .run(
      a.title ?? null, a.title ?? null, a.firstAt, a.lastAt, a.size, a.neg, a.neu, a.pos, JSON.stringify(a.keywords),
      a.riskLevel, a.riskScore, JSON.stringify(a.riskReasons), now, id,
    );
}

/** Adds newly assigned items to an event's counts and time span (the per-batch, constant-cost update). */
export function bumpEventCounts(db: Db, id: number, d: { n: number; neg: number; neu: number; pos: number; first: number; last: number }, now: number): void {
  db
    .prepare(
      `UPDATE events SET
         first_at = CASE WHEN size = 0 OR ? < first_at THEN ? ELSE first_at END,
         last_at = CASE WHEN size = 0 OR ? > last_at THEN ? ELSE last_at END,
         size = size + ?, neg = neg + ?, neu = neu + ?, pos = pos + ?, updated_at = ? WHERE id = ?`,
    )
    .run(d.first, d.first, d.last, d.last, d.n, d.neg, d.neu, d.pos, now, id);
}

/** Events with members, most recently active first. */
export function listEvents(db: Db, f: { limit: number; offset: number; risk?: string; q?: string }): { rows: EventsTable[]; total: number } {
  // tf_budget(): the event page's reads end at their time budget (src/db/budget.ts); outside one it always passes.
  const clauses = ["tf_budget()", "merged_into IS NULL", "size > 0"];
  const params: unknown[] = [];
  if (f.risk) {
    clauses.push("coalesce(risk_override, risk_level) = ?");
    params.push(f.risk);
  }
  if (f.q) {
    clauses.push("(instr(title, ?) > 0 OR instr(keywords, ?) > 0)");
    params.push(f.q, f.q);
  }
  const where = clauses.join(" AND ");
  const rows = db
    .prepare(`SELECT * FROM events WHERE ${where} ORDER BY last_at DESC, id DESC LIMIT ? OFFSET ?`)
    .all(...params, f.limit, f.offset) as EventsTable[];
  const total = (db.prepare(`SELECT count(*) AS n FROM events WHERE ${where}`).get(...params) as { n: number }).n;
  return { rows, total };
}

/** Moves every member of `sourceId` into `targetId` and marks the source as merged. */
export function mergeEventRows(db: Db, targetId: number, sourceId: number, now: number): void {
  db.prepare("UPDATE items SET event_id = ? WHERE event_id = ?").run(targetId, sourceId);
  db.prepare("UPDATE events SET merged_into = ?, size = 0, updated_at = ? WHERE id = ?").run(targetId, now, sourceId);
  db.prepare("UPDATE events SET merged_into = ? WHERE merged_into = ?").run(targetId, sourceId);
}

/** Moves the given members of an event to another event. */
export function moveEventItems(db: Db, fromId: number, toId: number, itemIds: readonly number[]): number {
  const st = db.prepare("UPDATE items SET event_id = ? WHERE id = ? AND event_id = ?");
  let moved = 0;
  for (const id of itemIds) moved += st.run(toId, id, fromId).changes;
  return moved;
}

/** Sets or clears (null) an analyst's title. */
export function setEventTitle(db: Db, id: number, title: string, now: number): void {
  db.prepare("UPDATE events SET title = ?, title_manual = 1, updated_at = ? WHERE id = ?").run(title, now, id);
}

/** Told inside the override's transaction how an event's effective level (override, else suggestion) changed. */
export type RiskOverrideListener = (db: Db, id: number, before: string | null, after: string | null, now: number) => void;
let riskListener: RiskOverrideListener | null = null;

/** Sets the one listener of analysts' risk overrides (the alert triggers; the store cannot import them). */
export function onRiskOverride(fn: RiskOverrideListener | null): void {
  riskListener = fn;
}

/** Sets or clears (null) an analyst's risk level. */
export function setEventRiskOverride(db: Db, id: number, level: string | null, now: number): void {
  const effective = "SELECT coalesce(risk_override, risk_level) FROM events WHERE id = ?";
  const before = riskListener ? ((db.prepare(effective).pluck().get(id) as string | undefined) ?? null) : null;
  db.prepare("UPDATE events SET risk_override = ?, updated_at = ? WHERE id = ?").run(level, now, id);
  if (riskListener) riskListener(db, id, before, (db.prepare(effective).pluck().get(id) as string | undefined) ?? null, now);
}
