// An alert's timeline (alert_steps), the people it was sent to (alert_recipients) and its escalation state.
import type { Db } from "../db/connection";
import type { AlertRecipientsTable, AlertStepsTable, AlertsTable } from "../db/schema";

/** Kinds of timeline steps. */
export type StepKind = "created" | "delivered" | "escalated" | "acknowledged";

/** Appends a step to an alert's timeline. Call in the transaction of what it records. */
export function insertStep(db: Db, alertId: number, kind: StepKind, userId: number | null, note: string | null, at: number): void {
  db.prepare("INSERT INTO alert_steps (alert_id, at, kind, user_id, note) VALUES (?, ?, ?, ?, ?)").run(alertId, at, kind, userId, note);
}

/** An alert's timeline, oldest first, with the names of the people. */
export function listSteps(db: Db, alertId: number): (AlertStepsTable & { user_name: string | null })[] {
  return db
    .prepare("SELECT s.*, u.display_name AS user_name FROM alert_steps s LEFT JOIN users u ON u.id = s.user_id WHERE s.alert_id = ? ORDER BY s.id")
    .all(alertId) as (AlertStepsTable & { user_name: string | null })[];
}

/** Queues the alert for a person (nothing when they already have it); true when queued. */
export function insertRecipient(db: Db, alertId: number, userId: number, reason: "rule" | "duty" | "escalation", dueAt: number): boolean {
  return db
    .prepare("INSERT INTO alert_recipients (alert_id, user_id, state, reason, next_at) VALUES (?, ?, 'pending', ?, ?) ON CONFLICT DO NOTHING")
    .run(alertId, userId, reason, dueAt).changes > 0;
}

/** Ids of the people an alert was sent (or is being sent) to. */
export function recipientIds(db: Db, alertId: number): number[] {
  return db.prepare("SELECT user_id FROM alert_recipients WHERE alert_id = ? ORDER BY rowid").pluck().all(alertId) as number[];
}

/** A person's delivery that is due, with their contact details. */
export type DueRecipient = Pick<AlertRecipientsTable, "alert_id" | "user_id" | "attempts" | "reason"> & { email: string | null; display_name: string | null };

/** Pending person deliveries due by `now`. */
export function dueRecipients(db: Db, now: number, limit: number): DueRecipient[] {
  return db
    .prepare(
      `SELECT r.alert_id, r.user_id, r.attempts, r.reason, u.email, u.display_name FROM alert_recipients r LEFT JOIN users u ON u.id = r.user_id
       WHERE r.state = 'pending' AND r.next_at <= ? ORDER BY r.next_at, r.alert_id LIMIT ?`,
    )
    .all(now, limit) as DueRecipient[];
}

/** Records a person delivery's outcome. */
export function recordRecipient(db: Db, alertId: number, userId: number, state: "sent" | "failed", error: string | null, at: number): void {
  db.prepare("UPDATE alert_recipients SET state = ?, attempts = attempts + 1, last_error = ?, sent_at = CASE WHEN ? = 'sent' THEN ? END WHERE alert_id = ? AND user_id = ?")
    .run(state, error, state, at, alertId, userId);
}

/** Unacknowledged 较大/重大 carrier alerts whose escalation chain is not exhausted. */
export function escalatingAlerts(db: Db, limit = 500): AlertsTable[] {
  return db
    .prepare(
      `SELECT * FROM alerts WHERE escalation_done = 0 AND acknowledged_at IS NULL AND folded_into IS NULL
         AND severity IN ('significant', 'major') ORDER BY id LIMIT ?`,
    )
    .all(limit) as AlertsTable[];
}

/** Notes an escalation step (or, with `done`, that nobody is left to escalate to). */
export function markEscalated(db: Db, alertId: number, at: number, done: boolean): void {
  db.prepare(
    "UPDATE alerts SET escalation_level = escalation_level + CASE WHEN ? THEN 0 ELSE 1 END, escalated_at = ?, escalation_done = ? WHERE id = ?",
  ).run(done ? 1 : 0, at, done ? 1 : 0, alertId);
}

/** Sets the unit whose rota an alert climbs. */
export function setAlertDutyUnit(db: Db, alertId: number, unitId: number | null): void {
  db.prepare("UPDATE alerts SET duty_unit_id = ? WHERE id = ?").run(unitId, alertId);
}

/** The first enabled e-mail channel: its SMTP settings carry mail to people. */
export function firstEmailChannelId(db: Db): number | null {
  return (db.prepare("SELECT id FROM alert_channels WHERE kind = 'email' AND enabled = 1 ORDER BY id LIMIT 1").pluck().get() as number | undefined) ?? null;
}

/** True when the user was sent the alert (or the carrier it is folded into). */
export function isRecipient(db: Db, alertId: number, userId: number): boolean {
  return !!db
    .prepare("SELECT 1 FROM alert_recipients WHERE user_id = ? AND alert_id IN (SELECT coalesce(folded_into, id) FROM alerts WHERE id = ?)")
    .get(userId, alertId);
}
