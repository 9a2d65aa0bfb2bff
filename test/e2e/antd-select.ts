// Picking an option in an antd Select from a browser flow.
import type { Page } from "playwright-core";

/** Picks `text` in the antd select `input`; a modal's select opens only once its animation is over, so retry. */
export async function pick(page: Page, input: string, text: string): Promise<void> {
  const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: text });
  for (let tries = 0; (await option.count()) === 0 && tries < 40; tries++) {
    await page.locator(input).click({ force: true, timeout: 2000 }).catch(() => undefined);
    await page.waitForTimeout(250);
  }
  await option.first().click();
}
