// Training classes (培训班) and who attended them; a person's training record.
import type { Db } from "../db/connection";
import { idList } from "./id-list";

/** trainings table (0033). */
export interface TrainingRow {
  id: number; held_on: string; topic: string; organiser: string; place: string; hours: number; created_by: number | null; created_at: number;
}

/** A class as written. */
export interface TrainingInput { heldOn: string; topic: string; organiser: string; place: string; hours: number }

/** One attendee: hours null = the class's hours. */
export interface Attendee { correspondentId: number; hours: number | null }

/** A class a person attended, with the hours that count for them. */
export interface AttendedRow { id: number; held_on: string; topic: string; organiser: string; hours: number }

/** Inserts a class; returns its id. */
export function insertTraining(db: Db, t: TrainingInput, by: number | null, now = Date.now()): number {
  return Number(db.prepare("INSERT INTO trainings (held_on, topic, organiser, place, hours, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
    .run(t.heldOn, t.topic, t.organiser, t.place, t.hours, by, now).lastInsertRowid);
}

/** Rewrites a class. */
export function updateTraining(db: Db, id: number, t: TrainingInput): void {
  db.prepare("UPDATE trainings SET held_on = ?, topic = ?, organiser = ?, place = ?, hours = ? WHERE id = ?").run(t.heldOn, t.topic, t.organiser, t.place, t.hours, id);
}

/** Deletes a class (its attendance goes with it). */
export function deleteTraining(db: Db, id: number): void {
  db.prepare("DELETE FROM trainings WHERE id = ?").run(id);
}

/** One class, or undefined. */
export function getTraining(db: Db, id: number): TrainingRow | undefined {
  return db.prepare("SELECT * FROM trainings WHERE id = ?").get(id) as TrainingRow | undefined;
}

/** Classes, newest first. */
export function listTrainings(db: Db): TrainingRow[] {
  return db.prepare("SELECT * FROM trainings ORDER BY held_on DESC, id DESC LIMIT 1000").all() as TrainingRow[];
}

/** Attendees of classes, by class id. */
export function attendeesOf(db: Db, trainingIds: readonly number[]): Map<number, Attendee[]> {
  const out = new Map<number, Attendee[]>();
  const ids = idList(trainingIds);
  if (!ids) return out;
  const rows = db.prepare(`SELECT training_id, correspondent_id, hours FROM training_attendees WHERE training_id IN (${ids}) ORDER BY correspondent_id`)
    .all() as { training_id: number; correspondent_id: number; hours: number | null }[];
  for (const r of rows) {
    const list = out.get(r.training_id) ?? [];
    list.push({ correspondentId: r.correspondent_id, hours: r.hours });
    out.set(r.training_id, list);
  }
  return out;
}

/** Replaces a class's attendees. */
export function setAttendees(db: Db, trainingId: number, attendees: readonly Attendee[]): void {
  db.prepare("DELETE FROM training_attendees WHERE training_id = ?").run(trainingId);
  const ins = db.prepare("INSERT INTO training_attendees (training_id, correspondent_id, hours) VALUES (?, ?, ?)");
  for (const a of attendees) ins.run(trainingId, a.correspondentId, a.hours);
}

/** Classes a person attended, newest first, with the hours that count for them. */
export function trainingRecordOf(db: Db, correspondentId: number): AttendedRow[] {
  return db.prepare(
    `SELECT t.id, t.held_on, t.topic, t.organiser, coalesce(a.hours, t.hours) AS hours
     FROM training_attendees a JOIN trainings t ON t.id = a.training_id
     WHERE a.correspondent_id = ? ORDER BY t.held_on DESC, t.id DESC`,
  ).all(correspondentId) as AttendedRow[];
}

/** Of these ids, the ones that are roster entries. */
export function existingCorrespondents(db: Db, ids: readonly number[]): Set<number> {
  const list = idList(ids);
  if (!list) return new Set();
  return new Set(db.prepare(`SELECT id FROM correspondents WHERE id IN (${list})`).pluck().all() as number[]);
}
