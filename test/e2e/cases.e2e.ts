// A case through the browser at 1440×900: the monitor opens a case on two ledger items from the 处置工单
// page (the routing rule suggests the town), triages it to the education bureau, assigns it, records
// the reply and closes it; each step appears on the timeline and the state follows.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startSeededApp, type SeededApp } from "./seeded-app";
import { choose, settled } from "./antd-select";
import { insertUnit } from "../../src/store/units";
import { insertRoutingRule } from "../../src/store/case-config";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("cases");
});
afterAll(async () => {
  await app?.close();
});

async function takeStep(page: Page, kind: string, fill: () => Promise<void>, state: string) {
  await page.getByTestId(`case-step-${kind}`).click();
  await settled(page);
  await fill();
  await page.getByTestId("case-step-submit").click();
  await expect.poll(() => page.getByTestId("case-state").textContent(), { timeout: 10_000 }).toBe(state);
  await settled(page);
}

it("runs a case from the ledger's items to 已办结 through the UI", async () => {
  const { db } = app;
  const town = insertUnit(db, "禾溪镇", null);
  insertUnit(db, "县教育局", null);
  insertRoutingRule(db, { name: "属地：禾溪镇", kind: "place", terms: ["禾溪镇"], unitId: town.id, priority: 100, enabled: true });
  const itemIds = db.sqlite.prepare("SELECT id FROM items ORDER BY id LIMIT 2").pluck().all() as number[];

  const page = await app.signedIn(1440, 900);
  await page.goto(`${app.base}/cases`);
  await page.getByTestId("case-new").click();
  await page.getByTestId("case-title").fill("禾溪镇小学被指乱收费");
  await page.getByTestId("case-item-ids").fill(itemIds.join(", "));
  await page.getByTestId("case-submit").click();

  await expect.poll(() => page.getByTestId("case-state").textContent(), { timeout: 10_000 }).toBe("待研判");
  // The routing suggestion arrives with the case's own request, which may land after the state.
  await expect.poll(() => page.getByText("建议承办：禾溪镇（规则「属地：禾溪镇」命中「禾溪镇」）").count(), { timeout: 10_000 }).toBe(1);

  await takeStep(page, "triage", async () => {
    await choose(page, "case-step-severity", "较大");
    await choose(page, "case-step-unit", "县教育局");
    await page.getByTestId("case-step-text").fill("涉及教育收费，由教育局牵头");
  }, "已研判");
  await takeStep(page, "assign", async () => {}, "已交办");
  await takeStep(page, "accept", async () => {}, "办理中");
  await takeStep(page, "reply", async () => page.getByTestId("case-step-text").fill("已责令学校退还补课费"), "已回应");
  await takeStep(page, "close", async () => page.getByTestId("case-step-text").fill("回应及时"), "已办结");

  const timeline = await page.getByTestId("case-timeline").textContent();
  for (const label of ["立案", "研判", "交办", "签收办理", "回应", "办结", "已责令学校退还补课费"]) expect(timeline).toContain(label);
  const row = db.sqlite.prepare("SELECT state, unit_id FROM cases").get() as { state: string; unit_id: number };
  expect(row.state).toBe("closed");
  expect(db.sqlite.prepare("SELECT name FROM units WHERE id = ?").pluck().get(row.unit_id)).toBe("县教育局");
  await page.screenshot({ path: `${app.shots}/cases-closed-1440.png`, fullPage: true });

  // A report figure's link narrows the list to what it counted (closed in its period, here an hour that ended
  // before this case closed); the filter shows as a tag, and closing the tag lists the case again.
  const id = db.sqlite.prepare("SELECT id FROM cases").pluck().get() as number;
  const iso = (ms: number) => new Date(ms).toISOString();
  const asked = page.waitForResponse((r) => r.url().includes("/api/cases?") && r.url().includes("closedFrom="));
  await page.goto(`${app.base}/cases?open=all&closedFrom=${iso(Date.now() - 7_200_000)}&closedTo=${iso(Date.now() - 3_600_000)}`);
  expect((await asked).status()).toBe(200);
  await expect.poll(() => page.getByTestId("link-filter-closed").count(), { timeout: 10_000 }).toBe(1);
  await settled(page);
  expect(await page.getByTestId(`case-row-${id}`).count()).toBe(0);
  await page.getByTestId("link-filter-closed").locator(".ant-tag-close-icon").click();
  await expect.poll(() => page.getByTestId(`case-row-${id}`).count(), { timeout: 10_000 }).toBe(1);
  expect(page.url()).not.toContain("closedFrom");
});
