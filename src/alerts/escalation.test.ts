// Escalation with an injected clock: the chain (rota order, then the leader), acknowledgement stopping
// it, the night shift, leave, and delivery to people (in-app to their browsers, e-mail); plus the job's
// timer under vitest's fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { insertUnit } from "../store/units";
import { insertUser } from "../store/users";
import { insertAlert } from "../store/alerts";
import { insertLeave, replaceShift } from "../store/duty";
import { insertStep, listSteps, recipientIds } from "../store/alert-steps";
import { insertChannel } from "../store/alert-config";
import { acknowledge } from "./ack";
import { planRecipients } from "./recipients";
import { startIncident } from "../store/incidents";
import { createEscalationJob, escalateDue, escalationMinutes, type EscalationJobOptions } from "./escalation";
import { subscribeLive } from "./live";
import { createEmailChannel } from "./channels/email";
import { encryptSecret } from "./secrets";
import { startSmtp, type SmtpReceiver } from "./channels/testdata/smtp";
import type { AlertMessage, AlertSeverity } from "./channels/types";

const settings = { escalateSignificantMinutes: 15, escalateMajorMinutes: 5 };
const MIN = 60_000;
const key = Buffer.alloc(32, 7);
// Monday 2026-12-07, server local time.
const at = (day: number, h: number, m = 0) => new Date(2026, 11, day, h, m).getTime();

let db: Db;
let unit: number;
let smtp: SmtpReceiver | undefined;
const u: Record<string, number> = {};
beforeEach(() => {
  db = openDb(":memory:");
  migrate(db);
  unit = insertUnit(db, "青禾县委网信办", null).id;
  const other = insertUnit(db, "禾溪镇", unit).id;
  for (const [name, role, unitId] of [["a", "monitor", unit], ["b", "monitor", unit], ["c", "monitor", unit], ["n1", "monitor", unit], ["n2", "monitor", unit], ["lead", "leader", unit], ["otherlead", "leader", other], ["root", "admin", null]] as const)
    u[name] = insertUser(db, { username: name, passwordHash: "x", displayName: name, role, unitId }).id;
  replaceShift(db, unit, "2026-12-07", "day", [u.a, u.b, u.c]);
  replaceShift(db, unit, "2026-12-07", "night", [u.n1, u.n2]);
});
afterEach(async () => {
  vi.useRealTimers();
  db.close();
  await smtp?.close();
  smtp = undefined;
});

/** A carrier alert raised at `now` by a rule that sends to whoever is on duty. */
function raise(severity: AlertSeverity, now: number, onDuty = true): number {
  const id = insertAlert(db, {
    ruleId: 1, severity, title: `[${severity}] 乱收费：家长反映学校乱收费`, reason: "预警规则「乱收费」", foldKey: "rule:1:watch:1", foldedInto: null, dueAt: now,
    itemId: 1, publishedAt: now, fetchedAt: now, analysedAt: now, createdAt: now,
  });
  insertStep(db, id, "created", null, null, now);
  planRecipients(db, id, { userIds: [], onDuty, dutyUnitId: unit }, now, now);
  return id;
}

const names = (ids: number[]) => ids.map((id) => Object.keys(u).find((k) => u[k] === id));
const actor = (id: number) => ({ id, username: "x", role: "monitor", unitId: unit });

