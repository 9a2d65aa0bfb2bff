// Incident mode at 1440×900: the monitor starts a 24-hour watch on an event → the banner appears at once on
// the event page and stays on other pages → a log entry → closing with a summary removes the banner and
// shows the summary with the period's figures.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSeededApp, type SeededApp } from "./seeded-app";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("incidents");
});
afterAll(async () => {
  await app?.close();
});

it("starts a watch on an event, shows the banner everywhere, logs, and closes it with a summary", async () => {
  const { db } = app;
  const eventId = db.sqlite.prepare("SELECT event_id FROM items WHERE event_id IS NOT NULL LIMIT 1").pluck().get() as number;
  const title = db.sqlite.prepare("SELECT title FROM events WHERE id = ?").pluck().get(eventId) as string;
  const page = await app.signedIn(1440, 900);
  expect(await page.getByTestId("incident-banner").count()).toBe(0);

  await page.goto(`${app.base}/events/${eventId}`);
  await page.getByTestId("incident-start").click();
  await page.getByTestId("incident-start-submit").click();
  const banner = page.getByTestId("incident-banner");
  await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain(`24 小时值守中：${title}`);
  await expect.poll(() => page.getByTestId("incident-state").textContent(), { timeout: 10_000 }).toBe("值守中");
  // One watch per event: the start button is gone while it is open.
  expect(await page.getByTestId("incident-start").count()).toBe(0);
  const incident = db.sqlite.prepare("SELECT until - started_at AS span, poll_seconds FROM incidents WHERE event_id = ?").get(eventId);
  expect(incident).toEqual({ span: 24 * 3_600_000, poll_seconds: 120 });

  await page.getByTestId("incident-note").fill("已通知禾溪镇政府核实");
  await page.getByTestId("incident-note-add").click();
  await expect.poll(() => page.getByTestId("incident-log").textContent(), { timeout: 10_000 }).toContain("已通知禾溪镇政府核实");

  // Every page carries the banner, with a link back to the event.
  await page.goto(`${app.base}/`);
  await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain(title);
  await page.screenshot({ path: `${app.shots}/incident-banner.png` });
  await page.getByTestId("incident-banner-link").click();
  await page.waitForURL(`${app.base}/events/${eventId}`);

  await page.getByTestId("incident-close").click();
  await page.getByTestId("incident-summary-input").fill("学校已退还补课费，教育局通报处理结果，舆情平息。");
  await page.getByTestId("incident-close-submit").click();
  await expect.poll(() => page.getByTestId("incident-state").textContent(), { timeout: 10_000 }).toBe("已结束");
  await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
  expect(await page.getByTestId("incident-summary").textContent()).toContain("学校已退还补课费");
  expect(await page.getByTestId("incident-figures").textContent()).toContain("值守期间数据");
  await page.screenshot({ path: `${app.shots}/incident-closed.png`, fullPage: true });
});
