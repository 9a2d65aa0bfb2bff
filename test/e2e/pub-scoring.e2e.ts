// Placements and publicity settings in a browser (1440×900): the office registers a placement with two
// authors through the 登记刊发 form and sees its points; the scores page's link (?unitId=&level=) filters
// the table; an administrator adds an outlet and saves a new points-table version.
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PASSWORD, startSeededApp, type SeededApp } from "./seeded-app";
import { choose, settled } from "./antd-select";
import { insertUnit } from "../../src/store/units";
import { insertOutlet } from "../../src/store/outlets";
import { createUser } from "../../src/accounts/commands";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("pub-scoring");
});
afterAll(async () => {
  await app?.close();
});

it("registers a placement with authors' shares and shows its points; the URL filters the table", async () => {
  const unit = insertUnit(app.db, "县教育局", null);
  insertOutlet(app.db, { name: "市日报", level: "city", medium: "newspaper" });
  const page = await app.signedIn(1440, 900);
  await page.goto(`${app.base}/placements`);
  await page.getByTestId("placement-new").click();
  await settled(page);
  await page.getByTestId("placement-title").fill("县教育局推进课后服务");
  await choose(page, "placement-outlet", "市日报 · 市级 · 报纸");
  await choose(page, "placement-slot", "头版");
  await choose(page, "placement-unit", "县教育局");
  await page.getByTestId("placement-author-name-0").fill("王明");
  await page.getByTestId("placement-author-share-0").fill("0.6");
  await page.getByTestId("placement-author-add").click();
  await page.getByTestId("placement-author-name-1").fill("李华");
  await page.getByTestId("placement-author-share-1").fill("0.4");
  await page.getByTestId("placement-link").fill("https://news.example.cn/a/1");
  await page.getByTestId("placement-save").click();
  // 市级 消息 3 × 头版 1.5 under the default rules.
  await expect.poll(() => page.getByTestId("placement-saved-points").textContent(), { timeout: 10_000 }).toContain("4.5");
  await page.keyboard.press("Escape");
  await settled(page);
  await expect.poll(() => page.getByText("王明 60% (2.7), 李华 40% (1.8)").count(), { timeout: 10_000 }).toBe(1);
  const link = page.getByRole("link", { name: "县教育局推进课后服务" });
  expect(await link.getAttribute("target")).toBe("_blank");
  expect(await link.getAttribute("rel")).toContain("noopener");
  await page.screenshot({ path: path.join(app.shots, "placements-1440.png") });

  await page.goto(`${app.base}/placements?unitId=${unit.id}&level=provincial`);
  await expect.poll(() => page.getByTestId("placements-total").textContent(), { timeout: 10_000 }).toContain("共 0 条");
  await page.goto(`${app.base}/placements?unitId=${unit.id}&level=city`);
  await expect.poll(() => page.getByTestId("placements-total").textContent(), { timeout: 10_000 }).toContain("共 1 条，合计 4.5 分");
  await page.close();
});

it("lets an administrator add an outlet and save a new version of the points table", async () => {
  await createUser(app.db, null, { username: "admin", password: PASSWORD, role: "admin", unitId: null });
  const page = await app.signedInAs("admin", 1440, 900);
  await page.goto(`${app.base}/publicity-settings`);
  await page.getByTestId("outlet-new").click();
  await settled(page);
  await page.getByTestId("outlet-name").fill("省电视台");
  await choose(page, "outlet-level", "省级");
  await choose(page, "outlet-medium", "电视");
  await page.getByTestId("outlet-save").click();
  await expect.poll(() => page.getByText("省电视台").count(), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(app.db.sqlite.prepare("SELECT level, medium FROM outlets WHERE name = '省电视台'").get()).toEqual({ level: "provincial", medium: "tv" });

  await page.getByTestId("rules-new").click();
  await settled(page);
  await page.getByTestId("rules-name").fill("2027 版");
  await page.getByTestId("rules-base-city-news").fill("5");
  await page.getByTestId("rules-save").click();
  await expect.poll(() => app.db.sqlite.prepare("SELECT count(*) FROM scoring_rule_sets").pluck().get(), { timeout: 10_000 }).toBe(1);
  const saved = app.db.sqlite.prepare("SELECT rules FROM scoring_rule_sets").pluck().get() as string;
  expect(JSON.parse(saved).base.city.news).toBe(5);
  await page.screenshot({ path: path.join(app.shots, "publicity-settings-1440.png") });
  await page.close();
});
