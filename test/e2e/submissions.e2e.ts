// A submission through the browser at 1440×900: a contributor of the education bureau writes a news
// draft on 稿件报送 and submits it; the bureau's unit head, the office editor (monitor) and the leader
// each approve it in their own browser context, and the state reads 已通过 with the whole trail.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startSeededApp, PASSWORD, type SeededApp } from "./seeded-app";
import { settled } from "./antd-select";
import { insertUnit } from "../../src/store/units";
import { createUser } from "../../src/accounts/commands";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("submissions");
});
afterAll(async () => {
  await app?.close();
});

const state = (page: Page) => page.getByTestId("sub-state").first().textContent();

async function approveAs(username: string, id: number, next: string): Promise<void> {
  const page = await app.signedInAs(username, 1440, 900);
  await page.goto(`${app.base}/submissions/${id}`);
  await page.getByTestId("sub-approve").click();
  await settled(page);
  await page.getByTestId("sub-comment").fill(`${username} 同意`);
  await page.getByTestId("sub-decide-ok").click();
  await expect.poll(() => state(page), { timeout: 10_000 }).toBe(next);
  await page.close();
}

it("runs a draft through 三审 to 已通过 in four browser contexts", async () => {
  const { db } = app;
  const edu = insertUnit(db, "县教育局", null);
  await createUser(db, null, { username: "writer", password: PASSWORD, role: "contributor", unitId: edu.id });
  await createUser(db, null, { username: "head", password: PASSWORD, role: "handler", unitId: edu.id });
  await createUser(db, null, { username: "leader", password: PASSWORD, role: "leader", unitId: null });

  const page = await app.signedInAs("writer", 1440, 900);
  await page.goto(`${app.base}/submissions`);
  await page.getByTestId("sub-new").click();
  await settled(page);
  await page.getByTestId("sub-event-date").fill("2026-12-04");
  await page.getByTestId("sub-title").fill("县教育局开展校园安全大检查");
  await page.getByTestId("sub-body").fill("12月4日，县教育局组织开展校园安全大检查，共检查学校32所。");
  await page.getByTestId("sub-save").click();
  await page.waitForURL(/\/submissions\/\d+$/);
  const id = Number(page.url().split("/").pop());
  await expect.poll(() => state(page), { timeout: 10_000 }).toBe("草稿");
  await page.getByTestId("sub-submit").click();
  await expect.poll(() => state(page), { timeout: 10_000 }).toBe("审核中");
  expect(await page.getByTestId("sub-approve").count()).toBe(0);

  await approveAs("head", id, "审核中");
  await approveAs("monitor", id, "审核中");
  await approveAs("leader", id, "已通过");

  await page.reload();
  await expect.poll(() => state(page), { timeout: 10_000 }).toBe("已通过");
  const trail = await page.getByTestId("sub-trail").textContent();
  for (const text of ["单位负责人审核", "宣传办编辑审核", "领导审定", "leader 同意"]) expect(trail).toContain(text);
  expect(db.sqlite.prepare("SELECT state FROM submissions WHERE id = ?").pluck().get(id)).toBe("approved");
  await page.screenshot({ path: `${app.shots}/submission-approved-1440.png`, fullPage: true });
});
