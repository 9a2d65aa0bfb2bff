// Through the API: a monitor's manual raise (validation, roles, audit row, deliveries and the webhook
// message), and rules of the triggers beyond "watch" (what each keeps, what each refuses).
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { startReceiver, type Receiver } from "../../../test/alert-receiver";
import { insertItems } from "../../store/items";
import { insertSource } from "../../store/sources";
import { createEventRow } from "../../store/events";
import { listAudit } from "../../store/audit";
import { contentHash } from "../../ingest";
import { getSource } from "../../store/sources";
import { pollSource } from "../../jobs/poll-source";

let t: TestApp | undefined;
let rx: Receiver | undefined;
afterEach(async () => {
  await t?.close();
  await rx?.close();
  t = rx = undefined;
});

async function setup() {
  rx = await startReceiver();
  t = await createTestApp({ fetchAllowHosts: [`127.0.0.1:${rx.port}`], alertRetryBaseMs: 20, alertMaxAttempts: 3, alertTimeoutMs: 400 });
  const admin = await t.userClient("admin");
  const monitor = await t.userClient("monitor", { username: "zhangwei" });
  const source = insertSource(t.db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/feed", intervalSeconds: 300, priority: 2, enabled: true });
  const text = "禾溪镇小学家长反映学校乱收费";
  const [itemId] = insertItems(t.db, source.id, [{ guid: "g1", url: "http://127.0.0.1/p/1", canonicalUrl: null, contentHash: contentHash("", text), author: null, title: "禾溪镇小学被指乱收费", text, publishedAt: Date.now() - 60_000 }]);
  const hook = await admin.post("/api/alert-channels", { name: "值班系统", kind: "webhook", url: rx.url, secret: "s3cret-for-raise" });
  const inapp = await admin.post("/api/alert-channels", { name: "站内", kind: "inapp" });
  expect(hook.statusCode, hook.body).toBe(201);
  expect(inapp.statusCode, inapp.body).toBe(201);
  return { admin, monitor, itemId, sourceId: source.id, hookId: hook.json().id as number, inappId: inapp.json().id as number };
}

describe("POST /api/alerts (manual raise)", () => {
  it("writes the alert, its deliveries and the audit row, and delivers the message with the note", async () => {
    const { monitor, itemId, hookId } = await setup();
    const res = await monitor.post("/api/alerts", { itemId, severity: "significant", note: "家长集中反映，请关注", channelIds: [hookId] });
    expect(res.statusCode, res.body).toBe(201);
    const alert = res.json();
    expect(alert).toMatchObject({
      ruleId: null, itemId, severity: "significant", title: "[较大] 人工预警：禾溪镇小学被指乱收费", note: "家长集中反映，请关注",
      reason: "监测人员「zhangwei」人工发起预警：家长集中反映，请关注", deliveries: [{ channelId: hookId, state: "pending", attempts: 0 }],
    });
    const audit = listAudit(t!.db, { limit: 10, offset: 0, action: "alert.raise" }).rows;
    expect(audit.map((a) => [a.action, a.target_id])).toEqual([["alert.raise", String(alert.id)]]);
    await rx!.waitFor(1);
    expect(rx!.received[0].headers["idempotency-key"]).toBe(String(alert.id));
    expect(rx!.received[0].body).toMatchObject({ id: alert.id, severity: "significant", reason: alert.reason, items: [{ id: itemId, title: "禾溪镇小学被指乱收费" }] });
  });

  it("goes to every enabled channel when none is named, and raises on an event too", async () => {
    const { monitor, hookId, inappId } = await setup();
    const eventId = createEventRow(t!.db, Date.now());
    t!.db.prepare("UPDATE events SET title = '荷塘村垃圾清运', size = 2 WHERE id = ?").run(eventId);
    const res = await monitor.post("/api/alerts", { eventId, severity: "major" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ eventId, itemId: null, title: "[重大] 人工预警：事件「荷塘村垃圾清运」", reason: "监测人员「zhangwei」人工发起预警" });
    expect(res.json().deliveries.map((d: { channelId: number }) => d.channelId)).toEqual([hookId, inappId]);
  });

  it("refuses a request naming neither or both subjects, an unknown item or event, or an unknown channel, writing nothing", async () => {
    const { monitor, itemId } = await setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ severity: "general" }, "itemId"],
      [{ itemId, eventId: 1, severity: "general" }, "itemId"],
      [{ itemId: 999_999, severity: "general" }, "itemId"],
      [{ eventId: 999_999, severity: "general" }, "eventId"],
      [{ itemId, severity: "general", channelIds: [999] }, "channelIds"],
    ];
    for (const [body, field] of cases) {
      const res = await monitor.post("/api/alerts", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json().fields)).toEqual([field]);
    }
    expect((await monitor.post("/api/alerts", { itemId, severity: "urgent" })).statusCode).toBe(400);
    expect((await monitor.post("/api/alerts", { itemId, severity: "general", note: "长".repeat(501) })).statusCode).toBe(400);
    expect((await monitor.get("/api/alerts")).json().alerts).toEqual([]);
  });

  it("is for monitors and administrators only", async () => {
    const { itemId } = await setup();
    for (const role of ["leader", "spokesperson", "handler"] as const) {
      const c = await t!.userClient(role);
      expect((await c.post("/api/alerts", { itemId, severity: "general" })).statusCode, role).toBe(403);
      expect((await c.get("/api/alerts/channels")).statusCode, role).toBe(403);
    }
    const admin = await t!.userClient("admin");
    expect((await admin.post("/api/alerts", { itemId, severity: "general" })).statusCode).toBe(201);
  });

  it("lists enabled channels by name for the raise dialog, without their settings", async () => {
    const { monitor, hookId, inappId } = await setup();
    const res = await monitor.get("/api/alerts/channels");
    expect(res.json()).toEqual({ channels: [{ id: hookId, name: "值班系统", kind: "webhook" }, { id: inappId, name: "站内", kind: "inapp" }] });
  });
});

