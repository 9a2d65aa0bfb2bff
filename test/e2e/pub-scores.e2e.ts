// The scores page (考核排名) at 1440×900: the unit ranking shows the points recounted from planted
// placements, completion as a bar, a count links to the unit's placements, the person ranking lists the
// authors, and the notice / assessment buttons point at their downloads.
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSeededApp, type SeededApp } from "./seeded-app";
import { insertUnit } from "../../src/store/units";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("pub-scores");
});
afterAll(async () => {
  await app?.close();
});

it("ranks units and people of the year and links a count to its placements", async () => {
  const db = app.db.sqlite;
  const now = Date.now();
  const year = new Date().getFullYear();
  const east = insertUnit(app.db, "东城街道", null).id;
  const west = insertUnit(app.db, "西城镇", null).id;
  const outlet = (name: string, level: string) => Number(db.prepare(`INSERT INTO outlets (name, level, medium, created_at, updated_at) VALUES (?, ?, 'newspaper', ?, ?)`).run(name, level, now, now).lastInsertRowid);
  const city = outlet("青禾日报", "city");
  const national = outlet("人民日报", "national");
  const plant = (unitId: number, outletId: number, genre: string, author: string) => {
    const id = Number(db.prepare(`INSERT INTO placements (title, outlet_id, genre, published_on, unit_id, created_at, updated_at) VALUES ('稿件', ?, ?, ?, ?, ?, ?)`)
      .run(outletId, genre, `${year}-01-15`, unitId, now, now).lastInsertRowid);
    db.prepare(`INSERT INTO placement_authors (placement_id, position, name, unit_id, share) VALUES (?, 0, ?, ?, 1)`).run(id, author, unitId);
  };
  plant(east, national, "feature", "李强"); // defaults: 12
  plant(east, city, "news", "李强"); // 3
  plant(west, city, "news", "赵雷"); // 3
  db.prepare(`INSERT INTO quotas (year, unit_id, min_level, period, count, updated_at) VALUES (?, ?, 'city', 'year', 4, ?)`).run(year, east, now);

  const page = await app.signedIn(1440, 900);
  await page.goto(`${app.base}/publicity-scores`);
  const units = page.getByTestId("pub-scores-units");
  await expect.poll(() => units.locator("tr.ant-table-row").first().textContent(), { timeout: 10_000 }).toContain("东城街道");
  expect(await units.locator("tr.ant-table-row").first().textContent()).toContain("15");
  expect(await page.getByTestId(`pub-scores-completion-${east}`).textContent()).toContain("2/4");
  await expect.poll(() => page.getByTestId("pub-scores-people").textContent(), { timeout: 10_000 }).toContain("李强");
  expect(await page.getByTestId("pub-scores-notice").getAttribute("href")).toMatch(new RegExp(`^/api/publicity/notice\\.docx\\?year=${year}&period=m\\d\\d$`));
  expect(await page.getByTestId("pub-scores-assessment-xlsx").getAttribute("href")).toBe(`/api/publicity/assessment.xlsx?year=${year}`);
  await page.screenshot({ path: path.join(app.shots, "pub-scores-1440.png"), fullPage: true });
  await page.getByTestId(`pub-scores-placements-${east}`).click();
  await page.waitForURL((u) => u.pathname === "/placements" && u.searchParams.get("unitId") === String(east) && u.searchParams.get("year") === String(year));
  await page.close();
});
