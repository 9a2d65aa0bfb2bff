// Case settings as an administrator at 1440×900: add a routing rule and enter the
// year's holidays and a make-up working day; each lands in the database.
import { afterAll, beforeAll, expect, it } from "vitest";
import { PASSWORD, startSeededApp, type SeededApp } from "./seeded-app";
import { chooseUntil } from "./antd-select";
import { createUser } from "../../src/accounts/commands";
import { insertUnit } from "../../src/store/units";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("case-settings");
});
afterAll(async () => {
  await app?.close();
});

it("keeps routing rules and the holiday calendar", async () => {
  await createUser(app.db, null, { username: "admin", password: PASSWORD, role: "admin", unitId: null });
  insertUnit(app.db, "禾溪镇", null);
  const page = await app.signedInAs("admin", 1440, 900);
  await page.goto(`${app.base}/case-settings`);

  await page.getByRole("button", { name: "新增规则" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("规则名称").fill("属地：禾溪镇");
  await dialog.getByLabel("匹配词").fill("禾溪镇");
  await page.keyboard.press("Enter");
  const unitField = dialog.locator(".ant-form-item").filter({ hasText: "牵头单位" });
  await chooseUntil(page, dialog.getByLabel("牵头单位"), "禾溪镇", async () => (await unitField.getByTitle("禾溪镇", { exact: true }).count()) > 0);
  await dialog.getByRole("button", { name: /OK|确/ }).click();
  await expect.poll(() => app.db.sqlite.prepare("SELECT terms FROM routing_rules").pluck().get(), { timeout: 10_000 }).toBe('["禾溪镇"]');

  await page.getByTestId("calendar-text").fill("2026-10-01 休 国庆节\n2026-10-10 班 调休");
  await page.getByTestId("calendar-save").click();
  await expect.poll(() => app.db.sqlite.prepare("SELECT count(*) FROM calendar_days").pluck().get(), { timeout: 10_000 }).toBe(2);
  expect(app.db.sqlite.prepare("SELECT kind FROM calendar_days WHERE date = '2026-10-10'").pluck().get()).toBe("workday");
  await page.screenshot({ path: `${app.shots}/case-settings-1440.png`, fullPage: true });
});
