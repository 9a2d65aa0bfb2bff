// The report schedule job (定时报送): a timer that finds enabled schedules whose moment has come and,
// for each, generates the report (a run recorded with the moment it serves), issues it when the
// schedule says so, renders it and delivers it through the alert channels. Once per moment: the run
// row is unique per (schedule, moment), and a moment that already has one is skipped, so a crash after
// the run was written does not run it twice. After downtime only the latest missed moment runs.
import type { Db } from "../db/connection";
import type { Config } from "../config";
import type { ReportContent, ReportDelivery, ReportFormat, ReportSpec } from "../shared/report-types";
import { REPORT_FORMATS } from "../shared/report-types";
import {
  dueSchedules, getSchedule, scheduleRunId, setRunDelivery, setScheduleLastRun, setScheduleRun, type ScheduleRow,
} from "../store/report-schedules";
import { lastDueAtOrBefore, nextRunAfter, scheduleSpec, type ScheduleTiming } from "./schedule";
import type { ContentReader, GenerateOptions, ReportActor } from "./service";
import type { ReportDeliveryInput } from "./deliver";

/** The steps of a run (the real ones by default; tests inject their own). */
export interface ScheduleRunSteps {
  /** Generates the draft and records the run (createReportDraft). */
  createDraft(spec: ReportSpec, actor: ReportActor | null, opts: GenerateOptions): Promise<{ reportId: number; runId: number; content: ReportContent }>;
  /** Issues the draft; returns the version and its frozen content. */
  issue(reportId: number, actor: ReportActor | null): { versionId: number; content: ReportContent };
  render(content: ReportContent, format: ReportFormat, draft: boolean): Promise<{ bytes: Buffer; contentType: string }>;
  deliver(input: ReportDeliveryInput, signal: AbortSignal): Promise<ReportDelivery[]>;
}

/** Options of the job. */
export interface ScheduleJobOptions {
  config: Pick<Config, "timeZone">;
  steps: ScheduleRunSteps;
  /** The clock (tests inject one). */
  now?: () => number;
  /** How often it looks (default 30 s). */
  intervalMs?: number;
  log?: (m: string) => void;
  /** false: only runOnce() runs it (tests). */
  autostart?: boolean;
}

/** The running job. */
export interface ScheduleJob {
  /** Runs every schedule due at `now` (once per moment); resolves with how many ran. */
  runOnce(now?: number): Promise<number>;
  /** Starts a schedule's run now, in the background; resolves with the run id once the run is recorded. */
  runNow(scheduleId: number, actor: ReportActor | null): Promise<number>;
  /** Where runs read the report's content from now on (the server's read pool: a digest must not hold the event loop). */
  useReader(read: ContentReader): void;
  stop(): Promise<void>;
}

/** The timing of a stored schedule. */
export function timingOf(s: ScheduleRow): ScheduleTiming & { templateId: number | null } {
  return {
    kind: s.kind === "periodic" ? "periodic" : "daily", period: s.period === "week" || s.period === "month" ? s.period : null,
    atTime: s.at_time, weekday: s.weekday, monthday: s.monthday, templateId: s.template_id,
  };
}

