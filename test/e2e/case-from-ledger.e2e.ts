// 立案 from the ledger at 1440×900: two rows selected → 立案 → the new-case dialog is filled with their
// title and ids → the case page opens and lists both items; a file attached there is on the
// attachment list and the timeline.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSeededApp, type SeededApp } from "./seeded-app";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("case-from-ledger");
});
afterAll(async () => {
  await app?.close();
});

const row = (page: Page, title: string) => page.getByTestId("item-row").filter({ has: page.getByTestId("item-link").getByText(title, { exact: true }) });

it("opens a case on two selected ledger items and shows both on the case page", async () => {
  const page = await app.signedIn(1440, 900);
  await page.goto(`${app.base}/items?collapse=0`);
  await expect.poll(() => page.getByTestId("item-link").count(), { timeout: 10_000 }).toBeGreaterThan(2);
  const titles = await page.getByTestId("item-link").allTextContents();
  const [first, second] = [titles[0]!, titles[1]!];
  const ids = [first, second].map((t) => app.db.sqlite.prepare("SELECT id FROM items WHERE title = ?").pluck().get(t) as number);

  await row(page, first).locator("input[type=checkbox]").check();
  await row(page, second).locator("input[type=checkbox]").check();
  await page.getByTestId("triage-open-case").click();
  const title = page.locator(".ant-modal:visible").getByTestId("case-title");
  await expect.poll(() => title.inputValue()).toBe(`${first} 等 2 条信息`);
  expect(await page.locator(".ant-modal:visible").getByTestId("case-item-ids").inputValue()).toBe(ids.join(", "));
  await page.getByTestId("case-submit").click();

  await page.waitForURL(/\/cases\/\d+$/, { timeout: 10_000 });
  const caseId = Number(new URL(page.url()).pathname.split("/").pop());
  await expect.poll(() => page.getByTestId("case-state").textContent(), { timeout: 10_000 }).toBe("待研判");
  for (const id of ids) expect(await page.locator(`a[href="/items/${id}"]`).count()).toBe(1);
  const linked = app.db.sqlite.prepare("SELECT item_id FROM case_items WHERE case_id = ? ORDER BY item_id").pluck().all(caseId);
  expect(linked).toEqual([...ids].sort((a, b) => a - b));
  expect(app.db.sqlite.prepare("SELECT origin FROM cases WHERE id = ?").pluck().get(caseId)).toBe("items");

  // Attach a note on the case page: it is listed and on the timeline.
  await page.locator('[data-testid="case-attachments"] input[type=file]').setInputFiles({
    name: "核实记录.txt", mimeType: "text/plain", buffer: Buffer.from("已电话联系学校核实情况。"),
  });
  await expect.poll(() => page.getByTestId("case-attachment").allTextContents(), { timeout: 10_000 }).toEqual([expect.stringContaining("核实记录.txt")]);
  await expect.poll(() => page.getByTestId("case-timeline").textContent(), { timeout: 10_000 }).toContain("上传附件");
  await page.screenshot({ path: path.join(app.shots, "case-from-ledger-1440.png"), fullPage: true });
});

it("opens a case from an event page and from an alert row", async () => {
  const page = await app.signedIn(1440, 900);
  const item = app.db.sqlite.prepare("SELECT id, title, event_id FROM items WHERE event_id IS NOT NULL ORDER BY id LIMIT 1").get() as {
    id: number; title: string; event_id: number;
  };
  const eventTitle = app.db.sqlite.prepare("SELECT title FROM events WHERE id = ?").pluck().get(item.event_id) as string;
  await page.goto(`${app.base}/events/${item.event_id}`);
  await page.getByTestId("event-open-case").click();
  await expect.poll(() => page.locator(".ant-modal:visible").getByTestId("case-title").inputValue()).toBe(eventTitle);
  await page.locator(".ant-modal:visible").getByTestId("case-submit").click();
  await page.waitForURL(/\/cases\/\d+$/, { timeout: 10_000 });
  const fromEvent = Number(new URL(page.url()).pathname.split("/").pop());
  expect(app.db.sqlite.prepare("SELECT origin, event_id FROM cases WHERE id = ?").get(fromEvent)).toEqual({ origin: "event", event_id: item.event_id });

  // An alert raised on the item: 立案 on its row carries the alert and the item.
  const raised = await page.evaluate(async (itemId) => {
    const me = await (await fetch("/api/auth/me")).json();
    const res = await fetch("/api/alerts", {
      method: "POST", headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken }, body: JSON.stringify({ itemId, severity: "general" }),
    });
    return res.status;
  }, item.id);
  expect(raised).toBeLessThan(300);
  const alertId = app.db.sqlite.prepare("SELECT max(id) FROM alerts").pluck().get() as number;
  await page.goto(`${app.base}/alerts`);
  await page.getByTestId("alert-row").first().getByTestId("alert-open-case").click();
  await page.locator(".ant-modal:visible").getByTestId("case-submit").click();
  await page.waitForURL(/\/cases\/\d+$/, { timeout: 10_000 });
  const fromAlert = Number(new URL(page.url()).pathname.split("/").pop());
  expect(app.db.sqlite.prepare("SELECT origin, alert_id FROM cases WHERE id = ?").get(fromAlert)).toEqual({ origin: "alert", alert_id: alertId });
  expect(app.db.sqlite.prepare("SELECT item_id FROM case_items WHERE case_id = ?").pluck().all(fromAlert)).toEqual([item.id]);
});
