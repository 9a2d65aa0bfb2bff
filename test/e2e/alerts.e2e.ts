// Alerts at 1440×900: the monitor has the 预警 page open → a new post matches a watch with an in-app rule →
// the alert appears without a reload (SSE), with its delivery state → 确认 acknowledges it → the latency panel
// (alerts page and dashboard) counts it → on the dashboard a second alert shows a notice that opens 预警 → two
// tabs sharing one stream both show the third.
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signIn, startSeededApp, type SeededApp } from "./seeded-app";
import { insertWatch } from "../../src/store/watches";
import { insertChannel, insertRule } from "../../src/store/alert-config";
import { insertItems } from "../../src/store/items";
import { reloadRules } from "../../src/alerts/outbox";
import { publishLive } from "../../src/alerts/live";

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

  // The latency panel, on the alerts page and on the dashboard: the channel, one alert delivered, its p50/p95.
  for (const route of ["/alerts", "/"]) {
    await page.goto(`${app.base}${route}`);
    const latency = page.getByTestId("alert-latency").getByTestId("latency-row");
    await expect.poll(() => latency.count(), { timeout: 10_000 }).toBe(1);
    const text = (await latency.textContent()) ?? "";
    expect(text).toContain("站内");
    await page.screenshot({ path: path.join(app.shots, `latency-${route === "/" ? "dashboard" : "alerts"}-1440.png`), fullPage: true });
    expect(text).toMatch(/^站内站内推送1[\d.]+ (毫秒|秒|分钟) \/ [\d.]+ (毫秒|秒|分钟)/);
  }
  expect(await page.getByText("预警送达时延（近24小时）").count()).toBe(1);
  // On a 390 px phone the panel (and the alerts page header with its switches) fit without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const route of ["/", "/alerts"]) {
    await page.goto(`${app.base}${route}`);
    await expect.poll(() => page.getByTestId("latency-row").count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: path.join(app.shots, `latency-${route === "/" ? "dashboard" : "alerts"}-390.png`), fullPage: true });
    expect(await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)), route).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${app.base}/`);
  await expect.poll(() => page.getByTestId("latency-row").count(), { timeout: 10_000 }).toBe(1);

  // On another page (the dashboard) a new alert still shows a notice, which opens 预警.
  db.sqlite.prepare("UPDATE alert_rules SET fold_seconds = 0").run();
  reloadRules(db);
  insertItems(db, sourceId, [{ guid: "water2", url: null, canonicalUrl: null, contentHash: "water2", author: null, title: "城东片区后天停水", text: "青禾县自来水公司通知，城东片区后天停水八小时，请居民提前储水。", publishedAt: Date.now() }]);
  await app.analysis.drain();
  const notice = page.getByTestId("alert-notice");
  await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
  expect(await notice.textContent()).toContain("新预警：");
  await notice.click();
  await page.waitForURL(`${app.base}/alerts`);
  await expect.poll(() => page.getByTestId("alert-row").count(), { timeout: 10_000 }).toBe(2);

  // Two tabs share the browser's one stream (the other gets the alert over a BroadcastChannel): both show it.
  const ctx = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const first = await ctx.newPage();
  await signIn(first, app.base, "monitor");
  const second = await ctx.newPage();
  await second.goto(`${app.base}/items`);
  await expect.poll(() => second.getByTestId("nav-menu").count(), { timeout: 10_000 }).toBe(1);
  await second.waitForTimeout(500);
  await page.close();
  // publishLive answers how many streams are open: one for the two tabs, once the closed page's are gone.
  const message = { id: 9999, severity: "general" as const, title: "城南片区周五停水", reason: "测试", url: "", items: [], createdAt: new Date().toISOString(), count: 1 };
  await expect.poll(() => publishLive(message), { timeout: 10_000 }).toBe(1);
  for (const tab of [first, second]) await expect.poll(() => tab.getByTestId("alert-notice").count(), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(await second.getByTestId("alert-notice").first().textContent()).toContain("城南片区周五停水");
  await ctx.close();
});

it("lets an administrator add, edit (secret kept behind its mask), test, disable and delete channels", async () => {
  const { db } = app;
  db.sqlite.prepare("UPDATE users SET role = 'admin' WHERE username = 'monitor'").run();
  const page = await app.signedIn(1440, 900);
  await page.goto(`${app.base}/alert-settings`);
  const rows = page.getByTestId("channel-row");
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
  const dialog = page.getByRole("dialog");

  await page.getByRole("button", { name: "新增渠道" }).click();
  await dialog.locator("#channel_name").fill("值班系统");
  await dialog.locator("#channel_url").fill("https://hooks.example.cn/a");
  await dialog.locator("#channel_secret").fill("s3cret-value-41");
  await dialog.locator(".ant-btn-primary").click();
  await expect.poll(() => rows.count()).toBe(2);
  const hook = rows.filter({ hasText: "值班系统" });
  expect(await hook.textContent()).toContain("******");
  const stored = () => db.sqlite.prepare("SELECT name, secret_enc, enabled FROM alert_channels WHERE url = ?").get("https://hooks.example.cn/a") as { name: string; secret_enc: string; enabled: number };
  const secretBefore = stored().secret_enc;
  expect(secretBefore).toMatch(/^v1:/);

  await hook.getByRole("button", { name: /^编\s*辑$/ }).click();
  expect(await dialog.locator("#channel_secret").inputValue()).toBe("******");
  await dialog.locator("#channel_name").fill("值班系统（夜班）");
  await dialog.locator(".ant-btn-primary").click();
  await expect.poll(() => stored().name).toBe("值班系统（夜班）");
  expect(stored().secret_enc).toBe(secretBefore);

  await rows.filter({ hasText: "值班系统（夜班）" }).getByTestId("channel-enabled").click();
  await expect.poll(() => stored().enabled).toBe(0);

  const inapp = rows.filter({ hasText: "站内推送" });
  await inapp.getByRole("button", { name: "发送测试消息" }).click();
  await expect.poll(() => inapp.getByTestId("channel-test-result").textContent()).toBe("测试通过");

  await rows.filter({ hasText: "值班系统（夜班）" }).getByRole("button", { name: /^删\s*除$/ }).click();
  await page.locator(".ant-popconfirm .ant-btn-primary").click();
  await expect.poll(() => rows.count()).toBe(1);
  const audit = db.sqlite.prepare("SELECT action, summary FROM audit_log WHERE action LIKE 'alert_channel.%' ORDER BY id").all() as { action: string; summary: string }[];
  expect(audit.map((a) => a.action)).toEqual(["alert_channel.create", "alert_channel.update", "alert_channel.update", "alert_channel.test", "alert_channel.delete"]);
  expect(JSON.stringify(audit)).not.toContain("s3cret-value-41");
  await page.screenshot({ path: path.join(app.shots, "alert-channels-1440.png"), fullPage: true });
});