describe("rules of other triggers", () => {
  it("stores each trigger with its fields and defaults, and refuses what a trigger cannot use", async () => {
    const { admin, hookId, sourceId } = await setup();
    const base = { severity: "major", channelIds: [hookId] };
    const burst = await admin.post("/api/alert-rules", { ...base, name: "事件突增", trigger: "burst", minRisk: "significant" });
    expect(burst.statusCode, burst.body).toBe(201);
    expect(burst.json()).toMatchObject({ trigger: "burst", watchId: null, minRisk: "significant", sourceId: null, minFailures: null });
    const risk = await admin.post("/api/alert-rules", { ...base, name: "风险升级", trigger: "event_risk", watchId: null });
    expect(risk.json()).toMatchObject({ trigger: "event_risk", minRisk: "significant" });
    const src = await admin.post("/api/alert-rules", { ...base, name: "信息源异常", trigger: "source_unhealthy", sourceId, minRisk: "major" });
    expect(src.json()).toMatchObject({ trigger: "source_unhealthy", sourceId, sourceName: "青禾论坛", minFailures: 3, minRisk: null });
    const noWatch = await admin.post("/api/alert-rules", { ...base, name: "无方案", trigger: "watch" });
    expect(noWatch.statusCode).toBe(400);
    expect(noWatch.json().fields).toHaveProperty("watchId");
    const badSource = await admin.post("/api/alert-rules", { ...base, name: "x", trigger: "source_unhealthy", sourceId: 999 });
    expect(badSource.json().fields).toHaveProperty("sourceId");
    expect((await admin.post("/api/alert-rules", { ...base, name: "x", trigger: "sometimes" })).statusCode).toBe(400);
  });

  it("changes only the fields a PATCH gives", async () => {
    const { admin, hookId } = await setup();
    const created = await admin.post("/api/alert-rules", {
      name: "风险升级", trigger: "event_risk", minRisk: "major", severity: "major", channelIds: [hookId], enabled: false, quietStart: "22:00", quietEnd: "07:00", foldSeconds: 60,
    });
    const patched = await admin.patch(`/api/alert-rules/${created.json().id}`, { name: "风险升至重大" });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: "风险升至重大", minRisk: "major", enabled: false, quietStart: "22:00", quietEnd: "07:00", foldSeconds: 60 });
  });

  it("delivers a source rule's alert when polls fail, once, through the running app", async () => {
    const { admin, hookId, sourceId } = await setup();
    const rule = await admin.post("/api/alert-rules", { name: "论坛异常", trigger: "source_unhealthy", sourceId, minFailures: 2, severity: "major", channelIds: [hookId] });
    expect(rule.statusCode, rule.body).toBe(201);
    // The source's address is not on the allow list: every poll fails.
    for (let n = 0; n < 3; n++) expect((await pollSource(t!.db, t!.config, getSource(t!.db, sourceId)!)).error).toBeTruthy();
    await rx!.waitFor(1);
    expect(rx!.received[0].body).toMatchObject({ severity: "major", title: "[重大] 信息源异常：青禾论坛", items: [] });
    expect(rx!.received[0].body.reason).toMatch(/^预警规则「论坛异常」：信息源「青禾论坛」连续 2 次抓取失败，已转为异常（最近错误：.+）$/);
    expect((await admin.get("/api/alerts")).json().alerts).toHaveLength(1);
  });
});
