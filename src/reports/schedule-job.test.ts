import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { getSchedule, insertSchedule, runDelivery, type ScheduleInput } from "../store/report-schedules";
import { createScheduleJob, type ScheduleJob, type ScheduleRunSteps } from "./schedule-job";
import type { ReportContent, ReportDelivery, ReportSpec } from "../shared/report-types";
import type { GenerateOptions } from "./service";
import type { ReportDeliveryInput } from "./deliver";

const TZ = "Asia/Shanghai";
const at = (isoText: string) => Date.parse(isoText);
// 08:00 Beijing on 2026-07-01 … 04.
const DAY1_8 = at("2026-07-01T00:00:00Z");
const DAY4_8 = at("2026-07-04T00:00:00Z");

let db: Db;
let jobs: ScheduleJob[] = [];
beforeEach(() => {
  db = openDb(":memory:");
  migrate(db);
});
afterEach(async () => {
  for (const j of jobs) await j.stop();
  jobs = [];
  db.close();
});

const content = (title: string, number: string | null = null): ReportContent => ({
  kind: "daily", title, issuingUnit: "县委网信办", redHeader: false, number, period: { from: "2026-06-30", to: "2026-06-30", label: "2026年6月30日" },
  eventId: null, generatedAt: "2026-07-01T00:00:05.000Z", issuedBy: null, issuedAt: null, sections: [],
});

interface Calls {
  drafts: { spec: ReportSpec; opts: GenerateOptions }[];
  issued: number[];
  rendered: { format: string; draft: boolean; title: string }[];
  delivered: ReportDeliveryInput[];
}

// Steps that record what they were asked and write the run row as the service does (unique per schedule and moment).
function fakeSteps(over: Partial<ScheduleRunSteps> & { delayInsert?: boolean } = {}): { steps: ScheduleRunSteps; calls: Calls } {
  const calls: Calls = { drafts: [], issued: [], rendered: [], delivered: [] };
  const steps: ScheduleRunSteps = {
    async createDraft(spec, _actor, opts) {
      calls.drafts.push({ spec, opts });
      if (over.delayInsert) await new Promise((r) => setTimeout(r, 5));
      const runId = Number(db.prepare(
        "INSERT INTO report_runs (kind, trigger, schedule_id, status, due_at, started_at) VALUES (?, ?, ?, 'done', ?, ?)",
      ).run(spec.kind, opts.trigger, opts.scheduleId ?? null, opts.dueAt ?? null, Date.now()).lastInsertRowid);
      return { reportId: 100 + runId, runId, content: content("每日网络动态") };
    },
    issue(reportId) {
      calls.issued.push(reportId);
      return { versionId: 7, content: content("每日网络动态", "2026年第3期") };
    },
    async render(c, format, draft) {
      calls.rendered.push({ format, draft, title: c.title });
      return { bytes: Buffer.from(`file of ${c.number ?? "draft"}`), contentType: "application/pdf" };
    },
    async deliver(input) {
      calls.delivered.push(input);
      return input.channelIds.map((id): ReportDelivery => ({ channelId: id, name: null, kind: null, status: "sent", attempts: 1, error: null, at: "2026-07-01T00:00:06.000Z" }));
    },
    ...over,
  };
  return { steps, calls };
}

const schedule = (over: Partial<ScheduleInput> = {}): number => insertSchedule(db, {
  name: "每日报送", kind: "daily", period: null, templateId: null, atTime: "08:00", weekday: null, monthday: null, format: "pdf",
  channelIds: [3, 4], autoIssue: false, enabled: true, nextRunAt: DAY1_8, ...over,
}, null, 0);

function job(steps: ScheduleRunSteps, log: string[] = []): ScheduleJob {
  const j = createScheduleJob(db, { config: { timeZone: TZ }, steps, autostart: false, log: (m) => log.push(m) });
  jobs.push(j);
  return j;
}

const runs = () => db.prepare("SELECT id, schedule_id, due_at, trigger FROM report_runs ORDER BY id").all() as { id: number; schedule_id: number; due_at: number; trigger: string }[];

