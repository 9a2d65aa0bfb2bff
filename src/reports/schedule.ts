// When a report schedule is due, and what it generates then. Pure: moments are computed on the
// office's wall clock (TINGFENG_TIME_ZONE) day by day, so a daily 08:00 stays 08:00 across a DST
// change (a time inside a spring-forward gap moves forward to the first valid minute).
import { localDate, localTime, parseClock } from "../shared/working-calendar";
import { addDays } from "../duty/rota";
import type { ReportSchedule, ReportSpec } from "../shared/report-types";

/** What the timing of a schedule is made of. */
export type ScheduleTiming = Pick<ReportSchedule, "kind" | "period" | "atTime" | "weekday" | "monthday">;

// A monthly schedule (day 1–28) is due at least every 31 days; a little more is enough to look around.
const LOOK_DAYS = 40;

/** ISO weekday of a local date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** Field errors of a timing (field → message), or null when it can run: the form's and the API's one check. */
export function timingProblems(t: ScheduleTiming): Record<string, string> | null {
  const out: Record<string, string> = {};
  if (parseClock(t.atTime) == null) out.atTime = "时间须为 HH:MM（00:00–23:59）";
  if (t.kind === "daily" && t.period != null) out.period = "每日报告没有周期";
  if (t.kind === "periodic" && t.period !== "week" && t.period !== "month") out.period = "请选择每周或每月";
  const weekly = t.kind === "periodic" && t.period === "week";
  const monthly = t.kind === "periodic" && t.period === "month";
  if (weekly ? !(Number.isInteger(t.weekday) && t.weekday! >= 1 && t.weekday! <= 7) : t.weekday != null)
    out.weekday = weekly ? "每周报告须选择星期一至星期日" : "只有每周报告可选星期";
  if (monthly ? !(Number.isInteger(t.monthday) && t.monthday! >= 1 && t.monthday! <= 28) : t.monthday != null)
    out.monthday = monthly ? "每月报告须选择 1–28 日" : "只有每月报告可选日期";
  return Object.keys(out).length ? out : null;
}

// Whether the schedule runs on a local date.
function runsOn(t: ScheduleTiming, date: string): boolean {
  if (t.kind === "periodic" && t.period === "week") return isoWeekday(date) === t.weekday;
  if (t.kind === "periodic" && t.period === "month") return Number(date.slice(8, 10)) === t.monthday;
  return true;
}

function minuteOf(t: ScheduleTiming): number {
  const m = parseClock(t.atTime);
  if (m == null) throw new Error(`schedule: "${t.atTime}" is not HH:MM`);
  return m;
}

/** The first moment the schedule is due strictly after `after`. */
export function nextRunAfter(t: ScheduleTiming, after: number, timeZone: string): number {
  const minute = minuteOf(t);
  const today = localDate(after, timeZone);
  for (let i = -1; i <= LOOK_DAYS; i++) {
    const date = addDays(today, i);
    if (!runsOn(t, date)) continue;
    const at = localTime(date, minute, timeZone);
    if (at > after) return at;
  }
  throw new Error("schedule: no due moment within 40 days");
}

/** The latest moment the schedule was due at or before `now` (the one a late start still owes), or null. */
export function lastDueAtOrBefore(t: ScheduleTiming, now: number, timeZone: string): number | null {
  const minute = minuteOf(t);
  const today = localDate(now, timeZone);
  for (let i = 1; i >= -LOOK_DAYS; i--) {
    const date = addDays(today, i);
    if (!runsOn(t, date)) continue;
    const at = localTime(date, minute, timeZone);
    if (at <= now) return at;
  }
  return null;
}

/** The last full Monday–Sunday week before a local date (the date's own week is not over). */
export function lastFullWeek(date: string): { from: string; to: string } {
  const to = addDays(date, -isoWeekday(date));
  return { from: addDays(to, -6), to };
}

/** The last full month before a local date's month. */
export function lastFullMonth(date: string): { from: string; to: string } {
  const to = addDays(`${date.slice(0, 7)}-01`, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/**
 * What a run at `dueAt` generates: daily → the office day before; weekly → the last full
 * Monday–Sunday week before the due day; monthly → the last full month before it.
 */
export function scheduleSpec(s: ScheduleTiming & { templateId: number | null }, dueAt: number, timeZone: string): ReportSpec {
  const day = localDate(dueAt, timeZone);
  const template = s.templateId != null ? { templateId: s.templateId } : {};
  if (s.kind === "daily") return { kind: "daily", date: addDays(day, -1), ...template };
  const period = s.period === "week" ? "week" : "month";
  return { kind: "periodic", period, ...(period === "week" ? lastFullWeek(day) : lastFullMonth(day)), ...template };
}
