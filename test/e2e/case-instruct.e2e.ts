// The leader's phone page at 390×844: an escalated case's summary, items and triage opinion fit the
// screen; the leader writes the instruction and presses 批示; the case is 已批示 with the leader's step.
// Then the case statistics page at 1440×900 shows the unit's row, the definitions and the download.
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PASSWORD, startSeededApp, type SeededApp } from "./seeded-app";
import { createUser } from "../../src/accounts/commands";
import { insertUnit } from "../../src/store/units";
import { openCase, takeStep } from "../../src/cases/commands";
import { officeCalendar } from "../../src/cases/calendar";
import { loadConfig } from "../../src/config";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("case-instruct");
});
afterAll(async () => {
  await app?.close();
});

it("lets a leader instruct an escalated case from a 390 px phone", async () => {
  const { db } = app;
  const edu = insertUnit(db, "县教育局", null);
  await createUser(db, null, { username: "leader", password: PASSWORD, role: "leader", unitId: null });
  const itemIds = db.sqlite.prepare("SELECT id FROM items ORDER BY id LIMIT 2").pluck().all() as number[];
  const titles = db.sqlite.prepare("SELECT title FROM items ORDER BY id LIMIT 2").pluck().all() as string[];
  const cal = officeCalendar(db, loadConfig({}, { dataDir: "/tmp", demo: false }));
  const actor = { id: 1, username: "monitor", role: "monitor", unitId: null };
  const id = openCase(db, cal, { title: "禾溪镇小学被指乱收费", summary: "家长反映每学期额外收取补课费。", itemIds, origin: "items" }, actor, null);
  expect(takeStep(db, cal, id, { kind: "triage", severity: "significant", unitId: edu.id, text: "涉及教育收费，关注度上升" }, actor, null).ok).toBe(true);
  expect(takeStep(db, cal, id, { kind: "escalate" }, actor, null).ok).toBe(true);

  const page = await app.signedInAs("leader", 390, 844);
  await page.goto(`${app.base}/cases/${id}/instruct`);
  await expect.poll(() => page.getByTestId("instruct-title").textContent(), { timeout: 10_000 }).toBe("禾溪镇小学被指乱收费");
  expect(await page.getByTestId("instruct-state").textContent()).toBe("已呈报");
  const items = (await page.getByTestId("instruct-items").textContent()) ?? "";
  for (const title of titles) expect(items).toContain(title);
  expect(items).toContain("青禾论坛");
  expect(await page.getByTestId("instruct-triage").textContent()).toContain("涉及教育收费，关注度上升");
  await page.screenshot({ path: path.join(app.shots, "case-instruct-390.png"), fullPage: true });
  expect(await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth))).toBeLessThanOrEqual(390);

  // An empty instruction is refused on the page; a written one takes the step.
  await page.getByTestId("instruct-submit").click();
  await expect.poll(() => page.getByText("请填写批示意见").count()).toBe(1);
  await page.getByTestId("instruct-text").fill("请教育局当日核实并回应");
  await page.getByTestId("instruct-submit").click();
  await expect.poll(() => page.getByTestId("instruct-state").textContent(), { timeout: 10_000 }).toBe("已批示");
  expect(await page.getByTestId("instruct-given").textContent()).toContain("请教育局当日核实并回应");
  expect(await page.getByTestId("instruct-submit").count()).toBe(0);
  const step = db.sqlite.prepare("SELECT kind, user_name, text FROM case_steps WHERE case_id = ? ORDER BY id DESC LIMIT 1").get(id);
  expect(step).toEqual({ kind: "instruct", user_name: "leader", text: "请教育局当日核实并回应" });
  await page.close();

  // The monitor's case page links the memo; the statistics page counts the case under its unit.
  const desk = await app.signedIn(1440, 900);
  await desk.goto(`${app.base}/cases/${id}`);
  await expect.poll(() => desk.getByTestId("case-memo").getAttribute("href"), { timeout: 10_000 }).toBe(`/api/cases/${id}/memo.docx`);
  await desk.goto(`${app.base}/case-stats`);
  const table = desk.getByTestId("case-stats-table");
  await expect.poll(() => table.locator("tbody tr.ant-table-row").count(), { timeout: 10_000 }).toBe(2);
  const first = (await table.locator("tbody tr.ant-table-row").first().textContent()) ?? "";
  expect(first).toMatch(/^县教育局1/);
  expect(await desk.getByTestId("case-stats-definitions").textContent()).toContain("按期回应率 = 按期回应 ÷");
  expect(await desk.getByTestId("case-stats-download").getAttribute("href")).toMatch(/^\/api\/cases\/stats\.xlsx\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
  await desk.screenshot({ path: path.join(app.shots, "case-stats-1440.png"), fullPage: true });
});
