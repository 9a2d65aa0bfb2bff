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

const ID = /^[1-9][0-9]{0,15}$/;

/** Runs the command; returns the exit code. `out`/`err` take whole lines (tests capture them). */
export async function reportCommand(
  args: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`), err: (text: string) => void = (t) => process.stderr.write(t),
): Promise<number> {
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
    err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  const kind = positionals[0] as ReportKind;
  const format = v.format as ReportFormat;
  if (!REPORT_KINDS.includes(kind) || !REPORT_FORMATS.includes(format) || !v.out || (v.period && v.period !== "week" && v.period !== "month")) {
    err(USAGE);
    return 2;
  }
  // An id is a positive integer: "12abc" or "x" is a usage error, not a search for event NaN.
  for (const [name, value] of [["event", v.event], ["template", v.template]] as const) {
    if (value !== undefined && !ID.test(value)) {
      err(`--${name} must be a positive integer, got "${value}"\n${USAGE}`);
      return 2;
    }
  }
  const int = (s: string | undefined) => (s === undefined ? undefined : Number(s));
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
    out(`${content.title} ${content.period.label} ${label}: draft ${Math.round(t1 - t0)} ms, ${format} ${Math.round(t2 - t1)} ms → ${v.out} (${file.length} bytes)`);
    return 0;
  } catch (e) {
    err(`report: ${e instanceof AppError ? e.message : (e as Error).stack ?? String(e)}\n`);
    return 1;
  } finally {
    await closePdfBrowser();
    db.close();
  }
}
