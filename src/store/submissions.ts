// Submissions (稿件报送): the row with its current text, its kept versions, the review trail and its
// attachments (the bytes live in the content-addressed file store of case attachments).
import type { Db } from "../db/connection";

/** A submissions row. */
export interface SubmissionRow {
  id: number; unit_id: number; kind: string; title: string; body: string; event_date: string; outlet_ids: string; state: string;
  step_index: number; steps: string; version: number; author_id: number | null; author_name: string; submitted_at: number | null;
  approved_at: number | null; created_at: number; updated_at: number;
}
/** A kept version. */
export interface VersionRow { submission_id: number; version: number; title: string; body: string; edited_by: number | null; edited_by_name: string; created_at: number }
/** A review trail row. */
export interface ReviewRow {
  id: number; submission_id: number; action: string; step_index: number | null; step_name: string; version: number; comment: string;
  user_id: number | null; user_name: string; at: number;
}
/** An attachment row. */
export interface SubmissionAttachmentRow {
  id: number; submission_id: number; name: string; size: number; sha256: string; mime: string; uploaded_by: number | null; uploaded_by_name: string; at: number;
}

/** A new submission (a draft, version 1). */
export interface NewSubmission {
  unitId: number; kind: string; title: string; body: string; eventDate: string; outletIds: number[]; authorId: number | null; authorName: string;
}

/** Inserts a draft and its version 1; returns its id. Call in a transaction. */
export function insertSubmission(db: Db, s: NewSubmission, now = Date.now()): number {
  const id = Number(db.prepare(
    "INSERT INTO submissions (unit_id, kind, title, body, event_date, outlet_ids, state, author_id, author_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)",
  ).run(s.unitId, s.kind, s.title, s.body, s.eventDate, JSON.stringify(s.outletIds), s.authorId, s.authorName, now, now).lastInsertRowid);
  insertVersion(db, { submissionId: id, version: 1, title: s.title, body: s.body, editedBy: s.authorId, editedByName: s.authorName }, now);
  return id;
}

/** One submission, or undefined. */
export function getSubmission(db: Db, id: number): SubmissionRow | undefined {
  return db.prepare("SELECT * FROM submissions WHERE id = ?").get(id) as SubmissionRow | undefined;
}

/** List filters; `units` null = every unit. */
export interface SubmissionFilter { units: readonly number[] | null; state?: string; unitId?: number; kind?: string; authorId?: number; q?: string; limit: number }

/** Submissions matching the filter, newest change first. */
export function listSubmissions(db: Db, f: SubmissionFilter): SubmissionRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.units) {
    if (!f.units.length) return [];
    where.push(`unit_id IN (${f.units.map(() => "?").join(",")})`);
    args.push(...f.units);
  }
  if (f.state) { where.push("state = ?"); args.push(f.state); }
  if (f.unitId) { where.push("unit_id = ?"); args.push(f.unitId); }
  if (f.kind) { where.push("kind = ?"); args.push(f.kind); }
  if (f.authorId) { where.push("author_id = ?"); args.push(f.authorId); }
  if (f.q) { where.push("(instr(title, ?) > 0 OR instr(body, ?) > 0)"); args.push(f.q, f.q); }
  const sql = `SELECT * FROM submissions ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY updated_at DESC, id DESC LIMIT ?`;
  return db.sqlite.prepare(sql).all(...args, f.limit) as SubmissionRow[];
}

/** Fields a command changes. */
export type SubmissionPatch = Partial<Pick<SubmissionRow, "title" | "body" | "event_date" | "outlet_ids" | "state" | "step_index" | "steps" | "version" | "submitted_at" | "approved_at" | "unit_id" | "kind">>;

/** Updates a submission's fields and its updated_at. Call in a transaction. */
export function updateSubmission(db: Db, id: number, patch: SubmissionPatch, now = Date.now()): void {
  const keys = Object.keys(patch) as (keyof SubmissionPatch)[];
  db.sqlite.prepare(`UPDATE submissions SET ${[...keys.map((k) => `${k} = ?`), "updated_at = ?"].join(", ")} WHERE id = ?`)
    .run(...keys.map((k) => patch[k]), now, id);
}

/** Inserts a kept version. */
export function insertVersion(db: Db, v: { submissionId: number; version: number; title: string; body: string; editedBy: number | null; editedByName: string }, now = Date.now()): void {
  db.prepare("INSERT INTO submission_versions (submission_id, version, title, body, edited_by, edited_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .run(v.submissionId, v.version, v.title, v.body, v.editedBy, v.editedByName, now);
}

/** A submission's versions, oldest first. */
export function listVersions(db: Db, submissionId: number): VersionRow[] {
  return db.prepare("SELECT * FROM submission_versions WHERE submission_id = ? ORDER BY version").all(submissionId) as VersionRow[];
}

/** One version, or undefined. */
export function getVersion(db: Db, submissionId: number, version: number): VersionRow | undefined {
  return db.prepare("SELECT * FROM submission_versions WHERE submission_id = ? AND version = ?").get(submissionId, version) as VersionRow | undefined;
}

/** Appends a review trail row. */
export function insertReview(db: Db, r: Omit<ReviewRow, "id" | "at">, now = Date.now()): number {
  return Number(db.prepare(
    "INSERT INTO submission_reviews (submission_id, action, step_index, step_name, version, comment, user_id, user_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  ).run(r.submission_id, r.action, r.step_index, r.step_name, r.version, r.comment, r.user_id, r.user_name, now).lastInsertRowid);
}

/** A submission's review trail, oldest first. */
export function listReviews(db: Db, submissionId: number): ReviewRow[] {
  return db.prepare("SELECT * FROM submission_reviews WHERE submission_id = ? ORDER BY id").all(submissionId) as ReviewRow[];
}

/** Inserts an attachment row; returns its id. */
export function insertSubmissionAttachment(db: Db, a: Omit<SubmissionAttachmentRow, "id" | "at">, now = Date.now()): number {
  return Number(db.prepare(
    "INSERT INTO submission_attachments (submission_id, name, size, sha256, mime, uploaded_by, uploaded_by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  ).run(a.submission_id, a.name, a.size, a.sha256, a.mime, a.uploaded_by, a.uploaded_by_name, now).lastInsertRowid);
}

/** A submission's attachments, oldest first. */
export function listSubmissionAttachments(db: Db, submissionId: number): SubmissionAttachmentRow[] {
  return db.prepare("SELECT * FROM submission_attachments WHERE submission_id = ? ORDER BY id").all(submissionId) as SubmissionAttachmentRow[];
}

/** One attachment of a submission, or undefined. */
export function getSubmissionAttachment(db: Db, submissionId: number, id: number): SubmissionAttachmentRow | undefined {
  return db.prepare("SELECT * FROM submission_attachments WHERE id = ? AND submission_id = ?").get(id, submissionId) as SubmissionAttachmentRow | undefined;
}

/** Deletes an attachment row (the stored bytes stay: other rows may share them). */
export function deleteSubmissionAttachment(db: Db, submissionId: number, id: number): boolean {
  return db.prepare("DELETE FROM submission_attachments WHERE id = ? AND submission_id = ?").run(id, submissionId).changes > 0;
}

/** Names of outlets by id (those that exist). */
export function outletNamesOf(db: Db, ids: readonly number[]): Map<number, string> {
  if (!ids.length) return new Map();
  const rows = db.sqlite.prepare(`SELECT id, name FROM outlets WHERE id IN (${ids.map(() => "?").join(",")})`).all(...ids) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
