// Analysis in the browser: stored items are analysed by the running worker → the ledger shows
// sentiment and "转载 N" with copies collapsed → an analyst corrects a sentiment → a watch with a
// malformed query shows the positional error, a fixed one previews highlighted matches and saves
// with its back-filled count → the event page lists the repost group's event.
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
import { createAnalysisWorker, type AnalysisWorker } from "../../src/jobs/analyse-items";
import { insertItems } from "../../src/store/items";
import { insertSource } from "../../src/store/sources";
import { launchBrowser } from "./browser";

let dir: string;
let db: Db;
let worker: AnalysisWorker;
let base: string;
let browser: Browser;
let closeApp: () => Promise<void>;

const FEE = "青禾县禾溪镇第一小学家长反映，学校以兴趣班名义每学期额外收取补课费八百元，家长质疑属于乱收费，希望教育局尽快调查处理。";

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-e2e-analysis-"));
  const config = loadConfig({}, { dataDir: dir, demo: false });
  db = openDb(path.join(dir, "e2e.db"));
  migrate(db);
  await createUser(db, null, { username: "analyst", password: "e2e-quiet-harbour-4172", role: "monitor", unitId: null });
  const src = insertSource(db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/none", intervalSeconds: 3600, priority: 2, enabled: false });
  const t0 = Date.now() - 5 * 3_600_000;
  const rows = [
    { title: "禾溪镇小学被指乱收费", text: FEE },
    { title: "转发：禾溪镇小学乱收费", text: `转发：${FEE}` },
    { title: "网友爆料学校乱收费", text: `${FEE}太过分了！` },
    { title: "点赞政务服务中心", text: "今天去政务服务中心办营业执照，工作人员热情周到，半小时就办好了，效率真高，必须点赞！" },
  ];
  rows.forEach((r, i) =>
    insertItems(db, src.id, [{ guid: `e${i}`, url: null, canonicalUrl: null, contentHash: `h${i}`, author: null, title: r.title, text: r.text, publishedAt: t0 + i * 600_000 }]),
  );
  worker = createAnalysisWorker(db);
  const app = await buildApp({ db, config, version: "e2e", analysis: worker });
  await app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  closeApp = () => app.close();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await closeApp?.();
  await worker?.stop();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("shows analysis, takes a correction, and edits a watch with live preview", async () => {
  await expect.poll(() => (db.sqlite.prepare("SELECT count(*) AS n FROM items WHERE analysed_at IS NULL").get() as { n: number }).n, { timeout: 20_000 }).toBe(0);
  const page = await browser.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId("login-username").fill("analyst");
  await page.getByTestId("login-password").fill("e2e-quiet-harbour-4172");
  await page.getByTestId("login-submit").click();
  await page.waitForURL(`${base}/`);

  // Copies are collapsed behind the first post, which shows "转载 2".
  await page.goto(`${base}/items`);
  await expect.poll(() => page.getByTestId("item-link").count(), { timeout: 10_000 }).toBe(2);
  await expect.poll(() => page.getByTestId("repost-count").allTextContents()).toEqual([expect.stringContaining("2")]);
  const labels = async () => page.getByTestId("sentiment-tag").evaluateAll((els) => els.map((e) => e.getAttribute("data-label")));
  expect((await labels()).sort()).toEqual(["neg", "pos"]);

  // Correct the praise post to neutral.
  const praiseRow = page.locator("tr", { has: page.getByText("点赞政务服务中心") });
  await praiseRow.getByTestId("sentiment-correct").click();
  await page.getByTestId("sentiment-correct-neu").click();
  await expect.poll(() => praiseRow.getByTestId("sentiment-tag").getAttribute("data-label"), { timeout: 10_000 }).toBe("neu");
  const corrected = db.sqlite.prepare("SELECT sentiment, sentiment_manual FROM items WHERE title = '点赞政务服务中心'").get();
  expect(corrected).toEqual({ sentiment: "neu", sentiment_manual: 1 });

  // A malformed watch query names the position; a fixed one previews highlighted matches.
  await page.goto(`${base}/watches`);
  await page.getByTestId("watch-add").click();
  await page.getByTestId("watch-name").fill("教育收费");
  await page.getByTestId("watch-query").fill("(乱收费 | 补课费");
  await expect.poll(() => page.getByTestId("watch-query-error").textContent(), { timeout: 10_000 }).toContain("第 1 个字符");
  await page.getByTestId("watch-query").fill("乱收费 | 补课费");
  await expect.poll(() => page.getByTestId("watch-preview-item").count(), { timeout: 10_000 }).toBe(3);
  expect(await page.getByTestId("watch-preview-item").first().locator("mark").count()).toBeGreaterThan(0);
  await page.getByTestId("watch-submit").click();
  await expect.poll(() => page.getByTestId("watch-match-count").allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining("3")]);

  // The repost group forms one event.
  await page.goto(`${base}/events`);
  await expect.poll(() => page.getByTestId("event-row").count(), { timeout: 10_000 }).toBeGreaterThan(0);
  const sizes = db.sqlite.prepare("SELECT id, size FROM events WHERE size > 0 ORDER BY size DESC").all() as { id: number; size: number }[];
  expect(sizes[0].size).toBe(3);

  // The event page lists why its risk level was suggested, not only in a tooltip.
  await page.goto(`${base}/events/${sizes[0].id}`);
  const reasons = page.getByTestId("event-risk-reasons");
  await expect.poll(() => reasons.locator("li").count(), { timeout: 10_000 }).toBeGreaterThan(2);
  expect(await reasons.textContent()).toContain("风险依据");
  expect(await reasons.textContent()).toContain("系统建议");
});
