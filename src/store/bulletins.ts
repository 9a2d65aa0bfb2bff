// The internal bulletin (内部信息简报): issues per year numbered at issue (第N期), and their entries
// (approved information reports, in order).
import type { Db } from "../db/connection";

/** A bulletins row. */
export interface BulletinRow {
  id: number; title: string; year: number; seq: number | null; state: string; editor: string; issued_by: number | null; issued_at: number | null;
  forwarded_to: string; created_by: number | null; created_at: number; updated_at: number;
}
/** An entry with its submission's title, text and unit. */
export interface BulletinEntryRow { submission_id: number; position: number; title: string; body: string; unit_id: number; author_name: string }

/** Inserts a draft; returns its id. */
export function insertBulletin(db: Db, b: { title: string; year: number; editor: string; forwardedTo: string; createdBy: number | null }, now = Date.now()): number {
  return Number(db.prepare("INSERT INTO bulletins (title, year, editor, forwarded_to, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .run(b.title, b.year, b.editor, b.forwardedTo, b.createdBy, now, now).lastInsertRowid);
}

/** One bulletin, or undefined. */
export function getBulletin(db: Db, id: number): BulletinRow | undefined {
  return db.prepare("SELECT * FROM bulletins WHERE id = ?").get(id) as BulletinRow | undefined;
}

/** Every bulletin, newest first. */
export function listBulletins(db: Db): BulletinRow[] {
  return db.prepare("SELECT * FROM bulletins ORDER BY year DESC, coalesce(seq, 1e9) DESC, id DESC").all() as BulletinRow[];
}

/** Changes a draft's title, editor or 报送 line. */
export function updateBulletin(db: Db, id: number, p: { title?: string; editor?: string; forwardedTo?: string }, now = Date.now()): void {
  const b = getBulletin(db, id)!;
  db.prepare("UPDATE bulletins SET title = ?, editor = ?, forwarded_to = ?, updated_at = ? WHERE id = ?")
    .run(p.title ?? b.title, p.editor ?? b.editor, p.forwardedTo ?? b.forwarded_to, now, id);
}

/** Deletes a draft with its entries. */
export function deleteBulletin(db: Db, id: number): void {
  db.prepare("DELETE FROM bulletins WHERE id = ?").run(id);
}

/** A bulletin's entries in order. */
export function bulletinEntries(db: Db, id: number): BulletinEntryRow[] {
  return db.prepare(
    "SELECT e.submission_id, e.position, s.title, s.body, s.unit_id, s.author_name FROM bulletin_entries e JOIN submissions s ON s.id = e.submission_id WHERE e.bulletin_id = ? ORDER BY e.position",
  ).all(id) as BulletinEntryRow[];
}

/** Replaces a bulletin's entries with `submissionIds` in that order. */
export function setBulletinEntries(db: Db, id: number, submissionIds: readonly number[]): void {
  db.prepare("DELETE FROM bulletin_entries WHERE bulletin_id = ?").run(id);
  const ins = db.prepare("INSERT INTO bulletin_entries (bulletin_id, submission_id, position) VALUES (?, ?, ?)");
  submissionIds.forEach((s, i) => ins.run(id, s, i + 1));
}

/** Fixes the next number of the year on a draft and marks it issued; returns the number. */
export function issueBulletin(db: Db, id: number, by: number | null, now = Date.now()): number {
  const b = getBulletin(db, id)!;
  const seq = ((db.prepare("SELECT max(seq) AS m FROM bulletins WHERE year = ?").get(b.year) as { m: number | null }).m ?? 0) + 1;
  db.prepare("UPDATE bulletins SET seq = ?, state = 'issued', issued_by = ?, issued_at = ?, updated_at = ? WHERE id = ?").run(seq, by, now, now, id);
  return seq;
}

/** The issued bulletins that carry a submission (as 第N期 labels). */
export function bulletinsOfSubmission(db: Db, submissionId: number): { id: number; year: number; seq: number | null }[] {
  return db.prepare("SELECT b.id, b.year, b.seq FROM bulletin_entries e JOIN bulletins b ON b.id = e.bulletin_id WHERE e.submission_id = ? ORDER BY b.id")
    .all(submissionId) as { id: number; year: number; seq: number | null }[];
}
