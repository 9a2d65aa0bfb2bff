// The public board on a 390×844 phone without an account: /board → write a complaint → solve the ALTCHA
// proof of work in the browser → submit → the query code → follow it; once the unit answers, the
// answer shows under its name and can be rated once. Also: the statistics tab with its definitions.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSeededApp, type SeededApp } from "./seeded-app";
import { insertUnit } from "../../src/store/units";
import { publishAnswer } from "../../src/board/commands";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("board");
});
afterAll(async () => {
  await app?.close();
});

it("takes a message with the proof-of-work widget and shows its answer by query code", async () => {
  const unit = insertUnit(app.db, "县住建局", null);
  const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${app.base}/board`);
  expect(await page.locator("h1").textContent()).toBe("留言板");
  await page.getByLabel("投诉").check();
  await page.getByLabel("留言对象（可不选）").selectOption(String(unit.id));
  await page.getByTestId("board-title").fill("青禾大道路灯不亮");
  await page.getByTestId("board-text").fill("青禾大道与滨河路口的路灯坏了一周，夜里很黑，请尽快维修。");
  await page.getByLabel("联系方式（选填，仅工作人员可见，加密保存）").fill("13800001111");
  // Submitting before the check sends nothing.
  await page.getByTestId("board-submit").click();
  await page.screenshot({ path: `${app.shots}/board-unverified-390.png`, fullPage: true });
  expect(app.db.sqlite.prepare("SELECT count(*) FROM board_messages").pluck().get()).toBe(0);
  await page.locator("altcha-widget").getByText("我不是机器人").click();
  await expect.poll(() => page.locator("altcha-widget").textContent(), { timeout: 20_000 }).toContain("已验证");
  await page.getByTestId("board-submit").click();
  const code = (await page.getByTestId("board-query-code").textContent({ timeout: 10_000 }))!.trim();
  expect(code).toMatch(/^[A-Z2-9]{12}$/);
  const row = app.db.sqlite.prepare("SELECT id, status, unit_id, contact_enc FROM board_messages WHERE query_code = ?").get(code) as { id: number; status: string; unit_id: number; contact_enc: string };
  expect(row).toMatchObject({ status: "accepted", unit_id: unit.id });
  expect(row.contact_enc).not.toContain("13800001111");

  await page.getByRole("button", { name: "查询进度" }).last().click();
  await expect.poll(() => page.getByTestId("board-status").textContent(), { timeout: 10_000 }).toBe("已受理");

  publishAnswer(app.db, row.id, "已安排维修，三日内修复。", { id: 1, username: "monitor", role: "monitor", unitId: null }, null);
  await page.getByRole("button", { name: "查询", exact: true }).click();
  await expect.poll(() => page.getByTestId("board-status").textContent(), { timeout: 10_000 }).toBe("已答复");
  expect(await page.getByTestId("board-message").textContent()).toContain("县住建局");
  await page.getByTestId("board-rate-satisfied").click();
  await expect.poll(() => page.getByTestId("board-message").textContent(), { timeout: 10_000 }).toContain("您的评价：满意");

  await page.getByTestId("board-tab-stats").click();
  await expect.poll(() => page.getByTestId("board-stats").textContent(), { timeout: 10_000 }).toContain("县住建局");
  expect(await page.locator(".defs").textContent()).toContain("答复率 = 已答复数 ÷ 有效留言数");
  await page.screenshot({ path: `${app.shots}/board-stats-390.png`, fullPage: true });
  expect(errors).toEqual([]);
});
