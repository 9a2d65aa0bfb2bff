// Reports as the API, the CLI and schedules use them: generate a draft (recorded as a run with its
// stages and timings), edit it section by section, issue a numbered immutable version, record a
// leader's instruction. Each change is written with its audit row in one transaction.
import { createHash } from "node:crypto";
import type { Db } from "../db/connection";
import type { Config } from "../config";
import { REPORT_KINDS, type ReportContent, type ReportDetail, type ReportPatch, type ReportSpec, type ReportVersionSummary } from "../shared/report-types";
import { localDate } from "../shared/working-calendar";
import { AppError } from "../errors";
import { recordAudit, type Actor } from "../store/audit";
import {
  allocateReportNumber, defaultReportTemplate, finishReportRun, getReport, getReportTemplate, getReportVersion, insertInstruction, insertReport,
  insertReportRun, insertReportTemplate, insertReportVersion, updateReportContent, updateRunProgress,
} from "../store/reports";
import type { ReportTemplatesTable } from "../db/schema";
import { buildReportContent, builtinTemplate, type TemplateView } from "./generate";
import { officeTime } from "./case-memo-content";
import { reportDetail, versionSummary } from "./views";
import { reportNumber } from "./kit";
import { sentenceBlocks } from "./llm";

/** Who is acting (null: the system, e.g. a schedule). */
export type ReportActor = Actor;

/** Reads a report's content (on a read thread in the server, inline in the CLI). */
export type ContentReader = (spec: ReportSpec, template: TemplateView, opts: { timeZone: string; now: number }) => Promise<ReportContent>;

/** Options of a generation. */
export interface GenerateOptions {
  trigger: "manual" | "schedule" | "cli";
  scheduleId?: number | null;
  /** The schedule's due moment (a run per moment: a second run for it throws). */
  dueAt?: number | null;
  now?: number;
  /** Where the content is read (default: inline on this connection). */
  read?: ContentReader;
}

const templateView = (t: ReportTemplatesTable): TemplateView => ({
  id: t.id, title: t.title, issuingUnit: t.issuing_unit, redHeader: t.red_header === 1, sections: JSON.parse(t.sections) as string[],
});

/** The template a spec asks for, or its kind's default (created from the built-in one on first use). */
export function templateFor(db: Db, spec: ReportSpec): TemplateView {
  if (spec.templateId != null) {
    const t = getReportTemplate(db, spec.templateId);
    if (!t) throw new AppError(404, "report.template_not_found");
    if (t.kind !== spec.kind) throw new AppError(400, "report.template_kind");
    return templateView(t);
  }
  const existing = defaultReportTemplate(db, spec.kind);
  if (existing) return templateView(existing);
  const b = builtinTemplate(spec.kind);
  return templateView(insertReportTemplate(db, {
    kind: spec.kind, name: b.name, title: b.title, issuing_unit: b.issuingUnit, red_header: 0, sections: JSON.stringify(b.sections), is_default: 1,
  }));
}

const elapsed = (t0: number) => Math.round(performance.now() - t0);

/** Every kind's default template, created from the built-in ones where missing (so an admin sees and edits them). */
export function ensureDefaultTemplates(db: Db): void {
  for (const kind of REPORT_KINDS) templateFor(db, { kind });
}

/** Generates a draft from the spec, recording a run (stages, progress, timings); returns the draft and the run id. */
export async function createReportDraft(
  db: Db, config: Config, spec: ReportSpec, actor: ReportActor | null, opts: GenerateOptions,
): Promise<{ report: ReportDetail; runId: number }> {
  const now = opts.now ?? Date.now();
  const template = templateFor(db, spec);
  const runId = insertReportRun(db, {
    kind: spec.kind, trigger: opts.trigger, schedule_id: opts.scheduleId ?? null, due_at: opts.dueAt ?? null, started_by: actor?.id ?? null,
  }, now);
  const timings: Record<string, number> = {};
  try {
    updateRunProgress(db, runId, "统计数据", 0.1, timings);
    let t0 = performance.now();
    const read = opts.read ?? (async (s, t, o) => buildReportContent(db, s, t, o));
    const content = await read(spec, template, { timeZone: config.timeZone, now });
    timings.draft = elapsed(t0);
    if (config.llmUrl && config.llmModel) {
      updateRunProgress(db, runId, "生成摘要", 0.7, timings);
      t0 = performance.now();
      await addModelSentences(config, content);
      timings.llm = elapsed(t0);
    }
    updateRunProgress(db, runId, "保存草稿", 0.9, timings);
    t0 = performance.now();
    const reportId = db.tx(() => {
      const id = insertReport(db, {
        kind: spec.kind, template_id: template.id, event_id: content.eventId, period_from: content.period.from, period_to: content.period.to,
        title: content.title, content: JSON.stringify(content), created_by: actor?.id ?? null,
      }, Date.now());
      recordAudit(db, { actor, action: "report.create", targetType: "report", targetId: id, summary: { kind: spec.kind, period: content.period.label, trigger: opts.trigger } });
      return id;
    });
    timings.save = elapsed(t0);
    finishReportRun(db, runId, { status: "done", reportId, error: null, timings });
    return { report: reportDetail(db, getReport(db, reportId)!), runId };
  } catch (e) {
    finishReportRun(db, runId, { status: "failed", reportId: null, error: e instanceof Error ? e.message : String(e), timings });
    throw e;
  }
}

