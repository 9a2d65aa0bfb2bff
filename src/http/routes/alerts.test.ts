// Contract tests of the alert API and the webhook delivery: channels, rules, the ledger, acknowledgement,
// signatures, retries and timeouts, folding, quiet hours, secrets at rest, and the outbox transaction.
import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";
import { startReceiver, type Receiver } from "../../../test/alert-receiver";
import { insertItems, type NewItem } from "../../store/items";
import { insertSource } from "../../store/sources";
import { contentHash } from "../../ingest";
import { analyseBatch } from "../../jobs/analyse-items";
import type { Config } from "../../config";

let t: TestApp | undefined;
let rx: Receiver | undefined;
afterEach(async () => {
  await t?.close();
  await rx?.close();
  t = rx = undefined;
});

const SECRET = "hook-secret-9f3a7c";
let n = 0;

async function setup(overrides: Partial<Config> = {}) {
  rx = await startReceiver();
  t = await createTestApp({ fetchAllowHosts: [`127.0.0.1:${rx.port}`], alertRetryBaseMs: 20, alertMaxAttempts: 3, alertTimeoutMs: 400, ...overrides });
  const admin = await t.userClient("admin");
  const source = insertSource(t.db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/feed", intervalSeconds: 300, priority: 2, enabled: true });
  const ch = await admin.post("/api/alert-channels", { name: "值班系统", kind: "webhook", url: rx.url, secret: SECRET });
  expect(ch.statusCode).toBe(201);
  const watch = await admin.post("/api/watches", { name: "乱收费", query: "乱收费" });
  expect(watch.statusCode).toBe(201);
  return { admin, sourceId: source.id, channelId: ch.json().id as number, watchId: watch.json().id as number };
}

async function rule(c: Client, body: Record<string, unknown>): Promise<number> {
  const res = await c.post("/api/alert-rules", { name: "乱收费预警", trigger: "watch", severity: "general", enabled: true, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** Stores posts (about the invented 青禾县) and analyses them: one batch, one transaction. */
async function feed(sourceId: number, texts: string[]): Promise<number[]> {
  const rows: NewItem[] = texts.map((text) => {
    const i = ++n;
    return { guid: `g${i}`, url: `http://127.0.0.1/p/${i}`, canonicalUrl: null, contentHash: contentHash("", text + i), author: null, title: `帖子${i}`, text: `${text}（${i}）`, publishedAt: Date.now() - 60_000 };
  });
  const ids = insertItems(t!.db, sourceId, rows);
  await t!.analysis.drain();
  return ids;
}

const NEG = "禾溪镇小学家长反映学校乱收费，每学期额外收取补课费八百元，太过分了";

async function until<T>(f: () => Promise<T | undefined> | T | undefined, ms = 5000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - t0 > ms) throw new Error("until: timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

type AlertJson = { id: number; severity: string; title: string; createdAt: string; acknowledgedAt: string | null; deliveries: { channelId: number; state: string; attempts: number; lastError: string | null; sentAt: string | null }[] };
const alerts = async (c: Client) => (await c.get("/api/alerts?limit=50")).json().alerts as AlertJson[];
const settled = (c: Client, state: string) => until(async () => {
  const a = await alerts(c);
  return a.length && a.every((x) => x.deliveries.every((d) => d.state === state)) ? a : undefined;
});

describe("alert contract", () => {
  it("delivers a signed webhook with the alert id as idempotency key, lists it and acknowledges it", async () => {
    const { admin, sourceId, channelId, watchId } = await setup();
    await rule(admin, { watchId, channelIds: [channelId] });
    const [itemId] = await feed(sourceId, [NEG]);
    await rx!.waitFor(1);
    const got = rx!.received[0];
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.headers["x-tingfeng-signature"]).toBe(`sha256=${createHmac("sha256", SECRET).update(got.raw).digest("hex")}`);
    const body = got.body as { id: number; severity: string; title: string; url: string; createdAt: string; count: number; items: Record<string, unknown>[] };
    expect(got.headers["idempotency-key"]).toBe(String(body.id));
    expect(body).toMatchObject({ severity: "general", count: 1 });
    expect(body.title).toContain("乱收费");
    expect(body.url).toMatch(/^http:\/\/localhost:3000\/alerts\?id=\d+$/);
    expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ id: itemId, title: expect.stringContaining("帖子"), url: expect.stringContaining("http://127.0.0.1/p/"), source: "青禾论坛" });
    expect(Date.parse(body.items[0].publishedAt as string)).toBeGreaterThan(0);
    expect(Date.parse(body.items[0].fetchedAt as string)).toBeGreaterThan(0);

    const [a] = await settled(admin, "sent");
    expect(a).toMatchObject({ id: body.id, severity: "general", acknowledgedAt: null });
    expect(a.deliveries).toEqual([expect.objectContaining({ channelId, state: "sent", attempts: 1, lastError: null })]);
    expect(Date.parse(a.deliveries[0].sentAt!)).toBeGreaterThan(0);

    const monitor = await t!.userClient("monitor");
    expect((await monitor.post(`/api/alerts/${a.id}/ack`)).statusCode).toBe(200);
    expect((await alerts(monitor))[0].acknowledgedAt).not.toBeNull();
    expect((await monitor.post("/api/alert-channels", { name: "x", kind: "inapp" })).statusCode).toBe(403);
    expect((await admin.post("/api/alerts/99999/ack")).statusCode).toBe(404);
  });

  it("applies rule changes to the next batch: a disabled rule raises nothing, a negative-only one skips other posts", async () => {
    const { admin, sourceId, channelId } = await setup();
    const watchId = (await admin.post("/api/watches", { name: "政务服务", query: "政务服务中心" })).json().id as number;
    const id = await rule(admin, { watchId, channelIds: [channelId], enabled: false });
    const BAD = "青禾县政务服务中心工作人员态度恶劣，办事拖拉推诿，群众怨声载道，太过分了！";
    await feed(sourceId, [BAD]);
    expect(await alerts(admin)).toHaveLength(0);
    expect((await admin.patch(`/api/alert-rules/${id}`, { enabled: true, onlyNegative: true })).statusCode).toBe(200);
    const [pos] = await feed(sourceId, ["今天去政务服务中心办营业执照，工作人员热情周到，半小时就办好了，效率真高，必须点赞！"]);
    expect(t!.db.sqlite.prepare("SELECT sentiment FROM items WHERE id = ?").pluck().get(pos)).toBe("pos");
    const [neg] = await feed(sourceId, [BAD]);
    expect(t!.db.sqlite.prepare("SELECT sentiment FROM items WHERE id = ?").pluck().get(neg)).toBe("neg");
    expect(await alerts(admin)).toHaveLength(1);
    await rx!.waitFor(1);
    expect((rx!.received[0].body.items as { id: number }[])[0].id).toBe(neg);
  });

  it("rejects a rule with an unknown watch or channel", async () => {
    const { admin, channelId, watchId } = await setup();
    expect((await admin.post("/api/alert-rules", { name: "r", trigger: "watch", watchId: 9999, severity: "major", channelIds: [channelId] })).statusCode).toBe(400);
    expect((await admin.post("/api/alert-rules", { name: "r", trigger: "watch", watchId, severity: "major", channelIds: [9999] })).statusCode).toBe(400);
    expect((await admin.post("/api/alert-rules", { name: "r", trigger: "watch", watchId, severity: "urgent", channelIds: [channelId] })).statusCode).toBe(400);
  });

  it("stores the secret encrypted, masks it in the API and the audit log, and keeps it on a masked PATCH", async () => {
    const { admin, sourceId, channelId, watchId } = await setup();
    const row = t!.db.sqlite.prepare("SELECT * FROM alert_channels WHERE id = ?").get(channelId) as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect(String(row.secret_enc)).toMatch(/^v1:/);
    const listed = (await admin.get("/api/alert-channels")).json().channels[0];
    expect(listed.secret).toBe("******");
    const patched = await admin.patch(`/api/alert-channels/${channelId}`, { name: "值班系统2", secret: "******" });
    expect(patched.statusCode).toBe(200);
    const audit = t!.db.sqlite.prepare("SELECT summary FROM audit_log WHERE action LIKE 'alert_channel.%'").pluck().all() as string[];
    expect(audit.length).toBe(2);
    for (const s of audit) expect(s).not.toContain(SECRET);
    expect(audit[0]).toContain("******");
    // Still signed with the original secret.
    await rule(admin, { watchId, channelIds: [channelId] });
    await feed(sourceId, [NEG]);
    await rx!.waitFor(1);
    expect(rx!.received[0].headers["x-tingfeng-signature"]).toBe(`sha256=${createHmac("sha256", SECRET).update(rx!.received[0].raw).digest("hex")}`);
  });

  it("retries after a 500 with the same idempotency key, then records it sent", async () => {
    const { admin, sourceId, channelId, watchId } = await setup();
    rx!.respond = (i) => (i === 0 ? 500 : 200);
    await rule(admin, { watchId, channelIds: [channelId] });
    await feed(sourceId, [NEG]);
    await rx!.waitFor(2);
    expect(rx!.received[1].headers["idempotency-key"]).toBe(rx!.received[0].headers["idempotency-key"]);
    const [a] = await settled(admin, "sent");
    expect(a.deliveries[0]).toMatchObject({ state: "sent", attempts: 2 });
  });

  it("marks a delivery failed after the last attempt, with the last error", async () => {
    const { admin, sourceId, channelId, watchId } = await setup();
    rx!.respond = () => 503;
    await rule(admin, { watchId, channelIds: [channelId] });
    await feed(sourceId, [NEG]);
    const [a] = await settled(admin, "failed");
    expect(rx!.received).toHaveLength(3);
    expect(a.deliveries[0]).toMatchObject({ state: "failed", attempts: 3, lastError: "接收方返回 HTTP 503", sentAt: null });
  });

  it("treats no answer within the timeout as a failure and retries", async () => {
    const { admin, sourceId, channelId, watchId } = await setup({ alertTimeoutMs: 300 });
    rx!.respond = (i) => (i === 0 ? "hang" : 200);
    await rule(admin, { watchId, channelIds: [channelId] });
    await feed(sourceId, [NEG]);
    const [a] = await settled(admin, "sent");
    expect(rx!.received).toHaveLength(2);
    expect(a.deliveries[0].attempts).toBe(2);
  });

  it("folds alerts of one watch within the window into one message with a count, and keeps each in the ledger", async () => {
    const { admin, sourceId, channelId, watchId } = await setup();
    await rule(admin, { watchId, channelIds: [channelId], foldSeconds: 1 });
    await feed(sourceId, [NEG, NEG, NEG]);
    await rx!.waitFor(1);
    expect(rx!.received[0].body).toMatchObject({ count: 3, title: expect.stringContaining("新增 3 条") });
    expect((rx!.received[0].body.items as unknown[]).length).toBe(3);
    expect(await alerts(admin)).toHaveLength(3);
    // Two more batches within the window wait for its end and go as one message.
    await feed(sourceId, [NEG]);
    await feed(sourceId, [NEG]);
    await new Promise((r) => setTimeout(r, 200));
    expect(rx!.received).toHaveLength(1);
    await rx!.waitFor(2, 3000);
    expect(rx!.received[1].body).toMatchObject({ count: 2 });
    const all = await settled(admin, "sent");
    expect(all).toHaveLength(5);
    await new Promise((r) => setTimeout(r, 100));
    expect(rx!.received).toHaveLength(2);
  });

  it("holds general alerts during quiet hours but never major ones", async () => {
    const { admin, sourceId, channelId, watchId } = await setup();
    const d = new Date();
    const hhmm = (m: number) => `${String(Math.floor(((m + 1440) % 1440) / 60)).padStart(2, "0")}:${String((m + 1440) % 60).padStart(2, "0")}`;
    const minute = d.getHours() * 60 + d.getMinutes();
    const quiet = { quietStart: hhmm(minute - 1), quietEnd: hhmm(minute + 2) };
    await rule(admin, { watchId, channelIds: [channelId], severity: "general", ...quiet });
    await rule(admin, { name: "重大", watchId, channelIds: [channelId], severity: "major", ...quiet });
    await feed(sourceId, [NEG]);
    await rx!.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(rx!.received).toHaveLength(1);
    expect(rx!.received[0].body.severity).toBe("major");
    const held = (await alerts(admin)).find((a) => a.severity === "general")!;
    expect(held.deliveries[0]).toMatchObject({ state: "pending", attempts: 0 });
    expect(Date.parse((held.deliveries[0] as unknown as { nextAt: string }).nextAt)).toBeGreaterThan(Date.now());
  });

  it("writes alerts in the analysis transaction: a batch that fails leaves no alert behind", async () => {
    const { admin, sourceId, channelId, watchId } = await setup();
    await rule(admin, { watchId, channelIds: [channelId] });
    insertItems(t!.db, sourceId, [{ guid: "x1", url: null, canonicalUrl: null, contentHash: "h-x1", author: null, title: "乱收费", text: NEG, publishedAt: null }]);
    let calls = 0;
    let seenInside = -1;
    const now = () => {
      // saveAnalysis, enqueueAlerts, then the event upkeep: fail there, after the alert was written.
      if (++calls === 3) {
        seenInside = t!.db.sqlite.prepare("SELECT count(*) FROM alerts").pluck().get() as number;
        throw new Error("boom");
      }
      return Date.now();
    };
    expect(() => analyseBatch(t!.db, t!.analysis.analyser, 500, now)).toThrow("boom");
    expect(seenInside).toBe(1);
    expect(t!.db.sqlite.prepare("SELECT count(*) FROM alerts").pluck().get()).toBe(0);
    expect(t!.db.sqlite.prepare("SELECT count(*) FROM alert_deliveries").pluck().get()).toBe(0);
    expect(t!.db.sqlite.prepare("SELECT count(*) FROM items WHERE analysed_at IS NULL").pluck().get()).toBe(1);
  });

  it("sends a test message through a channel", async () => {
    const { admin, channelId } = await setup();
    const res = await admin.post(`/api/alert-channels/${channelId}/test`);
    expect(res.json()).toEqual({ ok: true, error: null });
    expect(rx!.received[0].body.title).toContain("测试");
    rx!.respond = () => 500;
    expect((await admin.post(`/api/alert-channels/${channelId}/test`)).json()).toEqual({ ok: false, error: "接收方返回 HTTP 500" });
  });

  it("refuses to deliver to an internal address not on the allow list, through the fetch guard", async () => {
    const { admin } = await setup();
    const ch = await admin.post("/api/alert-channels", { name: "内网", kind: "webhook", url: `http://localhost:${rx!.port}/hook` });
    expect(ch.statusCode).toBe(201);
    const res = (await admin.post(`/api/alert-channels/${ch.json().id}/test`)).json();
    expect(res).toEqual({ ok: false, error: expect.stringContaining("已拒绝发送") });
    expect(rx!.received).toHaveLength(0);
    expect((await admin.post("/api/alert-channels", { name: "内网", kind: "webhook", url: "http://10.0.0.1/hook" })).statusCode).toBe(400);
  });

  it("records a secret that no longer decrypts as the delivery's error and retries it, without spinning", async () => {
    const { admin, sourceId, channelId, watchId } = await setup({ alertRetryBaseMs: 200 });
    t!.db.sqlite.prepare("UPDATE alert_channels SET secret_enc = 'v1:AAAA' WHERE id = ?").run(channelId);
    await rule(admin, { watchId, channelIds: [channelId] });
    await feed(sourceId, [NEG]);
    const [a] = await until(async () => {
      const list = await alerts(admin);
      return list[0]?.deliveries[0]?.attempts ? list : undefined;
    });
    expect(a.deliveries[0]).toMatchObject({ state: "pending", lastError: expect.stringContaining("TINGFENG_SECRET_KEY") });
    await new Promise((r) => setTimeout(r, 100));
    expect((await alerts(admin))[0].deliveries[0].attempts).toBe(1);
    expect(rx!.received).toHaveLength(0);
  });
});
