// Report schedules through the API: administrators configure, the office reads, every change is
// audited; "run now" answers 202 with the run while generation and delivery go on in the background.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { startReceiver, type Receiver } from "../../../test/alert-receiver";
import { runDelivery } from "../../store/report-schedules";
import { mailAttachment, startSmtp, type SmtpReceiver } from "../../alerts/channels/testdata/smtp";
import type { ReportDelivery } from "../../shared/report-types";

// PDF needs Chromium (its own tests cover it): a stand-in here; DOCX and XLSX render for real.
vi.mock("../../reports/render", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../reports/render")>();
  return { ...real, renderReport: (c: never, format: "pdf" | "docx" | "xlsx", o: never) => (format === "pdf" ? Promise.resolve(Buffer.from("%PDF")) : real.renderReport(c, format, o)) };
});

let t: TestApp | undefined;
let rx: Receiver | undefined;
let smtp: SmtpReceiver | undefined;
afterEach(async () => {
  await t?.close();
  await rx?.close();
  await smtp?.close();
  t = rx = smtp = undefined;
});

const daily = { name: "每日报送", kind: "daily", atTime: "08:00", format: "pdf" };

describe("report schedules API", () => {
  it("lets administrators create, change and delete schedules, the office read them, and audits each change", async () => {
    t = await createTestApp({ timeZone: "Asia/Shanghai" });
    const admin = await t.userClient("admin");
    const leader = await t.userClient("leader");
    const handler = await t.userClient("handler");
    const ch = await admin.post("/api/alert-channels", { name: "站内", kind: "inapp" });
    expect(ch.statusCode, ch.body).toBe(201);

    const created = await admin.post("/api/report-schedules", { ...daily, channelIds: [ch.json().id], autoIssue: true });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ name: "每日报送", kind: "daily", period: null, atTime: "08:00", weekday: null, monthday: null, format: "pdf", channelIds: [ch.json().id], autoIssue: true, enabled: true, lastRunAt: null });
    // The next 08:00 in Beijing: 00:00 UTC, within a day.
    const next = Date.parse(s.nextRunAt);
    expect(new Date(next).toISOString().slice(11)).toBe("00:00:00.000Z");
    expect(next - Date.now()).toBeGreaterThan(0);
    expect(next - Date.now()).toBeLessThanOrEqual(86_400_000);

    expect((await leader.get("/api/report-schedules")).json().schedules.map((x: { id: number }) => x.id)).toEqual([s.id]);
    expect((await handler.get("/api/report-schedules")).statusCode).toBe(403);
    expect((await leader.post("/api/report-schedules", daily)).statusCode).toBe(403);
    expect((await leader.patch(`/api/report-schedules/${s.id}`, { name: "x" })).statusCode).toBe(403);

    // Weekly on Monday: the next moment is a Monday 08:00 in Beijing; fields left out keep their values.
    const weekly = await admin.patch(`/api/report-schedules/${s.id}`, { kind: "periodic", period: "week", weekday: 1 });
    expect(weekly.statusCode, weekly.body).toBe(200);
    expect(weekly.json()).toMatchObject({ kind: "periodic", period: "week", weekday: 1, autoIssue: true, format: "pdf", channelIds: [ch.json().id] });
    const monday = new Date(Date.parse(weekly.json().nextRunAt) + 8 * 3600_000);
    expect([monday.getUTCDay(), monday.getUTCHours()]).toEqual([1, 8]);
    // A rename keeps the stored moment (here one no timing would give); a timing change recomputes it.
    t.db.sqlite.prepare("UPDATE report_schedules SET next_run_at = ? WHERE id = ?").run(Date.parse("2100-01-01T00:00:00Z"), s.id);
    expect((await admin.patch(`/api/report-schedules/${s.id}`, { name: "每周报送" })).json()).toMatchObject({ name: "每周报送", nextRunAt: "2100-01-01T00:00:00.000Z" });
    const off = await admin.patch(`/api/report-schedules/${s.id}`, { enabled: false });
    expect(off.json()).toMatchObject({ enabled: false, nextRunAt: null, weekday: 1 });

    expect((await admin.del(`/api/report-schedules/${s.id}`)).statusCode).toBe(204);
    expect((await admin.del(`/api/report-schedules/${s.id}`)).statusCode).toBe(404);
    const audit = (await admin.get("/api/audit?targetType=report_schedule&limit=10")).json();
    expect(audit.entries.map((e: { action: string }) => e.action).sort()).toEqual([
      "report_schedule.create", "report_schedule.delete", "report_schedule.update", "report_schedule.update", "report_schedule.update",
    ]);
  });

  it("refuses timings that do not fit the kind, unknown channels, templates and formats, naming the field", async () => {
    t = await createTestApp();
    const admin = await t.userClient("admin");
    const fields = async (body: object) => {
      const res = await admin.post("/api/report-schedules", body);
      expect(res.statusCode, res.body).toBe(400);
      return Object.keys(res.json().fields ?? {}).sort();
    };
    expect(await fields({ ...daily, weekday: 1 })).toEqual(["weekday"]);
    expect(await fields({ ...daily, kind: "periodic", period: "week" })).toEqual(["weekday"]);
    expect(await fields({ ...daily, kind: "periodic", period: "week", weekday: 1, monthday: 3 })).toEqual(["monthday"]);
    expect(await fields({ ...daily, kind: "periodic", period: "month", monthday: 29 })).toEqual(["monthday"]);
    expect(await fields({ ...daily, kind: "periodic" })).toEqual(["period"]);
    expect(await fields({ ...daily, atTime: "8:00" })).toEqual(["atTime"]);
    expect(await fields({ ...daily, atTime: "24:00" })).toEqual(["atTime"]);
    expect(await fields({ ...daily, format: "doc" })).toEqual(["format"]);
    expect(await fields({ ...daily, channelIds: [4242] })).toEqual(["channelIds"]);
    expect(await fields({ ...daily, templateId: 4242 })).toEqual(["templateId"]);
    const tpl = await admin.post("/api/report-templates", { kind: "daily", name: "简版", title: "每日网络动态（简版）", issuingUnit: "县委网信办", redHeader: false, sections: ["overview"], isDefault: false });
    expect(tpl.statusCode, tpl.body).toBe(201);
    expect(await fields({ ...daily, kind: "periodic", period: "week", weekday: 1, templateId: tpl.json().id })).toEqual(["templateId"]);
    const withTpl = await admin.post("/api/report-schedules", { ...daily, templateId: tpl.json().id });
    expect([withTpl.statusCode, withTpl.json().templateId]).toEqual([201, tpl.json().id]);
    expect((await admin.del(`/api/report-schedules/${withTpl.json().id}`)).statusCode).toBe(204);
    // A PATCH is checked as the whole schedule it makes.
    const ok = (await admin.post("/api/report-schedules", { ...daily, kind: "periodic", period: "month", monthday: 28 })).json();
    const bad = await admin.patch(`/api/report-schedules/${ok.id}`, { period: "week" });
    expect([bad.statusCode, Object.keys(bad.json().fields ?? {}).sort()]).toEqual([400, ["monthday", "weekday"]]);
    expect((await admin.get("/api/report-schedules")).json().schedules).toHaveLength(1);
  });

  it("runs a schedule now: 202 with the run, then the robot gets the link and the run records the delivery", async () => {
    rx = await startReceiver();
    t = await createTestApp({ fetchAllowHosts: [`127.0.0.1:${rx.port}`], publicUrl: "https://tf.example.gov.cn", alertRetryBaseMs: 10, timeZone: "Asia/Shanghai" });
    const admin = await t.userClient("admin");
    const monitor = await t.userClient("monitor");
    const hook = (await admin.post("/api/alert-channels", { name: "接收系统", kind: "webhook", url: rx.url })).json();
    const draft = (await admin.post("/api/report-schedules", { ...daily, channelIds: [hook.id] })).json();
    const issued = (await admin.post("/api/report-schedules", { ...daily, name: "每日报送（签发）", channelIds: [hook.id], autoIssue: true })).json();

    expect((await monitor.post(`/api/report-schedules/${draft.id}/run`)).statusCode).toBe(403);
    expect((await admin.post("/api/report-schedules/9999/run")).statusCode).toBe(404);
    const run = async (scheduleId: number) => {
      const res = await admin.post(`/api/report-schedules/${scheduleId}/run`);
      expect(res.statusCode, res.body).toBe(202);
      const { runId } = res.json() as { runId: number };
      const t0 = Date.now();
      while (runDelivery(t!.db, runId) == null && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 20));
      const row = (await admin.get(`/api/report-runs/${runId}`)).json() as { scheduleId: number; trigger: string; reportId: number; status: string };
      expect(row).toMatchObject({ scheduleId, trigger: "manual", status: "done" });
      return { runId, reportId: row.reportId };
    };

    const a = await run(draft.id);
    expect((runDelivery(t.db, a.runId) as ReportDelivery[]).map((d) => [d.channelId, d.status, d.attempts])).toEqual([[hook.id, "sent", 1]]);
    expect(rx.received[0].body).toMatchObject({ id: a.runId, severity: "general", url: `https://tf.example.gov.cn/reports/${a.reportId}` });
    expect(String(rx.received[0].body.title)).toMatch(/（草稿）$/);

    const b = await run(issued.id);
    const report = (await admin.get(`/api/reports/${b.reportId}`)).json() as { number: string; versions: { id: number }[] };
    expect(report.versions).toHaveLength(1);
    expect(rx.received[1].body).toMatchObject({ id: b.runId, url: `https://tf.example.gov.cn/m/reports/${report.versions[0].id}` });
    expect(String(rx.received[1].body.title)).toContain(report.number);
    expect((await admin.get("/api/report-schedules")).json().schedules[0].lastRunAt).not.toBeNull();
  });

  it("e-mails a scheduled report as a real DOCX attachment", async () => {
    smtp = await startSmtp("reports", "smtp-pa55-word");
    t = await createTestApp({ timeZone: "Asia/Shanghai" });
    const admin = await t.userClient("admin");
    const mail = await admin.post("/api/alert-channels", {
      name: "领导邮箱", kind: "email", secret: "smtp-pa55-word",
      options: { host: "127.0.0.1", port: smtp.port, secure: false, user: "reports", from: "tingfeng@example.gov.cn", to: ["lead@example.gov.cn"] },
    });
    expect(mail.statusCode, mail.body).toBe(201);
    const s = (await admin.post("/api/report-schedules", { ...daily, format: "docx", channelIds: [mail.json().id], autoIssue: true })).json();
    const { runId } = (await admin.post(`/api/report-schedules/${s.id}/run`)).json() as { runId: number };
    const t0 = Date.now();
    while (runDelivery(t.db, runId) == null && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 50));
    expect((runDelivery(t.db, runId) as ReportDelivery[])[0]).toMatchObject({ status: "sent", kind: "email" });
    const file = mailAttachment(smtp.mails[0].raw);
    const report = (await admin.get(`/api/report-runs/${runId}`)).json() as { reportId: number };
    const number = ((await admin.get(`/api/reports/${report.reportId}`)).json() as { number: string }).number;
    expect(file.filename).toMatch(new RegExp(`（${number}）_\\d{4}-\\d{2}-\\d{2}\\.docx$`));
    expect(file.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    // A DOCX is a ZIP file: PK\x03\x04.
    expect(file.bytes.subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
    expect(file.bytes.length).toBeGreaterThan(5000);
  }, 30_000);
});