/** Where model sentences go and what they may cite: the section holding the report's quoted items. */
const SENTENCE_SECTIONS = ["negative", "opinion"];

/**
 * Optional sentences from the office's own language model: put at the head of the section whose quoted
 * items they summarise; a sentence is kept only when the items it cites support it (src/reports/llm.ts).
 * A model that is down or slow adds nothing; the report never waits on it beyond its timeout.
 */
async function addModelSentences(config: Config, content: ReportContent): Promise<void> {
  const section = content.sections.find((s) => SENTENCE_SECTIONS.includes(s.key));
  const items = section?.blocks.flatMap((b) => (b.type === "items" ? b.items : [])) ?? [];
  if (!section || !items.length) return;
  const blocks = await sentenceBlocks(config, `${content.title}（${content.period.label}）${section.title}`, items);
  section.blocks.unshift(...blocks);
}

/** A draft's content and row, or 404. */
function loadDraft(db: Db, id: number) {
  const row = getReport(db, id);
  if (!row) throw new AppError(404, "report.not_found");
  return { row, content: JSON.parse(row.content) as ReportContent };
}

/** Edits a draft section by section (only the given keys change). */
export function patchReport(db: Db, id: number, patch: ReportPatch, actor: ReportActor | null, now = Date.now()): ReportDetail {
  db.tx(() => {
    const { content } = loadDraft(db, id);
    if (patch.title !== undefined) content.title = patch.title;
    if (patch.issuingUnit !== undefined) content.issuingUnit = patch.issuingUnit;
    if (patch.redHeader !== undefined) content.redHeader = patch.redHeader;
    for (const [key, s] of Object.entries(patch.sections ?? {})) {
      const section = content.sections.find((x) => x.key === key);
      if (!section) continue;
      if (s.text !== undefined) section.text = s.text;
      if (s.title !== undefined) section.title = s.title;
    }
    if (patch.removeSections?.length) content.sections = content.sections.filter((s) => !patch.removeSections!.includes(s.key));
    updateReportContent(db, id, content.title, JSON.stringify(content), actor?.id ?? null, now);
    recordAudit(db, {
      actor, action: "report.edit", targetType: "report", targetId: id,
      summary: { sections: Object.keys(patch.sections ?? {}), removed: patch.removeSections ?? [], title: patch.title !== undefined },
    }, now);
  });
  return reportDetail(db, getReport(db, id)!);
}

/** Issues the draft: the first issue numbers it (per kind and the office year); each issue freezes a new version. */
export function issueReport(db: Db, config: Config, reportId: number, actor: ReportActor | null, now = Date.now()): ReportVersionSummary {
  const versionId = db.tx(() => {
    const { row, content } = loadDraft(db, reportId);
    const year = Number(localDate(now, config.timeZone).slice(0, 4));
    const n = allocateReportNumber(db, row.id, row.kind, year);
    const frozen: ReportContent = { ...content, number: reportNumber(n.year, n.seq), issuedBy: actor?.username ?? "系统", issuedAt: officeTime(now, config.timeZone) };
    const json = JSON.stringify(frozen);
    const id = insertReportVersion(db, {
      report_id: row.id, number: frozen.number!, title: frozen.title, content: json, sha256: createHash("sha256").update(json).digest("hex"),
      issued_by: actor?.id ?? null, issued_at: now,
    });
    // The draft carries its number from now on (its time set to the issue's, so it does not count as changed since).
    updateReportContent(db, row.id, content.title, JSON.stringify({ ...content, number: frozen.number }), row.updated_by, now);
    recordAudit(db, { actor, action: "report.issue", targetType: "report", targetId: row.id, summary: { number: frozen.number, versionId: id } }, now);
    return id;
  });
  return versionSummary(getReportVersion(db, versionId)!);
}

/** Records a leader's instruction (批示) on an issued version. */
export function instructOnVersion(db: Db, versionId: number, text: string, actor: ReportActor, now = Date.now()): number {
  return db.tx(() => {
    const v = getReportVersion(db, versionId);
    if (!v) throw new AppError(404, "report.version_not_found");
    const id = insertInstruction(db, versionId, actor.id, text, now);
    recordAudit(db, { actor, action: "report.instruct", targetType: "report_version", targetId: versionId, summary: { reportId: v.report_id, length: text.length } }, now);
    return id;
  });
}
