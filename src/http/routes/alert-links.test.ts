// Through the app: rule recipients (the contract unchanged, the added fields), people's contact
// details, the timeline, and acknowledging through a signed link (valid, tampered, expired; audited).
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";
import { insertAlert } from "../../store/alerts";
import { insertRecipient, insertStep } from "../../store/alert-steps";
import { insertUnit } from "../../store/units";
import { loadSecretKey } from "../../alerts/secrets";
import { ackLinkKey, signAckLink } from "../../alerts/ack-link";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const DAY = 24 * 3600_000;
const idOf = async (c: Client) => ((await c.get("/api/auth/me")).json() as { user: { id: number } }).user.id;

function raise(severity = "major"): number {
  const now = Date.now();
  const id = insertAlert(t!.db, {
    ruleId: 1, severity, title: "[重大] 乱收费：家长反映学校乱收费", reason: "预警规则「乱收费」", foldKey: "k", foldedInto: null, dueAt: now,
    itemId: 1, publishedAt: now, fetchedAt: now, analysedAt: now, createdAt: now,
  });
  insertStep(t!.db, id, "created", null, "预警规则「乱收费」", now);
  return id;
}

function link(id: number, now = Date.now(), ttl = DAY): { e: string; s: string } {
  const u = new URL(signAckLink(ackLinkKey(loadSecretKey(t!.config)), t!.config.publicUrl, id, now, ttl));
  return { e: u.searchParams.get("e")!, s: u.searchParams.get("s")! };
}

describe("signed ack links", () => {
  it("shows the alert and acknowledges it, audited and on the timeline", async () => {
    t = await createTestApp();
    const monitor = await t.userClient("monitor", { username: "zhangsan" });
    const id = raise();
    const q = link(id);
    const view = await monitor.get(`/api/alerts/${id}/link?e=${q.e}&s=${q.s}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ id, severity: "major", title: "[重大] 乱收费：家长反映学校乱收费", acknowledgedAt: null });
    const ack = await monitor.post(`/api/alerts/${id}/link-ack`, q);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().acknowledgedBy).toBe(await idOf(monitor));
    expect((await monitor.get(`/api/alerts/${id}/link?e=${q.e}&s=${q.s}`)).json().acknowledgedByName).toBe("zhangsan");
    const audit = t.db.sqlite.prepare("SELECT actor_name, summary FROM audit_log WHERE action = 'alert.ack'").all() as { actor_name: string; summary: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_name).toBe("zhangsan");
    expect(JSON.parse(audit[0].summary).via).toBe("link");
    const steps = (await monitor.get(`/api/alerts/${id}/steps`)).json().steps;
    expect(steps.map((s: { kind: string }) => s.kind)).toEqual(["created", "acknowledged"]);
    expect(steps[1]).toMatchObject({ userName: "zhangsan", note: "通过消息中的确认链接确认" });
    // A second acknowledgement changes nothing and writes nothing.
    expect((await monitor.post(`/api/alerts/${id}/link-ack`, q)).statusCode).toBe(200);
    expect(t.db.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'alert.ack'").pluck().get()).toBe(1);
  });

  it("refuses a tampered or moved link and an expired one with a clear Chinese message", async () => {
    t = await createTestApp();
    const monitor = await t.userClient("monitor");
    const id = raise();
    const other = raise();
    const q = link(id);
    const tampered = { e: q.e, s: (q.s[0] === "A" ? "B" : "A") + q.s.slice(1) };
    for (const [url, body] of [[`/api/alerts/${id}/link-ack`, tampered], [`/api/alerts/${other}/link-ack`, q], [`/api/alerts/${id}/link-ack`, { e: String(Number(q.e) + 86400), s: q.s }]] as const) {
      const res = await monitor.post(url, body);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: "alerts.link_invalid" });
      expect(res.json().message).toContain("确认链接无效");
    }
    const old = link(id, Date.now() - 2 * DAY, DAY);
    const expired = await monitor.get(`/api/alerts/${id}/link?e=${old.e}&s=${old.s}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().message).toBe("确认链接已过期，请登录听风在预警列表中确认");
    expect((await monitor.post(`/api/alerts/${id}/link-ack`, old)).statusCode).toBe(410);
    expect(t.db.sqlite.prepare("SELECT count(*) FROM alerts WHERE acknowledged_at IS NOT NULL").pluck().get()).toBe(0);
  });

  it("needs a session, and lets a person the alert was sent to acknowledge whatever their role", async () => {
    t = await createTestApp();
    const id = raise();
    const q = link(id);
    expect((await t.app.inject({ method: "GET", url: `/api/alerts/${id}/link?e=${q.e}&s=${q.s}` })).statusCode).toBe(401);
    const handler = await t.userClient("handler");
    expect((await handler.post(`/api/alerts/${id}/link-ack`, q)).statusCode).toBe(403);
    insertRecipient(t.db, id, await idOf(handler), "duty", Date.now());
    expect((await handler.get(`/api/alerts/${id}/link?e=${q.e}&s=${q.s}`)).statusCode).toBe(200);
    expect((await handler.post(`/api/alerts/${id}/link-ack`, q)).statusCode).toBe(200);
    // The timeline is the office's, and the recipients'.
    expect((await handler.get(`/api/alerts/${id}/steps`)).statusCode).toBe(200);
    expect((await (await t.userClient("contributor")).get(`/api/alerts/${id}/steps`)).statusCode).toBe(403);
  });

  it("writes an in-app acknowledgement to the timeline too", async () => {
    t = await createTestApp();
    const monitor = await t.userClient("monitor");
    const id = raise();
    expect((await monitor.post(`/api/alerts/${id}/ack`)).statusCode).toBe(200);
    const steps = (await monitor.get(`/api/alerts/${id}/steps`)).json().steps;
    expect(steps.at(-1)).toMatchObject({ kind: "acknowledged", note: "在听风中确认" });
  });
});

