// Reports in the browser: a monitor generates the daily digest of the seeded day, edits its 研判建议
// section, saves, reloads and sees the edit, issues it (第1期, version 1) and downloads the DOCX; a leader
// opens the issued version on a 390×844 phone (signing in on the way, returning to the link), writes a
// 批示 and sees it listed (the version as issued, not the draft edited since).
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createUser } from "../../src/accounts/commands";
import { insertChannel } from "../../src/store/alert-config";
import { loadConfig } from "../../src/config";
import { REPORT_SECTIONS, type ReportDetail } from "../../src/shared/report-types";
import { fillLogin, PASSWORD, startSeededApp, type SeededApp } from "./seeded-app";
import { pick } from "./antd-select";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("reports");
});
afterAll(async () => {
  await app?.close();
});

const ADVICE = "建议教育局当日核实禾溪镇小学收费情况并公开回应。";

it("generates, edits, issues and exports a daily digest, and a leader instructs it on a phone", async () => {
  const { db, base } = app;
  await createUser(db, null, { username: "leader", password: PASSWORD, role: "leader", unitId: null });
  // The office day of the first seeded post (the posts lie a few hours back).
  const first = db.sqlite.prepare("SELECT published_at FROM items ORDER BY published_at LIMIT 1").pluck().get() as number;
  const { timeZone } = loadConfig({}, { dataDir: "/tmp", demo: false });
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(first));

  const desk = await app.signedIn(1440, 900);
  await desk.goto(`${base}/reports`);
  await desk.getByTestId("report-new").click();
  await desk.getByTestId("report-new-date").fill(day);
  await desk.getByTestId("report-new-submit").click();
  await desk.waitForURL(/\/reports\/\d+$/, { timeout: 60_000 });
  const id = Number(/\/reports\/(\d+)$/.exec(desk.url())![1]);

  // The draft prints its title and period; the seeded posts are counted.
  await expect.poll(() => desk.getByTestId("report-title").textContent(), { timeout: 10_000 }).toBeTruthy();
  expect(await desk.getByTestId("report-status").textContent()).toContain("草稿");
  const draft = (await (await desk.request.get(`${base}/api/reports/${id}`)).json()) as ReportDetail;
  expect(draft.kind).toBe("daily");
  expect(draft.content.period.from).toBe(day);

  // Edit 研判建议, save, reload: the edit is there (in the page and on the server).
  const advice = desk.getByTestId("section-text-advice");
  await advice.fill(ADVICE);
  await desk.getByTestId("section-save-advice").click();
  await desk.getByTestId("section-saved-advice").waitFor({ timeout: 10_000 });
  await desk.reload();
  await expect.poll(() => desk.getByTestId("section-text-advice").inputValue(), { timeout: 10_000 }).toBe(ADVICE);
  const saved = (await (await desk.request.get(`${base}/api/reports/${id}`)).json()) as ReportDetail;
  expect(saved.content.sections.find((s) => s.key === "advice")?.text).toBe(ADVICE);

  // Issue: the confirmation explains the freeze; the report becomes 第1期, version 1.
  await desk.getByTestId("report-issue").click();
  await desk.getByText("冻结为一个编号的版本").waitFor();
  await desk.getByTestId("report-issue-ok").click();
  await expect.poll(() => desk.getByTestId("report-status").textContent(), { timeout: 10_000 }).toContain("第1期");
  expect(await desk.getByTestId("report-status").textContent()).toContain("第 1 版");
  expect(await desk.getByTestId("version-row").count()).toBe(1);
  expect(await desk.getByTestId("report-number").textContent()).toContain("第1期");
  await desk.screenshot({ path: path.join(app.shots, "report-editor-1440.png"), fullPage: true });

  // The issued DOCX (the version's download link) is a zip: it starts with PK.
  const docxHref = await desk.getByTestId("version-export-1-docx").getAttribute("href");
  expect(docxHref).toMatch(/^\/api\/report-versions\/\d+\/export\?format=docx$/);
  const docx = await desk.request.get(`${base}${docxHref}`);
  expect(docx.status()).toBe(200);
  expect((await docx.body()).subarray(0, 2).toString("latin1")).toBe("PK");
  const phoneHref = (await desk.getByTestId("version-phone-1").getAttribute("href"))!;
  expect(phoneHref).toMatch(/^\/m\/reports\/\d+$/);

  // Editing after the issue warns that the draft differs from version 1 (which stays as issued).
  expect(await desk.getByTestId("report-changed").count()).toBe(0);
  await desk.getByTestId("section-text-advice").fill(`${ADVICE}（修改稿）`);
  await desk.getByTestId("section-save-advice").click();
  await expect.poll(() => desk.getByTestId("report-changed").textContent(), { timeout: 10_000 }).toContain("草稿自第 1 版签发后已修改");
  await desk.close();

  // The leader follows the link from a message on a phone: sign-in first, then back to the report.
  const phone = await app.browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(`${base}${phoneHref}`);
  await phone.waitForURL(`${base}/login`);
  await fillLogin(phone, "leader");
  await phone.waitForURL(`${base}${phoneHref}`);
  await expect.poll(() => phone.getByTestId("phone-section-advice").textContent(), { timeout: 10_000 }).toContain(ADVICE);
  expect(await phone.getByTestId("phone-section-advice").textContent()).not.toContain("修改稿");
  expect(await phone.getByTestId("report-number").textContent()).toContain("第1期");
  expect(await phone.getByTestId("phone-instruction").count()).toBe(0);

  // An empty 批示 is refused on the page; a written one is stored and listed.
  await phone.getByTestId("phone-instruct-submit").click();
  await phone.getByText("请填写批示意见").waitFor();
  await phone.getByTestId("phone-instruct-text").fill("请教育局今日核实并回应，宣传部跟进舆情。");
  await phone.getByTestId("phone-instruct-submit").click();
  await expect.poll(() => phone.getByTestId("phone-instruction").count(), { timeout: 10_000 }).toBe(1);
  expect(await phone.getByTestId("phone-instruction").textContent()).toContain("请教育局今日核实并回应，宣传部跟进舆情。");
  expect(await phone.getByTestId("phone-instruction").textContent()).toContain("leader");
  await phone.screenshot({ path: path.join(app.shots, "report-phone-390.png"), fullPage: true });
  expect(await phone.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth))).toBeLessThanOrEqual(390);
  await phone.close();
});

