// Timeliness of a submission (时效): hours from the event day to the submission and to the approval,
// and a flag when it was submitted (or is still unsubmitted) later than the limit in working days
// after the event day, counted on the office's working calendar. Pure: no I/O.
import { addDays } from "../duty/rota";
import { deadline, localMidnight, type WorkingCalendar } from "../shared/working-calendar";

/** What the detail and the list show. */
export interface Timeliness { hoursToSubmit: number | null; hoursToApprove: number | null; flagged: boolean; dueAt: number }

const HOUR = 3_600_000;
const round1 = (h: number) => Math.round(h * 10) / 10;

/** The moment a submission about an event on `eventDate` is due: the close of the `limitDays`-th working day after that day. */
export function submitDueAt(cal: WorkingCalendar, eventDate: string, limitDays: number): number {
  return deadline(cal, localMidnight(addDays(eventDate, 1), cal.timeZone), { amount: Math.max(1, Math.floor(limitDays)) - 1, unit: "working_days" });
}

/** The timeliness of a submission; a draft never submitted is flagged once its due moment has passed (`now`). */
export function timeliness(
  cal: WorkingCalendar, s: { eventDate: string; submittedAt: number | null; approvedAt: number | null; state: string }, limitDays: number, now: number,
): Timeliness {
  const start = localMidnight(s.eventDate, cal.timeZone);
  const dueAt = submitDueAt(cal, s.eventDate, limitDays);
  const measured = s.submittedAt ?? (s.state === "draft" ? now : null);
  return {
    hoursToSubmit: s.submittedAt == null ? null : round1(Math.max(0, s.submittedAt - start) / HOUR),
    hoursToApprove: s.approvedAt == null ? null : round1(Math.max(0, s.approvedAt - start) / HOUR),
    flagged: measured != null && measured > dueAt,
    dueAt,
  };
}