describe("escalation", () => {
  it("gives 重大 5 and 较大 15 minutes, and never escalates 一般", () => {
    const a = { id: 1, item_id: 1 };
    expect(escalationMinutes("major", a, settings)).toBe(5);
    expect(escalationMinutes("significant", a, settings)).toBe(15);
    expect(escalationMinutes("general", a, settings)).toBeNull();
    // An incident's shorter timer wins; it never lengthens one or makes 一般 escalate.
    expect(escalationMinutes("significant", a, settings, 3)).toBe(3);
    expect(escalationMinutes("major", a, settings, 30)).toBe(5);
    expect(escalationMinutes("general", a, settings, 3)).toBeNull();
  });

  it("escalates sooner while the alert's event is in incident mode, and as usual once it has expired", () => {
    const t0 = at(7, 10);
    const eventId = Number(db.sqlite.prepare("INSERT INTO events (title, first_at, last_at, created_at, updated_at) VALUES ('青禾大道塌陷', ?, ?, ?, ?)").run(t0, t0, t0, t0).lastInsertRowid);
    startIncident(db, { eventId, userId: u.a, until: t0 + 60 * MIN, pollSeconds: 120, escalateMinutes: 2 }, t0);
    const inIncident = raise("significant", t0);
    db.sqlite.prepare("UPDATE alerts SET event_id = ? WHERE id = ?").run(eventId, inIncident);
    expect(escalateDue(db, settings, t0 + 2 * MIN - 1)).toBe(0);
    expect(escalateDue(db, settings, t0 + 2 * MIN)).toBe(1);
    expect(names(recipientIds(db, inIncident))).toEqual(["a", "b"]);
    expect(listSteps(db, inIncident).find((x) => x.kind === "escalated")?.note).toContain("2 分钟未确认");
    // After the incident's end the usual 15 minutes apply again.
    const later = t0 + 61 * MIN;
    const after = raise("significant", later);
    db.sqlite.prepare("UPDATE alerts SET event_id = ? WHERE id = ?").run(eventId, after);
    escalateDue(db, settings, later + 2 * MIN);
    expect(names(recipientIds(db, after))).toEqual(["a"]);
    escalateDue(db, settings, later + 15 * MIN);
    expect(names(recipientIds(db, after))).toEqual(["a", "b"]);
  });

  it("climbs the rota in order, then reaches the unit's leader, then stops", () => {
    const t0 = at(7, 10);
    const id = raise("major", t0);
    expect(names(recipientIds(db, id))).toEqual(["a"]);
    expect(escalateDue(db, settings, t0 + 5 * MIN - 1)).toBe(0);
    expect(escalateDue(db, settings, t0 + 5 * MIN)).toBe(1);
    expect(escalateDue(db, settings, t0 + 9 * MIN)).toBe(0); // counted from the last step
    expect(escalateDue(db, settings, t0 + 10 * MIN)).toBe(1);
    expect(escalateDue(db, settings, t0 + 15 * MIN)).toBe(1);
    expect(escalateDue(db, settings, t0 + 20 * MIN)).toBe(0);
    expect(escalateDue(db, settings, t0 + 60 * MIN)).toBe(0);
    expect(names(recipientIds(db, id))).toEqual(["a", "b", "c", "lead"]);
    const steps = listSteps(db, id).filter((s) => s.kind === "escalated");
    expect(steps.map((s) => [s.at - t0, s.user_name])).toEqual([[5 * MIN, "b"], [10 * MIN, "c"], [15 * MIN, "lead"]]);
    expect(steps[2].note).toContain("单位领导");
    expect(steps[0].note).toContain("5 分钟未确认");
  });

  it("stops once the alert is acknowledged before the deadline", () => {
    const t0 = at(7, 10);
    const id = raise("significant", t0);
    acknowledge(db, id, actor(u.a), "app", null, t0 + 3 * MIN);
    expect(escalateDue(db, settings, t0 + 60 * MIN)).toBe(0);
    expect(recipientIds(db, id)).toEqual([u.a]);
    expect(listSteps(db, id).map((s) => s.kind)).toEqual(["created", "acknowledged"]);
  });

  it("stops mid-chain when acknowledged after a step", () => {
    const t0 = at(7, 10);
    const id = raise("major", t0);
    escalateDue(db, settings, t0 + 5 * MIN);
    acknowledge(db, id, actor(u.b), "link", null, t0 + 6 * MIN);
    expect(escalateDue(db, settings, t0 + 30 * MIN)).toBe(0);
    expect(names(recipientIds(db, id))).toEqual(["a", "b"]);
  });

  it("at night follows the night shift that started the evening before", () => {
    const t0 = at(8, 2); // 02:00 on Tuesday: Monday's night shift
    const id = raise("significant", t0);
    expect(names(recipientIds(db, id))).toEqual(["n1"]);
    expect(escalateDue(db, settings, t0 + 14 * MIN)).toBe(0);
    escalateDue(db, settings, t0 + 15 * MIN);
    escalateDue(db, settings, t0 + 30 * MIN);
    expect(names(recipientIds(db, id))).toEqual(["n1", "n2", "lead"]);
  });

  it("skips a person on leave", () => {
    insertLeave(db, { userId: u.b, startDate: "2026-12-07", endDate: "2026-12-07", note: "病假" }, null);
    const t0 = at(7, 10);
    const id = raise("major", t0);
    escalateDue(db, settings, t0 + 5 * MIN);
    expect(names(recipientIds(db, id))).toEqual(["a", "c"]);
  });

  it("starts with the first on duty when the rule did not send to the rota", () => {
    const t0 = at(7, 10);
    const id = raise("major", t0, false);
    expect(recipientIds(db, id)).toEqual([]);
    escalateDue(db, settings, t0 + 5 * MIN);
    expect(names(recipientIds(db, id))).toEqual(["a"]);
  });

  it("leaves 一般 alone", () => {
    const t0 = at(7, 10);
    const id = raise("general", t0);
    expect(escalateDue(db, settings, t0 + 24 * 60 * MIN)).toBe(0);
    expect(recipientIds(db, id)).toEqual([u.a]);
  });

  it("delivers to people in-app (only their browsers) and by e-mail, on the timeline, with an ack link", async () => {
    smtp = await startSmtp("alerts", "smtp-pass-1");
    insertChannel(db, {
      name: "邮件", kind: "email", url: null, secretEnc: encryptSecret(key, "smtp-pass-1"), enabled: true,
      options: { host: "127.0.0.1", port: smtp.port, secure: false, user: "alerts", from: "tingfeng@example.gov.cn", to: ["office@example.gov.cn"] },
    }, null);
    db.sqlite.prepare("UPDATE users SET email = 'a@example.gov.cn' WHERE id = ?").run(u.a);
    const seenByA: AlertMessage[] = [];
    const seenByB: AlertMessage[] = [];
    const offA = subscribeLive((m) => seenByA.push(m), u.a);
    const offB = subscribeLive((m) => seenByB.push(m), u.b);
    let clock = at(7, 10);
    const job = createEscalationJob(db, {
      config: { ...settings, publicUrl: "https://tf.example.gov.cn", alertTimeoutMs: 3000, ackLinkHours: 24 }, key,
      channels: new Map([["email", createEmailChannel()]]) as EscalationJobOptions["channels"], now: () => clock, autostart: false,
    });
    const id = raise("major", clock);
    expect(await job.tick()).toEqual({ escalated: 0, delivered: 1 });
    expect(seenByA.map((m) => m.id)).toEqual([id]);
    expect(seenByA[0].ackUrl).toMatch(new RegExp(`^https://tf\\.example\\.gov\\.cn/a/${id}\\?e=\\d+&s=`));
    expect(seenByB).toEqual([]);
    expect(smtp.mails.map((m) => m.to)).toEqual([["a@example.gov.cn"]]);
    expect(smtp.mails[0].raw).toContain("/a/" + id);
    clock += 5 * MIN;
    expect(await job.tick()).toEqual({ escalated: 1, delivered: 1 });
    expect(seenByB.map((m) => m.id)).toEqual([id]);
    expect(smtp.mails).toHaveLength(1); // b has no address
    const steps = listSteps(db, id).map((s) => [s.kind, s.user_name]);
    expect(steps).toEqual([["created", null], ["delivered", "a"], ["escalated", "b"], ["delivered", "b"]]);
    expect(listSteps(db, id)[1].note).toContain("邮件已发至 a@example.gov.cn");
    offA();
    offB();
    await job.stop();
  });

  it("runs on its own timer, driven by fake time", async () => {
    const t0 = at(7, 10);
    vi.useFakeTimers({ now: t0, toFake: ["setInterval", "clearInterval", "Date"] });
    const job = createEscalationJob(db, {
      config: { ...settings, publicUrl: "https://tf.example.gov.cn", alertTimeoutMs: 3000, ackLinkHours: 24 }, key,
      channels: new Map() as EscalationJobOptions["channels"], intervalMs: 30_000,
    });
    const id = raise("major", t0);
    await vi.advanceTimersByTimeAsync(4 * MIN);
    expect(recipientIds(db, id)).toEqual([u.a]);
    await vi.advanceTimersByTimeAsync(MIN + 30_000);
    expect(names(recipientIds(db, id))).toEqual(["a", "b"]);
    expect(listSteps(db, id).filter((s) => s.kind === "delivered").map((s) => s.user_id)).toEqual([u.a, u.b]);
    await job.stop();
  });
});
