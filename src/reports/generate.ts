// From a spec (kind, day or period, event, template) to a report's content: the period in office days,
// the generator of the kind, the template's title, issuing unit, header and sections. Reads only, so it
// runs on a read thread (src/jobs/read-functions.ts) as well as inline (CLI).
import type { Db } from "../db/connection";
import { REPORT_KIND_ZH, REPORT_SECTIONS, type ReportContent, type ReportKind, type ReportSpec } from "../shared/report-types";
import { localDate } from "../shared/working-calendar";
import { periodBounds, quarterOf } from "../cases/stats-period";
import { AppError } from "../errors";
import { digestSections } from "./digest";
import { specialPeriod, specialSections } from "./special";
import { summarySections } from "./summary";
import { periodLabel, type ReportPeriod } from "./kit";

/** A template as generators apply it. */
export interface TemplateView { id: number | null; title: string; issuingUnit: string; redHeader: boolean; sections: string[] }

/** The built-in template of a kind (every section, no red header). */
export function builtinTemplate(kind: ReportKind): Omit<TemplateView, "id"> & { name: string } {
  return { name: "默认模板", title: REPORT_KIND_ZH[kind], issuingUnit: "", redHeader: false, sections: REPORT_SECTIONS[kind].map((s) => s.key) };
}

const DAY_MS = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The office days a spec covers (both ends included). */
export function resolvePeriod(db: Db, spec: ReportSpec, timeZone: string, now: number): { from: string; to: string } {
  const today = localDate(now, timeZone);
  const check = (from: string, to: string) => {
    if (!DATE.test(from) || !DATE.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)) || from > to || daysBetween(from, to) > 366) {
      throw new AppError(400, "report.bad_period");
    }
    return { from, to };
  };
  switch (spec.kind) {
    case "daily": {
      const d = spec.date ?? addDays(today, -1);
      return check(d, d);
    }
    case "periodic": {
      if (spec.from && spec.to) return check(spec.from, spec.to);
      if (spec.period === "month") {
        const [y, m] = today.split("-").map(Number);
        const first = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10);
        return check(first, addDays(`${today.slice(0, 7)}-01`, -1));
      }
      // The last full Monday–Sunday week.
      const dow = ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
      const lastSunday = addDays(today, -dow);
      return check(addDays(lastSunday, -6), lastSunday);
    }
    case "quarterly": {
      if (spec.from && spec.to) return check(spec.from, spec.to);
      const q = quarterOf(today, -1);
      return check(q.from, q.to);
    }
    case "annual": {
      if (spec.from && spec.to) return check(spec.from, spec.to);
      const y = Number(today.slice(0, 4)) - 1;
      return check(`${y}-01-01`, `${y}-12-31`);
    }
    case "special": {
      if (spec.eventId == null) throw new AppError(400, "report.event_required");
      const ev = specialPeriod(db, spec.eventId);
      return { from: localDate(ev.first, timeZone), to: localDate(Math.max(ev.first, ev.last), timeZone) };
    }
  }
}

/** The report's content, generated now from the database. */
export function buildReportContent(
  db: Db, spec: ReportSpec, template: TemplateView, opts: { timeZone: string; now: number },
): ReportContent {
  const { timeZone, now } = opts;
  const days = resolvePeriod(db, spec, timeZone, now);
  const b = periodBounds(days, timeZone);
  const period: ReportPeriod = { ...days, start: b.start, end: b.end };
  let sections;
  let title = template.title || REPORT_KIND_ZH[spec.kind];
  switch (spec.kind) {
    case "daily":
    case "periodic": {
      const length = daysBetween(days.from, days.to) + 1;
      const prev = periodBounds({ from: addDays(days.from, -length), to: addDays(days.from, -1) }, timeZone);
      sections = digestSections(db, { kind: spec.kind, period, previous: { start: prev.start, end: prev.end }, timeZone, now });
      break;
    }
    case "special": {
      const ev = specialPeriod(db, spec.eventId!);
      sections = specialSections(db, ev.id, timeZone);
      title = `${title}：${ev.title}`;
      break;
    }
    case "quarterly":
    case "annual":
      sections = summarySections(db, period, timeZone, now);
      break;
  }
  const chosen = template.sections.length ? template.sections : REPORT_SECTIONS[spec.kind].map((s) => s.key);
  const byKey = new Map(sections.map((s) => [s.key, s]));
  return {
    kind: spec.kind, title, issuingUnit: template.issuingUnit, redHeader: template.redHeader, number: null,
    period: { from: days.from, to: days.to, label: periodLabel(days.from, days.to) },
    eventId: spec.kind === "special" ? specialPeriod(db, spec.eventId!).id : null,
    generatedAt: new Date(now).toISOString(), issuedBy: null, issuedAt: null,
    sections: chosen.map((k) => byKey.get(k)).filter((s): s is NonNullable<typeof s> => s !== undefined),
  };
}
