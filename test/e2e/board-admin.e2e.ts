// 留言办理 through the browser: a message posted with a solved proof of work is held by the filter (four
// links); the admin finds it under 待审核 at 1440×900, accepts it, routes it to a unit, answers it (the
// form says the answer is published at once) and sees it answered — on the page, by query code on the
// public API, and in the 已答复 filter. A monitor's answer to another message goes for approval, and the
// admin approves it. Then the list and the drawer at 390×844.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { solveChallenge } from "altcha-lib/v1";
import { PASSWORD, startSeededApp, type SeededApp } from "./seeded-app";
import { choose, settled } from "./antd-select";
import { insertUnit } from "../../src/store/units";
import { createUser } from "../../src/accounts/commands";

let app: SeededApp;
beforeAll(async () => {
  app = await startSeededApp("board-admin");
  await createUser(app.db, null, { username: "admin", password: PASSWORD, role: "admin", unitId: null });
});
afterAll(async () => {
  await app?.close();
});

/** Posts a message as the public form does: a challenge, solved, then the submission. */
async function post(title: string, text: string): Promise<{ queryCode: string; status: string }> {
  const c = (await (await fetch(`${app.base}/api/public/challenge`)).json()) as { challenge: string; salt: string; algorithm: string; maxnumber: number; signature: string };
  const s = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  const altcha = Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: s!.number, salt: c.salt, signature: c.signature })).toString("base64");
  const res = await fetch(`${app.base}/api/public/messages`, {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ category: "complaint", title, text, contact: "13800002222", altcha }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { queryCode: string; status: string };
}

function signIn(width: number, height: number, username: string): Promise<Page> {
  return app.signedInAs(username, width, height);
}

/** Waits until no animation runs (a modal closing, a drawer opening), so screenshots show the page at rest. */
const status = (page: Page) => page.getByTestId("board-drawer").getByTestId("board-status").textContent();
const messageId = (code: string) => app.db.sqlite.prepare("SELECT id FROM board_messages WHERE query_code = ?").pluck().get(code) as number;

it("accepts a held message, routes it, answers it and shows it answered", async () => {
  const unit = insertUnit(app.db, "县住建局", null);
  const held = await post("滨河路积水严重", "滨河路积水见 http://a.example http://b.example http://c.example http://d.example 请尽快处理。");
  expect(held.status).toBe("held");
  const id = messageId(held.queryCode);

  const page = await signIn(1440, 900, "admin");
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${app.base}/board-admin`);
  await page.getByTestId("board-status-filter").getByText("待审核").click();
  await page.getByTestId(`board-open-${id}`).click();
  await expect.poll(() => status(page), { timeout: 10_000 }).toBe("待审核");
  expect(await page.getByTestId("board-drawer").textContent()).toContain("包含 4 个链接，疑似广告");

  await page.getByTestId("board-accept").click();
  await expect.poll(() => status(page), { timeout: 10_000 }).toBe("已受理");
  // Answering needs a unit first.
  expect(await page.getByTestId("board-drawer").textContent()).toContain("请先转办到单位，再答复。");
  await choose(page, "board-route-unit", "县住建局");
  await page.getByTestId("board-route").click();
  await expect.poll(() => page.getByTestId("board-unit").textContent(), { timeout: 10_000 }).toBe("县住建局");

  expect(await page.getByTestId("board-answer-mode").textContent()).toBe("以办理单位名义直接公开发布。");
  await page.getByTestId("board-answer-text").fill("已安排排水疏通，三日内完成。");
  await page.getByTestId("board-answer-submit").click();
  await expect.poll(() => status(page), { timeout: 10_000 }).toBe("已答复");
  expect(await page.getByTestId("board-answer").textContent()).toBe("已安排排水疏通，三日内完成。");
  const steps = await page.getByTestId("board-steps").textContent();
  for (const s of ["提交留言", "系统暂缓", "受理", "转办", "发布答复"]) expect(steps).toContain(s);

  // The contact opens for an admin with a reason, once, and the view is audited.
  await page.getByTestId("board-contact").click();
  await page.getByTestId("board-reason").fill("核实积水位置");
  await page.getByTestId("board-reason-ok").click();
  await expect.poll(() => page.getByTestId("board-contact-value").textContent(), { timeout: 10_000 }).toContain("13800002222");
  expect(app.db.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'board.contact_view'").pluck().get()).toBe(1);
  await settled(page);
  await page.screenshot({ path: `${app.shots}/board-admin-answered-1440.png`, fullPage: true });

  const pub = (await (await fetch(`${app.base}/api/public/messages/${held.queryCode}`)).json()) as { status: string; answer: { text: string; unitName: string } };
  expect(pub).toMatchObject({ status: "answered", answer: { text: "已安排排水疏通，三日内完成。", unitName: unit.name } });

  await page.getByTestId("board-drawer").locator(".ant-drawer-close").click();
  await page.getByTestId("board-status-filter").getByText("已答复").click();
  await expect.poll(() => page.getByTestId(`board-row-${id}`).getByTestId("board-row-status").textContent(), { timeout: 10_000 }).toBe("已答复");
  await settled(page);
  await page.screenshot({ path: `${app.shots}/board-admin-list-1440.png`, fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

it("sends a monitor's answer for approval, which the admin gives; and fits a phone", async () => {
  const unit = app.db.sqlite.prepare("SELECT id FROM units WHERE name = '县住建局'").pluck().get() as number;
  const msg = await post("青禾大道路灯不亮", "青禾大道与滨河路口的路灯坏了一周，夜里很黑，请尽快维修。");
  const id = messageId(msg.queryCode);
  app.db.sqlite.prepare("UPDATE board_messages SET unit_id = ? WHERE id = ?").run(unit, id);

  const monitor = await app.signedIn(1440, 900);
  await monitor.goto(`${app.base}/board-admin?id=${id}`);
  await expect.poll(() => status(monitor), { timeout: 10_000 }).toBe("已受理");
  expect(await monitor.getByTestId("board-answer-mode").textContent()).toBe("提交后由单位新闻发言人审批，审批通过后公开发布。");
  expect(await monitor.getByTestId("board-contact").count()).toBe(0);
  await monitor.getByTestId("board-answer-text").fill("已通知路灯所，明日维修。");
  await monitor.getByTestId("board-answer-submit").click();
  await expect.poll(() => monitor.getByTestId("board-draft").textContent(), { timeout: 10_000 }).toBe("已通知路灯所，明日维修。");
  expect(await status(monitor)).toBe("已受理");
  expect(await monitor.getByTestId("board-approve").count()).toBe(0);
  await monitor.close();

  const page = await signIn(390, 844, "admin");
  await page.goto(`${app.base}/board-admin`);
  await expect.poll(() => page.getByTestId(`board-row-${id}`).textContent(), { timeout: 10_000 }).toContain("答复待审批");
  await settled(page);
  await page.screenshot({ path: `${app.shots}/board-admin-list-390.png`, fullPage: true });
  await page.getByTestId(`board-open-${id}`).click();
  await page.getByTestId("board-approve").click();
  await expect.poll(() => status(page), { timeout: 10_000 }).toBe("已答复");
  expect(await page.getByTestId("board-answer").textContent()).toBe("已通知路灯所，明日维修。");
  await settled(page);
  await page.screenshot({ path: `${app.shots}/board-admin-drawer-390.png`, fullPage: true });
  await page.close();
});
