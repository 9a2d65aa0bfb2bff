// The office's working calendar: which days are working days (weekdays, minus public holidays,
// plus make-up working days 调休) and the working hours of a day, in the office's time zone; and
// deadline arithmetic on it ("within 12 working hours", "within 2 working days", "the same day").
// Pure: the caller hands in the calendar (holidays are data an admin keeps) and the times.

/** A calendar as configured. Dates are local 'YYYY-MM-DD' in `timeZone`. */
export interface WorkingCalendar {
  /** IANA time zone of the office, e.g. "Asia/Shanghai". */
  timeZone: string;
  /** ISO weekdays that are working days unless a holiday (1 = Monday … 7 = Sunday). */
  weekdays: readonly number[];
  /** Working periods of a working day as minutes of the day [start, end), ascending, not overlapping. */
  periods: readonly { start: number; end: number }[];
  /** Days off that would otherwise be working days (法定节假日). */
  holidays: ReadonlySet<string>;
  /** Days worked that would otherwise be off (调休上班). */
  makeupDays: ReadonlySet<string>;
}

/** How a time limit is counted. */
export type LimitUnit = "working_hours" | "working_days" | "hours" | "days";

/** A time limit such as 12 working hours or 14 days. */
export interface TimeLimit { amount: number; unit: LimitUnit }

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far deadline arithmetic looks ahead before it gives up (a calendar with no working day). */
const MAX_DAYS = 3 * 366;

/** Parses "08:30-12:00,14:00-17:30" into periods; throws on a malformed or overlapping list. */
export function parsePeriods(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const part of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^([01]?\d|2[0-3]):([0-5]\d)\s*-\s*([01]?\d|2[0-4]):([0-5]\d)$/.exec(part);
    if (!m) throw new Error(`working hours: "${part}" is not HH:MM-HH:MM`);
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (end <= start || end > 1440) throw new Error(`working hours: "${part}" ends before it starts`);
    if (out.length && start < out[out.length - 1].end) throw new Error(`working hours: "${part}" overlaps the period before`);
    out.push({ start, end });
  }
  if (!out.length) throw new Error("working hours: no period given");
  return out;
}

/** Parses "HH:MM" to minutes of the day, or null when it is not a time. */
export function parseClock(text: string | null | undefined): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text ?? "");
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

const clock = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** Periods back as "08:30-12:00,14:00-17:30". */
export function formatPeriods(periods: readonly { start: number; end: number }[]): string {
  return periods.map((p) => `${clock(p.start)}-${clock(p.end)}`).join(",");
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local wall-clock fields of a time in a zone (hour 0–23). */
export function localParts(t: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const p: Record<string, number> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(t)) if (type !== "literal") p[type] = Number(value);
  return { y: p.year, mo: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second };
}

/** The zone's offset from UTC at `t`, in ms. */
function offsetAt(t: number, timeZone: string): number {
  const p = localParts(t, timeZone);
  return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - (t - (t % 1000));
}

/** The UTC time of a local wall-clock time (day as a UTC-midnight number, plus minutes). */
function fromLocal(dayUtc: number, minute: number, timeZone: string): number {
  const wall = dayUtc + minute * MINUTE;
  const guess = wall - offsetAt(wall, timeZone);
  // Once more for a zone whose offset differs between the guess and the answer (DST edges).
  return wall - offsetAt(guess, timeZone);
}

/** The local day of a time as 'YYYY-MM-DD'. */
export function localDate(t: number, timeZone: string): string {
  const p = localParts(t, timeZone);
  return `${p.y}-${String(p.mo).padStart(2, "0")}-${String(p.d).padStart(2, "0")}`;
}

/** The moment a local date 'YYYY-MM-DD' begins in a zone. */
export function localMidnight(date: string, timeZone: string): number {
  return fromLocal(Date.parse(`${date}T00:00:00Z`), 0, timeZone);
}

/** The moment a local wall-clock time (date 'YYYY-MM-DD', minutes of the day) happens in a zone; a time in a DST gap moves forward. */
export function localTime(date: string, minute: number, timeZone: string): number {
  return fromLocal(Date.parse(`${date}T00:00:00Z`), minute, timeZone);
}

const dayKey = (dayUtc: number): string => new Date(dayUtc).toISOString().slice(0, 10);

/** Whether a local day (as UTC midnight of its date) is a working day. */
function isWorkingDayUtc(cal: WorkingCalendar, dayUtc: number): boolean {
  const key = dayKey(dayUtc);
  if (cal.makeupDays.has(key)) return true;
  if (cal.holidays.has(key)) return false;
  const iso = ((new Date(dayUtc).getUTCDay() + 6) % 7) + 1;
  return cal.weekdays.includes(iso);
}

/** Whether a local date 'YYYY-MM-DD' is a working day. */
export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  return isWorkingDayUtc(cal, Date.parse(`${date}T00:00:00Z`));
}

/** The local day containing `t`, as UTC midnight of its date. */
function dayOf(t: number, timeZone: string): number {
  const p = localParts(t, timeZone);
  return Date.UTC(p.y, p.mo - 1, p.d);
}

/** The working intervals [from, to) in UTC ms of one local day (empty when not a working day). */
function workIntervals(cal: WorkingCalendar, dayUtc: number): [number, number][] {
  if (!isWorkingDayUtc(cal, dayUtc)) return [];
  return cal.periods.map((p) => [fromLocal(dayUtc, p.start, cal.timeZone), fromLocal(dayUtc, p.end, cal.timeZone)]);
}

/** Adds working time to `start`: the moment the `ms`-th working millisecond after it ends. */
function addWorkingMs(cal: WorkingCalendar, start: number, ms: number): number {
  let left = ms;
  let day = dayOf(start, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day += DAY) {
    for (const [from, to] of workIntervals(cal, day)) {
      const a = Math.max(from, start);
      if (a >= to) continue;
      if (left <= to - a) return a + left;
      left -= to - a;
    }
  }
  throw new Error("working calendar: no working time within three years");
}

/** The close of business of the working day `n` working days after the one `start` falls in (0: its own). */
function closeOfWorkingDay(cal: WorkingCalendar, start: number, n: number): number {
  let day = dayOf(start, cal.timeZone);
  let counted = -1;
  for (let i = 0; i < MAX_DAYS; i++, day += DAY) {
    const spans = workIntervals(cal, day);
    if (!spans.length) continue;
    const close = spans[spans.length - 1][1];
    // A start after the day's close counts from the next working day.
    if (counted < 0 && start >= close) continue;
    counted++;
    if (counted >= n) return close;
  }
  throw new Error("working calendar: no working day within three years");
}

/** The deadline of a time limit that starts at `start`. */
export function deadline(cal: WorkingCalendar, start: number, limit: TimeLimit): number {
  const amount = Math.max(0, limit.amount);
  switch (limit.unit) {
    case "hours":
      return start + amount * 3_600_000;
    case "days":
      return start + amount * DAY;
    case "working_hours":
      return amount === 0 ? start : addWorkingMs(cal, start, Math.round(amount * 3_600_000));
    case "working_days":
      return closeOfWorkingDay(cal, start, Math.floor(amount));
  }
}

/** Working time in ms between two times (0 when `to` is not after `from`). */
export function workingMsBetween(cal: WorkingCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  let day = dayOf(from, cal.timeZone);
  const last = dayOf(to, cal.timeZone);
  for (let i = 0; day <= last && i < MAX_DAYS; i++, day += DAY)
    for (const [a, b] of workIntervals(cal, day)) total += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return total;
}
