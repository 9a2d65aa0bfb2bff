// Who is on duty in a unit at a moment: the stored rota around it, read through the pure logic.
import type { Db } from "../db/connection";
import { enabledUserIds, getDutySettings, listAssignments, listLeave, listSwaps } from "../store/duty";
import { addDays, DEFAULT_SHIFT_TIMES, parseClockText, localReading, onDutyIn, slotAt, type Rota, type Shift, type ShiftTimes, type Slot } from "./rota";

/** A unit's shift times (the defaults when never set). */
export function shiftTimesOf(db: Db, unitId: number): ShiftTimes {
  const s = getDutySettings(db, unitId);
  const dayStart = parseClockText(s?.day_start);
  const nightStart = parseClockText(s?.night_start);
  return dayStart != null && nightStart != null ? { dayStart, nightStart } : DEFAULT_SHIFT_TIMES;
}

/** The stored rota of a unit for dates from..to. */
export function loadRota(db: Db, unitId: number, from: string, to: string): Rota {
  return {
    assignments: listAssignments(db, unitId, from, to).map((a) => ({ ...a, shift: a.shift as Shift })),
    swaps: listSwaps(db, unitId, from, to).map((s) => ({ date: s.date, shift: s.shift as Shift, fromUserId: s.from_user_id, toUserId: s.to_user_id })),
    leave: listLeave(db, from, to).map((l) => ({ userId: l.user_id, startDate: l.start_date, endDate: l.end_date })),
  };
}

/** The slot a moment falls in for a unit, and who is on duty then (first on duty first; disabled accounts skipped). */
export function onDutyNow(db: Db, unitId: number, now: number): { slot: Slot; times: ShiftTimes; userIds: number[] } {
  const times = shiftTimesOf(db, unitId);
  const { date, minute } = localReading(now);
  const slot = slotAt(times, date, minute);
  const rota = loadRota(db, unitId, addDays(slot.date, -1), addDays(slot.date, 1));
  const planned = onDutyIn(rota, slot);
  const enabled = new Set(enabledUserIds(db, planned));
  return { slot, times, userIds: planned.filter((id) => enabled.has(id)) };
}
