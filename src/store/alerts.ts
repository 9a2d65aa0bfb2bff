// The alert ledger and its outbox: alerts, their deliveries per channel, and what a message carries.
import type { Db } from "../db/connection";
import type { AlertDeliveriesTable, AlertsTable } from "../db/schema";

/** A new alert row. */
export interface NewAlert {
  ruleId: number | null; severity: string; title: string; reason: string; foldKey: string; foldedInto: number | null; dueAt: number | null;
  itemId: number | null; publishedAt: number | null; fetchedAt: number | null; analysedAt: number | null; createdAt: number;
  eventId?: number | null; sourceId?: number | null; note?: string | null; raisedBy?: number | null;
}

/** Inserts one alert; returns its id. Call inside the transaction that caused it. */
export function insertAlert(db: Db, a: NewAlert): number {
  return Number(
    db
      .prepare(
        `INSERT INTO alerts (rule_id, severity, title, reason, fold_key, folded_into, due_at, item_id, published_at, fetched_at, analysed_at, created_at,
           event_id, source_id, note, raised_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.ruleId, a.severity, a.title, a.reason, a.foldKey, a.foldedInto, a.dueAt, a.itemId, a.publishedAt, a.fetchedAt, a.analysedAt, a.createdAt,
        a.eventId ?? null, a.sourceId ?? null, a.note ?? null, a.raisedBy ?? null,
      )
      .lastInsertRowid,
  );
}

/** Queues one pending delivery of an alert to a channel, due at `dueAt`. */
export function insertDelivery(db: Db, alertId: number, channelId: number, dueAt: number): void {
  db.prepare("INSERT INTO alert_deliveries (alert_id, channel_id, state, attempts, next_at) VALUES (?, ?, 'pending', 0, ?)").run(alertId, channelId, dueAt);
}

/** The newest alert carrying its own message under a fold key, with whether any delivery of it was tried. */
export function latestCarrier(db: Db, foldKey: string): { id: number; due_at: number; tried: number } | undefined {
  return db
    .prepare(
      `SELECT a.id, coalesce(a.due_at, a.created_at) AS due_at,
         (SELECT count(*) FROM alert_deliveries d WHERE d.alert_id = a.id AND (d.attempts > 0 OR d.state <> 'pending')) AS tried
       FROM alerts a WHERE a.fold_key = ? AND a.folded_into IS NULL ORDER BY a.id DESC LIMIT 1`,
    )
    .get(foldKey) as { id: number; due_at: number; tried: number } | undefined;
}

/** A delivery that is due. */
export type DueDelivery = Pick<AlertDeliveriesTable, "alert_id" | "channel_id" | "attempts">;

/** When an alert was raised (null when it is gone). */
export function alertCreatedAt(db: Db, id: number): number | null {
  return (db.prepare("SELECT created_at FROM alerts WHERE id = ?").pluck().get(id) as number | undefined) ?? null;
}

/** Pending deliveries due by `now`, oldest first. */
export function dueDeliveries(db: Db, now: number, limit: number): DueDelivery[] {
  return db
    .prepare("SELECT alert_id, channel_id, attempts FROM alert_deliveries WHERE state = 'pending' AND next_at <= ? ORDER BY next_at, alert_id LIMIT ?")
    .all(now, limit) as DueDelivery[];
}

/** When the next pending delivery is due, or null when none is pending. */
export function nextDueAt(db: Db): number | null {
  return (db.prepare("SELECT min(next_at) FROM alert_deliveries WHERE state = 'pending'").pluck().get() as number | null) ?? null;
}

/** Records a delivery's outcome: sent, retried at `nextAt`, or failed for good. */
export function recordAttempt(
  db: Db, alertId: number, channelId: number, outcome: { state: "sent" | "pending" | "failed"; error: string | null; at: number; nextAt?: number },
): void {
  db.prepare(
    `UPDATE alert_deliveries SET state = ?, attempts = attempts + 1, last_error = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END,
       next_at = coalesce(?, next_at) WHERE alert_id = ? AND channel_id = ?`,
  ).run(outcome.state, outcome.error, outcome.state, outcome.at, outcome.nextAt ?? null, alertId, channelId);
}

/** An alert of a message with the item behind it. */
export type MessageRow = AlertsTable & {
  fold_seconds: number | null; item_title: string | null; item_url: string | null; source_name: string | null; sentiment: string | null; reposts: number | null;
};

/** A carrier alert and the alerts folded into it (carrier first), with their items. */
export function messageRows(db: Db, carrierId: number, limit = 50): MessageRow[] {
  return db
    .prepare(
      `SELECT a.*, r.fold_seconds, i.title AS item_title, i.url AS item_url, s.name AS source_name, i.sentiment,
         (SELECT count(*) - 1 FROM items g WHERE g.dup_group = i.dup_group) AS reposts
       FROM alerts a LEFT JOIN alert_rules r ON r.id = a.rule_id LEFT JOIN items i ON i.id = a.item_id LEFT JOIN sources s ON s.id = i.source_id
       WHERE a.id = ? OR a.folded_into = ? ORDER BY a.id LIMIT ?`,
    )
    .all(carrierId, carrierId, limit) as MessageRow[];
}

/** How many alerts a carrier's message stands for (itself included). */
export function foldedCount(db: Db, carrierId: number): number {
  return db.prepare("SELECT count(*) FROM alerts WHERE id = ? OR folded_into = ?").pluck().get(carrierId, carrierId) as number;
}

/** A delivery as the ledger shows it. */
export type DeliveryRow = Pick<AlertDeliveriesTable, "channel_id" | "state" | "attempts" | "last_error" | "sent_at" | "next_at">;

/** The newest alerts with the deliveries of the message that carries each. */
export function listAlerts(db: Db, limit: number, beforeId?: number, f: AlertFilter = {}): (AlertsTable & { deliveries: DeliveryRow[] })[] {
  const { clause, params } = alertWhere(f, beforeId);
  const rows = db.prepare(`SELECT * FROM alerts ${clause} ORDER BY id DESC LIMIT ?`).all(...params, limit) as AlertsTable[];
  const st = db.prepare("SELECT channel_id, state, attempts, last_error, sent_at, next_at FROM alert_deliveries WHERE alert_id = ? ORDER BY channel_id");
  return rows.map((a) => ({ ...a, deliveries: st.all(a.folded_into ?? a.id) as DeliveryRow[] }));
}

/** Filters of the alert list: raised in [from, to] (ms, both ends included), severity, one alert by id. */
export interface AlertFilter { from?: number; to?: number; severity?: string; id?: number }

function alertWhere(f: AlertFilter, beforeId?: number): { clause: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    if (v === undefined) return;
    where.push(sql);
    params.push(v);
  };
  add("id < ?", beforeId || undefined);
  add("created_at >= ?", f.from);
  add("created_at <= ?", f.to);
  add("severity = ?", f.severity);
  add("id = ?", f.id);
  return { clause: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

/** The number of alerts matching a filter (folded copies included, as the digests count them). */
export function countAlerts(db: Db, f: AlertFilter): number {
  const { clause, params } = alertWhere(f);
  return db.prepare(`SELECT count(*) FROM alerts ${clause}`).pluck().get(...params) as number;
}

/** One alert, or undefined. */
export function getAlert(db: Db, id: number): AlertsTable | undefined {
  return db.prepare("SELECT * FROM alerts WHERE id = ?").get(id) as AlertsTable | undefined;
}

/** Marks an alert acknowledged (the first acknowledgement stands); true when it changed. */
export function acknowledgeAlert(db: Db, id: number, by: number, now = Date.now()): boolean {
  return db.prepare("UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL").run(now, by, id).changes > 0;
}

/** Repost count of an item's group (copies other than the item itself). */
export function repostCountOf(db: Db, itemId: number): number {
  return db
    .prepare("SELECT count(*) - 1 FROM items g WHERE g.dup_group = (SELECT dup_group FROM items WHERE id = ?)")
    .pluck()
    .get(itemId) as number;
}

/** When a trigger last saw its subject (e.g. "burst:3:watch:7") flagged, or null. */
export function triggerStateAt(db: Db, key: string): number | null {
  return (db.prepare("SELECT at FROM alert_trigger_state WHERE key = ?").pluck().get(key) as number | undefined) ?? null;
}

/** Remembers when a trigger last saw its subject flagged. */
export function setTriggerState(db: Db, key: string, at: number): void {
  db.prepare("INSERT INTO alert_trigger_state (key, at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET at = excluded.at").run(key, at);
}

/** Sizes of events by id (the stored counts, before the batch being committed is added). */
export function eventSizes(db: Db, ids: readonly number[]): Map<number, number> {
  const rows = db.prepare("SELECT id, size FROM events WHERE id IN (SELECT value FROM json_each(?))").raw().all(JSON.stringify(ids)) as [number, number][];
  return new Map(rows);
}

/** What a manual raise or an event/source alert says about its subject. */
export function itemForAlert(db: Db, id: number): { id: number; title: string; published_at: number | null; fetched_at: number; event_id: number | null } | undefined {
  return db.prepare("SELECT id, title, published_at, fetched_at, event_id FROM items WHERE id = ?").get(id) as
    { id: number; title: string; published_at: number | null; fetched_at: number; event_id: number | null } | undefined;
}

/** An event's title, effective risk level (the analyst's over the suggestion) and whether it was merged away. */
export function eventForAlert(db: Db, id: number): { id: number; title: string; risk: string | null; merged_into: number | null } | undefined {
  return db.prepare("SELECT id, title, coalesce(risk_override, risk_level) AS risk, merged_into FROM events WHERE id = ?").get(id) as
    { id: number; title: string; risk: string | null; merged_into: number | null } | undefined;
}

/** A source's name and last error text. */
export function sourceForAlert(db: Db, id: number): { name: string; last_error: string | null } | undefined {
  return db.prepare("SELECT name, last_error FROM sources WHERE id = ?").get(id) as { name: string; last_error: string | null } | undefined;
}
