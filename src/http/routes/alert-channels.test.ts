// Channel management through the API: edit (the secret kept behind its mask, replaced or cleared, and
// never in the audit log), disable and enable (a disabled channel gets no new deliveries), delete.
import { afterEach, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";
import { insertItems } from "../../store/items";
import { insertSource } from "../../store/sources";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const SECRET = "first-secret-5b1e";
const NEW_SECRET = "second-secret-77c0";

const auditOf = (action: string) =>
  (t!.db.sqlite.prepare("SELECT summary FROM audit_log WHERE action = ? ORDER BY id").pluck().all(action) as string[]).map((s) => JSON.parse(s) as Record<string, unknown>);
const storedSecret = (id: number) => t!.db.sqlite.prepare("SELECT secret_enc FROM alert_channels WHERE id = ?").pluck().get(id) as string | null;

it("edits a channel: name, url and options change, the masked secret stays, a new one replaces it, \"\" clears it; the audit shows ******", async () => {
  t = await createTestApp();
  const admin = await t.userClient("admin");
  const created = await admin.post("/api/alert-channels", { name: "值班系统", kind: "webhook", url: "https://hooks.example.cn/a", secret: SECRET });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as number;
  const first = storedSecret(id);

  const kept = await admin.patch(`/api/alert-channels/${id}`, { name: "值班系统（新）", url: "https://hooks.example.cn/b", secret: "******", options: { note: "夜班" } });
  expect(kept.statusCode, kept.body).toBe(200);
  expect(kept.json()).toMatchObject({ name: "值班系统（新）", url: "https://hooks.example.cn/b", secret: "******", options: { note: "夜班" }, enabled: true });
  expect(storedSecret(id)).toBe(first);

  const replaced = await admin.patch(`/api/alert-channels/${id}`, { secret: NEW_SECRET });
  expect(replaced.json().secret).toBe("******");
  // An absent field keeps its stored value (options are not reset to {}).
  expect(replaced.json().options).toEqual({ note: "夜班" });
  expect(storedSecret(id)).not.toBe(first);
  expect(storedSecret(id)).not.toContain(NEW_SECRET);

  const cleared = await admin.patch(`/api/alert-channels/${id}`, { secret: "" });
  expect(cleared.json().secret).toBeNull();
  expect(storedSecret(id)).toBeNull();

  const updates = auditOf("alert_channel.update");
  expect(updates.map((u) => u.secret)).toEqual(["******", "******", null]);
  expect(updates[0]).toMatchObject({ name: "值班系统（新）", url: "https://hooks.example.cn/b" });
  const all = JSON.stringify(t.db.sqlite.prepare("SELECT summary FROM audit_log").pluck().all());
  expect(all).not.toContain(SECRET);
  expect(all).not.toContain(NEW_SECRET);

  expect((await admin.patch(`/api/alert-channels/${id}`, { url: "" })).statusCode).toBe(400);
  expect((await admin.patch("/api/alert-channels/9999", { name: "x" })).statusCode).toBe(404);
  const monitor = await t.userClient("monitor");
  expect((await monitor.patch(`/api/alert-channels/${id}`, { enabled: false })).statusCode).toBe(403);
  expect((await monitor.del(`/api/alert-channels/${id}`)).statusCode).toBe(403);
});

it("gives a disabled channel no new deliveries until it is enabled again, and deletes a channel no rule uses", async () => {
  t = await createTestApp();
  const admin = await t.userClient("admin");
  const id = (await admin.post("/api/alert-channels", { name: "站内", kind: "inapp" })).json().id as number;
  const watchId = (await admin.post("/api/watches", { name: "停水", query: "停水" })).json().id as number;
  const rule = await admin.post("/api/alert-rules", { name: "停水", trigger: "watch", watchId, severity: "major", channelIds: [id] });
  expect(rule.statusCode).toBe(201);
  const source = insertSource(t.db, { name: "青禾新闻网", kind: "rss", url: "http://127.0.0.1/f", intervalSeconds: 300, priority: 1, enabled: true });
  let n = 0;
  const post = async () => {
    n++;
    insertItems(t!.db, source.id, [{ guid: `w${n}`, url: null, canonicalUrl: null, contentHash: `w${n}`, author: null, title: `停水通知${n}`, text: `青禾县城西片区明日停水十小时（${n}）。`, publishedAt: null }]);
    await t!.analysis.drain();
  };
  const deliveries = () => t!.db.sqlite.prepare("SELECT count(*) FROM alert_deliveries WHERE channel_id = ?").pluck().get(id) as number;

  const off = await admin.patch(`/api/alert-channels/${id}`, { enabled: false });
  expect(off.json().enabled).toBe(false);
  expect(auditOf("alert_channel.update").at(-1)).toEqual({ enabled: false });
  // Renaming a disabled channel leaves it disabled.
  expect((await admin.patch(`/api/alert-channels/${id}`, { name: "站内推送" })).json()).toMatchObject({ name: "站内推送", enabled: false });
  await post();
  expect(t.db.sqlite.prepare("SELECT count(*) FROM alerts").pluck().get()).toBe(1);
  expect(deliveries()).toBe(0);
  expect((await admin.patch(`/api/alert-channels/${id}`, { enabled: true })).json().enabled).toBe(true);
  await post();
  expect(deliveries()).toBe(1);

  const inUse = await admin.del(`/api/alert-channels/${id}`);
  expect(inUse.statusCode).toBe(409);
  expect((await admin.del(`/api/alert-rules/${rule.json().id}`)).statusCode).toBe(204);
  expect((await admin.del(`/api/alert-channels/${id}`)).statusCode).toBe(204);
  expect((await admin.get("/api/alert-channels")).json().channels).toEqual([]);
  expect(auditOf("alert_channel.delete")).toEqual([{ name: "站内推送", kind: "inapp" }]);
});
