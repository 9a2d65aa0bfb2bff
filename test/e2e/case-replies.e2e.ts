// A reply through the browser at 1440×900: the education bureau's spokesperson registers the bureau's
// Weibo account and a template on 官方账号; the bureau's handler drafts the case's reply from the
// template and submits it; the spokesperson returns it with a reason, approves the revised reply and
// records where it was published; the case moves to 已回应 and the timeline shows each step.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { PASSWORD, startSeededApp, type SeededApp } from "./seeded-app";
import { chooseUntil } from "./antd-select";
import { insertUnit } from "../../src/store/units";
import { createUser } from "../../src/accounts/commands";
import { openCase, takeStep } from "../../src/cases/commands";
import { officeCalendar } from "../../src/cases/calendar";
import { loadConfig } from "../../src/config";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("replies");
});
afterAll(async () => {
  await app?.close();
});

function signIn(username: string): Promise<Page> {
  return app.signedInAs(username, 1440, 900);
}

async function replyStatus(page: Page, status: string) {
  await expect.poll(() => page.getByTestId("reply-status").first().textContent(), { timeout: 10_000 }).toBe(status);
}

async function action(page: Page, kind: string) {
  await page.getByTestId(`reply-action-${kind}`).first().click();
}

it("drafts, returns, approves and records a published reply; the case moves to 已回应", async () => {
  const { db } = app;
  const edu = insertUnit(db, "县教育局", null);
  await createUser(db, null, { username: "edu-handler", password: PASSWORD, role: "handler", unitId: edu.id });
  await createUser(db, null, { username: "edu-spokes", password: PASSWORD, role: "spokesperson", unitId: edu.id });
  const actor = { id: 1, username: "monitor", role: "monitor", unitId: null };
  const cal = officeCalendar(db, loadConfig({}, { demo: false }));
  const caseId = openCase(db, cal, { title: "禾溪镇小学被指乱收费", severity: "general", category: "教育", unitId: edu.id, itemIds: [], origin: "manual" }, actor, null);
  expect(takeStep(db, cal, caseId, { kind: "assign", unitId: edu.id }, actor, null).ok).toBe(true);

  // The spokesperson registers the bureau's account and a template for 教育.
  const spokes = await signIn("edu-spokes");
  await spokes.goto(`${app.base}/official-accounts`);
  await spokes.getByTestId("account-new").click();
  await spokes.getByTestId("account-name").fill("青禾教育");
  await spokes.getByTestId("account-url").fill("https://weibo.com/qinghe-edu");
  await spokes.getByTestId("account-save").click();
  await expect.poll(() => spokes.getByText("青禾教育").count(), { timeout: 10_000 }).toBe(1);
  await spokes.getByTestId("template-new").click();
  await spokes.getByTestId("template-category").fill("教育");
  await spokes.getByTestId("template-title").fill("收费问题口径");
  await spokes.getByTestId("template-text").fill("县教育局高度重视，已责成学校退还违规收取的费用。");
  await spokes.getByTestId("template-save").click();
  await expect.poll(() => spokes.getByText("收费问题口径").count(), { timeout: 10_000 }).toBe(1);

  // The handler drafts from the template and submits.
  const handler = await signIn("edu-handler");
  await handler.goto(`${app.base}/cases/${caseId}`);
  await handler.getByTestId("reply-new").click();
  await chooseUntil(handler, handler.getByTestId("reply-template"), "【教育】收费问题口径", async () => (await handler.getByTestId("reply-text").inputValue()) !== "");
  expect(await handler.getByTestId("reply-text").inputValue()).toBe("县教育局高度重视，已责成学校退还违规收取的费用。");
  await handler.getByTestId("reply-save").click();
  await replyStatus(handler, "草稿");
  await action(handler, "submit");
  await replyStatus(handler, "待审核");

  // The spokesperson returns it with a reason.
  await spokes.goto(`${app.base}/cases/${caseId}`);
  await action(spokes, "return");
  await spokes.getByTestId("reply-input").fill("请写明退还时限");
  await spokes.getByTestId("reply-input-submit").click();
  await replyStatus(spokes, "已退回");

  // The handler revises and resubmits; the spokesperson approves and records the published address.
  await handler.reload();
  await expect.poll(() => handler.getByText("退回理由：请写明退还时限").count(), { timeout: 10_000 }).toBe(1);
  await action(handler, "edit");
  await handler.getByTestId("reply-text").fill("县教育局高度重视，已责成学校于本周五前退还违规收取的费用。");
  await handler.getByTestId("reply-save").click();
  await action(handler, "submit");
  await replyStatus(handler, "待审核");
  await spokes.reload();
  await action(spokes, "approve");
  await replyStatus(spokes, "已审核");
  await action(spokes, "publish");
  await spokes.getByTestId("reply-input").fill("weibo.com/qinghe-edu/1");
  await spokes.getByTestId("reply-input-submit").click();
  await expect.poll(() => spokes.getByText("请输入以 http:// 或 https:// 开头的有效网址").count(), { timeout: 10_000 }).toBe(1);
  await spokes.getByTestId("reply-input").fill("https://weibo.com/qinghe-edu/4951");
  await spokes.getByTestId("reply-input-submit").click();
  await replyStatus(spokes, "已发布");
  await expect.poll(() => spokes.getByTestId("case-state").textContent(), { timeout: 10_000 }).toBe("已回应");
  expect(await spokes.getByTestId("reply-url").getAttribute("href")).toBe("https://weibo.com/qinghe-edu/4951");
  const timeline = await spokes.getByTestId("case-timeline").textContent();
  for (const label of ["起草回应", "回应送审", "回应稿退回", "回应稿审核通过", "回应已发布", "请写明退还时限"]) expect(timeline).toContain(label);

  const row = db.sqlite.prepare("SELECT status, published_url FROM case_replies").get();
  expect(row).toEqual({ status: "published", published_url: "https://weibo.com/qinghe-edu/4951" });
  expect(db.sqlite.prepare("SELECT state FROM cases WHERE id = ?").pluck().get(caseId)).toBe("replied");
  await spokes.screenshot({ path: `${app.shots}/case-replies-1440.png`, fullPage: true });
});
