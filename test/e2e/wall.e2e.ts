// The duty-room wall display: an admin issues a wall address on 值班大屏, a fresh browser with no session
// opens it and sees the headline figures under Chinese headings (no login prompt, the token gone from the
// address bar, still working after a reload); once the admin revokes the token the wall says so.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSeededApp, PASSWORD, type SeededApp } from "./seeded-app";
import { settled } from "./antd-select";
import { createUser } from "../../src/accounts/commands";
import { insertAlert } from "../../src/store/alerts";
import { insertUnit } from "../../src/store/units";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("wall");
  await createUser(app.db, null, { username: "admin", password: PASSWORD, role: "admin", unitId: null });
});
afterAll(async () => {
  await app?.close();
});

it("opens the wall with an issued address, without a login, and shows the revoked screen after revocation", async () => {
  const admin = await app.signedInAs("admin", 1280, 800);
  const errors: string[] = [];
  admin.on("pageerror", (e) => errors.push(String(e)));
  await admin.getByTestId("nav-menu").getByText("值班大屏").click();
  await admin.waitForURL(`${app.base}/displays`);
  await admin.getByTestId("display-new").click();
  await admin.getByTestId("display-name").fill("值班室大屏");
  await admin.getByTestId("display-save").click();
  const shown = (await admin.getByTestId("display-url").textContent({ timeout: 10_000 }))!.trim();
  await settled(admin);
  expect(shown).toMatch(/\/wall#t=[A-Za-z0-9_-]{43}$/);
  await admin.getByTestId("display-done").click();
  await expect.poll(() => admin.locator(".ant-modal-wrap:visible").count(), { timeout: 10_000 }).toBe(0);
  await expect.poll(() => admin.locator(".ant-table-tbody").textContent()).toContain("值班室大屏");

  // Something in every panel: ten alerts (the newest acknowledged) and an overdue case of a unit.
  const now = Date.now();
  for (let i = 0; i < 10; i++) {
    insertAlert(app.db, { ruleId: null, severity: ["general", "significant", "major"][i % 3], title: `禾溪镇小学乱收费 预警${i}`, reason: "r", foldKey: `e2e${i}`, foldedInto: null, dueAt: null, itemId: null, publishedAt: null, fetchedAt: null, analysedAt: null, createdAt: now - (10 - i) * 60_000 });
  }
  app.db.prepare("UPDATE alerts SET acknowledged_at = ? WHERE title = '禾溪镇小学乱收费 预警9'").run(now);
  const unit = insertUnit(app.db, "县教育局", null);
  app.db.prepare("INSERT INTO cases (title, state, unit_id, origin, reply_due_at, created_at, updated_at) VALUES ('禾溪镇小学乱收费核查', 'assigned', ?, 'manual', ?, ?, ?)").run(unit.id, now - 3_600_000, now, now);

  // The wall: a fresh context (no cookies), at the office's wall size.
  const context = await app.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await context.newPage();
  wall.on("pageerror", (e) => errors.push(String(e)));
  await wall.goto(`${app.base}${new URL(shown).pathname}${new URL(shown).hash}`);
  const items24h = app.db.prepare("SELECT count(*) FROM items WHERE coalesce(published_at, fetched_at) >= ?").pluck().get(Date.now() - 23 * 3_600_000) as number;
  await expect.poll(() => wall.getByTestId("wall-volume24h").textContent(), { timeout: 10_000 }).toBe(`24 小时信息量${items24h}`);
  expect(await wall.locator("h1").first().textContent()).toContain("舆情值班大屏");
  expect(await wall.locator("h2").allTextContents()).toEqual(["信息量走势（每 10 分钟）", "情感分布（24 小时）", "热点事件（24 小时）", "最新预警", "超期工单"]);
  expect(await wall.getByTestId("wall-updated").textContent()).toMatch(/^最后更新 \d\d:\d\d:\d\d$/);
  expect(await wall.getByTestId("wall-overdueCases").textContent()).toBe("超期工单1");
  expect(await wall.getByTestId("wall-overdue").textContent()).toContain("禾溪镇小学乱收费核查县教育局");
  expect(await wall.getByTestId("wall-alerts").locator("li").first().textContent()).toContain("预警9");
  expect(wall.url()).toBe(`${app.base}/wall`);
  expect(await wall.getByTestId("login-username").count()).toBe(0);
  const px = await wall.getByTestId("wall-volume24h").locator(".figure-value").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(px).toBeGreaterThanOrEqual(64);
  await wall.screenshot({ path: `${app.shots}/wall-1920.png` });
  await wall.setViewportSize({ width: 1280, height: 720 });
  const small = await wall.getByTestId("wall-volume24h").locator(".figure-value").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(small).toBeGreaterThanOrEqual(64);
  // Nothing is cut off at the bottom of a 720-pixel screen: the lists end inside the viewport.
  const bottom = await wall.getByTestId("wall-overdue").evaluate((el) => el.getBoundingClientRect().bottom);
  expect(bottom).toBeLessThanOrEqual(720);
  await wall.screenshot({ path: `${app.shots}/wall-1280.png` });

  // A reload keeps working from the remembered token.
  await wall.reload();
  await expect.poll(() => wall.getByTestId("wall-volume24h").textContent(), { timeout: 10_000 }).toBe(`24 小时信息量${items24h}`);

  // A network blip: connections drop and reconnecting fails for a while; the wall says so, then recovers by itself.
  await wall.route("**/api/wall/**", (route) => route.abort("internetdisconnected"));
  app.server.closeAllConnections();
  await expect.poll(() => wall.getByTestId("wall-offline").count(), { timeout: 10_000 }).toBe(1);
  expect(await wall.getByTestId("wall-offline").textContent()).toBe("连接中断，正在重连…");
  await wall.screenshot({ path: `${app.shots}/wall-blip.png` });
  await wall.unroute("**/api/wall/**");
  await expect.poll(() => wall.getByTestId("wall-offline").count(), { timeout: 30_000 }).toBe(0);
  expect(await wall.getByTestId("wall-volume24h").textContent()).toBe(`24 小时信息量${items24h}`);

  // Revoked: the open wall is told and shows why.
  const id = app.db.prepare("SELECT id FROM display_tokens WHERE name = '值班室大屏'").pluck().get() as number;
  await admin.bringToFront();
  await admin.getByTestId(`display-revoke-${id}`).click();
  await settled(admin);
  await admin.locator(".ant-popconfirm .ant-btn-primary").click();
  await expect.poll(() => wall.getByTestId("wall-invalid").textContent(), { timeout: 10_000 }).toContain("显示令牌无效或已吊销");
  await wall.screenshot({ path: `${app.shots}/wall-revoked.png` });
  // And stays so on a reload.
  await wall.reload();
  await expect.poll(() => wall.getByTestId("wall-invalid").textContent(), { timeout: 10_000 }).toContain("显示令牌无效或已吊销");
  expect(errors).toEqual([]);
  await context.close();
});
