// Sources page → 导入文件: upload a small CSV, map a column by hand, import; the refused row is listed
// with its number and the imported rows show in the ledger. Then 手工录入 on the ledger adds a pasted text.
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSeededApp, type SeededApp } from "./seeded-app";
import { pick } from "./antd-select";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("import");
});
afterAll(async () => {
  await app?.close();
});

it("imports a CSV through the mapping step and shows its rows in the ledger", async () => {
  const { base, db } = app;
  const csv = path.join(os.tmpdir(), `值班台账-${process.pid}.csv`);
  // "事项" is no common header name: the monitor maps it to the title by hand.
  writeFileSync(csv, "\uFEFF事项,正文,链接,时间\r\n城南农贸市场周边污水外溢,附近居民反映污水外溢三天无人处理,https://example.cn/p/1,2026-11-20 09:00\r\n,,,\r\n北山公园夜间照明不足,晚上散步一片漆黑,,2026-11-21\r\n");
  const page = await app.signedIn(1280, 900);

  await page.goto(`${base}/sources`);
  await page.getByTestId("import-open").click();
  await page.getByTestId("import-source-name").fill("值班台账");
  await page.getByTestId("import-file").setInputFiles(csv);
  await page.getByTestId("import-upload").click();
  await expect.poll(() => page.getByText("前 3 行预览（共 3 行）").count(), { timeout: 10_000 }).toBe(1);
  await pick(page, '[data-testid="import-map-title"]', "事项");
  await page.getByTestId("import-confirm").click();
  await expect.poll(() => page.getByTestId("import-result").textContent(), { timeout: 10_000 }).toContain("已导入 2 条，跳过 0 条（重复），拒绝 1 条");
  expect(await page.getByText("第 3 行：缺少标题和内容").count()).toBe(1);

  // The new source is listed without a fetchable address (and nothing to fetch).
  await expect.poll(() => page.getByText("（文件导入，不抓取）").count(), { timeout: 10_000 }).toBe(1);
  await page.getByText("到台账查看").click();
  await page.waitForURL(`${base}/items`);
  await expect.poll(() => page.getByTestId("item-link").allTextContents(), { timeout: 10_000 })
    .toEqual(expect.arrayContaining(["城南农贸市场周边污水外溢", "北山公园夜间照明不足"]));
  const sources = db.sqlite.prepare("SELECT name, kind FROM sources WHERE kind <> 'rss'").all();
  expect(sources).toEqual([{ name: "值班台账", kind: "import" }]);

  // 手工录入 on the ledger.
  await page.getByTestId("manual-open").click();
  await page.getByTestId("manual-text").fill("东湖小区电梯停运一周\n居民上下楼困难，物业称在等配件。");
  await page.getByTestId("manual-submit").click();
  await expect.poll(() => page.getByTestId("item-link").allTextContents(), { timeout: 10_000 }).toContain("东湖小区电梯停运一周");
  rmSync(csv, { force: true });
});
