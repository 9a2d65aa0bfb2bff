// /api/duty: the weekly rota of a unit (值班), its edits (assignments, swaps, leave) and who is on duty now.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { recordAudit } from "../../store/audit";
import { getUnit } from "../../store/units";
import {
  deleteLeave, displayNames, enabledUserIds, getLeave, insertLeave, insertSwap, listDutyPeople, listLeave, listSwaps, replaceShift, setDutySettings, topUnitId,
} from "../../store/duty";
import { addDays, clockText, localReading, parseClockText, onLeave, plannedFor, slotAt, weekDates, weekStart, type Shift } from "../../duty/rota";
import { loadRota, onDutyNow, shiftTimesOf } from "../../duty/on-duty";
import type { Db } from "../../db/connection";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { assignmentsBody, dutyNowView, leaveBody, rotaQuery, rotaView, swapBody } from "../duty-schemas";

/** The unit asked for, or the top unit; 400 when there is none. */
function unitOf(db: Db, unitId: number | undefined): number {
  if (unitId != null) {
    if (!getUnit(db, unitId)) throw AppError.validation({ unitId: "duty.unknown_unit" });
    return unitId;
  }
  const top = topUnitId(db);
  if (top == null) throw AppError.validation({ unitId: "duty.no_unit" });
  return top;
}

function requireUsers(db: Db, ids: readonly number[], field: string): void {
  const ok = new Set(enabledUserIds(db, ids));
  const missing = [...new Set(ids)].filter((id) => !ok.has(id));
  if (missing.length) throw AppError.validation({ [field]: { code: "duty.unknown_user", params: { ids: missing.join(", ") } } });
}

function rotaOf(db: Db, unitId: number, monday: string): z.infer<typeof rotaView> {
  const dates = weekDates(monday);
  const rota = loadRota(db, unitId, monday, dates[6]);
  const times = shiftTimesOf(db, unitId);
  const swaps = listSwaps(db, unitId, monday, dates[6]);
  const leave = listLeave(db, monday, dates[6]);
  const names = displayNames(db, [...rota.assignments.map((a) => a.userId), ...swaps.flatMap((s) => [s.from_user_id, s.to_user_id]), ...leave.map((l) => l.user_id)]);
  const nameOf = (id: number) => names.get(id) ?? `#${id}`;
  const people = (date: string, shift: Shift) =>
    plannedFor(rota, { date, shift }).map((p) => ({
      userId: p.userId, name: nameOf(p.userId), position: p.position, standsInFor: p.standsInFor,
      standsInForName: p.standsInFor == null ? null : nameOf(p.standsInFor), onLeave: onLeave(rota.leave, p.userId, date),
    }));
  return {
    unitId, weekStart: monday, dayStart: clockText(times.dayStart), nightStart: clockText(times.nightStart),
    days: dates.map((date) => ({ date, day: people(date, "day"), night: people(date, "night") })),
    swaps: swaps.map((s) => ({
      id: s.id, date: s.date, shift: s.shift as Shift, fromUserId: s.from_user_id, toUserId: s.to_user_id, note: s.note,
      createdBy: s.created_by, createdAt: new Date(s.created_at).toISOString(),
    })),
    leave: leave.map((l) => ({ id: l.id, userId: l.user_id, name: nameOf(l.user_id), startDate: l.start_date, endDate: l.end_date, note: l.note })),
  };
}

