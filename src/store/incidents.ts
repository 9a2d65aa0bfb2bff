// Incident mode (24 小时值守) on an event: the incident row with the sources it polls at a short interval
// until it expires (read by dueSources in ./sources.ts), its log (处置日志) and its closing figures.
import type { Db } from "../db/connection";
import type { IncidentsTable } from "../db/schema";
import { HOUR_MS } from "../analyse/bursts";


/** Kinds of log entries: a user's note, or one written by the system when the incident changed. */
export const INCIDENT_LOG_KINDS = ["note", "started", "extended", "interval", "escalation", "closed"] as const;
/** One of INCIDENT_LOG_KINDS. */
export type IncidentLogKind = (typeof INCIDENT_LOG_KINDS)[number];

/** What starting an incident needs. */
export interface NewIncident { eventId: number; userId: number | null; until: number; pollSeconds: number; escalateMinutes: number | null }

/** An incident that is in force now, as the escalation wiring needs it. */
export interface ActiveIncident { id: number; eventId: number; until: number; pollSeconds: number; escalateMinutes: number | null }

/** An open incident with its event's title, for the banner. */
export type IncidentWithEvent = IncidentsTable & { event_title: string };

/** One log entry with its author's name. */
export interface IncidentLogRow { id: number; at: number; user_id: number | null; username: string | null; kind: IncidentLogKind; text: string }

/** Figures of the incident period (from its start to its close, or to `now` while open). */
export interface IncidentFigures {
  from: number; to: number;
  items: number; negative: number; analysed: number;
  peakHour: { at: number; items: number } | null;
  sources: { name: string; items: number }[];
  sourceCount: number;
  alerts: number;
  polledSources: number;
}

/** One incident. */
export function getIncident(db: Db, id: number): IncidentsTable | undefined {
  return db.get(db.q.selectFrom("incidents").selectAll().where("id", "=", id));
}

/** The event's incident that is not closed yet (it may have expired): at most one, by a unique index. */
export function openIncidentForEvent(db: Db, eventId: number): IncidentsTable | undefined {
  return db.get(db.q.selectFrom("incidents").selectAll().where("event_id", "=", eventId).where("closed_at", "is", null));
}

/** The event's incident in force at `now` (open and not expired), with its escalation timer; undefined when none. */
export function activeIncidentForEvent(db: Db, eventId: number, now = Date.now()): ActiveIncident | undefined {
  const r = db.get(
    db.q.selectFrom("incidents").selectAll().where("event_id", "=", eventId).where("closed_at", "is", null).where("until", ">", now),
  );
  return r && { id: r.id, eventId: r.event_id, until: r.until, pollSeconds: r.poll_seconds, escalateMinutes: r.escalate_minutes };
}

/** Incidents in force at `now`, newest first, with their events' titles (the banner). */
export function activeIncidents(db: Db, now = Date.now()): IncidentWithEvent[] {
  return db
    .prepare(
      `SELECT i.*, e.title AS event_title FROM incidents i JOIN events e ON e.id = i.event_id
       WHERE i.closed_at IS NULL AND i.until > ? ORDER BY i.started_at DESC, i.id DESC LIMIT 20`,
    )
    .all(now) as IncidentWithEvent[];
}

/** Appends a log entry; call inside the change's transaction. */
export function addIncidentLog(db: Db, incidentId: number, e: { userId: number | null; kind: IncidentLogKind; text: string }, now = Date.now()): number {
  return db.run(db.q.insertInto("incident_log").values({ incident_id: incidentId, at: now, user_id: e.userId, kind: e.kind, text: e.text })).lastInsertRowid;
}

/** An incident's log, oldest first. */
export function incidentLog(db: Db, incidentId: number, limit = 1000): IncidentLogRow[] {
  return db
    .prepare(
      `SELECT l.id, l.at, l.user_id, u.display_name AS username, l.kind, l.text
       FROM incident_log l LEFT JOIN users u ON u.id = l.user_id WHERE l.incident_id = ? ORDER BY l.id LIMIT ?`,
    )
    .all(incidentId, limit) as IncidentLogRow[];
}

/** Adds the sources of the event's current members to the incident; returns how many it covers. */
export function coverEventSources(db: Db, incidentId: number, eventId: number): number {
  db.prepare(
    `INSERT INTO incident_sources (incident_id, source_id)
     SELECT DISTINCT ?, source_id FROM items WHERE event_id = ? ON CONFLICT DO NOTHING`,
  ).run(incidentId, eventId);
  return db.prepare("SELECT count(*) FROM incident_sources WHERE incident_id = ?").pluck().get(incidentId) as number;
}

/** Starts an incident with the sources of the event's members and a "started" log entry; call inside a transaction. */
export function startIncident(db: Db, n: NewIncident, now = Date.now()): number {
  const id = db.run(
    db.q.insertInto("incidents").values({
      event_id: n.eventId, started_by: n.userId, started_at: now, until: n.until, poll_seconds: n.pollSeconds,
      escalate_minutes: n.escalateMinutes, closed_at: null, closed_by: null, summary: null,
    }),
  ).lastInsertRowid;
  const sources = coverEventSources(db, id, n.eventId);
  addIncidentLog(db, id, { userId: n.userId, kind: "started", text: JSON.stringify({ until: n.until, pollSeconds: n.pollSeconds, sources }) }, now);
  return id;
}

