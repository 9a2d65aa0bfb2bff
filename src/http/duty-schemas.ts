// Zod schemas of the duty rota routes (值班).
import { z } from "zod";
import { isDate, SHIFTS } from "../duty/rota";
import { text } from "./text-fields";

/** A calendar date 'YYYY-MM-DD'. */
export const dateField = z.string().refine(isDate, "duty.bad_date");
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "alerts.bad_clock");
const userId = z.number().int().positive();
const note = text(200).nullable().default(null);

/** GET /api/duty/rota query. */
export const rotaQuery = z.object({ unitId: z.coerce.number().int().positive().optional(), week: dateField.optional() });

/** One person in a shift as the rota shows them. */
export const dutyPerson = z.object({
  userId: z.number(), name: z.string(), position: z.number(), standsInFor: z.number().nullable(), standsInForName: z.string().nullable(), onLeave: z.boolean(),
});

/** The rota of one unit for one week. */
export const rotaView = z.object({
  unitId: z.number(), weekStart: z.string(), dayStart: z.string(), nightStart: z.string(),
  days: z.array(z.object({ date: z.string(), day: z.array(dutyPerson), night: z.array(dutyPerson) })),
  swaps: z.array(z.object({ id: z.number(), date: z.string(), shift: z.enum(SHIFTS), fromUserId: z.number(), toUserId: z.number(), note: z.string().nullable(), createdBy: z.number().nullable(), createdAt: z.string() })),
  leave: z.array(z.object({ id: z.number(), userId: z.number(), name: z.string(), startDate: z.string(), endDate: z.string(), note: z.string().nullable() })),
});

/** PUT /api/duty/assignments: replaces the people of the given shifts (in order: first on duty first). */
export const assignmentsBody = z.object({
  unitId: userId,
  dayStart: clock.optional(),
  nightStart: clock.optional(),
  shifts: z.array(z.object({ date: dateField, shift: z.enum(SHIFTS), userIds: z.array(userId).max(10) })).max(62),
});

/** POST /api/duty/swaps: `fromUserId`'s place in one shift goes to `toUserId`. */
export const swapBody = z.object({ unitId: userId, date: dateField, shift: z.enum(SHIFTS), fromUserId: userId, toUserId: userId, note });

/** POST /api/duty/leave: a person off duty on dates (inclusive). */
export const leaveBody = z.object({ userId, startDate: dateField, endDate: dateField, note });

/** GET /api/duty/now answer. */
export const dutyNowView = z.object({
  unitId: z.number(), date: z.string(), shift: z.enum(SHIFTS), start: z.string(), end: z.string(),
  onDuty: z.array(z.object({ userId: z.number(), name: z.string(), position: z.number() })),
});
