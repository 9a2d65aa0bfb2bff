// 发预警 at 1440×900: the monitor raises an alert from a ledger row and from an event page; each dialog
// takes severity, channel and note, and the alert lands in the ledger of alerts with its delivery.
import { afterAll, beforeAll, expect, it } from "vitest";
import { PASSWORD, startSeededApp, type SeededApp } from "./seeded-app";
import { createUser } from "../../src/accounts/commands";
import { insertChannel } from "../../src/store/alert-config";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("alert-raise");
});
afterAll(async () => {
  await app?.close();
});

type Row = { severity: string; item_id: number | null; event_id: number | null; note: string | null; deliveries: number };
const raised = () =>
  app.db.sqlite.prepare("SELECT severity, item_id, event_id, note, (SELECT count(*) FROM alert_deliveries d WHERE d.alert_id = a.id) AS deliveries FROM alerts a ORDER BY id").all() as Row[];

it("raises an alert from a ledger row and from an event page", async () => {
  insertChannel(app.db, { name: "站内", kind: "inapp", url: null, options: {}, enabled: true }, null);
  const page = await app.signedIn(1440, 900);
  await page.goto(`${app.base}/items`);
  await page.getByTestId("row-raise-alert").first().click();
  const dialog = page.getByTestId("raise-alert-modal");
  await dialog.getByTestId("raise-note").fill("家长集中反映，请关注");
  await dialog.getByRole("button", { name: "发预警" }).click();
  await expect.poll(() => raised().length, { timeout: 10_000 }).toBe(1);
  expect(raised()[0]).toMatchObject({ severity: "significant", note: "家长集中反映，请关注", event_id: expect.any(Number), deliveries: 1 });
  expect(raised()[0].item_id).not.toBeNull();

  const eventId = raised()[0].event_id!;
  await page.goto(`${app.base}/events/${eventId}`);
  await page.getByTestId("event-raise-alert").click();
  await page.getByTestId("raise-alert-modal").getByRole("button", { name: "发预警" }).click();
  await expect.poll(() => raised().length, { timeout: 10_000 }).toBe(2);
  expect(raised()[1]).toMatchObject({ item_id: null, event_id: eventId, note: null, deliveries: 1 });
});

it("lets an administrator make a rule of another trigger, showing that trigger's fields, listed in Chinese", async () => {
  await createUser(app.db, null, { username: "admin", password: PASSWORD, role: "admin", unitId: null });
  const page = await app.signedInAs("admin", 1440, 900);
  await page.goto(`${app.base}/alert-settings`);
  await page.getByRole("button", { name: "新增规则" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("名称").fill("论坛抓取异常");
  await dialog.getByTestId("rule-trigger").click();
  await page.getByTitle("信息源异常").click();
  await expect.poll(() => dialog.getByText("连续失败次数").count()).toBe(1);
  expect(await dialog.getByText("监测方案", { exact: true }).count()).toBe(0);
  await dialog.getByRole("button", { name: /OK|确/ }).click();
  await expect.poll(() => page.getByText("论坛抓取异常").count(), { timeout: 10_000 }).toBe(1);
  expect(await page.getByRole("cell", { name: "信息源异常" }).count()).toBe(1);
  expect(app.db.sqlite.prepare("SELECT trigger, watch_id, min_failures FROM alert_rules").get()).toEqual({ trigger: "source_unhealthy", watch_id: null, min_failures: 3 });
  // Switched off from the table: only `enabled` changes.
  await page.getByTestId("rule-enabled").click();
  await expect.poll(() => app.db.sqlite.prepare("SELECT enabled FROM alert_rules").pluck().get(), { timeout: 10_000 }).toBe(0);
  expect(app.db.sqlite.prepare("SELECT trigger, min_failures FROM alert_rules").get()).toEqual({ trigger: "source_unhealthy", min_failures: 3 });
});
