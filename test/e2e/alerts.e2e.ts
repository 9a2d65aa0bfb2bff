// Alerts at 1440×900: the monitor has the 预警 page open → a new post matches a watch with an in-app rule →
// the alert appears without a reload (SSE), with its delivery state → 确认 acknowledges it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSeededApp, type SeededApp } from "./seeded-app";
import { insertWatch } from "../../src/store/watches";
import { insertChannel, insertRule } from "../../src/store/alert-config";
import { insertItems } from "../../src/store/items";
import { reloadRules } from "../../src/alerts/outbox";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("alerts");
});
afterAll(async () => {
  await app?.close();
});

it("shows a new in-app alert live and acknowledges it", async () => {
  const { db } = app;
  const watchId = insertWatch(db, { name: "停水", query: "停水", enabled: true, createdBy: null });
  const channelId = insertChannel(db, { name: "站内", kind: "inapp", url: null, options: {}, enabled: true }, null);
  insertRule(db, {
    name: "停水预警", trigger: "watch", watchId, severity: "major", onlyNegative: false, maxSourcePriority: null, minReposts: null,
    channelIds: [channelId], quietStart: null, quietEnd: null, foldSeconds: 600, enabled: true,
  }, null);
  reloadRules(db);
  app.analysis.reload();

  const page = await app.signedIn(1440, 900);
  await page.goto(`${app.base}/alerts`);
  await expect.poll(() => page.getByText("实时推送已连接").count(), { timeout: 10_000 }).toBe(1);
  expect(await page.getByTestId("alert-row").count()).toBe(0);

  const sourceId = db.sqlite.prepare("SELECT id FROM sources LIMIT 1").pluck().get() as number;
  insertItems(db, sourceId, [{ guid: "water", url: null, canonicalUrl: null, contentHash: "water", author: null, title: "城西片区明日停水", text: "青禾县自来水公司通知，城西片区明日停水十小时，请居民提前储水。", publishedAt: Date.now() }]);
  await app.analysis.drain();

  await expect.poll(() => page.getByTestId("alert-row").count(), { timeout: 10_000 }).toBe(1);
  const row = page.getByTestId("alert-row");
  await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("已发送");
  expect(await row.textContent()).toContain("重大");
  await page.getByTestId("alert-ack").click();
  await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("已确认");
  expect(db.sqlite.prepare("SELECT acknowledged_at FROM alerts").pluck().get()).not.toBeNull();
});
