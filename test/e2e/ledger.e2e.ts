// Log in → add an RSS source served locally → items appear → a 2-character query finds them →
// an item whose text contains <script> shows it as inert text.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { openDb, type Db } from "../../src/db/connection";
import { migrate } from "../../src/db/migrate";
import { buildApp } from "../../src/http/app";
import { createUser } from "../../src/accounts/commands";
import { createScheduler, type Scheduler } from "../../src/jobs/scheduler";
import { launchBrowser } from "./browser";
import { FIXTURE_FEED, serveFeed } from "./fixture-feed";

let dir: string;
let db: Db;
let scheduler: Scheduler;
let base: string;
let browser: Browser;
let closeApp: () => Promise<void>;
let feed: Awaited<ReturnType<typeof serveFeed>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-e2e-"));
  feed = await serveFeed(FIXTURE_FEED);
  // The fixture is on loopback: the fetch guard lets exactly its host:port through.
  const config = loadConfig({}, { dataDir: dir, demo: false, schedulerTickMs: 300, fetchAllowHosts: [feed.allowHost] });
  db = openDb(path.join(dir, "e2e.db"));
  migrate(db);
  await createUser(db, null, { username: "admin", password: "e2e-quiet-harbour-4172", role: "admin", unitId: null });
  scheduler = createScheduler(db, config);
  const app = await buildApp({ db, config, version: "e2e", scheduler });
  await app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  closeApp = () => app.close();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await closeApp?.();
  await scheduler?.stop();
  await feed?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("collects a local feed and shows hostile text inert", async () => {
  const page = await browser.newPage();
  const external: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(base)) external.push(r.url());
  });

  await page.goto(`${base}/login`);
  await page.getByTestId("login-username").fill("admin");
  await page.getByTestId("login-password").fill("e2e-quiet-harbour-4172");
  await page.getByTestId("login-submit").click();
  await page.waitForURL(`${base}/`);

  await page.goto(`${base}/sources`);
  await page.getByTestId("source-add").click();
  await page.getByTestId("source-name").fill("青禾县论坛");
  await page.getByTestId("source-url").fill(feed.url);
  await page.getByTestId("source-interval").fill("60");
  await page.getByTestId("source-submit").click();
  await expect.poll(() => page.getByText(feed.url).count(), { timeout: 10_000 }).toBeGreaterThan(0);

  // The scheduler polls the new source; the ledger fills.
  await expect
    .poll(async () => (db.sqlite.prepare("SELECT count(*) AS n FROM items").get() as { n: number }).n, { timeout: 20_000 })
    .toBe(3);

  await page.goto(`${base}/items`);
  await page.getByTestId("items-search").fill("拥堵");
  await page.getByTestId("items-search").press("Enter");
  await expect.poll(() => page.getByTestId("item-link").allTextContents(), { timeout: 10_000 }).toEqual(["柳溪镇道路施工致早高峰拥堵"]);

  await page.getByTestId("items-search").fill("教育");
  await page.getByTestId("items-search").press("Enter");
  await expect.poll(() => page.getByTestId("item-link").count(), { timeout: 10_000 }).toBe(2);

  await page.getByTestId("item-link").filter({ hasText: "网友贴出一段代码" }).click();
  const text = page.getByTestId("item-text");
  await expect.poll(() => text.textContent(), { timeout: 10_000 }).toContain("<script>window.__pwned = 1</script>");
  expect(await text.textContent()).toContain('<img src=x onerror="window.__pwned=2">');
  expect(await text.locator("script, img").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(external).toEqual([]);
});
