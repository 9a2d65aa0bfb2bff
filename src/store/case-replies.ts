// Case replies (回应) and reply templates: the rows only; the commands write them with the case's
// timeline step and the audit row in one transaction.
import type { Db } from "../db/connection";
import type { CaseRepliesTable, ReplyTemplatesTable } from "../db/schema";

/** Inserts a draft reply; returns its id. */
export function insertReply(db: Db, r: { caseId: number; accountId: number; text: string; draftedBy: number }, now = Date.now()): number {
  return Number(
    db
      .prepare("INSERT INTO case_replies (case_id, account_id, text, status, drafted_by, created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?)")
      .run(r.caseId, r.accountId, r.text, r.draftedBy, now, now).lastInsertRowid,
  );
}

/** The fields a reply's steps change. */
export interface ReplyPatch {
  accountId: number; text: string; status: string; reviewedBy: number | null; reviewNote: string | null; publishedUrl: string | null;
  publishedAt: number | null;
}

/** Writes a reply's new state. */
export function updateReply(db: Db, id: number, p: ReplyPatch, now = Date.now()): void {
  db.prepare(
    `UPDATE case_replies SET account_id = ?, text = ?, status = ?, reviewed_by = ?, review_note = ?, published_url = ?, published_at = ?, updated_at = ?
     WHERE id = ?`,
  ).run(p.accountId, p.text, p.status, p.reviewedBy, p.reviewNote, p.publishedUrl, p.publishedAt, now, id);
}

/** One reply, or undefined. */
export function getReply(db: Db, id: number): CaseRepliesTable | undefined {
  return db.prepare("SELECT * FROM case_replies WHERE id = ?").get(id) as CaseRepliesTable | undefined;
}

/** A case's replies, oldest first. */
export function listReplies(db: Db, caseId: number): CaseRepliesTable[] {
  return db.prepare("SELECT * FROM case_replies WHERE case_id = ? ORDER BY id").all(caseId) as CaseRepliesTable[];
}

/** A template as written. */
export interface TemplateInput { category: string; title: string; text: string; unitId: number | null }

/** Inserts a template; returns its id. */
export function insertTemplate(db: Db, t: TemplateInput, now = Date.now()): number {
  return Number(
    db
      .prepare("INSERT INTO reply_templates (category, title, text, unit_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(t.category, t.title, t.text, t.unitId, now, now).lastInsertRowid,
  );
}

/** Rewrites a template. */
export function updateTemplate(db: Db, id: number, t: TemplateInput, now = Date.now()): void {
  db.prepare("UPDATE reply_templates SET category = ?, title = ?, text = ?, unit_id = ?, updated_at = ? WHERE id = ?")
    .run(t.category, t.title, t.text, t.unitId, now, id);
}

/** Deletes a template. */
export function deleteTemplate(db: Db, id: number): void {
  db.prepare("DELETE FROM reply_templates WHERE id = ?").run(id);
}

/** One template, or undefined. */
export function getTemplate(db: Db, id: number): ReplyTemplatesTable | undefined {
  return db.prepare("SELECT * FROM reply_templates WHERE id = ?").get(id) as ReplyTemplatesTable | undefined;
}

/**
 * Templates, by category then title. `units`: only the shared ones (no unit) and those of these units
 * (null: every template); `category`: only that category.
 */
export function listTemplates(db: Db, f: { units: readonly number[] | null; category?: string }): ReplyTemplatesTable[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.units) {
    const ids = f.units.filter((u) => Number.isInteger(u));
    where.push(ids.length ? `(unit_id IS NULL OR unit_id IN (${ids.join(",")}))` : "unit_id IS NULL");
  }
  if (f.category !== undefined) {
    where.push("category = ?");
    params.push(f.category);
  }
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  return db.prepare(`SELECT * FROM reply_templates ${clause} ORDER BY category, title, id`).all(...params) as ReplyTemplatesTable[];
}
