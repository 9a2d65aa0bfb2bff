// Reports as the API, the CLI and schedules use them: generate a draft (recorded as a run with its
// stages), edit it, issue a numbered immutable version.
import type { Db } from "../db/connection";
import type { Config } from "../config";
import type { ReportDetail, ReportSpec, ReportVersionSummary } from "../shared/report-types";

/** Who is acting (null: the system, e.g. a schedule). */
export interface ReportActor { id: number; username: string }

/** Options of a generation. */
export interface GenerateOptions {
  trigger: "manual" | "schedule" | "cli";
  scheduleId?: number | null;
  /** The schedule's due moment (a run per moment). */
  dueAt?: number | null;
  now?: number;
}

/** Generates a draft from the spec, recording a run (stages, progress, timings); returns the draft and the run id. */
export async function createReportDraft(db: Db, config: Config, spec: ReportSpec, actor: ReportActor | null, opts: GenerateOptions): Promise<{ report: ReportDetail; runId: number }> {
  void db; void config; void spec; void actor; void opts;
  throw new Error("not built yet");
}

/** Issues the draft: the first issue numbers it (per kind and year); each issue freezes a new version. */
export function issueReport(db: Db, config: Config, reportId: number, actor: ReportActor | null, now = Date.now()): ReportVersionSummary {
  void db; void config; void reportId; void actor; void now;
  throw new Error("not built yet");
}
