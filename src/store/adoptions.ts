// 采用 / 批示 recorded against an information report.
import type { Db } from "../db/connection";

/** An adoptions row. */
export interface AdoptionRow {
  id: number; submission_id: number; kind: string; office: string; level: string; on_date: string; text: string; created_by: number | null; created_at: number;
}

/** Inserts an adoption or instruction; returns its id. */
export function insertAdoption(db: Db, a: Omit<AdoptionRow, "id" | "created_at">, now = Date.now()): number {
  return Number(db.prepare("INSERT INTO adoptions (submission_id, kind, office, level, on_date, text, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    .run(a.submission_id, a.kind, a.office, a.level, a.on_date, a.text, a.created_by, now).lastInsertRowid);
}

/** A submission's adoptions and instructions, by date. */
export function listAdoptions(db: Db, submissionId: number): AdoptionRow[] {
  return db.prepare("SELECT * FROM adoptions WHERE submission_id = ? ORDER BY on_date, id").all(submissionId) as AdoptionRow[];
}

/** One adoption of a submission, or undefined. */
export function getAdoption(db: Db, submissionId: number, id: number): AdoptionRow | undefined {
  return db.prepare("SELECT * FROM adoptions WHERE id = ? AND submission_id = ?").get(id, submissionId) as AdoptionRow | undefined;
}

/** Deletes one; true when it existed. */
export function deleteAdoption(db: Db, submissionId: number, id: number): boolean {
  return db.prepare("DELETE FROM adoptions WHERE id = ? AND submission_id = ?").run(id, submissionId).changes > 0;
}