/** Duty rota routes. */
export async function dutyRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get("/api/duty/rota", {
    schema: { tags: ["duty"], summary: "A unit's rota for the week containing `week` (default this week)", querystring: rotaQuery, response: { 200: rotaView, 400: errorBody } },
  }, async (req) => {
    authorize(req, "duty.read");
    const unitId = unitOf(db, req.query.unitId);
    // This week is the week of the shift on duty now: before the day shift on a Monday, Sunday's night
    // shift is still on, and the page must show it (with who is on duty now).
    const now = localReading(Date.now());
    const current = slotAt(shiftTimesOf(db, unitId), now.date, now.minute).date;
    return rotaOf(db, unitId, weekStart(req.query.week ?? current));
  });

  r.put("/api/duty/assignments", {
    schema: { tags: ["duty"], summary: "Replaces the people of the given shifts; optionally sets the shift times", body: assignmentsBody, response: { 200: z.object({ updated: z.number() }), 400: errorBody } },
  }, async (req) => {
    const p = authorize(req, "duty.write");
    const b = req.body;
    const unitId = unitOf(db, b.unitId);
    requireUsers(db, b.shifts.flatMap((s) => s.userIds), "shifts");
    const times = shiftTimesOf(db, unitId);
    const dayStart = b.dayStart != null ? parseClockText(b.dayStart)! : times.dayStart;
    const nightStart = b.nightStart != null ? parseClockText(b.nightStart)! : times.nightStart;
    if (dayStart >= nightStart) throw AppError.validation({ nightStart: "duty.bad_times" });
    db.tx(() => {
      if (b.dayStart != null || b.nightStart != null) setDutySettings(db, unitId, clockText(dayStart), clockText(nightStart));
      for (const s of b.shifts) replaceShift(db, unitId, s.date, s.shift, [...new Set(s.userIds)]);
      recordAudit(db, { actor: actorOf(p), action: "duty.assign", targetType: "unit", targetId: unitId, summary: { dayStart: b.dayStart, nightStart: b.nightStart, shifts: b.shifts }, ip: req.ip });
    });
    return { updated: b.shifts.length };
  });

  r.post("/api/duty/swaps", {
    schema: { tags: ["duty"], summary: "换班: gives one person's place in a shift to another", body: swapBody, response: { 201: z.object({ id: z.number() }), 400: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "duty.write");
    const b = req.body;
    const unitId = unitOf(db, b.unitId);
    if (b.fromUserId === b.toUserId) throw AppError.validation({ toUserId: "duty.same_person" });
    requireUsers(db, [b.toUserId], "toUserId");
    const id = db.tx(() => {
      const planned = plannedFor(loadRota(db, unitId, b.date, b.date), { date: b.date, shift: b.shift });
      if (!planned.some((x) => x.userId === b.fromUserId)) throw AppError.validation({ fromUserId: "duty.not_on_shift" });
      const id = insertSwap(db, { ...b, unitId }, p.id);
      recordAudit(db, { actor: actorOf(p), action: "duty.swap", targetType: "unit", targetId: unitId, summary: { ...b, swapId: id }, ip: req.ip });
      return id;
    });
    return reply.code(201).send({ id });
  });

  r.post("/api/duty/leave", {
    schema: { tags: ["duty"], summary: "Records leave: the person is skipped on those dates", body: leaveBody, response: { 201: z.object({ id: z.number() }), 400: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "duty.write");
    const b = req.body;
    if (b.endDate < b.startDate || addDays(b.startDate, 366) < b.endDate) throw AppError.validation({ endDate: "duty.date_order" });
    requireUsers(db, [b.userId], "userId");
    const id = db.tx(() => {
      const id = insertLeave(db, b, p.id);
      recordAudit(db, { actor: actorOf(p), action: "duty.leave", targetType: "user", targetId: b.userId, summary: { ...b, leaveId: id }, ip: req.ip });
      return id;
    });
    return reply.code(201).send({ id });
  });

  r.delete("/api/duty/leave/:id", {
    schema: { tags: ["duty"], params: idParams, response: { 204: z.null(), 404: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "duty.write");
    db.tx(() => {
      const old = getLeave(db, req.params.id);
      if (!old) throw AppError.notFound("leave");
      deleteLeave(db, old.id);
      recordAudit(db, { actor: actorOf(p), action: "duty.leave_delete", targetType: "user", targetId: old.user_id, summary: { startDate: old.start_date, endDate: old.end_date }, ip: req.ip });
    });
    return reply.code(204).send(null);
  });

  r.get("/api/duty/people", {
    schema: { tags: ["duty"], summary: "People who can be put on the rota (for those who plan it)", response: { 200: z.object({ people: z.array(z.object({ id: z.number(), name: z.string(), unitId: z.number().nullable() })) }) } },
  }, async (req) => {
    authorize(req, "duty.write");
    return { people: listDutyPeople(db) };
  });

  r.get("/api/duty/now", {
    schema: { tags: ["duty"], summary: "Who is on duty now in a unit (default the top unit)", querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }), response: { 200: dutyNowView, 400: errorBody } },
  }, async (req) => {
    authorize(req, "duty.read");
    const unitId = unitOf(db, req.query.unitId);
    const { slot, times, userIds } = onDutyNow(db, unitId, Date.now());
    const names = displayNames(db, userIds);
    return {
      unitId, date: slot.date, shift: slot.shift,
      start: clockText(slot.shift === "day" ? times.dayStart : times.nightStart), end: clockText(slot.shift === "day" ? times.nightStart : times.dayStart),
      onDuty: userIds.map((id, i) => ({ userId: id, name: names.get(id) ?? `#${id}`, position: i + 1 })),
    };
  });
}