describe("report schedule job", () => {
  it("runs a due schedule once for its moment, for the office day before, and moves it to the next day", async () => {
    const id = schedule();
    const { steps, calls } = fakeSteps();
    const j = job(steps);
    expect(await j.runOnce(DAY1_8 - 1000)).toBe(0);
    expect(await j.runOnce(DAY1_8 + 30_000)).toBe(1);
    expect(await j.runOnce(DAY1_8 + 90_000)).toBe(0);
    expect(calls.drafts).toEqual([{ spec: { kind: "daily", date: "2026-06-30" }, opts: { trigger: "schedule", scheduleId: id, dueAt: DAY1_8, now: expect.any(Number) } }]);
    expect(runs().map((r) => [r.schedule_id, r.due_at])).toEqual([[id, DAY1_8]]);
    const s = getSchedule(db, id)!;
    expect([s.next_run_at, s.last_run_at]).toEqual([DAY1_8 + 86_400_000, DAY1_8]);
  });

  it("after three days down runs once, for the latest missed moment", async () => {
    const id = schedule();
    const { steps, calls } = fakeSteps();
    expect(await job(steps).runOnce(DAY4_8 + 2 * 3600_000)).toBe(1);
    expect(calls.drafts.map((d) => [d.opts.dueAt, d.spec.date])).toEqual([[DAY4_8, "2026-07-03"]]);
    expect(getSchedule(db, id)!.next_run_at).toBe(DAY4_8 + 86_400_000);
  });

  it("does not run a moment again after a crash that followed the run's row", async () => {
    const id = schedule();
    // The previous process wrote the run for 1 July 08:00 and died before moving the schedule on.
    db.prepare("INSERT INTO report_runs (kind, trigger, schedule_id, status, due_at, started_at) VALUES ('daily', 'schedule', ?, 'running', ?, ?)").run(id, DAY1_8, DAY1_8);
    const { steps, calls } = fakeSteps();
    expect(await job(steps).runOnce(DAY1_8 + 60_000)).toBe(0);
    expect(calls.drafts).toHaveLength(0);
    expect(runs()).toHaveLength(1);
    expect(getSchedule(db, id)!.next_run_at).toBe(DAY1_8 + 86_400_000);
  });

  it("two processes at the same moment: the unique (schedule, moment) index lets one run and deliver", async () => {
    schedule();
    const a = fakeSteps({ delayInsert: true });
    const b = fakeSteps({ delayInsert: true });
    const logs: string[] = [];
    const ran = await Promise.all([job(a.steps, logs).runOnce(DAY1_8 + 1000), job(b.steps, logs).runOnce(DAY1_8 + 1000)]);
    expect(a.calls.drafts.length + b.calls.drafts.length).toBe(2);
    expect(ran.sort()).toEqual([0, 1]);
    expect(runs()).toHaveLength(1);
    expect(a.calls.delivered.length + b.calls.delivered.length).toBe(1);
    expect(logs).toEqual([]);
  });

  it("issues when autoIssue, renders the issued content in the schedule's format and records the delivery on the run", async () => {
    schedule({ autoIssue: true, format: "docx" });
    const { steps, calls } = fakeSteps();
    await job(steps).runOnce(DAY1_8);
    const [run] = runs();
    expect(calls.issued).toEqual([100 + run.id]);
    expect(calls.rendered).toEqual([{ format: "docx", draft: false, title: "每日网络动态" }]);
    const [d] = calls.delivered;
    expect([d.runId, d.versionId, d.content.number, d.channelIds]).toEqual([run.id, 7, "2026年第3期", [3, 4]]);
    expect(d.file).toEqual({ bytes: Buffer.from("file of 2026年第3期"), contentType: "application/pdf" });
    expect((runDelivery(db, run.id) as ReportDelivery[]).map((x) => [x.channelId, x.status])).toEqual([[3, "sent"], [4, "sent"]]);
  });

  it("sends the draft when not issuing, and still delivers when rendering fails", async () => {
    schedule();
    const { steps, calls } = fakeSteps({ render: async () => { throw new Error("chromium missing"); } });
    const logs: string[] = [];
    await job(steps, logs).runOnce(DAY1_8);
    expect(calls.issued).toEqual([]);
    expect(calls.delivered[0]).toMatchObject({ versionId: null, file: { error: "chromium missing" } });
    expect(logs.join("\n")).toContain("rendering pdf failed");
  });

  it("weekly and monthly schedules ask for the last full week and month", async () => {
    schedule({ kind: "periodic", period: "week", weekday: 3, nextRunAt: DAY1_8 });
    schedule({ kind: "periodic", period: "month", monthday: 1, nextRunAt: DAY1_8 });
    const { steps, calls } = fakeSteps();
    expect(await job(steps).runOnce(DAY1_8 + 1000)).toBe(2);
    expect(calls.drafts.map((d) => d.spec)).toEqual([
      { kind: "periodic", period: "week", from: "2026-06-22", to: "2026-06-28" },
      { kind: "periodic", period: "month", from: "2026-06-01", to: "2026-06-30" },
    ]);
  });

  it("leaves disabled schedules alone and starts a new one from its next moment, not a past one", async () => {
    const off = schedule({ enabled: false });
    const fresh = schedule({ nextRunAt: null });
    const { steps, calls } = fakeSteps();
    expect(await job(steps).runOnce(DAY1_8 + 3600_000)).toBe(0);
    expect(calls.drafts).toHaveLength(0);
    expect(getSchedule(db, off)!.next_run_at).toBe(DAY1_8);
    expect(getSchedule(db, fresh)!.next_run_at).toBe(DAY1_8 + 86_400_000);
  });

  it("a failed generation is logged and not retried for that moment", async () => {
    const id = schedule();
    const logs: string[] = [];
    const { steps } = fakeSteps({ createDraft: async () => { throw new Error("database is locked"); } });
    const j = job(steps, logs);
    await j.runOnce(DAY1_8);
    await j.runOnce(DAY1_8 + 60_000);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain("database is locked");
    expect(getSchedule(db, id)!.next_run_at).toBe(DAY1_8 + 86_400_000);
  });

  it("runNow answers with the run's id while the run goes on, as a manual run of the schedule", async () => {
    const id = schedule({ nextRunAt: DAY4_8 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { steps, calls } = fakeSteps({});
    const slowDeliver = steps.deliver;
    steps.deliver = async (input, signal) => (await gate, slowDeliver(input, signal));
    const runId = await job(steps).runNow(id, { id: 1, username: "admin", role: "admin", unitId: null });
    expect(runs()).toEqual([{ id: runId, schedule_id: id, due_at: expect.any(Number), trigger: "manual" }]);
    expect(calls.delivered).toHaveLength(0);
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.delivered.map((d) => d.runId)).toEqual([runId]);
    expect(getSchedule(db, id)!.next_run_at).toBe(DAY4_8);
  });

  it("runNow says why when the run could not even start", async () => {
    const id = schedule();
    const { steps } = fakeSteps({ createDraft: async () => { throw new Error("no template of kind daily"); } });
    await expect(job(steps).runNow(id, null)).rejects.toThrow("no template of kind daily");
    expect(runs()).toHaveLength(0);
  });

  it("an edit made while a run is under way keeps the moment the edit set", async () => {
    const id = schedule();
    const { steps } = fakeSteps();
    const deliver = steps.deliver;
    steps.deliver = async (input, signal) => {
      // An administrator moves the schedule to 09:00 while the report is being delivered.
      db.prepare("UPDATE report_schedules SET at_time = '09:00', next_run_at = ? WHERE id = ?").run(DAY1_8 + 3600_000, id);
      return deliver(input, signal);
    };
    await job(steps).runOnce(DAY1_8);
    expect(getSchedule(db, id)!.next_run_at).toBe(DAY1_8 + 3600_000);
  });
});
