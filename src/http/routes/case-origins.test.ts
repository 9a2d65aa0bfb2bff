// Opening a case where a concern is seen: from an event page (eventId) and from an alert (alertId
// with the alert's item), as the web UI's 立案 buttons send it; only roles that may open cases.
import { afterEach, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertItems } from "../../store/items";
import { insertSource } from "../../store/sources";
import { contentHash } from "../../ingest";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

it("records the event or alert a case was opened from", async () => {
  t = await createTestApp();
  const monitor = await t.userClient("monitor");
  const source = insertSource(t.db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/feed", intervalSeconds: 300, priority: 2, enabled: true });
  const [itemId] = insertItems(t.db, source.id, [{
    guid: "g1", url: "http://127.0.0.1/p/1", canonicalUrl: null, contentHash: contentHash("", "乱收费"), author: null,
    title: "禾溪镇小学乱收费", text: "家长反映每学期额外收取补课费", publishedAt: Date.now() - 60_000,
  }]);
  await t.analysis.drain();
  const eventId = t.db.prepare("SELECT event_id FROM items WHERE id = ?").pluck().get(itemId) as number;
  const raised = await monitor.post("/api/alerts", { itemId, severity: "significant", note: "请关注" });
  expect(raised.statusCode, raised.body).toBeLessThan(300);
  const alertId = t.db.prepare("SELECT id FROM alerts").pluck().get() as number;

  const fromAlert = await monitor.post("/api/cases", { title: "禾溪镇小学乱收费", alertId, itemIds: [itemId] });
  expect(fromAlert.statusCode, fromAlert.body).toBe(201);
  expect(fromAlert.json()).toMatchObject({ origin: "alert", alertId, itemIds: [itemId] });

  const fromEvent = await monitor.post("/api/cases", { title: "禾溪镇小学收费事件", eventId });
  expect(fromEvent.json()).toMatchObject({ origin: "event", eventId, itemIds: [] });

  const handler = await t.userClient("handler");
  expect((await handler.post("/api/cases", { title: "x", eventId })).statusCode).toBe(403);
});
