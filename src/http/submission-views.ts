// What the submission routes send: the visible submission (404 otherwise), its summary for lists and
// its full view with versions, the review trail, the waiting step and what the caller may do.
import type { Db } from "../db/connection";
import { can, type Principal } from "../accounts/policies";
import { AppError } from "../errors";
import { getSubmission, listReviews, listSubmissionAttachments, listVersions, outletNamesOf, type SubmissionRow } from "../store/submissions";
import { listAdoptions } from "../store/adoptions";
import { bulletinsOfSubmission } from "../store/bulletins";
import { submitWorkingDays } from "../store/review-flows";
import { unitNames } from "../store/units";
import { availableActions, editable, mayDecide, waitingStep } from "../publicity/review";
import { subjectOf } from "../publicity/submissions";
import { timeliness } from "../publicity/timeliness";
import type { WorkingCalendar } from "../shared/working-calendar";
import { iso } from "../shared/iso";
import { bulletinNumber } from "../publicity/bulletin";

/** The submission if `p` may see it, else 404. */
export function visibleSubmission(db: Db, p: Principal, id: number): SubmissionRow {
  const s = getSubmission(db, id);
  if (!s || !can(p, "publicity.read", { unitId: s.unit_id })) throw AppError.notFound("submission");
  return s;
}

/** Whether `p` acts as the author: the author, or an office writer. */
export const isAuthorOrOffice = (p: Principal, s: SubmissionRow): boolean => s.author_id === p.id || can(p, "publicity.manage");

/** A submission in lists. */
export function summaryOf(s: SubmissionRow, names: Map<number, string>, cal: WorkingCalendar, limitDays: number, now = Date.now()) {
  const subject = subjectOf(s);
  const step = waitingStep(subject);
  return {
    id: s.id, kind: s.kind, title: s.title, state: s.state, unitId: s.unit_id, unitName: names.get(s.unit_id) ?? "", eventDate: s.event_date,
    authorId: s.author_id, authorName: s.author_name, version: s.version, stepIndex: s.step_index, waitingStep: step?.name ?? null,
    submittedAt: iso(s.submitted_at), approvedAt: iso(s.approved_at), createdAt: iso(s.created_at)!, updatedAt: iso(s.updated_at)!,
    timeliness: (({ dueAt, ...t }) => ({ ...t, dueAt: iso(dueAt)! }))(timeliness(cal, { eventDate: s.event_date, submittedAt: s.submitted_at, approvedAt: s.approved_at, state: s.state }, limitDays, now)),
  };
}

/** A submission with everything its page shows. */
export function fullViewOf(db: Db, p: Principal, s: SubmissionRow, cal: WorkingCalendar) {
  const subject = subjectOf(s);
  const outletIds = JSON.parse(s.outlet_ids) as number[];
  const outletNames = outletNamesOf(db, outletIds);
  return {
    ...summaryOf(s, unitNames(db), cal, submitWorkingDays(db)),
    body: s.body, outletIds, outlets: outletIds.map((id) => ({ id, name: outletNames.get(id) ?? `#${id}` })),
    steps: subject.steps, canDecide: mayDecide(p, subject), actions: availableActions(p, subject, isAuthorOrOffice(p, s)),
    canEdit: isAuthorOrOffice(p, s) && editable(subject.state),
    versions: listVersions(db, s.id).map((v) => ({ version: v.version, title: v.title, body: v.body, editedByName: v.edited_by_name, at: iso(v.created_at)! })),
    trail: listReviews(db, s.id).map((r) => ({
      id: r.id, action: r.action, stepIndex: r.step_index, stepName: r.step_name, version: r.version, comment: r.comment, userName: r.user_name, at: iso(r.at)!,
    })),
    attachments: listSubmissionAttachments(db, s.id).map((a) => ({ id: a.id, name: a.name, size: a.size, mime: a.mime, uploadedByName: a.uploaded_by_name, at: iso(a.at)! })),
    adoptions: listAdoptions(db, s.id).map(adoptionView),
    bulletins: bulletinsOfSubmission(db, s.id).map((b) => ({ id: b.id, label: bulletinNumber(b.year, b.seq) })),
  };
}

/** An adoption as sent. */
export const adoptionView = (a: { id: number; kind: string; office: string; level: string; on_date: string; text: string; created_at: number }) => ({
  id: a.id, kind: a.kind, office: a.office, level: a.level, onDate: a.on_date, text: a.text, createdAt: iso(a.created_at)!,
});
