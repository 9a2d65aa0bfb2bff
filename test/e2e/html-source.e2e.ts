// Add an html source in the UI: fill its selectors, press 测试抓取 and see the extracted titles,
// save, fetch now, and find the articles in the ledger. The site is the local fixture site.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { openDb, type Db } from "../../src/db/connection";
import { migrate } from "../../src/db/migrate";
import { buildApp } from "../../src/http/app";
import { createUser } from "../../src/accounts/commands";
import { startFixtureSite, type FixtureSite } from "../fixture-site";
import { launchBrowser } from "./browser";
import { pick } from "./antd-select";

const PASSWORD = "e2e-quiet-harbour-4172";
let dir: string;
let db: Db;
let base: string;
let browser: Browser;
let site: FixtureSite;
let closeApp: () => Promise<void>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-e2e-"));
  site = await startFixtureSite();
  const config = loadConfig({}, { dataDir: dir, demo: false, fetchAllowHosts: [site.allowHost], timeZone: "Asia/Shanghai" });
  db = openDb(path.join(dir, "e2e.db"));
  migrate(db);
  await createUser(db, null, { username: "monitor", password: PASSWORD, role: "monitor", unitId: null });
  const app = await buildApp({ db, config, version: "e2e" });
  await app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  closeApp = () => app.close();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await closeApp?.();
  await site?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("adds an html source with the 测试抓取 preview, fetches it and shows its articles in the ledger", async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId("login-username").fill("monitor");
  await page.getByTestId("login-password").fill(PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.waitForURL(`${base}/`);

  await page.goto(`${base}/sources`);
  await page.getByTestId("source-add").click();
  await pick(page, '[data-testid="source-kind"]', "网页列表");
  await page.getByTestId("source-name").fill("青禾新闻网");
  await page.getByTestId("source-url").fill(`${site.url}/news/list.html`);
  await page.getByTestId("source-selector-item").fill("li.news");
  await page.getByTestId("source-selector-title").fill("a.t");
  await page.getByTestId("source-selector-link").fill("a.t");
  await page.getByTestId("source-selector-time").fill(".time");
  await page.getByTestId("source-preview-button").click();

  const preview = page.getByTestId("source-preview");
  await expect.poll(() => preview.getByText("青禾县召开防汛工作会议", { exact: true }).count(), { timeout: 15_000 }).toBe(1);
  expect(await preview.getByText("青禾县举办农民丰收节", { exact: true }).count()).toBe(1);
  expect(await preview.getByText("部署今年汛期各项准备工作", { exact: false }).count()).toBe(1);
  expect(await db.sqlite.prepare("SELECT count(*) FROM sources").pluck().get()).toBe(0);

  await page.getByTestId("source-submit").click();
  await expect.poll(() => page.getByText(`${site.url}/news/list.html`).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.getByRole("button", { name: "立即抓取" }).click();
  await expect.poll(() => db.sqlite.prepare("SELECT count(*) FROM items").pluck().get(), { timeout: 15_000 }).toBe(3);

  await page.goto(`${base}/items`);
  await expect.poll(() => page.getByTestId("item-link").allTextContents(), { timeout: 10_000 }).toEqual(
    expect.arrayContaining(["青禾县召开防汛工作会议", "城南路段施工期间交通管制的通告", "青禾县举办农民丰收节"]),
  );
  await page.close();
});
