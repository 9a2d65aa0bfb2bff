// Submission commands: create a draft, edit it (a new kept version when the title or text changes),
// submit, approve, return, withdraw. Each writes its review trail row and its audit row in one transaction.
import type { Db } from "../db/connection";
import type { Principal } from "../accounts/policies";
import { recordAudit, type Actor } from "../store/audit";
import {
  deleteSubmissionAttachment, getSubmission, getSubmissionAttachment, insertReview, insertSubmission, insertSubmissionAttachment, insertVersion, updateSubmission,
  type NewSubmission, type SubmissionPatch, type SubmissionRow,
} from "../store/submissions";
import { cleanFileName, storeBlob } from "../cases/attachments";
import { checkAttachment } from "../cases/attachment-types";
import { flowStepsFor } from "../store/review-flows";
import type { ReviewStep, SubmissionState } from "../shared/publicity-types";
import { decide, editable, type ReviewAction, type ReviewSubject } from "./review";

/** The review rules' view of a row. */
export function subjectOf(s: SubmissionRow): ReviewSubject {
  return { state: s.state as SubmissionState, stepIndex: s.step_index, steps: JSON.parse(s.steps) as ReviewStep[], unitId: s.unit_id, authorId: s.author_id };
}

/** A command's outcome. */
export type CommandResult = { ok: true; row: SubmissionRow } | { ok: false; code: string };

/** Creates a draft (version 1); returns its id. */
export function createSubmission(db: Db, s: NewSubmission, actor: Actor, ip: string | null, now = Date.now()): number {
  return db.tx(() => {
    const id = insertSubmission(db, s, now);
    recordAudit(db, { actor, action: "submission.create", targetType: "submission", targetId: id, summary: { title: s.title, kind: s.kind, unitId: s.unitId }, ip }, now);
    return id;
  });
}

/** Changes a draft or returned submission; a changed title or text becomes a new version. */
export function editSubmission(
  db: Db, id: number, e: { title?: string; body?: string; eventDate?: string; outletIds?: number[]; kind?: string }, actor: Actor, ip: string | null, now = Date.now(),
): CommandResult {
  return db.tx((): CommandResult => {
    const s = getSubmission(db, id);
    if (!s) return { ok: false, code: "not_found" };
    if (!editable(s.state as SubmissionState)) return { ok: false, code: "publicity.not_editable" };
    const patch: SubmissionPatch = {};
    const title = e.title ?? s.title, body = e.body ?? s.body;
    const textChanged = title !== s.title || body !== s.body;
    if (textChanged) {
      patch.title = title;
      patch.body = body;
      patch.version = s.version + 1;
      insertVersion(db, { submissionId: id, version: s.version + 1, title, body, editedBy: actor.id, editedByName: actor.username }, now);
    }
    if (e.eventDate !== undefined) patch.event_date = e.eventDate;
    if (e.outletIds !== undefined) patch.outlet_ids = JSON.stringify(e.outletIds);
    if (e.kind !== undefined) patch.kind = e.kind;
    if (!Object.keys(patch).length) return { ok: true, row: s };
    updateSubmission(db, id, patch, now);
    recordAudit(db, { actor, action: "submission.edit", targetType: "submission", targetId: id, summary: { fields: Object.keys(patch), version: patch.version ?? s.version }, ip }, now);
    return { ok: true, row: getSubmission(db, id)! };
  });
}

/** Takes a review action (submit fixes the flow's steps on the submission and restarts at the first). */
export function reviewSubmission(db: Db, p: Principal, id: number, action: ReviewAction, comment: string, ip: string | null, now = Date.now()): CommandResult {
  const actor: Actor = { id: p.id, username: p.username, role: p.role, unitId: p.unitId };
  return db.tx((): CommandResult => {
    const s = getSubmission(db, id);
    if (!s) return { ok: false, code: "not_found" };
    const subject = subjectOf(s);
    const steps = action === "submit" ? flowStepsFor(db, s.unit_id) : subject.steps;
    const out = decide(p, { ...subject, steps }, action, comment);
    if (!out.ok) return out;
    const decided = action === "approve" || action === "return" ? steps[s.step_index] : undefined;
    const patch: SubmissionPatch = { state: out.state, step_index: out.stepIndex };
    if (action === "submit") {
      patch.steps = JSON.stringify(steps);
      if (s.submitted_at == null) patch.submitted_at = now;
    }
    if (out.approved) patch.approved_at = now;
    updateSubmission(db, id, patch, now);
    insertReview(db, {
      submission_id: id, action, step_index: decided ? s.step_index : null, step_name: decided?.name ?? "", version: s.version, comment: comment.trim(),
      user_id: p.id, user_name: p.username,
    }, now);
    recordAudit(db, {
      actor, action: `submission.${action}`, targetType: "submission", targetId: id,
      summary: { from: s.state, to: out.state, step: decided?.name ?? null, version: s.version, ...(comment.trim() ? { comment: comment.trim().slice(0, 200) } : {}) }, ip,
    }, now);
    return { ok: true, row: getSubmission(db, id)! };
  });
}

/** Kinds a submission may carry: images, Word (DOCX) and PDF. */
const SUBMISSION_FILE_KINDS = new Set(["pdf", "docx", "jpg", "png", "gif", "webp"]);

/** Checks and stores a file and records it on the submission (row and audit in one transaction). */
export function attachToSubmission(
  db: Db, dataDir: string, id: number, rawName: string, bytes: Buffer, actor: Actor, ip: string | null, now = Date.now(),
): { ok: true; id: number } | { ok: false; code: string } {
  const name = cleanFileName(rawName);
  if (!name || name.startsWith(".")) return { ok: false, code: "attachments.bad_name" };
  if (!bytes.length) return { ok: false, code: "attachments.empty" };
  const type = checkAttachment(name, bytes);
  if (!type || !SUBMISSION_FILE_KINDS.has(type.kind)) return { ok: false, code: "attachments.type_refused" };
  const sha256 = storeBlob(dataDir, bytes);
  return db.tx(() => {
    if (!getSubmission(db, id)) return { ok: false as const, code: "not_found" };
    const aid = insertSubmissionAttachment(db, { submission_id: id, name, size: bytes.length, sha256, mime: type.mime, uploaded_by: actor.id, uploaded_by_name: actor.username }, now);
    recordAudit(db, { actor, action: "submission.attachment", targetType: "submission", targetId: id, summary: { attachmentId: aid, name, size: bytes.length, sha256 }, ip }, now);
    return { ok: true as const, id: aid };
  });
}

/** Removes an attachment row (audited); false when there is none. */
export function detachFromSubmission(db: Db, id: number, attachmentId: number, actor: Actor, ip: string | null, now = Date.now()): boolean {
  return db.tx(() => {
    const a = getSubmissionAttachment(db, id, attachmentId);
    if (!a || !deleteSubmissionAttachment(db, id, attachmentId)) return false;
    recordAudit(db, { actor, action: "submission.attachment_delete", targetType: "submission", targetId: id, summary: { attachmentId, name: a.name }, ip }, now);
    return true;
  });
}
