// Statistics periods in the office's time zone: quarters, presets, and the moments a period of
// local dates (both ends included) begins and ends.
import { localDate, localMidnight } from "../shared/working-calendar";

/** A period of local dates 'YYYY-MM-DD', both ends included. */
export interface DatePeriod { from: string; to: string }

const pad = (n: number) => String(n).padStart(2, "0");

/** The day after a local date. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The quarter `offset` quarters from the one holding `date` (0: that quarter, -1: the one before). */
export function quarterOf(date: string, offset = 0): DatePeriod & { label: string } {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + offset;
  const year = y + Math.floor(q / 4);
  const qi = ((q % 4) + 4) % 4;
  const first = qi * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(last)}`, label: `${year}年第${qi + 1}季度` };
}

/** The presets the period picker offers, at `now` in `timeZone`. */
export function periodPresets(now: number, timeZone: string): { key: string; label: string; from: string; to: string }[] {
  const today = localDate(now, timeZone);
  const year = today.slice(0, 4);
  return [
    { key: "thisQuarter", ...quarterOf(today) },
    { key: "lastQuarter", ...quarterOf(today, -1) },
    { key: "thisYear", label: `${year}年`, from: `${year}-01-01`, to: `${year}-12-31` },
  ];
}

/** The moments [start, end) a period covers in `timeZone`. */
export function periodBounds(p: DatePeriod, timeZone: string): { start: number; end: number } {
  return { start: localMidnight(p.from, timeZone), end: localMidnight(nextDate(p.to), timeZone) };
}
