// Roster commands (通讯员队伍): add, edit and sync correspondents from contributor accounts; training
// classes and their attendees; recognitions. Each writes its rows and the audit record in one transaction.
import type { Db } from "../db/connection";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../store/audit";
import { getUnit } from "../store/units";
import { getUser } from "../store/users";
import {
  contributorsWithoutEntry, correspondentOfUser, deleteRecognition, getCorrespondent, getRecognition, insertCorrespondent, insertRecognition,
  updateCorrespondent, type CorrespondentInput, type CorrespondentRow, type RecognitionRow,
} from "../store/correspondents";
import {
  deleteTraining, existingCorrespondents, getTraining, insertTraining, setAttendees, updateTraining, type Attendee, type TrainingInput, type TrainingRow,
} from "../store/trainings";

/** The input of a stored roster entry (to merge a patch onto). */
export const correspondentInputOf = (c: CorrespondentRow): CorrespondentInput => ({
  unitId: c.unit_id, userId: c.user_id, name: c.name, position: c.position, phone: c.phone, kind: c.kind, recommendedBy: c.recommended_by,
  duties: c.duties, status: c.status, joinedOn: c.joined_on,
});

function checkEntry(db: Db, c: CorrespondentInput, selfId: number | null): void {
  if (!getUnit(db, c.unitId)) throw AppError.validation({ unitId: "cases.unknown_unit" });
  if (c.userId != null) {
    if (!getUser(db, c.userId)) throw AppError.validation({ userId: "correspondents.unknown_user" });
    const other = correspondentOfUser(db, c.userId);
    if (other && other.id !== selfId) throw AppError.conflict("correspondents.user_taken", { name: other.name });
  }
}

/** Adds a person to the roster; returns the id. */
export function createCorrespondent(db: Db, actor: Actor, c: CorrespondentInput, ip?: string): number {
  checkEntry(db, c, null);
  return db.tx(() => {
    const id = insertCorrespondent(db, c);
    recordAudit(db, { actor, action: "correspondent.create", targetType: "correspondent", targetId: id, summary: { ...c, phone: c.phone ? "***" : "" }, ip });
    return id;
  });
}

/** Rewrites a roster entry with the fields given. */
export function editCorrespondent(db: Db, actor: Actor, old: CorrespondentRow, patch: Partial<CorrespondentInput>, ip?: string): void {
  const next = { ...correspondentInputOf(old), ...patch };
  checkEntry(db, next, old.id);
  db.tx(() => {
    updateCorrespondent(db, old.id, next);
    // A phone number is personal data: the audit says it changed, not what it is.
    const summary: Record<string, unknown> = { ...patch };
    if ("phone" in summary) summary.phone = "***";
    recordAudit(db, { actor, action: "correspondent.update", targetType: "correspondent", targetId: old.id, summary, ip });
  });
}

/** Adds every active contributor account (of these units, or all) with a unit and no roster entry yet; returns how many. */
export function syncFromAccounts(db: Db, actor: Actor, units: readonly number[] | null, ip?: string): number {
  return db.tx(() => {
    const users = contributorsWithoutEntry(db, units);
    for (const u of users) {
      insertCorrespondent(db, {
        unitId: u.unit_id, userId: u.id, name: u.display_name, position: "", phone: u.phone ?? "", kind: "correspondent", recommendedBy: "",
        duties: "", status: "active", joinedOn: null,
      });
    }
    recordAudit(db, { actor, action: "correspondent.sync", targetType: "correspondent", summary: { units, added: users.map((u) => u.id) }, ip });
    return users.length;
  });
}

/** Records a recognition (表彰) of a person; returns its id. */
export function addRecognition(db: Db, actor: Actor, c: CorrespondentRow, r: { awardedOn: string; title: string; issuer: string }, ip?: string): number {
  return db.tx(() => {
    const id = insertRecognition(db, c.id, r);
    recordAudit(db, { actor, action: "correspondent.recognition_add", targetType: "correspondent", targetId: c.id, summary: { recognitionId: id, ...r }, ip });
    return id;
  });
}

/** Removes a recognition of a person (404 when it is not theirs). */
export function removeRecognition(db: Db, actor: Actor, c: CorrespondentRow, recognitionId: number, ip?: string): RecognitionRow {
  const r = getRecognition(db, recognitionId);
  if (!r || r.correspondent_id !== c.id) throw AppError.notFound("recognition");
  db.tx(() => {
    deleteRecognition(db, r.id);
    recordAudit(db, { actor, action: "correspondent.recognition_remove", targetType: "correspondent", targetId: c.id, summary: { recognitionId: r.id, title: r.title, awardedOn: r.awarded_on }, ip });
  });
  return r;
}

function checkAttendees(db: Db, attendees: readonly Attendee[]): void {
  const ids = attendees.map((a) => a.correspondentId);
  if (new Set(ids).size !== ids.length) throw AppError.validation({ attendees: "trainings.duplicate_attendee" });
  const known = existingCorrespondents(db, ids);
  const unknown = ids.filter((i) => !known.has(i));
  if (unknown.length) throw AppError.validation({ attendees: { code: "trainings.unknown_attendees", params: { ids: unknown.join(", ") } } });
}

/** Adds a training class with its attendees; returns its id. */
export function createTraining(db: Db, actor: Actor, t: TrainingInput, attendees: readonly Attendee[], ip?: string): number {
  checkAttendees(db, attendees);
  return db.tx(() => {
    const id = insertTraining(db, t, actor.id);
    setAttendees(db, id, attendees);
    recordAudit(db, { actor, action: "training.create", targetType: "training", targetId: id, summary: { ...t, attendees }, ip });
    return id;
  });
}

/** Rewrites a class with the fields given, and its attendees when given. */
export function editTraining(db: Db, actor: Actor, old: TrainingRow, patch: Partial<TrainingInput>, attendees: readonly Attendee[] | undefined, ip?: string): void {
  if (attendees) checkAttendees(db, attendees);
  const next: TrainingInput = { heldOn: old.held_on, topic: old.topic, organiser: old.organiser, place: old.place, hours: old.hours, ...patch };
  db.tx(() => {
    updateTraining(db, old.id, next);
    if (attendees) setAttendees(db, old.id, attendees);
    recordAudit(db, { actor, action: "training.update", targetType: "training", targetId: old.id, summary: { ...patch, ...(attendees ? { attendees } : {}) }, ip });
  });
}

/** Replaces a class's attendees. */
export function setTrainingAttendees(db: Db, actor: Actor, t: TrainingRow, attendees: readonly Attendee[], ip?: string): void {
  checkAttendees(db, attendees);
  db.tx(() => {
    setAttendees(db, t.id, attendees);
    recordAudit(db, { actor, action: "training.attendees", targetType: "training", targetId: t.id, summary: { attendees }, ip });
  });
}

/** Deletes a class and its attendance. */
export function removeTraining(db: Db, actor: Actor, t: TrainingRow, ip?: string): void {
  db.tx(() => {
    deleteTraining(db, t.id);
    recordAudit(db, { actor, action: "training.delete", targetType: "training", targetId: t.id, summary: { heldOn: t.held_on, topic: t.topic }, ip });
  });
}

/** A roster entry or 404. */
export function correspondentOr404(db: Db, id: number): CorrespondentRow {
  const c = getCorrespondent(db, id);
  if (!c) throw AppError.notFound("correspondent");
  return c;
}

/** A class or 404. */
export function trainingOr404(db: Db, id: number): TrainingRow {
  const t = getTraining(db, id);
  if (!t) throw AppError.notFound("training");
  return t;
}