it("lets an admin shape a template, generate with it, and run a schedule now", async () => {
  const { db, base } = app;
  await createUser(db, null, { username: "admin", password: PASSWORD, role: "admin", unitId: null });
  const page = await app.signedInAs("admin", 1440, 900);

  // A daily template with two sections, a red header and its own title.
  await page.goto(`${base}/report-settings`);
  await page.getByTestId("template-new").click();
  const modal = page.locator(".ant-modal:visible");
  await page.locator("#report-template_name").fill("领导简版");
  await page.locator("#report-template_title").fill("网络动态简报");
  await page.locator("#report-template_issuingUnit").fill("县委网信办");
  const keep = ["总体情况", "研判建议"];
  for (const { title } of REPORT_SECTIONS.daily) {
    if (!keep.includes(title)) await modal.locator(".ant-checkbox-wrapper", { hasText: title }).click();
  }
  await modal.locator(".ant-btn-primary").click();
  await expect.poll(() => page.getByTestId("template-row").filter({ hasText: "领导简版" }).count(), { timeout: 10_000 }).toBe(1);

  // Generating with it gives its title, unit, red header and only its sections, in order.
  await page.goto(`${base}/reports`);
  await page.getByTestId("report-new").click();
  await pick(page, "#report-new_templateId", "领导简版");
  await page.getByTestId("report-new-submit").click();
  await page.waitForURL(/\/reports\/\d+$/, { timeout: 60_000 });
  await expect.poll(() => page.getByTestId("report-title").textContent(), { timeout: 10_000 }).toBe("网络动态简报");
  expect(await page.getByTestId("report-unit").textContent()).toBe("县委网信办");
  expect(await page.getByTestId("report-header").getAttribute("data-red")).toBe("1");
  const sections = await page.locator("section[data-testid^='report-section-']").evaluateAll((els) => els.map((el) => el.getAttribute("data-testid")));
  expect(sections).toEqual(["report-section-overview", "report-section-advice"]);

  // A schedule run now shows up in the history, which follows it until it is delivered and links its report.
  insertChannel(db, { name: "值班室", kind: "inapp", url: null, options: {}, enabled: true }, null);
  await page.goto(`${base}/report-settings?tab=schedules`);
  await page.getByTestId("schedule-new").click();
  await page.locator("#report-schedule_name").fill("每日早报");
  await pick(page, "#report-schedule_channelIds", "值班室");
  await page.keyboard.press("Escape");
  await page.locator(".ant-modal:visible .ant-btn-primary").click();
  await expect.poll(() => page.getByTestId("schedule-row").count(), { timeout: 10_000 }).toBe(1);
  expect(await page.getByTestId("schedule-row").textContent()).toMatch(/每天 08:00.*值班室/);
  const before = db.sqlite.prepare("SELECT COUNT(*) FROM report_runs").pluck().get() as number;
  await page.getByTestId("schedule-row").getByText("立即运行").click();
  await page.waitForURL(/tab=runs/);
  await expect.poll(() => page.getByTestId("run-row").count(), { timeout: 20_000 }).toBe(before + 1);
  await expect.poll(() => page.getByTestId("run-row").first().textContent(), { timeout: 30_000 }).toContain("完成");
  expect(await page.getByTestId("run-row").first().getByRole("link").getAttribute("href")).toMatch(/^\/reports\/\d+$/);
  await expect.poll(() => page.getByTestId("run-delivery").first().textContent(), { timeout: 30_000 }).toBe("值班室 已送达");
  await page.screenshot({ path: path.join(app.shots, "report-settings-runs-1440.png"), fullPage: true });
  await page.close();
});
