// Case attachments: one row per upload (name, size, sha256, type, who and when); the bytes live in
// the content-addressed file store (src/cases/attachments.ts).
import type { Db } from "../db/connection";
import type { CaseAttachmentsTable } from "../db/schema";

/** A new attachment row. */
export interface NewCaseAttachment {
  caseId: number; name: string; size: number; sha256: string; mime: string; uploadedBy: number | null; uploadedByName: string;
}

/** Inserts an attachment row; returns its id. Call in the transaction that writes its timeline step. */
export function insertCaseAttachment(db: Db, a: NewCaseAttachment, now = Date.now()): number {
  return Number(
    db
      .prepare("INSERT INTO case_attachments (case_id, name, size, sha256, mime, uploaded_by, uploaded_by_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(a.caseId, a.name, a.size, a.sha256, a.mime, a.uploadedBy, a.uploadedByName, now).lastInsertRowid,
  );
}

/** A case's attachments, oldest first. */
export function listCaseAttachments(db: Db, caseId: number): CaseAttachmentsTable[] {
  return db.prepare("SELECT * FROM case_attachments WHERE case_id = ? ORDER BY id").all(caseId) as CaseAttachmentsTable[];
}

/** One attachment of a case, or undefined (an attachment of another case is not found). */
export function getCaseAttachment(db: Db, caseId: number, id: number): CaseAttachmentsTable | undefined {
  return db.prepare("SELECT * FROM case_attachments WHERE id = ? AND case_id = ?").get(id, caseId) as CaseAttachmentsTable | undefined;
}
