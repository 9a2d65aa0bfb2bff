// Interview requests (采访申请) from outside media, and their link to the published piece (a placement).
import { idList } from "./id-list";
import type { Db } from "../db/connection";

/** interview_requests table (0033, cancel_reason 0036). */
export interface InterviewRow {
  id: number; unit_id: number; outlet_id: number | null; outlet_name: string; reporter: string; press_card: string; contact: string;
  topic: string; requested_for: number | null; people_asked: string; state: string; decision_reason: string; decided_by: number | null;
  decided_at: number | null; scheduled_at: number | null; place: string; accompanied_by: string; placement_id: number | null;
  cancel_reason: string; created_by: number | null; created_at: number; updated_at: number;
}

/** A request as registered. */
export interface InterviewInput {
  unitId: number; outletId: number | null; outletName: string; reporter: string; pressCard: string; contact: string;
  topic: string; requestedFor: number | null; peopleAsked: string;
}

/** What a step writes (fields left out keep their value). */
export interface InterviewUpdate {
  state: string; decisionReason?: string; decidedBy?: number; decidedAt?: number; scheduledAt?: number; place?: string;
  accompaniedBy?: string; cancelReason?: string; placementId?: number;
}

/** Request filters; `units` null means every unit. */
export interface InterviewFilter { units: readonly number[] | null; state?: string; from?: number; to?: number }

/** Registers a request (state requested); returns its id. */
export function insertInterview(db: Db, i: InterviewInput, by: number | null, now = Date.now()): number {
  return Number(db.prepare(
    `INSERT INTO interview_requests (unit_id, outlet_id, outlet_name, reporter, press_card, contact, topic, requested_for, people_asked, state,
       created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'requested', ?, ?, ?)`,
  ).run(i.unitId, i.outletId, i.outletName, i.reporter, i.pressCard, i.contact, i.topic, i.requestedFor, i.peopleAsked, by, now, now).lastInsertRowid);
}

/** Writes a step's change. */
export function updateInterview(db: Db, id: number, u: InterviewUpdate, now = Date.now()): void {
  const sets: string[] = ["state = ?", "updated_at = ?"];
  const args: unknown[] = [u.state, now];
  const put = (col: string, v: unknown) => { if (v !== undefined) { sets.push(`${col} = ?`); args.push(v); } };
  put("decision_reason", u.decisionReason);
  put("decided_by", u.decidedBy);
  put("decided_at", u.decidedAt);
  put("scheduled_at", u.scheduledAt);
  put("place", u.place);
  put("accompanied_by", u.accompaniedBy);
  put("cancel_reason", u.cancelReason);
  put("placement_id", u.placementId);
  db.prepare(`UPDATE interview_requests SET ${sets.join(", ")} WHERE id = ?`).run(...args, id);
}

/** One request, or undefined. */
export function getInterview(db: Db, id: number): InterviewRow | undefined {
  return db.prepare("SELECT * FROM interview_requests WHERE id = ?").get(id) as InterviewRow | undefined;
}

/** Requests matching a filter, newest first (from/to bound the moment asked for, else the registration). */
export function listInterviews(db: Db, f: InterviewFilter): InterviewRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.units !== null) {
    const ids = idList(f.units);
    if (!ids) return [];
    where.push(`unit_id IN (${ids})`);
  }
  if (f.state) { where.push("state = ?"); args.push(f.state); }
  if (f.from !== undefined) { where.push("coalesce(requested_for, created_at) >= ?"); args.push(f.from); }
  if (f.to !== undefined) { where.push("coalesce(requested_for, created_at) <= ?"); args.push(f.to); }
  return db.prepare(`SELECT * FROM interview_requests ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at DESC, id DESC LIMIT 1000`)
    .all(...args) as InterviewRow[];
}

/** A placement's title and date with the interview it already follows, or undefined. */
export function placementForLink(db: Db, id: number): { id: number; title: string; published_on: string; interview_id: number | null } | undefined {
  return db.prepare("SELECT id, title, published_on, interview_id FROM placements WHERE id = ?").get(id) as
    { id: number; title: string; published_on: string; interview_id: number | null } | undefined;
}

/** Marks a placement as the piece an interview led to (null: no longer). */
export function setPlacementInterview(db: Db, placementId: number, interviewId: number | null): void {
  db.prepare("UPDATE placements SET interview_id = ? WHERE id = ?").run(interviewId, placementId);
}

/** Titles of placements by id. */
export function placementTitles(db: Db, ids: readonly number[]): Map<number, string> {
  const list = idList(ids);
  if (!list) return new Map();
  const rows = db.prepare(`SELECT id, title FROM placements WHERE id IN (${list})`).all() as { id: number; title: string }[];
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** The outlet's name, or undefined when there is no such outlet. */
export function outletName(db: Db, id: number): string | undefined {
  return db.prepare("SELECT name FROM outlets WHERE id = ?").pluck().get(id) as string | undefined;
}
