// Reports (报告): templates, drafts, issued versions (immutable: triggers refuse UPDATE and DELETE),
// leaders' instructions and generation runs.
import type { Db } from "../db/connection";
import type {
  ReportInstructionsTable, ReportRunsTable, ReportsTable, ReportTemplatesTable, ReportVersionsTable,
} from "../db/schema";

// ---- templates

/** Templates of a kind (all kinds when null), defaults first. */
export function listReportTemplates(db: Db, kind: string | null): ReportTemplatesTable[] {
  return (kind
    ? db.prepare("SELECT * FROM report_templates WHERE kind = ? ORDER BY is_default DESC, id").all(kind)
    : db.prepare("SELECT * FROM report_templates ORDER BY kind, is_default DESC, id").all()) as ReportTemplatesTable[];
}

/** A template by id. */
export function getReportTemplate(db: Db, id: number): ReportTemplatesTable | undefined {
  return db.prepare("SELECT * FROM report_templates WHERE id = ?").get(id) as ReportTemplatesTable | undefined;
}

/** The kind's default template. */
export function defaultReportTemplate(db: Db, kind: string): ReportTemplatesTable | undefined {
  return db.prepare("SELECT * FROM report_templates WHERE kind = ? AND is_default = 1").get(kind) as ReportTemplatesTable | undefined;
}

/** Template fields as written. */
export type TemplateFields = Pick<ReportTemplatesTable, "kind" | "name" | "title" | "issuing_unit" | "red_header" | "sections" | "is_default">;

