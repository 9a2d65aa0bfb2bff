// Pure rota logic (值班): which shift a moment falls in (the night shift crosses midnight), and who is
// on duty in it, in order, after swaps (换班) and leave. No I/O and no clock: callers hand in local
// dates ('YYYY-MM-DD') and minutes of the day, or a time and the zone's reading of it.

/** The two shifts of a day. */
export const SHIFTS = ["day", "night"] as const;
/** One of SHIFTS. */
export type Shift = (typeof SHIFTS)[number];

/** A unit's shift times as minutes of the day: day from `dayStart` to `nightStart`, night from `nightStart` to `dayStart` next day. */
export interface ShiftTimes { dayStart: number; nightStart: number }

/** The default shift times: 08:30–17:30 and 17:30–08:30. */
export const DEFAULT_SHIFT_TIMES: ShiftTimes = { dayStart: 8 * 60 + 30, nightStart: 17 * 60 + 30 };

/** One shift of one date (the date the shift starts on). */
export interface Slot { date: string; shift: Shift }

/** A person placed in a shift at a position (1: first on duty). */
export interface Assignment extends Slot { position: number; userId: number }
/** 换班: `fromUserId`'s place in the slot goes to `toUserId`. */
export interface Swap extends Slot { fromUserId: number; toUserId: number }
/** A person off duty for shifts starting on startDate..endDate (inclusive). */
export interface Leave { userId: number; startDate: string; endDate: string }

/** Everything the rota logic needs about a unit's shifts around a moment. */
export interface Rota { assignments: readonly Assignment[]; swaps: readonly Swap[]; leave: readonly Leave[] }

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date 'YYYY-MM-DD'. */
export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** `date` plus `days` (calendar arithmetic, no zone). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday of the week `date` is in. */
export function weekStart(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 Sunday
  return addDays(date, -((dow + 6) % 7));
}

/** The seven dates of the week starting on `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** A moment's local date and minute of the day in the server's zone. */
export function localReading(t: number): { date: string; minute: number } {
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, minute: d.getHours() * 60 + d.getMinutes() };
}

/** The shift a local date and minute fall in: before the day shift starts it is still the previous date's night. */
export function slotAt(times: ShiftTimes, date: string, minute: number): Slot {
  if (minute < times.dayStart) return { date: addDays(date, -1), shift: "night" };
  if (minute < times.nightStart) return { date, shift: "day" };
  return { date, shift: "night" };
}

/** True when the person is on leave for shifts starting on `date`. */
export function onLeave(leave: readonly Leave[], userId: number, date: string): boolean {
  return leave.some((l) => l.userId === userId && l.startDate <= date && date <= l.endDate);
}

/** Who is planned for a slot after swaps, in order, each with whom they stand in for (leave not applied). */
export function plannedFor(rota: Rota, slot: Slot): { userId: number; position: number; standsInFor: number | null }[] {
  const people = rota.assignments
    .filter((a) => a.date === slot.date && a.shift === slot.shift)
    .sort((a, b) => a.position - b.position)
    .map((a) => ({ userId: a.userId, position: a.position, standsInFor: null as number | null }));
  for (const s of rota.swaps) {
    if (s.date !== slot.date || s.shift !== slot.shift) continue;
    const p = people.find((x) => x.userId === s.fromUserId);
    if (p) people.splice(people.indexOf(p), 1, { userId: s.toUserId, position: p.position, standsInFor: p.standsInFor ?? s.fromUserId });
  }
  return people;
}

/** Who is on duty in a slot, first on duty first: swaps applied, people on leave skipped, each person once. */
export function onDutyIn(rota: Rota, slot: Slot): number[] {
  const out: number[] = [];
  for (const p of plannedFor(rota, slot)) if (!onLeave(rota.leave, p.userId, slot.date) && !out.includes(p.userId)) out.push(p.userId);
  return out;
}

/** Who is on duty at local `date` and `minute`, in order. */
export function onDutyAt(rota: Rota, times: ShiftTimes, date: string, minute: number): number[] {
  return onDutyIn(rota, slotAt(times, date, minute));
}

/**
 * The escalation chain: the people on duty in order, then the unit's leaders, each once and without
 * those already reached (`reached`). The next step goes to its first member.
 */
export function escalationChain(onDuty: readonly number[], leaders: readonly number[], reached: readonly number[]): number[] {
  const out: number[] = [];
  for (const id of [...onDuty, ...leaders]) if (!reached.includes(id) && !out.includes(id)) out.push(id);
  return out;
}

/** Parses "HH:MM" to minutes of the day, or null. */
export { parseClock as parseClockText } from "../shared/working-calendar";

/** "HH:MM" of minutes of the day. */
export function clockText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
