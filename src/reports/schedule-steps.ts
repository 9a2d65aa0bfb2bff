// The real steps of a scheduled run: the report service (draft, issue), the renderers and the
// delivery through the alert channels. Kept apart from the job so its tests inject their own.
import type { Db } from "../db/connection";
import type { Config } from "../config";
import type { ChannelRegistry } from "../alerts/channels";
import { createReportDraft, issueReport } from "./service";
import { renderReport, REPORT_MIME } from "./render";
import { deliverReport } from "./deliver";
import { getReportVersion } from "../store/reports";
import type { ScheduleRunSteps } from "./schedule-job";
import type { ReportContent } from "../shared/report-types";

/** What the steps need from the server. */
export interface StepDeps {
  channels: ChannelRegistry;
  /** The key of channel secrets. */
  key: Buffer;
}

/** The production steps. */
export function scheduleSteps(db: Db, config: Config, deps: StepDeps): ScheduleRunSteps {
  return {
    async createDraft(spec, actor, opts) {
      const { report, runId } = await createReportDraft(db, config, spec, actor, opts);
      return { reportId: report.id, runId, content: report.content };
    },
    issue(reportId, actor) {
      const version = issueReport(db, config, reportId, actor);
      const row = getReportVersion(db, version.id);
      if (!row) throw new Error(`report version ${version.id} not found after issuing`);
      return { versionId: version.id, content: JSON.parse(row.content) as ReportContent };
    },
    async render(content, format, draft) {
      return { bytes: await renderReport(content, format, { baseUrl: config.publicUrl, draft }), contentType: REPORT_MIME[format] };
    },
    deliver: (input, signal) => deliverReport(db, { channels: deps.channels, key: deps.key, config, signal }, input),
  };
}
