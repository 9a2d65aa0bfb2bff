// Interview request commands: register a request and take the office's actions on it (approve, decline,
// schedule, done, cancel, link the published piece). Each writes the request and its audit record in one transaction.
import type { Db } from "../db/connection";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../store/audit";
import { getUnit } from "../store/units";
import {
  getInterview, insertInterview, outletName, placementForLink, setPlacementInterview, updateInterview, type InterviewInput, type InterviewRow,
} from "../store/interviews";
import { applyInterviewAction, type InterviewActionInput, type InterviewState } from "./interviews";
import { createPlacement, type PlacementInput } from "./placements";

/** A request as asked to be registered: an outlet on file, or only its name. */
export type NewInterview = Omit<InterviewInput, "outletName"> & { outletName?: string };

/** Registers a request; returns its id. */
export function registerInterview(db: Db, actor: Actor, i: NewInterview, ip?: string): number {
  if (!getUnit(db, i.unitId)) throw AppError.validation({ unitId: "cases.unknown_unit" });
  let name = i.outletName?.trim() ?? "";
  if (i.outletId != null) {
    const known = outletName(db, i.outletId);
    if (known === undefined) throw AppError.validation({ outletId: "interviews.unknown_outlet" });
    name = known;
  }
  if (!name) throw AppError.validation({ outletName: "field.required" });
  const input: InterviewInput = { ...i, outletName: name };
  return db.tx(() => {
    const id = insertInterview(db, input, actor.id);
    recordAudit(db, { actor, action: "interview.create", targetType: "interview_request", targetId: id, summary: { unitId: i.unitId, outletName: name, topic: i.topic }, ip });
    return id;
  });
}

/** A request or 404. */
export function interviewOr404(db: Db, id: number): InterviewRow {
  const i = getInterview(db, id);
  if (!i) throw AppError.notFound("interview request");
  return i;
}

/**
 * Registers the piece an interview led to as a placement (interviewId set; the unit defaults to the request's)
 * and links it, the request becoming done, all in one transaction; returns the placement's id and points.
 */
export function placeFromInterview(
  db: Db, actor: Actor, id: number, input: Omit<PlacementInput, "interviewId" | "unitId"> & { unitId?: number },
  opts: { timeZone?: string; ip?: string } = {}, now = Date.now(),
): { id: number; points: number } {
  const cur = interviewOr404(db, id);
  // The state first: a request that cannot take a placement is refused before the placement's fields are checked.
  const allowed = applyInterviewAction(cur.state as InterviewState, { action: "link", placementId: 0 });
  if (!allowed.ok) throw AppError.conflict("interviews.bad_state", { state: { code: `interviews.state.${cur.state}` } });
  return db.tx(() => {
    const saved = createPlacement(db, actor, { ...input, unitId: input.unitId ?? cur.unit_id, interviewId: id }, now, { timeZone: opts.timeZone, ip: opts.ip });
    actOnInterview(db, actor, id, { action: "link", placementId: saved.id }, opts.ip, now);
    return { id: saved.id, points: saved.points };
  });
}

/** Takes an action on a request: 400 for a missing field, 409 when its state does not allow it. */
export function actOnInterview(db: Db, actor: Actor, id: number, a: InterviewActionInput, ip?: string, now = Date.now()): void {
  db.tx(() => {
    const cur = interviewOr404(db, id);
    const res = applyInterviewAction(cur.state as InterviewState, a);
    if (!res.ok) {
      if (res.refusal.kind === "field") throw AppError.validation({ [res.refusal.field]: "field.required" });
      throw AppError.conflict("interviews.bad_state", { state: { code: `interviews.state.${cur.state}` } });
    }
    if (a.action === "link") {
      const p = placementForLink(db, a.placementId!);
      if (!p) throw AppError.validation({ placementId: "interviews.unknown_placement" });
      if (p.interview_id != null && p.interview_id !== id) throw AppError.conflict("interviews.placement_taken");
      // Linking another piece instead: the one linked before no longer follows this request.
      if (cur.placement_id != null && cur.placement_id !== p.id) setPlacementInterview(db, cur.placement_id, null);
      setPlacementInterview(db, p.id, id);
    }
    const c = res.change;
    updateInterview(db, id, {
      state: c.state, decisionReason: c.decisionReason, decidedBy: c.decided ? actor.id : undefined, decidedAt: c.decided ? now : undefined,
      scheduledAt: c.scheduledAt, place: c.place, accompaniedBy: c.accompaniedBy, cancelReason: c.cancelReason, placementId: c.placementId,
    }, now);
    recordAudit(db, {
      actor, action: `interview.${a.action}`, targetType: "interview_request", targetId: id,
      summary: { from: cur.state, to: c.state, ...(a.reason ? { reason: a.reason } : {}), ...(c.scheduledAt ? { scheduledAt: c.scheduledAt, place: c.place, accompaniedBy: c.accompaniedBy } : {}), ...(c.placementId ? { placementId: c.placementId } : {}) },
      ip,
    }, now);
  });
}
