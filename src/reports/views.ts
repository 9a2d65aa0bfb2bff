// Reports as the API shows them (also what the CLI and schedules hand on): rows → shared shapes.
import type { Db } from "../db/connection";
import type { ReportRunsTable, ReportTemplatesTable } from "../db/schema";
import type {
  ReportContent, ReportDetail, ReportKind, ReportRun, ReportSummary, ReportTemplate, ReportVersionDetail, ReportVersionSummary,
} from "../shared/report-types";
import { iso } from "../shared/iso";
import { reportVersions, versionInstructions, type ReportRow, type VersionRow } from "../store/reports";
import { reportNumber } from "./kit";

/** A row of the report list. */
export function reportSummary(r: ReportRow): ReportSummary {
  const content = JSON.parse(r.content) as ReportContent;
  return {
    id: r.id, kind: r.kind as ReportKind, title: r.title, periodLabel: content.period.label,
    status: r.seq == null ? "draft" : "issued", number: r.year != null && r.seq != null ? reportNumber(r.year, r.seq) : null,
    version: r.version, changedSinceIssue: r.issued_at != null && r.updated_at > r.issued_at,
    createdBy: r.created_by_name, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at), issuedAt: iso(r.issued_at),
  };
}

/** A version's summary. */
export function versionSummary(v: VersionRow): ReportVersionSummary {
  return {
    id: v.id, reportId: v.report_id, version: v.version, number: v.number, title: v.title, issuedBy: v.issued_by_name,
    issuedAt: iso(v.issued_at), sha256: v.sha256,
  };
}

/** A draft with its versions. */
export function reportDetail(db: Db, r: ReportRow): ReportDetail {
  return {
    ...reportSummary(r), templateId: r.template_id, eventId: r.event_id, content: JSON.parse(r.content) as ReportContent,
    versions: reportVersions(db, r.id).map(versionSummary),
  };
}

/** A frozen version with its instructions. */
export function versionDetail(db: Db, v: VersionRow): ReportVersionDetail {
  return {
    ...versionSummary(v), content: JSON.parse(v.content) as ReportContent,
    instructions: versionInstructions(db, v.id).map((i) => ({ id: i.id, author: i.author, text: i.text, createdAt: iso(i.created_at) })),
  };
}

/** A generation run. */
export function runView(r: ReportRunsTable): ReportRun {
  return {
    id: r.id, kind: r.kind as ReportKind, trigger: r.trigger as ReportRun["trigger"], scheduleId: r.schedule_id, status: r.status as ReportRun["status"],
    stage: r.stage, progress: r.progress, reportId: r.report_id, error: r.error, startedAt: iso(r.started_at), finishedAt: iso(r.finished_at),
    timings: JSON.parse(r.timings) as Record<string, number>,
    delivery: r.delivery ? (JSON.parse(r.delivery) as ReportRun["delivery"]) : null,
  };
}

/** A template. */
export function templateOut(t: ReportTemplatesTable): ReportTemplate {
  return {
    id: t.id, kind: t.kind as ReportKind, name: t.name, title: t.title, issuingUnit: t.issuing_unit, redHeader: t.red_header === 1,
    sections: JSON.parse(t.sections) as string[], isDefault: t.is_default === 1,
  };
}
