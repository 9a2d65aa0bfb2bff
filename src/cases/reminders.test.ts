// Case reminders and overdue notices on a fake clock: near → one reminder, passed → one overdue
// notice, never repeated, and an extended deadline told again; each an alert with deliveries to the
// in-app channels (plus the configured ones) and a step on the case's timeline.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers";
import { insertChannel } from "../store/alert-config";
import { caseSteps, insertCase } from "../store/cases";
import { insertUnit } from "../store/units";
import { buildMessage } from "../alerts/message";
import type { Actor } from "../store/audit";
import { officeCalendar } from "./calendar";
import { openCase, takeStep } from "./commands";
import { createCaseReminderJob, noticesDue } from "./reminders";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const H = 3600_000;
const T0 = Date.parse("2026-12-07T02:00:00Z");

describe("case reminders", () => {
  it("reminds once before each deadline, tells once when it passed, and again for an extended deadline", async () => {
    t = await createTestApp({ timeZone: "Asia/Shanghai", caseReminderMinutes: 60 });
    const db = t.db;
    const inapp = insertChannel(db, { name: "站内", kind: "inapp", url: null, options: {}, enabled: true }, null);
    insertChannel(db, { name: "停用站内", kind: "inapp", url: null, options: {}, enabled: false }, null);
    const hook = insertChannel(db, { name: "值班系统", kind: "webhook", url: "https://hooks.example.cn/a", options: {}, enabled: true }, null);
    const named = insertChannel(db, { name: "领导群", kind: "wecom", url: "https://qyapi.example.cn/x", options: {}, enabled: true }, null);
    await t.userClient("leader", { username: "lead" });
    const actor = { ...(db.prepare("SELECT id, username FROM users WHERE username = 'lead'").get() as { id: number; username: string }), role: "leader", unitId: null } as Actor;
    const unit = insertUnit(db, "县教育局", null).id;
    // 重大: feedback within 2 hours, reply within 6 hours (plain hours, the seeded policy).
    const id = openCase(db, officeCalendar(db, t.config), { title: "禾溪镇小学乱收费", itemIds: [], severity: "major", unitId: unit, origin: "manual" }, actor, null, T0);

    let now = T0;
    const job = createCaseReminderJob(db, { config: { ...t.config, caseNoticeChannels: [named] }, now: () => now, autostart: false });
    const at = (ms: number) => ((now = ms), job.tick());

    expect(at(T0 + 30 * 60_000)).toBe(0); // both deadlines further than an hour away
    expect(at(T0 + 1.5 * H)).toBe(1); // feedback due in 30 min
    expect(at(T0 + 1.6 * H)).toBe(0);
    expect(at(T0 + 2 * H + 60_000)).toBe(1); // feedback passed
    expect(at(T0 + 3 * H)).toBe(0);
    expect(at(T0 + 5.5 * H)).toBe(1); // reply due in 30 min
    expect(at(T0 + 5.6 * H)).toBe(0);

    // A leader extends the reply deadline by two hours: a new reminder and a new notice for it.
    const ext = takeStep(db, officeCalendar(db, t.config), id, { kind: "approve_extension", until: T0 + 8 * H, text: "同意延时" }, actor, null, T0 + 5.7 * H);
    expect(ext.ok).toBe(true);
    expect(at(T0 + 6 * H + 60_000)).toBe(0); // the old reply deadline passed, but it is no longer the deadline
    expect(at(T0 + 7.5 * H)).toBe(1);
    expect(at(T0 + 8 * H + 60_000)).toBe(1);
    expect(at(T0 + 9 * H)).toBe(0);

    const steps = caseSteps(db, id).filter((s) => s.kind === "reminder" || s.kind === "overdue_notice");
    expect(steps.map((s) => [s.kind, JSON.parse(s.data).deadline, JSON.parse(s.data).dueAt])).toEqual([
      ["reminder", "feedback", T0 + 2 * H], ["overdue_notice", "feedback", T0 + 2 * H], ["reminder", "reply", T0 + 6 * H],
      ["reminder", "reply", T0 + 8 * H], ["overdue_notice", "reply", T0 + 8 * H],
    ]);

    const alerts = db.prepare("SELECT id, title, severity, reason FROM alerts ORDER BY id").all() as { id: number; title: string; severity: string; reason: string }[];
    expect(alerts.map((a) => a.title)).toEqual([
      `[工单临期] #${id} 禾溪镇小学乱收费`, `[工单超期] #${id} 禾溪镇小学乱收费`, `[工单临期] #${id} 禾溪镇小学乱收费`,
      `[工单临期] #${id} 禾溪镇小学乱收费`, `[工单超期] #${id} 禾溪镇小学乱收费`,
    ]);
    expect(alerts.every((a) => a.severity === "major")).toBe(true);
    expect(alerts[0]!.reason).toContain("反馈期限（2026/12/07 12:00）将至");
    expect(steps.map((s) => JSON.parse(s.data).alertId)).toEqual(alerts.map((a) => a.id));
    // Every enabled in-app channel and the configured one; not the disabled one, nor another robot.
    const channels = db.prepare("SELECT DISTINCT channel_id FROM alert_deliveries ORDER BY channel_id").pluck().all();
    expect(channels).toEqual([inapp, named].sort((a, b) => a - b));
    expect(channels).not.toContain(hook);
    expect(buildMessage(db, alerts[0]!.id, t.config.publicUrl)?.url).toBe(`${t.config.publicUrl}/cases/${id}`);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action IN ('case.reminder', 'case.overdue_notice')").pluck().get()).toBe(5);
  });

  it("reaches every case, however many long-overdue ones come before it", async () => {
    t = await createTestApp();
    const db = t.db;
    insertChannel(db, { name: "站内", kind: "inapp", url: null, options: {}, enabled: true }, null);
    const base = {
      summary: "", state: "responding", severity: "general", category: null, unitId: null, origin: "manual", eventId: null, alertId: null,
      suggestedUnitId: null, suggestedBy: null, feedbackDueAt: null, createdBy: null,
    };
    db.tx(() => {
      for (let i = 0; i < 600; i++) insertCase(db, { ...base, title: `旧工单 ${i}`, replyDueAt: T0 - H }, [], T0 - 2 * H);
    });
    const job = createCaseReminderJob(db, { config: t.config, now: () => T0, autostart: false });
    expect(job.tick()).toBe(600);
    const late = db.tx(() => insertCase(db, { ...base, title: "新工单", replyDueAt: T0 + 60_000 }, [], T0));
    expect(job.tick()).toBe(1);
    expect(caseSteps(db, late).map((s) => s.kind)).toEqual(["reminder"]);
    expect(job.tick()).toBe(0);
  });

  it("owes nothing to a closed or replied case", () => {
    const told: never[] = [];
    const c = { state: "closed", feedback_due_at: T0, reply_due_at: T0, replied_at: null };
    expect(noticesDue(c, told, T0 + H, 60_000)).toEqual([]);
    expect(noticesDue({ ...c, state: "replied", replied_at: T0 - H }, told, T0 + H, 60_000)).toEqual([]);
    expect(noticesDue({ ...c, state: "responding" }, told, T0 + H, 60_000)).toEqual([{ kind: "overdue_notice", deadline: "reply", dueAt: T0 }]);
  });
});
