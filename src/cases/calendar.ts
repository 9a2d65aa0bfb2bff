// The office's working calendar from the settings (time zone, working hours) and the calendar days
// an administrator keeps (public holidays and make-up working days).
import type { Db } from "../db/connection";
import type { Config } from "../config";
import { listCalendarDays } from "../store/case-config";
import type { WorkingCalendar } from "../shared/working-calendar";

/** The working calendar as configured now. */
export function officeCalendar(db: Db, config: Pick<Config, "timeZone" | "workHours">): WorkingCalendar {
  const holidays = new Set<string>();
  const makeupDays = new Set<string>();
  for (const d of listCalendarDays(db)) (d.kind === "holiday" ? holidays : makeupDays).add(d.date);
  return { timeZone: config.timeZone, weekdays: [1, 2, 3, 4, 5], periods: config.workHours, holidays, makeupDays };
}