// The unique (schedule, moment) index refused the run: another process took the moment.
function isUniqueViolation(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++)
    if ((e as { code?: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE") return true;
  return false;
}
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Starts the schedule job. */
export function createScheduleJob(db: Db, opts: ScheduleJobOptions): ScheduleJob {
  const clock = opts.now ?? Date.now;
  const log = opts.log ?? (() => {});
  const tz = opts.config.timeZone;
  const abort = new AbortController();
  const background = new Set<Promise<unknown>>();
  let round: Promise<number> | null = null;
  let reader: ContentReader | undefined;

  // One run: draft (records the run), issue, render, deliver, record the delivery. Throws when the draft fails.
  async function run(s: ScheduleRow, dueAt: number, trigger: GenerateOptions["trigger"], actor: ReportActor | null): Promise<number> {
    const { steps } = opts;
    const draft = await steps.createDraft(scheduleSpec(timingOf(s), dueAt, tz), actor, { trigger, scheduleId: s.id, dueAt, now: clock(), ...(reader ? { read: reader } : {}) });
    let content = draft.content;
    let versionId: number | null = null;
    if (s.auto_issue) {
      try {
        ({ versionId, content } = steps.issue(draft.reportId, actor));
      } catch (err) {
        // The draft still goes out, marked 草稿, and the log says why it was not issued.
        log(`report schedule ${s.id}: issuing report ${draft.reportId} failed: ${errorText(err)}`);
      }
    }
    const format = (REPORT_FORMATS as readonly string[]).includes(s.format) ? (s.format as ReportFormat) : "docx";
    let file: ReportDeliveryInput["file"];
    try {
      file = await steps.render(content, format, versionId == null);
    } catch (err) {
      file = { error: errorText(err) };
      log(`report schedule ${s.id}: rendering ${format} failed: ${file.error}`);
    }
    const channelIds = JSON.parse(s.channel_ids) as number[];
    const delivery = await steps.deliver({ runId: draft.runId, reportId: draft.reportId, versionId, content, format, file, channelIds }, abort.signal);
    setRunDelivery(db, draft.runId, delivery);
    return draft.runId;
  }

  async function runDue(now: number): Promise<number> {
    let ran = 0;
    for (const s of dueSchedules(db, now)) {
      if (abort.signal.aborted) break;
      const timing = timingOf(s);
      let next: number;
      try {
        next = nextRunAfter(timing, now, tz);
      } catch (err) {
        log(`report schedule ${s.id}: ${errorText(err)}`);
        continue;
      }
      // A schedule just created or re-enabled has no moment yet: it starts from the next one.
      if (s.next_run_at == null) {
        setScheduleRun(db, s.id, null, next);
        continue;
      }
      const dueAt = lastDueAtOrBefore(timing, now, tz) ?? s.next_run_at;
      if (scheduleRunId(db, s.id, dueAt) == null) {
        try {
          await run(s, dueAt, "schedule", null);
          ran++;
        } catch (err) {
          // Another process took the moment, or the generation failed (the run row says why): either way it is not retried.
          if (!isUniqueViolation(err)) log(`report schedule ${s.id} at ${new Date(dueAt).toISOString()} failed: ${errorText(err)}`);
        }
      }
      setScheduleRun(db, s.id, s.next_run_at, next, dueAt);
    }
    return ran;
  }

  function runOnce(now = clock()): Promise<number> {
    // One round at a time: a round takes seconds (generation, rendering, delivery retries).
    if (round) return round;
    round = runDue(now).finally(() => (round = null));
    return round;
  }

  async function runNow(scheduleId: number, actor: ReportActor | null): Promise<number> {
    const s = getSchedule(db, scheduleId);
    if (!s) throw new Error(`report schedule ${scheduleId} not found`);
    const dueAt = clock();
    let failure: unknown = null;
    let settled = false;
    const p = run(s, dueAt, "manual", actor)
      .catch((err) => {
        failure = err;
        log(`report schedule ${s.id} (run now) failed: ${errorText(err)}`);
      })
      .finally(() => {
        settled = true;
        background.delete(p);
      });
    background.add(p);
    setScheduleLastRun(db, s.id, dueAt);
    // The run row appears as soon as generation starts; the caller gets its id and the run goes on.
    for (const t0 = Date.now(); Date.now() - t0 < 30_000; await new Promise((r) => setTimeout(r, 20))) {
      const runId = scheduleRunId(db, s.id, dueAt);
      if (runId != null) return runId;
      if (settled) throw new Error(`report schedule ${s.id}: the run did not start: ${errorText(failure)}`);
    }
    throw new Error(`report schedule ${s.id}: the run did not start within 30 s`);
  }

  const tick = () => void runOnce().catch((err) => log(`report schedules: ${errorText(err)}`));
  const timer = opts.autostart !== false ? setInterval(tick, opts.intervalMs ?? 30_000) : null;
  // A moment missed while the server was down runs soon after it starts, not a whole interval later.
  const first = opts.autostart !== false ? setTimeout(tick, 1_000) : null;
  timer?.unref?.();
  first?.unref?.();
  return {
    runOnce,
    runNow,
    useReader: (read) => void (reader = read),
    async stop() {
      if (timer) clearInterval(timer);
      if (first) clearTimeout(first);
      abort.abort();
      await Promise.allSettled([round, ...background]);
    },
  };
}
