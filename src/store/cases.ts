// Cases and their timelines: a case row, the items it was opened from, and one step row per change
// (written in the caller's transaction with the change it records).
import type { Db } from "../db/connection";
import type { CaseStepsTable, CasesTable } from "../db/schema";
import { OPEN_CASES_AT } from "./case-overdue";

/** A new case. */
export interface NewCase {
  title: string; summary: string; state: string; severity: string | null; category: string | null; unitId: number | null;
  origin: string; eventId: number | null; alertId: number | null; suggestedUnitId: number | null; suggestedBy: string | null;
  feedbackDueAt: number | null; replyDueAt: number | null; createdBy: number | null;
}

/** Inserts a case and links its items; returns its id. */
export function insertCase(db: Db, c: NewCase, itemIds: readonly number[], now = Date.now()): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO cases (title, summary, state, severity, category, unit_id, origin, event_id, alert_id, suggested_unit_id, suggested_by,
           feedback_due_at, reply_due_at, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.title, c.summary, c.state, c.severity, c.category, c.unitId, c.origin, c.eventId, c.alertId, c.suggestedUnitId, c.suggestedBy,
        c.feedbackDueAt, c.replyDueAt, c.createdBy, now, now).lastInsertRowid,
  );
  const link = db.prepare("INSERT INTO case_items (case_id, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
  for (const item of itemIds) link.run(id, item);
  return id;
}

/** One case, or undefined. */
export function getCase(db: Db, id: number): CasesTable | undefined {
  return db.prepare("SELECT * FROM cases WHERE id = ?").get(id) as CasesTable | undefined;
}

/** The fields a step may change on a case. */
export interface CasePatch {
  state: string; severity: string | null; category: string | null; unitId: number | null; coUnitIds: readonly number[];
  feedbackDueAt: number | null; replyDueAt: number | null; overdue: boolean; repliedAt: number | null; closedAt: number | null;
}

/** Writes a case's new state and fields. */
export function updateCase(db: Db, id: number, p: CasePatch, now = Date.now()): void {
  db.prepare(
    `UPDATE cases SET state = ?, severity = ?, category = ?, unit_id = ?, feedback_due_at = ?, reply_due_at = ?, overdue = ?,
       replied_at = ?, closed_at = ?, updated_at = ? WHERE id = ?`,
  ).run(p.state, p.severity, p.category, p.unitId, p.feedbackDueAt, p.replyDueAt, p.overdue ? 1 : 0, p.repliedAt, p.closedAt, now, id);
  db.prepare("DELETE FROM case_co_units WHERE case_id = ?").run(id);
  const add = db.prepare("INSERT INTO case_co_units (case_id, unit_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
  for (const u of p.coUnitIds) add.run(id, u);
}

/** A case's co-handling units. */
export function caseCoUnits(db: Db, caseId: number): number[] {
  return db.prepare("SELECT unit_id FROM case_co_units WHERE case_id = ? ORDER BY unit_id").pluck().all(caseId) as number[];
}

/** A new step on a case's timeline. */
export interface NewCaseStep {
  caseId: number; userId: number | null; userName: string; kind: string; fromState: string | null; toState: string; text: string | null;
  data?: Record<string, unknown>;
}

/** Appends a step to a case's timeline; returns its id. */
export function insertCaseStep(db: Db, s: NewCaseStep, now = Date.now()): number {
  return Number(
    db
      .prepare("INSERT INTO case_steps (case_id, at, user_id, user_name, kind, from_state, to_state, text, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .run(s.caseId, now, s.userId, s.userName, s.kind, s.fromState, s.toState, s.text, JSON.stringify(s.data ?? {})).lastInsertRowid,
  );
}

/** A case's timeline, oldest first. */
export function caseSteps(db: Db, caseId: number): CaseStepsTable[] {
  return db.prepare("SELECT * FROM case_steps WHERE case_id = ? ORDER BY id").all(caseId) as CaseStepsTable[];
}

/** The ids of a case's items. */
export function caseItemIds(db: Db, caseId: number): number[] {
  return db.prepare("SELECT item_id FROM case_items WHERE case_id = ? ORDER BY item_id").pluck().all(caseId) as number[];
}

/**
 * Filters of the case list. `units`: only cases led or co-handled by these units (null: every case). Times are
 * ms since the epoch; `createdFrom`…`closedTo` bound both ends inclusively (as the ledger's from/to do);
 * `overdueAt`: the cases overdue at that moment, as the wall and the digests count them (store/case-overdue.ts).
 */
export interface CaseFilter {
  units: readonly number[] | null; state?: string; open?: boolean; createdFrom?: number; createdTo?: number; closedFrom?: number; closedTo?: number;
  overdueAt?: number; limit: number; offset: number;
}

/** Cases, newest first, with the total matching the filter. */
export function listCases(db: Db, f: CaseFilter): { rows: CasesTable[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.units) {
    // A unit sees the cases it leads and those it co-handles. The ids are integers from the session, inlined.
    const ids = f.units.filter((u) => Number.isInteger(u));
    if (!ids.length) return { rows: [], total: 0 };
    const list = ids.join(",");
    where.push(`(unit_id IN (${list}) OR id IN (SELECT case_id FROM case_co_units WHERE unit_id IN (${list})))`);
  }
  if (f.state) {
    where.push("state = ?");
    params.push(f.state);
  }
  if (f.open !== undefined) where.push(f.open ? "state <> 'closed'" : "state = 'closed'");
  const bound = (column: string, op: ">=" | "<=", v: number | undefined) => {
    if (v === undefined) return;
    where.push(`${column} ${op} ?`);
    params.push(v);
  };
  bound("created_at", ">=", f.createdFrom);
  bound("created_at", "<=", f.createdTo);
  if (f.closedFrom !== undefined || f.closedTo !== undefined) {
    // Closed in the period as the digests count it (store/report-data.ts casesClosedIn): by its closed time or
    // by a closing step, so a case closed then and reopened since is still listed.
    const from = f.closedFrom ?? Number.MIN_SAFE_INTEGER;
    const to = f.closedTo ?? Number.MAX_SAFE_INTEGER;
    where.push(`((closed_at >= ? AND closed_at <= ?) OR EXISTS (
      SELECT 1 FROM case_steps s WHERE s.case_id = cases.id AND s.kind = 'close' AND s.at >= ? AND s.at <= ?))`);
    params.push(from, to, from, to);
  }
  // Overdue at a moment: the one rule the wall and the digests count by (store/case-overdue.ts).
  const overdue = f.overdueAt !== undefined;
  if (overdue) where.push("id IN (SELECT id FROM open_at WHERE overdue_at = 1)");
  const named = overdue ? [{ at: f.overdueAt }] : [];
  const head = overdue ? OPEN_CASES_AT : "";
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const total = db.prepare(`${head} SELECT count(*) FROM cases ${clause}`).pluck().get(...params, ...named) as number;
  const rows = db.prepare(`${head} SELECT * FROM cases ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, f.limit, f.offset, ...named) as CasesTable[];
  return { rows, total };
}
