// Driving antd widgets from a browser flow: picking an option in a Select, and waiting for a modal,
// drawer or popover to finish animating before the next click (a click during antd's zoom/fade lands on
// the element that is still leaving, or is swallowed by the wrap that is still arriving).
import type { Locator, Page } from "playwright-core";

/** Resolves once no finite CSS animation or transition is running on the page (spinners and pulsing dots run forever). */
export const settled = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((a) => a.effect?.getTiming().iterations === Infinity), undefined, { timeout: 10_000 });

/** Picks `text` in the antd select `input`; a modal's select opens only once its animation is over, so retry. */
export async function pick(page: Page, input: string, text: string): Promise<void> {
  const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: text });
  const open = page.locator(".ant-select-dropdown:visible");
  for (let tries = 0; (await option.count()) === 0 && tries < 40; tries++) {
    // Click only while no list is open: a click on an open select closes it (its options may still be loading).
    if ((await open.count()) === 0) await page.locator(input).click({ force: true, timeout: 2000 }).catch(() => undefined);
    await page.waitForTimeout(250);
  }
  await option.first().click();
  await settled(page);
}

/** Picks `option` in the visible select (or tree select) with test id `testId`, again until the field shows it:
 *  a click during antd's animations is lost. */
export async function choose(page: Page, testId: string, option: string): Promise<void> {
  const field = page.locator(`[data-testid="${testId}"]:visible`);
  await chooseUntil(page, field, option, async () => (await field.getByTitle(option, { exact: true }).count()) > 0);
}

/** Opens the select `opener` and clicks `option` in its dropdown, again until `done()` (what the pick shows) holds. */
export async function chooseUntil(page: Page, opener: Locator, option: string, done: () => Promise<boolean>): Promise<void> {
  const choice = page.locator(".ant-select-dropdown:visible").getByTitle(option, { exact: true });
  for (let tries = 0; !(await done()) && tries < 20; tries++) {
    if ((await choice.count()) === 0) await opener.click({ timeout: 2000 }).catch(() => undefined);
    await settled(page);
    await choice.click({ timeout: 2000 }).catch(() => undefined);
    await settled(page);
  }
  if (!(await done())) throw new Error(`could not pick ${option}`);
}