/** Changes an open incident (expiry, interval, escalation timer), logging each change; call inside a transaction. */
export function updateIncident(
  db: Db, inc: IncidentsTable, patch: { until?: number; pollSeconds?: number; escalateMinutes?: number | null }, userId: number | null, now = Date.now(),
): void {
  const set: Partial<IncidentsTable> = {};
  if (patch.until !== undefined && patch.until !== inc.until) {
    set.until = patch.until;
    // Sources that joined the event since the start are polled from now on too.
    const sources = coverEventSources(db, inc.id, inc.event_id);
    addIncidentLog(db, inc.id, { userId, kind: "extended", text: JSON.stringify({ until: patch.until, sources }) }, now);
  }
  if (patch.pollSeconds !== undefined && patch.pollSeconds !== inc.poll_seconds) {
    set.poll_seconds = patch.pollSeconds;
    addIncidentLog(db, inc.id, { userId, kind: "interval", text: JSON.stringify({ pollSeconds: patch.pollSeconds }) }, now);
  }
  if (patch.escalateMinutes !== undefined && patch.escalateMinutes !== inc.escalate_minutes) {
    set.escalate_minutes = patch.escalateMinutes;
    addIncidentLog(db, inc.id, { userId, kind: "escalation", text: JSON.stringify({ escalateMinutes: patch.escalateMinutes }) }, now);
  }
  if (Object.keys(set).length) db.run(db.q.updateTable("incidents").set(set).where("id", "=", inc.id));
}

/** Closes an incident with its summary (its sources go back to their own intervals); call inside a transaction. */
export function closeIncident(db: Db, id: number, userId: number | null, summary: string, now = Date.now()): void {
  db.run(db.q.updateTable("incidents").set({ closed_at: now, closed_by: userId, summary }).where("id", "=", id));
  addIncidentLog(db, id, { userId, kind: "closed", text: "" }, now);
}

/**
 * Figures of the incident period: the event's members published (or, undated, fetched) in it, their
 * negative share, the busiest hour, the sources they came from, and the alerts raised on them meanwhile.
 */
export function incidentFigures(db: Db, inc: IncidentsTable, now = Date.now()): IncidentFigures {
  const from = inc.started_at;
  const to = inc.closed_at ?? now;
  const members = `FROM items i WHERE i.event_id = ? AND coalesce(i.published_at, i.fetched_at) BETWEEN ? AND ?`;
  const counts = db
    .prepare(
      `SELECT count(*) AS items, coalesce(sum(CASE WHEN i.sentiment = 'neg' THEN 1 ELSE 0 END), 0) AS negative,
         coalesce(sum(CASE WHEN i.sentiment IS NOT NULL THEN 1 ELSE 0 END), 0) AS analysed ${members}`,
    )
    .get(inc.event_id, from, to) as { items: number; negative: number; analysed: number };
  const peak = db
    .prepare(
      `SELECT (coalesce(i.published_at, i.fetched_at) / ${HOUR_MS}) * ${HOUR_MS} AS at, count(*) AS items ${members}
       GROUP BY 1 ORDER BY items DESC, at LIMIT 1`,
    )
    .get(inc.event_id, from, to) as { at: number; items: number } | undefined;
  const sources = db
    .prepare(
      `SELECT s.name, count(*) AS items FROM items i JOIN sources s ON s.id = i.source_id
       WHERE i.event_id = ? AND coalesce(i.published_at, i.fetched_at) BETWEEN ? AND ?
       GROUP BY s.id ORDER BY items DESC, s.name`,
    )
    .all(inc.event_id, from, to) as { name: string; items: number }[];
  const alerts = db
    .prepare(
      `SELECT count(*) FROM alerts a JOIN items i ON i.id = a.item_id
       WHERE i.event_id = ? AND a.created_at BETWEEN ? AND ?`,
    )
    .pluck()
    .get(inc.event_id, from, to) as number;
  const polledSources = db.prepare("SELECT count(*) FROM incident_sources WHERE incident_id = ?").pluck().get(inc.id) as number;
  return {
    from, to, ...counts, peakHour: peak ?? null, sources: sources.slice(0, 10), sourceCount: sources.length, alerts, polledSources,
  };
}

/** Alerts raised on the event's members during the incident (oldest first), for its timeline. */
export function incidentAlerts(db: Db, inc: IncidentsTable, now = Date.now(), limit = 200): { id: number; severity: string; title: string; created_at: number }[] {
  return db
    .prepare(
      `SELECT a.id, a.severity, a.title, a.created_at FROM alerts a JOIN items i ON i.id = a.item_id
       WHERE i.event_id = ? AND a.created_at BETWEEN ? AND ? ORDER BY a.created_at, a.id LIMIT ?`,
    )
    .all(inc.event_id, inc.started_at, inc.closed_at ?? now, limit) as { id: number; severity: string; title: string; created_at: number }[];
}

/** The event's incidents, newest first (closed ones keep their summaries and figures). */
export function eventIncidents(db: Db, eventId: number, limit = 20): IncidentsTable[] {
  return db.all(db.q.selectFrom("incidents").selectAll().where("event_id", "=", eventId).orderBy("started_at", "desc").orderBy("id", "desc").limit(limit));
}
