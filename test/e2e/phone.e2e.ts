// The phone layout at 390×844: the header folds the menu into a drawer, the ledger's search box fits
// and works, and the dashboard, ledger, an item and an event render without the page scrolling sideways.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSeededApp, type SeededApp } from "./seeded-app";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("phone");
});
afterAll(async () => {
  await app?.close();
});

const WIDTH = 390;

/** The page's widest scrolling width (document and body): more than the window means sideways scrolling. */
const pageWidth = (page: Page) =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));

async function expectFits(page: Page, name: string): Promise<void> {
  // Charts and tables settle after the data arrives.
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(app.shots, `phone-${name}.png`), fullPage: true });
  expect(await pageWidth(page), name).toBeLessThanOrEqual(WIDTH);
}

async function expectInView(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
}

it("fits a 390 px phone: header drawer, search, dashboard, ledger, item and event", async () => {
  const page = await app.signedIn(WIDTH, 844);

  // Dashboard, with the menu in a drawer rather than beside the page.
  await expect.poll(() => page.getByText("今日信息").count(), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(await page.locator(".ant-layout-sider").count()).toBe(0);
  await expectInView(page, "nav-toggle");
  await expectFits(page, "dashboard");

  await page.getByTestId("nav-toggle").click();
  const menuItem = page.locator(".app-drawer").getByRole("menuitem", { name: "台账" });
  await expect.poll(() => menuItem.isVisible(), { timeout: 5_000 }).toBe(true);
  expect(await page.locator(".app-drawer").getByTestId("logout").isVisible()).toBe(true);
  await page.waitForTimeout(400); // the drawer slides in
  await page.screenshot({ path: path.join(app.shots, "phone-drawer.png") });
  await menuItem.click();
  await page.waitForURL(`${app.base}/items`);

  // Ledger: rows, the search box in view and usable.
  await expect.poll(() => page.getByTestId("item-row").count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect.poll(() => page.locator(".app-drawer .ant-drawer-content").isVisible()).toBe(false);
  await expectInView(page, "items-search");
  await expectInView(page, "items-search-submit");
  await expectInView(page, "triage-bar");
  expect(await page.getByTestId("sentiment-filter").count()).toBe(0);
  await expectFits(page, "ledger");
  await page.getByTestId("items-more-filters").click();
  await expect.poll(() => page.getByTestId("sentiment-filter").isVisible()).toBe(true);
  await expectFits(page, "ledger-filters");
  await page.getByTestId("items-search").fill("拥堵");
  await page.getByTestId("items-search").press("Enter");
  await expect.poll(() => page.getByTestId("item-link").allTextContents(), { timeout: 10_000 }).toEqual(["柳溪镇道路施工致早高峰拥堵"]);
  await expectInView(page, "item-status");
  await expectFits(page, "ledger-search");

  // An item, whose long link must wrap.
  await page.getByTestId("item-link").click();
  await expect.poll(() => page.getByTestId("item-title").textContent(), { timeout: 10_000 }).toBe("柳溪镇道路施工致早高峰拥堵");
  await expectFits(page, "item");

  // An event (the repost group's).
  const event = app.db.sqlite.prepare("SELECT id FROM events WHERE size > 0 ORDER BY size DESC LIMIT 1").get() as { id: number };
  await page.goto(`${app.base}/events/${event.id}`);
  await expect.poll(() => page.getByTestId("event-title").count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => page.getByTestId("event-volume-chart").locator("svg").count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await expectFits(page, "event");
});
