// Report delivery schedules (定时报送): their rows, the ones due, and the delivery outcome a
// schedule's run records on its report_runs row (the runs themselves are src/store/reports.ts').
import type { Db } from "../db/connection";
import type { ReportSchedulesTable } from "../db/schema";

/** A schedule as stored. */
export type ScheduleRow = ReportSchedulesTable;

/** What a schedule is made of. */
export interface ScheduleInput {
  name: string; kind: string; period: string | null; templateId: number | null; atTime: string; weekday: number | null;
  monthday: number | null; format: string; channelIds: number[]; autoIssue: boolean; enabled: boolean; nextRunAt: number | null;
}

/** Every schedule by id. */
export function listSchedules(db: Db): ScheduleRow[] {
  return db.prepare("SELECT * FROM report_schedules ORDER BY id").all() as ScheduleRow[];
}

/** One schedule, or undefined. */
export function getSchedule(db: Db, id: number): ScheduleRow | undefined {
  return db.prepare("SELECT * FROM report_schedules WHERE id = ?").get(id) as ScheduleRow | undefined;
}

/** Stores a new schedule; returns its id. */
export function insertSchedule(db: Db, s: ScheduleInput, by: number | null, now = Date.now()): number {
  return Number(
    db.prepare(
      `INSERT INTO report_schedules (name, kind, period, template_id, at_time, weekday, monthday, format, channel_ids, auto_issue, enabled,
         next_run_at, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(s.name, s.kind, s.period, s.templateId, s.atTime, s.weekday, s.monthday, s.format, JSON.stringify(s.channelIds), s.autoIssue ? 1 : 0,
      s.enabled ? 1 : 0, s.nextRunAt, by, now, now).lastInsertRowid,
  );
}

/** Rewrites a schedule's settings and its next due moment. */
export function updateSchedule(db: Db, id: number, s: ScheduleInput, now = Date.now()): void {
  db.prepare(
    `UPDATE report_schedules SET name = ?, kind = ?, period = ?, template_id = ?, at_time = ?, weekday = ?, monthday = ?, format = ?,
       channel_ids = ?, auto_issue = ?, enabled = ?, next_run_at = ?, updated_at = ? WHERE id = ?`,
  ).run(s.name, s.kind, s.period, s.templateId, s.atTime, s.weekday, s.monthday, s.format, JSON.stringify(s.channelIds), s.autoIssue ? 1 : 0,
    s.enabled ? 1 : 0, s.nextRunAt, now, id);
}

/** Deletes a schedule (its runs stay, no longer linked). */
export function deleteSchedule(db: Db, id: number): boolean {
  return db.prepare("DELETE FROM report_schedules WHERE id = ?").run(id).changes > 0;
}

/** Enabled schedules due at `now`, and enabled ones with no due moment computed yet. */
export function dueSchedules(db: Db, now: number): ScheduleRow[] {
  return db.prepare("SELECT * FROM report_schedules WHERE enabled = 1 AND (next_run_at IS NULL OR next_run_at <= ?) ORDER BY next_run_at, id")
    .all(now) as ScheduleRow[];
}

/**
 * Moves a schedule on: its next due moment and, when given, the moment it last ran for; only while its
 * stored moment is still `expected` (an edit during a run has set a new one, which stands).
 */
export function setScheduleRun(db: Db, id: number, expected: number | null, nextRunAt: number, lastRunAt?: number): void {
  db.prepare("UPDATE report_schedules SET next_run_at = ?, last_run_at = COALESCE(?, last_run_at) WHERE id = ? AND next_run_at IS ?")
    .run(nextRunAt, lastRunAt ?? null, id, expected);
}

/** Marks when a schedule last ran (a run started by hand). */
export function setScheduleLastRun(db: Db, id: number, lastRunAt: number): void {
  db.prepare("UPDATE report_schedules SET last_run_at = ? WHERE id = ?").run(lastRunAt, id);
}

/** The run recorded for a schedule's due moment (unique per schedule and moment), or undefined. */
export function scheduleRunId(db: Db, scheduleId: number, dueAt: number): number | undefined {
  return db.prepare("SELECT id FROM report_runs WHERE schedule_id = ? AND due_at = ?").pluck().get(scheduleId, dueAt) as number | undefined;
}

/** Records a run's delivery outcome (JSON: per channel, sent or the error). */
export function setRunDelivery(db: Db, runId: number, delivery: unknown): void {
  db.prepare("UPDATE report_runs SET delivery = ? WHERE id = ?").run(JSON.stringify(delivery), runId);
}

/** A run's recorded delivery outcome (parsed), or null. */
export function runDelivery(db: Db, runId: number): unknown {
  const raw = db.prepare("SELECT delivery FROM report_runs WHERE id = ?").pluck().get(runId) as string | null | undefined;
  return raw ? (JSON.parse(raw) as unknown) : null;
}
