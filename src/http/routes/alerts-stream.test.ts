// The in-app channel: an alert reaches an open browser's event stream (GET /api/alerts/stream) at once.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertItems } from "../../store/items";
import { insertSource } from "../../store/sources";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

it("pushes an in-app alert to the open SSE stream and refuses the stream to those who may not read alerts", async () => {
  t = await createTestApp();
  const admin = await t.userClient("admin");
  const handler = await t.userClient("handler");
  const ch = await admin.post("/api/alert-channels", { name: "站内", kind: "inapp" });
  expect(ch.statusCode).toBe(201);
  const watch = await admin.post("/api/watches", { name: "停水", query: "停水" });
  const rule = await admin.post("/api/alert-rules", { name: "停水", trigger: "watch", watchId: watch.json().id, severity: "major", channelIds: [ch.json().id] });
  expect(rule.statusCode).toBe(201);
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const port = (t.app.server.address() as AddressInfo).port;
  const open = (cookie: string) =>
    new Promise<http.IncomingMessage>((resolve, reject) => http.get({ host: "127.0.0.1", port, path: "/api/alerts/stream", headers: { cookie } }, resolve).on("error", reject));
  expect((await open(handler.cookie)).statusCode).toBe(403);
  const res = await open(admin.cookie);
  expect(res.headers["content-type"]).toContain("text/event-stream");
  let text = "";
  const got = new Promise<string>((resolve) => res.on("data", (c: Buffer) => {
    text += c.toString();
    if (text.includes("event: alert")) resolve(text);
  }));
  const source = insertSource(t.db, { name: "青禾新闻网", kind: "rss", url: "http://127.0.0.1/f", intervalSeconds: 300, priority: 1, enabled: true });
  insertItems(t.db, source.id, [{ guid: "w1", url: null, canonicalUrl: null, contentHash: "w1", author: null, title: "城西片区明日停水", text: "青禾县自来水公司通知，城西片区明日停水十小时。", publishedAt: null }]);
  await t.analysis.drain();
  const body = await got;
  const data = JSON.parse(/data: (.*)\n/.exec(body)![1]) as { severity: string; title: string };
  expect(data).toMatchObject({ severity: "major", title: expect.stringContaining("停水") });
  res.destroy();
});