describe("rule recipients and contact details", () => {
  it("keeps the rule contract and stores people and on-duty recipients", async () => {
    t = await createTestApp();
    const admin = await t.userClient("admin");
    const unit = insertUnit(t.db, "青禾县委网信办", null);
    const monitor = await t.userClient("monitor");
    const watch = (await admin.post("/api/watches", { name: "乱收费", query: "乱收费" })).json().id;
    const channel = (await admin.post("/api/alert-channels", { name: "站内", kind: "inapp" })).json().id;
    const plain = await admin.post("/api/alert-rules", { name: "乱收费预警", trigger: "watch", watchId: watch, severity: "major", channelIds: [channel], enabled: true });
    expect(plain.statusCode, plain.body).toBe(201);
    expect(plain.json()).toMatchObject({ userIds: [], onDuty: false, dutyUnitId: null, channelIds: [channel] });
    const mid = await idOf(monitor);
    const withPeople = await admin.post("/api/alert-rules", { name: "值班预警", trigger: "watch", watchId: watch, severity: "significant", channelIds: [], userIds: [mid, mid], onDuty: true, dutyUnitId: unit.id });
    expect(withPeople.statusCode, withPeople.body).toBe(201);
    expect(withPeople.json()).toMatchObject({ userIds: [mid], onDuty: true, dutyUnitId: unit.id });
    const patched = await admin.patch(`/api/alert-rules/${plain.json().id}`, { onDuty: true });
    expect(patched.json()).toMatchObject({ onDuty: true, userIds: [], channelIds: [channel] });
    const bad = await admin.post("/api/alert-rules", { name: "x", trigger: "watch", watchId: watch, severity: "major", channelIds: [], userIds: [999], dutyUnitId: 998 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.userIds).toContain("999");
  });

  it("stores a person's e-mail and phone, and refuses bad ones", async () => {
    t = await createTestApp();
    const admin = await t.userClient("admin");
    const monitor = await t.userClient("monitor");
    const id = await idOf(monitor);
    const ok = await admin.patch(`/api/users/${id}`, { email: "duty@example.gov.cn", phone: "+86 138-0000-0000" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ email: "duty@example.gov.cn", phone: "+86 138-0000-0000" });
    expect((await admin.patch(`/api/users/${id}`, { email: "not-an-address" })).json().fields.email).toBe("请填写有效的邮箱地址");
    expect((await admin.patch(`/api/users/${id}`, { phone: "call me" })).json().fields.phone).toBe("请填写有效的电话号码");
    expect((await admin.patch(`/api/users/${id}`, { email: "" })).json().email).toBeNull();
    const audit = t.db.sqlite.prepare("SELECT summary FROM audit_log WHERE action = 'user.update' ORDER BY id LIMIT 1").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ email: "duty@example.gov.cn" });
  });
});

describe("a rule's people and whoever is on duty", () => {
  it("get a matching post's alert in their own browsers, with the steps on the timeline", async () => {
    const { insertItems } = await import("../../store/items");
    const { insertSource } = await import("../../store/sources");
    const { replaceShift } = await import("../../store/duty");
    const { subscribeLive } = await import("../../alerts/live");
    const { DEFAULT_SHIFT_TIMES, localReading, slotAt } = await import("../../duty/rota");
    t = await createTestApp();
    const admin = await t.userClient("admin");
    const unit = insertUnit(t.db, "青禾县委网信办", null);
    const onDuty = await idOf(await t.userClient("monitor", { username: "zhiban", unitId: unit.id }));
    const named = await idOf(await t.userClient("leader", { username: "lingdao", unitId: unit.id }));
    const { date, minute } = localReading(Date.now());
    const slot = slotAt(DEFAULT_SHIFT_TIMES, date, minute);
    replaceShift(t.db, unit.id, slot.date, slot.shift, [onDuty]);
    const seen: [number, number][] = [];
    const offs = [onDuty, named, 9999].map((uid) => subscribeLive((m) => seen.push([uid, m.id]), uid));
    const watch = (await admin.post("/api/watches", { name: "乱收费", query: "乱收费" })).json().id;
    const rule = await admin.post("/api/alert-rules", { name: "乱收费预警", trigger: "watch", watchId: watch, severity: "significant", channelIds: [], userIds: [named], onDuty: true });
    expect(rule.statusCode, rule.body).toBe(201);
    const source = insertSource(t.db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/feed", intervalSeconds: 300, priority: 2, enabled: true });
    insertItems(t.db, source.id, [{ guid: "g1", url: null, canonicalUrl: null, contentHash: "h1", author: null, title: "家长反映乱收费", text: "禾溪镇小学家长反映学校乱收费，每学期额外收取补课费八百元", publishedAt: Date.now() }]);
    await t.analysis.drain();
    // The escalation job is woken right after the analysis transaction commits; poll until its round has recorded both.
    const alertId = t.db.sqlite.prepare("SELECT id FROM alerts").pluck().get() as number;
    for (let i = 0; i < 100 && t.db.sqlite.prepare("SELECT count(*) FROM alert_recipients WHERE state = 'sent'").pluck().get() !== 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(seen.sort()).toEqual([[onDuty, alertId], [named, alertId]].sort());
    const steps = (await admin.get(`/api/alerts/${alertId}/steps`)).json().steps as { kind: string; userName: string | null }[];
    expect(steps[0].kind).toBe("created");
    expect(steps.filter((s) => s.kind === "delivered").map((s) => s.userName).sort()).toEqual(["lingdao", "zhiban"]);
    offs.forEach((off) => off());
  });
});
