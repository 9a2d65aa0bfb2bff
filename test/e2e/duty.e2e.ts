// Duty and acknowledgement on a phone (390×844): the signed link in a message opens the login page, which
// returns to the link; 确认 acknowledges, and the alert's timeline shows it. A tampered link is refused.
// Then the 值班 page at 1440×900 shows the week and who is on duty now.
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fillLogin, startSeededApp, type SeededApp } from "./seeded-app";
import { insertAlert } from "../../src/store/alerts";
import { insertStep } from "../../src/store/alert-steps";
import { insertUnit } from "../../src/store/units";
import { replaceShift } from "../../src/store/duty";
import { loadSecretKey } from "../../src/alerts/secrets";
import { ackLinkKey, signAckLink } from "../../src/alerts/ack-link";
import { DEFAULT_SHIFT_TIMES, localReading, slotAt } from "../../src/duty/rota";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("duty");
});
afterAll(async () => {
  await app?.close();
});

it("acknowledges from the link in a message after signing in on a phone", async () => {
  const { db } = app;
  const now = Date.now();
  const id = insertAlert(db, {
    ruleId: 1, severity: "major", title: "[重大] 停水：城西片区明日停水", reason: "预警规则「停水预警」", foldKey: "k", foldedInto: null, dueAt: now,
    itemId: 1, publishedAt: now, fetchedAt: now, analysedAt: now, createdAt: now,
  });
  insertStep(db, id, "created", null, "预警规则「停水预警」", now);
  const key = ackLinkKey(loadSecretKey({ secretKey: undefined, dataDir: path.dirname(db.sqlite.name) }));
  const link = new URL(signAckLink(key, app.base, id, now, 24 * 3600_000));

  const page = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
  const tampered = `${app.base}${link.pathname}?e=${link.searchParams.get("e")}&s=${"A".repeat(43)}`;
  await page.goto(`${app.base}${link.pathname}${link.search}`);
  await page.waitForURL(`${app.base}/login`);
  await fillLogin(page, "monitor");
  await page.waitForURL((u) => u.pathname === `/a/${id}` && u.search === link.search);
  await expect.poll(() => page.getByText("[重大] 停水：城西片区明日停水").count(), { timeout: 10_000 }).toBe(1);
  await page.screenshot({ path: path.join(app.shots, "ack-link-390.png") });
  await page.getByTestId("ack-link-confirm").click();
  await expect.poll(() => page.getByTestId("ack-link-done").count(), { timeout: 10_000 }).toBe(1);
  expect(db.sqlite.prepare("SELECT acknowledged_at FROM alerts WHERE id = ?").pluck().get(id)).not.toBeNull();

  await page.goto(tampered);
  await expect.poll(() => page.getByTestId("ack-link-error").textContent(), { timeout: 10_000 }).toContain("确认链接无效");

  await page.goto(`${app.base}/alerts`);
  await page.getByTestId("alert-timeline-open").first().click();
  await expect.poll(() => page.getByTestId("alert-timeline").textContent(), { timeout: 10_000 }).toContain("通过消息中的确认链接确认");
  await page.close();
});

it("shows the week and who is on duty now", async () => {
  const { db } = app;
  const unit = insertUnit(db, "青禾县委网信办", null);
  const monitorId = db.sqlite.prepare("SELECT id FROM users WHERE username = 'monitor'").pluck().get() as number;
  const { date, minute } = localReading(Date.now());
  const slot = slotAt(DEFAULT_SHIFT_TIMES, date, minute);
  replaceShift(db, unit.id, slot.date, slot.shift, [monitorId]);

  const page = await app.signedIn(1440, 900);
  await page.goto(`${app.base}/duty`);
  await expect.poll(() => page.getByTestId("duty-now").textContent(), { timeout: 10_000 }).toContain("1. monitor");
  expect(await page.getByTestId(`duty-${slot.date}-${slot.shift}`).textContent()).toContain("monitor");
  expect(await page.getByTestId("duty-edit").count()).toBe(14);
  await page.screenshot({ path: path.join(app.shots, "duty-1440.png") });
  await page.close();
});