/** Inserts a template (a default one takes the default flag from the kind's previous default). */
export function insertReportTemplate(db: Db, t: TemplateFields, now = Date.now()): ReportTemplatesTable {
  return db.tx(() => {
    if (t.is_default) db.prepare("UPDATE report_templates SET is_default = 0 WHERE kind = ?").run(t.kind);
    const r = db
      .prepare(
        `INSERT INTO report_templates (kind, name, title, issuing_unit, red_header, sections, is_default, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(t.kind, t.name, t.title, t.issuing_unit, t.red_header, t.sections, t.is_default, now, now);
    return getReportTemplate(db, Number(r.lastInsertRowid))!;
  });
}

/** Updates a template's given fields. */
export function updateReportTemplate(db: Db, id: number, patch: Partial<Omit<TemplateFields, "kind">>, now = Date.now()): ReportTemplatesTable | undefined {
  return db.tx(() => {
    const t = getReportTemplate(db, id);
    if (!t) return undefined;
    if (patch.is_default) db.prepare("UPDATE report_templates SET is_default = 0 WHERE kind = ? AND id <> ?").run(t.kind, id);
    const next = { ...t, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as ReportTemplatesTable;
    db.prepare(
      "UPDATE report_templates SET name = ?, title = ?, issuing_unit = ?, red_header = ?, sections = ?, is_default = ?, updated_at = ? WHERE id = ?",
    ).run(next.name, next.title, next.issuing_unit, next.red_header, next.sections, next.is_default, now, id);
    return getReportTemplate(db, id);
  });
}

/** Deletes a template (reports made from it keep their content). */
export function deleteReportTemplate(db: Db, id: number): boolean {
  return db.prepare("DELETE FROM report_templates WHERE id = ?").run(id).changes > 0;
}

// ---- drafts

/** A report row with the latest version's number and time. */
export interface ReportRow extends ReportsTable {
  version: number | null; issued_at: number | null; version_sha: string | null; created_by_name: string | null;
}

const REPORT_SELECT = `SELECT r.*, v.version, v.issued_at, v.sha256 AS version_sha, u.username AS created_by_name FROM reports r
  LEFT JOIN report_versions v ON v.id = (SELECT max(id) FROM report_versions WHERE report_id = r.id)
  LEFT JOIN users u ON u.id = r.created_by`;

/** A report by id. */
export function getReport(db: Db, id: number): ReportRow | undefined {
  return db.prepare(`${REPORT_SELECT} WHERE r.id = ?`).get(id) as ReportRow | undefined;
}

/** Reports, newest first. */
export function listReports(db: Db, f: { kind?: string; status?: "draft" | "issued"; limit: number; offset: number }): { rows: ReportRow[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.kind) {
    where.push("r.kind = ?");
    params.push(f.kind);
  }
  if (f.status) where.push(f.status === "issued" ? "r.seq IS NOT NULL" : "r.seq IS NULL");
  const clause = where.length ? ` WHERE ${where.join(" AND ")}` : "";
  const total = (db.prepare(`SELECT count(*) AS n FROM reports r${clause}`).get(...params) as { n: number }).n;
  const rows = db.prepare(`${REPORT_SELECT}${clause} ORDER BY r.id DESC LIMIT ? OFFSET ?`).all(...params, f.limit, f.offset) as ReportRow[];
  return { rows, total };
}

/** Inserts a draft. */
export function insertReport(
  db: Db, r: Pick<ReportsTable, "kind" | "template_id" | "event_id" | "period_from" | "period_to" | "title" | "content" | "created_by">, now = Date.now(),
): number {
  const res = db
    .prepare(
      `INSERT INTO reports (kind, template_id, event_id, period_from, period_to, title, content, created_by, created_at, updated_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(r.kind, r.template_id, r.event_id, r.period_from, r.period_to, r.title, r.content, r.created_by, now, r.created_by, now);
  return Number(res.lastInsertRowid);
}

/** Replaces a draft's content. */
export function updateReportContent(db: Db, id: number, title: string, content: string, userId: number | null, now = Date.now()): void {
  db.prepare("UPDATE reports SET title = ?, content = ?, updated_by = ?, updated_at = ? WHERE id = ?").run(title, content, userId, now, id);
}

/** Deletes a draft that was never issued (false otherwise). */
export function deleteDraft(db: Db, id: number): boolean {
  return db.tx(() => {
    db.prepare("UPDATE report_runs SET report_id = NULL WHERE report_id = ?").run(id);
    return db.prepare("DELETE FROM reports WHERE id = ? AND seq IS NULL AND NOT EXISTS (SELECT 1 FROM report_versions WHERE report_id = ?)").run(id, id).changes > 0;
  });
}

/** Gives a report its number (the next of its kind and year) unless it has one; returns it. Call inside a transaction. */
export function allocateReportNumber(db: Db, id: number, kind: string, year: number): { year: number; seq: number } {
  const r = db.prepare("SELECT year, seq FROM reports WHERE id = ?").get(id) as { year: number | null; seq: number | null };
  if (r.year != null && r.seq != null) return { year: r.year, seq: r.seq };
  const seq = (db.prepare("SELECT coalesce(max(seq), 0) + 1 AS n FROM reports WHERE kind = ? AND year = ?").get(kind, year) as { n: number }).n;
  db.prepare("UPDATE reports SET year = ?, seq = ? WHERE id = ?").run(year, seq, id);
  return { year, seq };
}

// ---- versions

/** A version with its issuer's name. */
export interface VersionRow extends ReportVersionsTable { issued_by_name: string | null; kind: string }

const VERSION_SELECT = `SELECT v.*, u.username AS issued_by_name, r.kind FROM report_versions v JOIN reports r ON r.id = v.report_id
  LEFT JOIN users u ON u.id = v.issued_by`;

/** Inserts the next version of a report (call inside the issuing transaction). */
export function insertReportVersion(
  db: Db, v: Pick<ReportVersionsTable, "report_id" | "number" | "title" | "content" | "sha256" | "issued_by" | "issued_at">,
): number {
  const version = (db.prepare("SELECT coalesce(max(version), 0) + 1 AS n FROM report_versions WHERE report_id = ?").get(v.report_id) as { n: number }).n;
  const r = db
    .prepare("INSERT INTO report_versions (report_id, version, number, title, content, sha256, issued_by, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    .run(v.report_id, version, v.number, v.title, v.content, v.sha256, v.issued_by, v.issued_at);
  return Number(r.lastInsertRowid);
}

/** A version by id. */
export function getReportVersion(db: Db, id: number): VersionRow | undefined {
  return db.prepare(`${VERSION_SELECT} WHERE v.id = ?`).get(id) as VersionRow | undefined;
}

/** A report's versions, first first. */
export function reportVersions(db: Db, reportId: number): VersionRow[] {
  return db.prepare(`${VERSION_SELECT} WHERE v.report_id = ? ORDER BY v.version`).all(reportId) as VersionRow[];
}

// ---- instructions

/** An instruction with its author's name. */
export interface InstructionRow extends ReportInstructionsTable { author: string | null }

/** Records a leader's instruction on a version. */
export function insertInstruction(db: Db, versionId: number, userId: number | null, text: string, now = Date.now()): number {
  return Number(db.prepare("INSERT INTO report_instructions (version_id, user_id, text, created_at) VALUES (?, ?, ?, ?)").run(versionId, userId, text, now).lastInsertRowid);
}

/** A version's instructions, oldest first. */
export function versionInstructions(db: Db, versionId: number): InstructionRow[] {
  return db
    .prepare("SELECT i.*, u.username AS author FROM report_instructions i LEFT JOIN users u ON u.id = i.user_id WHERE i.version_id = ? ORDER BY i.id")
    .all(versionId) as InstructionRow[];
}

// ---- runs

/** Starts a run (for a schedule, once per due moment: a second start for the same moment throws). */
export function insertReportRun(
  db: Db, r: Pick<ReportRunsTable, "kind" | "trigger" | "schedule_id" | "due_at" | "started_by">, now = Date.now(),
): number {
  return Number(
    db.prepare(
      `INSERT INTO report_runs (kind, trigger, schedule_id, due_at, status, stage, progress, started_by, started_at)
       VALUES (?, ?, ?, ?, 'running', '准备', 0, ?, ?)`,
    ).run(r.kind, r.trigger, r.schedule_id, r.due_at, r.started_by, now).lastInsertRowid,
  );
}

/** Updates a run's progress. */
export function updateRunProgress(db: Db, id: number, stage: string, progress: number, timings: Record<string, number>): void {
  db.prepare("UPDATE report_runs SET stage = ?, progress = ?, timings = ? WHERE id = ?").run(stage, progress, JSON.stringify(timings), id);
}

/** Finishes a run. */
export function finishReportRun(
  db: Db, id: number, f: { status: "done" | "failed"; reportId: number | null; error: string | null; timings: Record<string, number> }, now = Date.now(),
): void {
  db.prepare("UPDATE report_runs SET status = ?, stage = ?, progress = ?, report_id = ?, error = ?, timings = ?, finished_at = ? WHERE id = ?")
    .run(f.status, f.status === "done" ? "完成" : "失败", f.status === "done" ? 1 : 0, f.reportId, f.error, JSON.stringify(f.timings), now, id);
}

/** A run by id. */
export function getReportRun(db: Db, id: number): ReportRunsTable | undefined {
  return db.prepare("SELECT * FROM report_runs WHERE id = ?").get(id) as ReportRunsTable | undefined;
}

/** The latest runs, newest first. */
export function listReportRuns(db: Db, limit: number): ReportRunsTable[] {
  return db.prepare("SELECT * FROM report_runs ORDER BY id DESC LIMIT ?").all(limit) as ReportRunsTable[];
}

/** Runs left "running" by a process that stopped: marked failed at start. */
export function failInterruptedRuns(db: Db, now = Date.now()): number {
  return db.prepare("UPDATE report_runs SET status = 'failed', stage = '失败', error = '服务重启，生成中断', finished_at = ? WHERE status = 'running'").run(now).changes;
}
