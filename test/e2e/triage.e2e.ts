// Triage from the ledger at 1440×900: the status column is in view → two rows selected with their
// checkboxes are ignored in bulk → j/k move the focused row, x selects it, e ignores, s marks seen,
// and none of them fire while typing in the search box → ? lists the shortcuts.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSeededApp, type SeededApp } from "./seeded-app";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("triage");
});
afterAll(async () => {
  await app?.close();
});

// Newest first, copies not collapsed (?collapse=0): the order of seeded-app's POSTS reversed.
const ROWS = ["柳溪镇道路施工致早高峰拥堵", "点赞政务服务中心", "城西公交3路调整线路", "网友爆料学校乱收费", "转发：禾溪镇小学乱收费", "禾溪镇小学被指乱收费"];

const row = (page: Page, title: string) => page.getByTestId("item-row").filter({ has: page.getByTestId("item-link").getByText(title, { exact: true }) });
const statuses = (page: Page) => page.getByTestId("item-status").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
const focusedTitle = (page: Page) => page.locator('[data-testid="item-row"][data-focused="true"] [data-testid="item-link"]').textContent();
const stored = () =>
  app.db.sqlite.prepare("SELECT title, status, triaged_by FROM items ORDER BY id DESC").all() as { title: string; status: string; triaged_by: number | null }[];

it("triages in bulk and from the keyboard, with the status in view at 1440 px", async () => {
  const page = await app.signedIn(1440, 900);
  await page.goto(`${app.base}/items?collapse=0`);
  await expect.poll(() => page.getByTestId("item-link").allTextContents(), { timeout: 10_000 }).toEqual(ROWS);

  // The status column and each row's status lie inside the 1440 px window, not past a scroll.
  const header = page.locator("th", { hasText: "状态" });
  const box = await header.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
  for (const status of await page.getByTestId("item-status").all()) {
    const b = (await status.boundingBox())!;
    expect(b.x).toBeGreaterThan(0);
    expect(b.x + b.width).toBeLessThanOrEqual(1440);
  }
  await page.screenshot({ path: path.join(app.shots, "ledger-1440.png") });

  // Bulk: select two rows with their checkboxes, ignore them.
  await row(page, ROWS[1]).locator("input[type=checkbox]").check();
  await row(page, ROWS[2]).locator("input[type=checkbox]").check();
  await expect.poll(() => page.getByTestId("triage-count").textContent()).toBe("已选 2 条");
  await page.getByTestId("triage-ignore").click();
  await expect.poll(() => statuses(page), { timeout: 10_000 }).toEqual(["new", "ignored", "ignored", "new", "new", "new"]);
  expect(await page.getByTestId("triage-count").textContent()).toBe("已选 0 条");
  expect(await row(page, ROWS[1]).getByTestId("item-triaged-by").textContent()).toBe("monitor");
  const monitorId = (app.db.sqlite.prepare("SELECT id FROM users WHERE username = 'monitor'").get() as { id: number }).id;
  expect(stored().slice(1, 3)).toEqual([
    { title: ROWS[1], status: "ignored", triaged_by: monitorId },
    { title: ROWS[2], status: "ignored", triaged_by: monitorId },
  ]);
  const audit = app.db.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'item.status'").get();
  expect(audit).toEqual({ n: 2 });
  await page.screenshot({ path: path.join(app.shots, "ledger-1440-bulk.png") });

  // Keyboard: j/k move the focused row, x selects it.
  await page.keyboard.press("j");
  expect(await focusedTitle(page)).toBe(ROWS[0]);
  await page.keyboard.press("x");
  await expect.poll(() => page.getByTestId("triage-count").textContent()).toBe("已选 1 条");
  await page.keyboard.press("j");
  expect(await focusedTitle(page)).toBe(ROWS[1]);
  // With a selection, e ignores the selection (ROWS[0]), not the focused row.
  await page.keyboard.press("e");
  await expect.poll(() => statuses(page), { timeout: 10_000 }).toEqual(["ignored", "ignored", "ignored", "new", "new", "new"]);
  await expect.poll(() => page.getByTestId("triage-count").textContent()).toBe("已选 0 条");
  // With none, e ignores the focused row, s marks it seen.
  for (const key of ["j", "j", "j", "k"]) await page.keyboard.press(key);
  expect(await focusedTitle(page)).toBe(ROWS[3]);
  await page.keyboard.press("e");
  await expect.poll(() => statuses(page), { timeout: 10_000 }).toEqual(["ignored", "ignored", "ignored", "ignored", "new", "new"]);
  await page.keyboard.press("j");
  expect(await focusedTitle(page)).toBe(ROWS[4]);
  await page.keyboard.press("s");
  await expect.poll(() => statuses(page), { timeout: 10_000 }).toEqual(["ignored", "ignored", "ignored", "ignored", "seen", "new"]);
  await page.screenshot({ path: path.join(app.shots, "ledger-1440-keys.png") });

  // Typing in the search box triggers nothing.
  await page.getByTestId("items-search").click();
  await page.keyboard.type("jxes");
  await new Promise((r) => setTimeout(r, 500));
  expect(await statuses(page)).toEqual(["ignored", "ignored", "ignored", "ignored", "seen", "new"]);
  expect(await page.getByTestId("items-search").inputValue()).toBe("jxes");
  expect(stored().map((r) => r.status)).toEqual(["ignored", "ignored", "ignored", "ignored", "seen", "new"]);

  // ? lists the shortcuts.
  await page.locator("body").click({ position: { x: 700, y: 10 } });
  await page.keyboard.press("?");
  await expect.poll(() => page.getByTestId("triage-help-table").isVisible()).toBe(true);
  expect(await page.getByTestId("triage-help-table").textContent()).toContain("忽略所选条目");
  await page.keyboard.press("Escape");

  // The item page says who triaged it and when.
  await page.getByTestId("item-link").filter({ hasText: ROWS[3] }).click();
  await expect.poll(() => page.getByTestId("item-triaged").textContent(), { timeout: 10_000 }).toMatch(/^monitor 于 \d{4}-\d\d-\d\d \d\d:\d\d 处理$/);
});
