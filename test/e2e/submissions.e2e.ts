// A submission through the browser at 1440×900: a contributor of the education bureau writes a news
// draft on 稿件报送 and submits it; the bureau's unit head, the office editor (monitor) and the leader
// each approve it in their own browser context, and the state reads 已通过 with the whole trail.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startSeededApp, PASSWORD, type SeededApp } from "./seeded-app";
import { settled } from "./antd-select";
import { insertUnit } from "../../src/store/units";
import { createUser } from "../../src/accounts/commands";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("submissions");
});
afterAll(async () => {
  await app?.close();
});

const state = (page: Page) => page.getByTestId("sub-state").first().textContent();

async function approveAs(username: string, id: number, next: string): Promise<void> {
  const page = await app.signedInAs(username, 1440, 900);
  await page.goto(`${app.base}/submissions/${id}`);
  await page.getByTestId("sub-approve").click();
  await settled(page);
  await page.getByTestId("sub-comment").fill(`${username} 同意`);
  await page.getByTestId("sub-decide-ok").click();
  await expect.poll(() => state(page), { timeout: 10_000 }).toBe(next);
  await page.close();
}

it("runs a draft through 三审 to 已通过 in four browser contexts", async () => {
  const { db } = app;
  const edu = insertUnit(db, "县教育局", null);
  await createUser(db, null, { username: "writer", password: PASSWORD, role: "contributor", unitId: edu.id });
  await createUser(db, null, { username: "head", password: PASSWORD, role: "handler", unitId: edu.id });
  await createUser(db, null, { username: "leader", password: PASSWORD, role: "leader", unitId: null });

  const page = await app.signedInAs("writer", 1440, 900);
  await page.goto(`${app.base}/submissions`);
  await page.getByTestId("sub-new").click();
  await settled(page);
  await page.getByTestId("sub-event-date").fill("2026-12-04");
  await page.getByTestId("sub-title").fill("县教育局开展校园安全大检查");
  await page.getByTestId("sub-body").fill("12月4日，县教育局组织开展校园安全大检查，共检查学校32所。");
  await page.getByTestId("sub-save").click();
  await page.waitForURL(/\/submissions\/\d+$/);
  const id = Number(page.url().split("/").pop());
  await expect.poll(() => state(page), { timeout: 10_000 }).toBe("草稿");
  await page.getByTestId("sub-submit").click();
  await expect.poll(() => state(page), { timeout: 10_000 }).toBe("审核中");
  expect(await page.getByTestId("sub-approve").count()).toBe(0);

  await approveAs("head", id, "审核中");
  await approveAs("monitor", id, "审核中");
  await approveAs("leader", id, "已通过");

  await page.reload();
  await expect.poll(() => state(page), { timeout: 10_000 }).toBe("已通过");
  const trail = await page.getByTestId("sub-trail").textContent();
  for (const text of ["单位负责人审核", "宣传办编辑审核", "领导审定", "leader 同意"]) expect(trail).toContain(text);
  expect(db.sqlite.prepare("SELECT state FROM submissions WHERE id = ?").pluck().get(id)).toBe("approved");
  await page.screenshot({ path: `${app.shots}/submission-approved-1440.png`, fullPage: true });
});

it("compiles an approved information report into 第1期 of the bulletin", async () => {
  const { db } = app;
  const unit = db.sqlite.prepare("SELECT id FROM units WHERE name = '县教育局'").pluck().get() as number;
  const now = Date.now();
  const id = Number(db.sqlite.prepare(
    "INSERT INTO submissions (unit_id, kind, title, body, event_date, state, author_name, approved_at, created_at, updated_at) VALUES (?, 'info', '全县中小学完成消防演练', '全县68所中小学完成秋季消防演练。', '2026-12-03', 'approved', 'writer', ?, ?, ?)",
  ).run(unit, now, now, now).lastInsertRowid);
  const page = await app.signedIn(1440, 900);
  await page.goto(`${app.base}/bulletins`);
  await page.getByTestId("bul-new").click();
  await settled(page);
  await page.getByTestId("bul-editor").fill("张三");
  await page.getByTestId("bul-forwarded").fill("市委宣传部");
  await page.getByTestId("bul-save").click();
  await page.getByTestId(`bul-add-${id}`).click();
  await expect.poll(() => page.getByTestId("bul-entries").textContent(), { timeout: 10_000 }).toContain("全县中小学完成消防演练");
  const bulletin = db.sqlite.prepare("SELECT id FROM bulletins").pluck().get() as number;
  await page.getByTestId(`bul-issue-${bulletin}`).click();
  await page.locator(".ant-popconfirm .ant-btn-primary").click();
  await expect.poll(() => page.getByTestId(`bul-number-${bulletin}`).textContent(), { timeout: 10_000 }).toMatch(/年第1期$/);
  await page.screenshot({ path: `${app.shots}/bulletin-issued-1440.png`, fullPage: true });
});
