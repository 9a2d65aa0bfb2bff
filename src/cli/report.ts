// `tingfeng report daily|periodic|special|quarterly|annual [--date D] [--from D --to D] [--period week|month]
// [--event ID] [--template ID] [--issue] --format docx|pdf|xlsx --out FILE`: the same generator, drafts,
// numbering and renderers as the UI. The draft is kept (and listed in the UI); --issue also issues it.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { REPORT_FORMATS, REPORT_KINDS, type ReportContent, type ReportFormat, type ReportKind, type ReportSpec } from "../shared/report-types";
import { AppError } from "../errors";
import { createReportDraft, issueReport } from "../reports/service";
import { closePdfBrowser, renderReport } from "../reports/render";
import { getReportVersion } from "../store/reports";
import { openRuntime } from "./runtime";

const USAGE = `Usage: tingfeng report <${REPORT_KINDS.join("|")}> [--date YYYY-MM-DD] [--from YYYY-MM-DD --to YYYY-MM-DD]
       [--period week|month] [--event ID] [--template ID] [--issue] --format ${REPORT_FORMATS.join("|")} --out FILE
`;

/** Runs the command; returns the exit code. */
export async function reportCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: {
        date: { type: "string" }, from: { type: "string" }, to: { type: "string" }, period: { type: "string" }, event: { type: "string" },
        template: { type: "string" }, format: { type: "string" }, out: { type: "string" }, issue: { type: "boolean" },
      },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  const kind = positionals[0] as ReportKind;
  const format = v.format as ReportFormat;
  if (!REPORT_KINDS.includes(kind) || !REPORT_FORMATS.includes(format) || !v.out || (v.period && v.period !== "week" && v.period !== "month")) {
    process.stderr.write(USAGE);
    return 2;
  }
  const int = (s: string | undefined) => (s === undefined ? undefined : Number.parseInt(s, 10));
  const spec: ReportSpec = {
    kind, date: v.date, from: v.from, to: v.to, period: v.period as ReportSpec["period"], eventId: int(v.event), templateId: int(v.template),
  };
  const { config, db } = await openRuntime();
  try {
    const t0 = performance.now();
    const { report } = await createReportDraft(db, config, spec, null, { trigger: "cli" });
    const t1 = performance.now();
    let content: ReportContent = report.content;
    let label = `draft #${report.id}`;
    if (v.issue) {
      const version = issueReport(db, config, report.id, null);
      content = JSON.parse(getReportVersion(db, version.id)!.content) as ReportContent;
      label = `${version.number} (version ${version.version})`;
    }
    const file = await renderReport(content, format, { baseUrl: config.publicUrl, draft: !v.issue });
    writeFileSync(v.out, file);
    const t2 = performance.now();
    process.stdout.write(`${content.title} ${content.period.label} ${label}: draft ${Math.round(t1 - t0)} ms, ${format} ${Math.round(t2 - t1)} ms → ${v.out} (${file.length} bytes)\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`report: ${e instanceof AppError ? e.message : (e as Error).stack ?? String(e)}\n`);
    return 1;
  } finally {
    await closePdfBrowser();
    db.close();
  }
}
