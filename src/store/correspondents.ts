// Correspondents (通讯员 / 信息员): the roster of each unit, their recognitions (表彰), and what a
// person's record reads from trainings and placements.
import { idList } from "./id-list";
import type { Db } from "../db/connection";

/** correspondents table (0033). */
export interface CorrespondentRow {
  id: number; unit_id: number; user_id: number | null; name: string; position: string; phone: string; kind: string;
  recommended_by: string; duties: string; status: string; joined_on: string | null; created_at: number; updated_at: number;
}

/** A roster entry as written. */
export interface CorrespondentInput {
  unitId: number; userId: number | null; name: string; position: string; phone: string; kind: string;
  recommendedBy: string; duties: string; status: string; joinedOn: string | null;
}

/** recognitions table (0033). */
export interface RecognitionRow { id: number; correspondent_id: number; awarded_on: string; title: string; issuer: string; created_at: number }

/** A placement a person is an author of, with their share. */
export interface PersonPlacementRow { id: number; title: string; outlet_name: string; outlet_level: string; published_on: string; share: number }

/** Roster filters; `units` null means every unit. */
export interface CorrespondentFilter { units: readonly number[] | null; status?: string; kind?: string; q?: string }

/** Inserts a roster entry; returns its id. */
export function insertCorrespondent(db: Db, c: CorrespondentInput, now = Date.now()): number {
  return Number(db.prepare(
    `INSERT INTO correspondents (unit_id, user_id, name, position, phone, kind, recommended_by, duties, status, joined_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.unitId, c.userId, c.name, c.position, c.phone, c.kind, c.recommendedBy, c.duties, c.status, c.joinedOn, now, now).lastInsertRowid);
}

/** Rewrites a roster entry. */
export function updateCorrespondent(db: Db, id: number, c: CorrespondentInput, now = Date.now()): void {
  db.prepare(
    `UPDATE correspondents SET unit_id = ?, user_id = ?, name = ?, position = ?, phone = ?, kind = ?, recommended_by = ?, duties = ?,
       status = ?, joined_on = ?, updated_at = ? WHERE id = ?`,
  ).run(c.unitId, c.userId, c.name, c.position, c.phone, c.kind, c.recommendedBy, c.duties, c.status, c.joinedOn, now, id);
}

/** One roster entry, or undefined. */
export function getCorrespondent(db: Db, id: number): CorrespondentRow | undefined {
  return db.prepare("SELECT * FROM correspondents WHERE id = ?").get(id) as CorrespondentRow | undefined;
}

/** The roster entry of a user account, or undefined. */
export function correspondentOfUser(db: Db, userId: number): CorrespondentRow | undefined {
  return db.prepare("SELECT * FROM correspondents WHERE user_id = ?").get(userId) as CorrespondentRow | undefined;
}

/** Roster entries matching a filter, by unit then name. */
export function listCorrespondents(db: Db, f: CorrespondentFilter): CorrespondentRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.units !== null) {
    const ids = idList(f.units);
    if (!ids) return [];
    where.push(`unit_id IN (${ids})`);
  }
  if (f.status) { where.push("status = ?"); args.push(f.status); }
  if (f.kind) { where.push("kind = ?"); args.push(f.kind); }
  if (f.q) {
    where.push("(name LIKE ? ESCAPE '\\' OR position LIKE ? ESCAPE '\\' OR duties LIKE ? ESCAPE '\\')");
    const like = `%${f.q.replace(/[\\%_]/g, "\\$&")}%`;
    args.push(like, like, like);
  }
  const sql = `SELECT * FROM correspondents ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY unit_id, name, id LIMIT 2000`;
  return db.prepare(sql).all(...args) as CorrespondentRow[];
}

/** Active contributor accounts with a unit (of these units, or all) that have no roster entry yet. */
export function contributorsWithoutEntry(db: Db, units: readonly number[] | null): { id: number; display_name: string; unit_id: number; phone: string | null }[] {
  const ids = units === null ? null : idList(units);
  if (units !== null && !ids) return [];
  return db.prepare(
    `SELECT u.id, u.display_name, u.unit_id, u.phone FROM users u
     WHERE u.role = 'contributor' AND u.disabled = 0 AND u.unit_id IS NOT NULL
       ${ids ? `AND u.unit_id IN (${ids})` : ""}
       AND NOT EXISTS (SELECT 1 FROM correspondents c WHERE c.user_id = u.id)
     ORDER BY u.id`,
  ).all() as { id: number; display_name: string; unit_id: number; phone: string | null }[];
}

/** Recognitions of a person, newest first. */
export function recognitionsOf(db: Db, correspondentId: number): RecognitionRow[] {
  return db.prepare("SELECT * FROM recognitions WHERE correspondent_id = ? ORDER BY awarded_on DESC, id DESC").all(correspondentId) as RecognitionRow[];
}

/** Adds a recognition; returns its id. */
export function insertRecognition(db: Db, correspondentId: number, r: { awardedOn: string; title: string; issuer: string }, now = Date.now()): number {
  return Number(db.prepare("INSERT INTO recognitions (correspondent_id, awarded_on, title, issuer, created_at) VALUES (?, ?, ?, ?, ?)")
    .run(correspondentId, r.awardedOn, r.title, r.issuer, now).lastInsertRowid);
}

/** One recognition, or undefined. */
export function getRecognition(db: Db, id: number): RecognitionRow | undefined {
  return db.prepare("SELECT * FROM recognitions WHERE id = ?").get(id) as RecognitionRow | undefined;
}

/** Deletes a recognition. */
export function deleteRecognition(db: Db, id: number): void {
  db.prepare("DELETE FROM recognitions WHERE id = ?").run(id);
}

/** Placements a person is named an author of (by roster entry), newest first. */
export function placementsOfPerson(db: Db, correspondentId: number): PersonPlacementRow[] {
  return db.prepare(
    `SELECT p.id, p.title, o.name AS outlet_name, o.level AS outlet_level, p.published_on, a.share
     FROM placement_authors a JOIN placements p ON p.id = a.placement_id JOIN outlets o ON o.id = p.outlet_id
     WHERE a.correspondent_id = ? ORDER BY p.published_on DESC, p.id DESC LIMIT 500`,
  ).all(correspondentId) as PersonPlacementRow[];
}
