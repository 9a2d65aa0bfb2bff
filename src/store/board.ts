// The public message board: messages, their steps, and spent proof-of-work signatures.
import type { Db } from "../db/connection";
import type { BoardMessagesTable, BoardStepsTable } from "../db/schema";

/** A new message as accepted from the public form. */
export interface NewBoardMessage {
  queryCode: string; category: string; unitId: number | null; title: string; text: string; contactEnc: string | null; anonymous: boolean;
  status: "held" | "accepted"; moderationReason: string | null; dueAt: number | null;
}

/** Inserts a message; returns its id. */
export function insertBoardMessage(db: Db, m: NewBoardMessage, now = Date.now()): number {
  return Number(
    db
      .prepare(
        `INSERT INTO board_messages (query_code, category, unit_id, title, text, contact_enc, anonymous, status, moderation_reason, due_at,
           created_at, accepted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(m.queryCode, m.category, m.unitId, m.title, m.text, m.contactEnc, m.anonymous ? 1 : 0, m.status, m.moderationReason, m.dueAt,
        now, m.status === "accepted" ? now : null, now).lastInsertRowid,
  );
}

/** A message by id. */
export function getBoardMessage(db: Db, id: number): BoardMessagesTable | undefined {
  return db.prepare("SELECT * FROM board_messages WHERE id = ?").get(id) as BoardMessagesTable | undefined;
}

/** A message by its query code. */
export function boardMessageByCode(db: Db, code: string): BoardMessagesTable | undefined {
  return db.prepare("SELECT * FROM board_messages WHERE query_code = ?").get(code) as BoardMessagesTable | undefined;
}

/** Changes some columns of a message (names are the caller's constants, never input). */
export function updateBoardMessage(db: Db, id: number, patch: Partial<Omit<BoardMessagesTable, "id" | "query_code" | "created_at">>, now = Date.now()): void {
  const keys = Object.keys(patch) as (keyof typeof patch)[];
  if (!keys.length) return;
  db.prepare(`UPDATE board_messages SET ${keys.map((k) => `${k} = ?`).join(", ")}, updated_at = ? WHERE id = ?`)
    .run(...keys.map((k) => patch[k] ?? null), now, id);
}

/** Appends a step to a message's history. */
export function insertBoardStep(db: Db, s: { messageId: number; userId: number | null; userName: string; kind: string; text: string | null }, now = Date.now()): void {
  db.prepare("INSERT INTO board_steps (message_id, at, user_id, user_name, kind, text) VALUES (?, ?, ?, ?, ?, ?)")
    .run(s.messageId, now, s.userId, s.userName, s.kind, s.text);
}

/** A message's history, oldest first. */
export function boardSteps(db: Db, messageId: number): BoardStepsTable[] {
  return db.prepare("SELECT * FROM board_steps WHERE message_id = ? ORDER BY id").all(messageId) as BoardStepsTable[];
}

/**
 * Filters of the staff list: `units` limits to those units (null: all); statuses (any of); received in
 * [from, to] and answered in [answeredFrom, answeredTo] (ms, both ends included); as they stood at a moment
 * (by the messages' own times, so a report's past period keeps its figures): `acceptedAt` accepted before it
 * and not rejected before it, `unansweredAt` not answered before it.
 */
export interface BoardListFilter {
  units: readonly number[] | null; statuses?: readonly string[]; from?: number; to?: number; answeredFrom?: number; answeredTo?: number;
  acceptedAt?: number; unansweredAt?: number; limit: number; offset: number;
}

/** Accepted (受理) at moment `?` and not rejected by then: rejection is a step, and accepted_at stays. */
const ACCEPTED_AT = `(accepted_at IS NOT NULL AND accepted_at < ? AND (status <> 'rejected' OR NOT EXISTS (
  SELECT 1 FROM board_steps s WHERE s.message_id = board_messages.id AND s.kind = 'rejected' AND s.at < ?)))`;

/** Messages for the staff list, newest first, with the total matching the filter. */
export function listBoardMessages(db: Db, f: BoardListFilter): { rows: BoardMessagesTable[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.units) {
    const ids = f.units.filter((u) => Number.isInteger(u));
    if (!ids.length) return { rows: [], total: 0 };
    where.push(`unit_id IN (${ids.join(",")})`);
  }
  if (f.statuses?.length) {
    where.push(`status IN (${f.statuses.map(() => "?").join(", ")})`);
    params.push(...f.statuses);
  }
  const bound = (sql: string, v: number | undefined) => {
    if (v === undefined) return;
    where.push(sql);
    params.push(v);
  };
  bound("created_at >= ?", f.from);
  bound("created_at <= ?", f.to);
  bound("answered_at >= ?", f.answeredFrom);
  bound("answered_at <= ?", f.answeredTo);
  if (f.acceptedAt !== undefined) {
    where.push(ACCEPTED_AT);
    params.push(f.acceptedAt, f.acceptedAt);
  }
  bound("(answered_at IS NULL OR answered_at >= ?)", f.unansweredAt);
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const total = db.prepare(`SELECT count(*) FROM board_messages ${clause}`).pluck().get(...params) as number;
  const rows = db.prepare(`SELECT * FROM board_messages ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, f.limit, f.offset) as BoardMessagesTable[];
  return { rows, total };
}

/** Records a spent proof-of-work signature; false when it was spent before (a replay). */
export function spendPow(db: Db, signature: string, expiresAt: number, now = Date.now()): boolean {
  db.prepare("DELETE FROM pow_spent WHERE expires_at < ?").run(now);
  return db.prepare("INSERT INTO pow_spent (signature, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING").run(signature, expiresAt).changes > 0;
}

/** One unit's figures for the public statistics (rates computed by the caller from these counts). */
export interface BoardUnitCounts {
  unit_id: number | null; unit_name: string | null; valid: number; answered: number; due: number; on_time: number; rated: number; satisfied: number;
}

/**
 * Counts per unit of messages created in [from, to): valid (accepted or answered: not held, not
 * rejected), answered, due (answered, or past their deadline at `now`), answered on time, rated,
 * rated satisfied or basically satisfied.
 */
export function boardCounts(db: Db, from: number, to: number, now: number): BoardUnitCounts[] {
  return db
    .prepare(
      `SELECT m.unit_id, u.name AS unit_name,
         count(*) AS valid,
         sum(CASE WHEN m.status = 'answered' THEN 1 ELSE 0 END) AS answered,
         sum(CASE WHEN m.status = 'answered' OR (m.due_at IS NOT NULL AND m.due_at < ?) THEN 1 ELSE 0 END) AS due,
         sum(CASE WHEN m.status = 'answered' AND (m.due_at IS NULL OR m.answered_at <= m.due_at) THEN 1 ELSE 0 END) AS on_time,
         sum(CASE WHEN m.rating IS NOT NULL THEN 1 ELSE 0 END) AS rated,
         sum(CASE WHEN m.rating IN ('satisfied', 'basically') THEN 1 ELSE 0 END) AS satisfied
       FROM board_messages m LEFT JOIN units u ON u.id = m.unit_id
       WHERE m.status IN ('accepted', 'answered') AND m.created_at >= ? AND m.created_at < ?
       GROUP BY m.unit_id, u.name ORDER BY valid DESC, m.unit_id`,
    )
    .all(now, from, to) as BoardUnitCounts[];
}

/** Hours from acceptance to answer of a unit's answered messages created in [from, to) (for the median). */
export function answerHours(db: Db, unitId: number | null, from: number, to: number): number[] {
  return (db
    .prepare(
      `SELECT (answered_at - coalesce(accepted_at, created_at)) / 3600000.0 FROM board_messages
       WHERE status = 'answered' AND ${unitId == null ? "unit_id IS NULL" : "unit_id = ?"} AND created_at >= ? AND created_at < ? ORDER BY 1`,
    )
    .pluck()
    .all(...(unitId == null ? [from, to] : [unitId, from, to])) as number[]);
}
