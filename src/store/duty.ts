// Duty rota (值班): shift times per unit, assignments, swaps (换班), leave, and the people escalation
// turns to (a unit's leaders). Plain SQL for SQLite and PostgreSQL.
import type { Db } from "../db/connection";
import type { DutyLeaveTable, DutySwapsTable } from "../db/schema";

/** A unit's shift times as stored ('HH:MM'), or undefined when never set (the defaults apply). */
export function getDutySettings(db: Db, unitId: number): { day_start: string; night_start: string } | undefined {
  return db.prepare("SELECT day_start, night_start FROM duty_settings WHERE unit_id = ?").get(unitId) as { day_start: string; night_start: string } | undefined;
}

/** Stores a unit's shift times. */
export function setDutySettings(db: Db, unitId: number, dayStart: string, nightStart: string, now = Date.now()): void {
  db.prepare(
    `INSERT INTO duty_settings (unit_id, day_start, night_start, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (unit_id) DO UPDATE SET day_start = excluded.day_start, night_start = excluded.night_start, updated_at = excluded.updated_at`,
  ).run(unitId, dayStart, nightStart, now);
}

/** An assignment row in API shape. */
export interface AssignmentRow { date: string; shift: string; position: number; userId: number }

/** Assignments of a unit for dates from..to (inclusive). */
export function listAssignments(db: Db, unitId: number, from: string, to: string): AssignmentRow[] {
  return db
    .prepare("SELECT date, shift, position, user_id AS userId FROM duty_assignments WHERE unit_id = ? AND date BETWEEN ? AND ? ORDER BY date, shift, position")
    .all(unitId, from, to) as AssignmentRow[];
}

/** Replaces the people of one shift (positions 1, 2, … in the given order). */
export function replaceShift(db: Db, unitId: number, date: string, shift: string, userIds: readonly number[]): void {
  db.prepare("DELETE FROM duty_assignments WHERE unit_id = ? AND date = ? AND shift = ?").run(unitId, date, shift);
  const ins = db.prepare("INSERT INTO duty_assignments (unit_id, date, shift, position, user_id) VALUES (?, ?, ?, ?, ?)");
  userIds.forEach((u, i) => ins.run(unitId, date, shift, i + 1, u));
}

/** Swaps of a unit for dates from..to, oldest first (the order they apply in). */
export function listSwaps(db: Db, unitId: number, from: string, to: string): DutySwapsTable[] {
  return db.prepare("SELECT * FROM duty_swaps WHERE unit_id = ? AND date BETWEEN ? AND ? ORDER BY id").all(unitId, from, to) as DutySwapsTable[];
}

/** What a swap is made of. */
export interface NewSwap { unitId: number; date: string; shift: string; fromUserId: number; toUserId: number; note: string | null }

/** Records a swap; returns its id. */
export function insertSwap(db: Db, s: NewSwap, by: number | null, now = Date.now()): number {
  return Number(
    db
      .prepare("INSERT INTO duty_swaps (unit_id, date, shift, from_user_id, to_user_id, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(s.unitId, s.date, s.shift, s.fromUserId, s.toUserId, s.note, by, now).lastInsertRowid,
  );
}

/** Leave overlapping dates from..to (anyone's: the rota shows who is away). */
export function listLeave(db: Db, from: string, to: string): DutyLeaveTable[] {
  return db.prepare("SELECT * FROM duty_leave WHERE end_date >= ? AND start_date <= ? ORDER BY start_date, id").all(from, to) as DutyLeaveTable[];
}

/** What a leave is made of. */
export interface NewLeave { userId: number; startDate: string; endDate: string; note: string | null }

/** Records leave; returns its id. */
export function insertLeave(db: Db, l: NewLeave, by: number | null, now = Date.now()): number {
  return Number(
    db
      .prepare("INSERT INTO duty_leave (user_id, start_date, end_date, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(l.userId, l.startDate, l.endDate, l.note, by, now).lastInsertRowid,
  );
}

/** One leave row, or undefined. */
export function getLeave(db: Db, id: number): DutyLeaveTable | undefined {
  return db.prepare("SELECT * FROM duty_leave WHERE id = ?").get(id) as DutyLeaveTable | undefined;
}

/** Deletes a leave row. */
export function deleteLeave(db: Db, id: number): boolean {
  return db.prepare("DELETE FROM duty_leave WHERE id = ?").run(id).changes > 0;
}

/** The top unit (the office): the first unit without a parent, or null when there are no units. */
export function topUnitId(db: Db): number | null {
  return (db.prepare("SELECT id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1").pluck().get() as number | undefined) ?? null;
}

/**
 * Whom escalation reaches after the rota: the unit's enabled leaders (role `leader`), else its
 * administrators, else the administrators without a unit.
 */
export function unitLeaders(db: Db, unitId: number | null): number[] {
  const q = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().all(...args) as number[];
  if (unitId != null) {
    const leaders = q("SELECT id FROM users WHERE role = 'leader' AND unit_id = ? AND disabled = 0 ORDER BY id", unitId);
    if (leaders.length) return leaders;
    const admins = q("SELECT id FROM users WHERE role = 'admin' AND unit_id = ? AND disabled = 0 ORDER BY id", unitId);
    if (admins.length) return admins;
  }
  return q("SELECT id FROM users WHERE role = 'admin' AND unit_id IS NULL AND disabled = 0 ORDER BY id");
}

/** Display names of users by id (enabled or not), for the rota and timeline. */
export function displayNames(db: Db, ids: readonly number[]): Map<number, string> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = db.prepare("SELECT id, display_name FROM users WHERE id IN (SELECT value FROM json_each(?))").all(JSON.stringify(unique)) as { id: number; display_name: string }[];
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Ids among `ids` that are enabled users. */
export function enabledUserIds(db: Db, ids: readonly number[]): number[] {
  return db.prepare("SELECT id FROM users WHERE disabled = 0 AND id IN (SELECT value FROM json_each(?)) ORDER BY id").pluck().all(JSON.stringify(ids)) as number[];
}

/** Enabled people who can be put on the rota (id, name, unit). */
export function listDutyPeople(db: Db): { id: number; name: string; unitId: number | null }[] {
  return db.prepare("SELECT id, display_name AS name, unit_id AS unitId FROM users WHERE disabled = 0 ORDER BY unit_id, id").all() as { id: number; name: string; unitId: number | null }[];
}
