// Replies (回应) through the API: draft → submit → return → resubmit → approve → publish moves the case to
// 已回应; only the lead unit's accounts, handlers and spokesperson; the published URL is only recorded.
import { afterEach, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function setup() {
  t = await createTestApp({ timeZone: "Asia/Shanghai" });
  const admin = await t.userClient("admin");
  const county = (await admin.post("/api/units", { name: "青禾县" })).json();
  const edu = (await admin.post("/api/units", { name: "县教育局", parentId: county.id })).json().id as number;
  const town = (await admin.post("/api/units", { name: "禾溪镇", parentId: county.id })).json().id as number;
  const userId = (username: string) => t!.db.sqlite.prepare("SELECT id FROM users WHERE username = ?").pluck().get(username) as number;
  const s = {
    admin, edu, town, userId,
    monitor: await t.userClient("monitor"),
    leader: await t.userClient("leader"),
    eduHandler: await t.userClient("handler", { unitId: edu }),
    townHandler: await t.userClient("handler", { unitId: town }),
    eduSpokes: await t.userClient("spokesperson", { username: "edu-spokes", unitId: edu }),
    townSpokes: await t.userClient("spokesperson", { username: "town-spokes", unitId: town }),
  };
  return s;
}

/** The JSON of a response that must have `status`. */
async function ok(res: Promise<LightMyRequestResponse>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

async function accountOf(s: Awaited<ReturnType<typeof setup>>, by: Client, unitId: number, name: string) {
  return ok(by.post("/api/official-accounts", {
    unitId, platform: "weibo", accountName: name, publicUrl: "https://weibo.com/qinghe", spokespersonUserId: s.userId("edu-spokes"),
  }), 201);
}

/** A case led by `unitId`, assigned and accepted (state 办理中). */
async function respondingCase(s: Awaited<ReturnType<typeof setup>>, unitId: number, handler: Client) {
  const id = (await ok(s.monitor.post("/api/cases", { title: "禾溪镇小学乱收费", severity: "general", category: "教育", unitId }), 201)).id as number;
  await ok(s.monitor.post(`/api/cases/${id}/steps`, { kind: "assign", unitId }));
  await ok(handler.post(`/api/cases/${id}/steps`, { kind: "accept" }));
  return id;
}

describe("case replies", () => {
  it("runs a reply from draft through a return to published, moving the case to 已回应", async () => {
    const s = await setup();
    const account = await accountOf(s, s.admin, s.edu, "青禾教育");
    const id = await respondingCase(s, s.edu, s.eduHandler);
    const base = `/api/cases/${id}/replies`;

    const listed = await ok(s.eduHandler.get(base));
    expect(listed).toMatchObject({ replies: [], canDraft: true, accounts: [{ id: account.id, accountName: "青禾教育", spokespersonName: "edu-spokes" }] });
    const draft = await ok(s.eduHandler.post(base, { accountId: account.id, text: "已核实，责令退还" }), 201);
    expect(draft).toMatchObject({ status: "draft", accountName: "青禾教育", actions: ["edit", "submit"] });
    const r = `${base}/${draft.id}`;
    await ok(s.eduHandler.patch(r, { text: "已核实，责令学校退还补课费" }));
    expect(await ok(s.eduHandler.post(`${r}/submit`))).toMatchObject({ status: "submitted", actions: [] });
    // The spokesperson may not publish before approving, and returning needs a reason.
    expect((await s.eduSpokes.post(`${r}/publish`, { url: "https://weibo.com/qinghe/1" })).statusCode).toBe(409);
    expect((await s.eduSpokes.post(`${r}/return`, { reason: " " })).statusCode).toBe(400);
    const returned = await ok(s.eduSpokes.post(`${r}/return`, { reason: "未说明退还时限" }));
    expect(returned).toMatchObject({ status: "returned", reviewNote: "未说明退还时限", reviewedByName: "edu-spokes" });
    await ok(s.eduHandler.patch(r, { text: "已核实，责令学校本周五前退还补课费" }));
    await ok(s.eduHandler.post(`${r}/submit`));
    expect(await ok(s.eduSpokes.post(`${r}/approve`))).toMatchObject({ status: "approved", actions: ["return", "publish"] });
    // The URL is only recorded, and must be a public http(s) address.
    for (const url of ["javascript:alert(1)", "ftp://weibo.com/x", "weibo.com/qinghe/1"]) {
      const bad = await s.eduSpokes.post(`${r}/publish`, { url });
      expect(bad.statusCode, url).toBe(400);
      expect(bad.json().fields.url).toContain("http");
    }
    const published = await ok(s.eduSpokes.post(`${r}/publish`, { url: "https://weibo.com/qinghe/4951" }));
    expect(published).toMatchObject({ status: "published", publishedUrl: "https://weibo.com/qinghe/4951", actions: [] });
    expect(published.publishedAt).not.toBeNull();

    const c = await ok(s.eduHandler.get(`/api/cases/${id}`));
    expect(c.state).toBe("replied");
    expect(c.repliedAt).not.toBeNull();
    expect(c.timeline.map((x: { kind: string }) => x.kind)).toEqual([
      "open", "assign", "accept", "reply_draft", "reply_submitted", "reply_returned", "reply_submitted", "reply_approved", "reply_published", "reply",
    ]);
    expect(c.timeline[5]).toMatchObject({ kind: "reply_returned", text: "未说明退还时限", userName: "edu-spokes" });
    expect(c.timeline.at(-2)).toMatchObject({ kind: "reply_published", text: "https://weibo.com/qinghe/4951", data: { url: "https://weibo.com/qinghe/4951", accountName: "青禾教育" } });
    expect(c.timeline.at(-1)).toMatchObject({ kind: "reply", fromState: "responding", toState: "replied" });
    expect(c.timeline.at(-1).text).toContain("本周五前退还");

    const audit = (await ok(s.admin.get("/api/audit?targetType=case_reply&limit=50"))).entries.map((e: { action: string }) => e.action);
    expect(audit.sort()).toEqual(["reply.approve", "reply.draft", "reply.edit", "reply.edit", "reply.publish", "reply.return", "reply.submit", "reply.submit"]);
    const caseAudit = (await ok(s.admin.get("/api/audit?action=case.reply&limit=5"))).entries;
    expect(caseAudit).toHaveLength(1);
    // Published is final.
    expect((await s.eduSpokes.post(`${r}/return`, { reason: "再改" })).statusCode).toBe(409);
    // A closed case takes no more replies.
    await ok(s.monitor.post(`/api/cases/${id}/steps`, { kind: "close", text: "回应及时" }));
    expect((await ok(s.eduHandler.get(base))).canDraft).toBe(false);
    expect((await s.eduHandler.post(base, { accountId: account.id, text: "补充说明" })).json().code).toBe("replies.case_closed");
  });

  it("publishes without moving a case that is not waiting for a reply", async () => {
    const s = await setup();
    const account = await accountOf(s, s.admin, s.edu, "青禾教育");
    const id = (await ok(s.monitor.post("/api/cases", { title: "噪音", severity: "general", unitId: s.edu }), 201)).id;
    const draft = await ok(s.eduHandler.post(`/api/cases/${id}/replies`, { accountId: account.id, text: "正在核查" }), 201);
    await ok(s.eduHandler.post(`/api/cases/${id}/replies/${draft.id}/submit`));
    await ok(s.admin.post(`/api/cases/${id}/replies/${draft.id}/approve`));
    await ok(s.admin.post(`/api/cases/${id}/replies/${draft.id}/publish`, { url: "http://www.qinghe.gov.cn/hd/1.html" }));
    const c = await ok(s.monitor.get(`/api/cases/${id}`));
    expect(c.state).toBe("triaged");
    expect(c.timeline.map((x: { kind: string }) => x.kind)).not.toContain("reply");
  });

  it("keeps replies within the lead unit: other units' staff get 404, other spokespersons 403", async () => {
    const s = await setup();
    const eduAccount = await accountOf(s, s.admin, s.edu, "青禾教育");
    const townAccount = await accountOf(s, s.admin, s.town, "禾溪发布");
    const id = await respondingCase(s, s.edu, s.eduHandler);
    const base = `/api/cases/${id}/replies`;
    expect((await s.townHandler.get(base)).statusCode).toBe(404);
    expect((await s.townHandler.post(base, { accountId: townAccount.id, text: "x" })).statusCode).toBe(404);
    // Only the lead unit's own accounts may speak for the case.
    const wrong = await s.eduHandler.post(base, { accountId: townAccount.id, text: "x" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields.accountId).toBe("只能选用工单牵头单位的官方账号");
    // Leaders and spokespersons do not draft; monitors and admins do.
    expect((await s.leader.post(base, { accountId: eduAccount.id, text: "x" })).statusCode).toBe(403);
    expect((await s.eduSpokes.post(base, { accountId: eduAccount.id, text: "x" })).statusCode).toBe(403);
    const draft = await ok(s.monitor.post(base, { accountId: eduAccount.id, text: "已核实" }), 201);
    const r = `${base}/${draft.id}`;
    expect((await s.townHandler.post(`${r}/submit`)).statusCode).toBe(404);
    await ok(s.eduHandler.post(`${r}/submit`));
    // Another unit's spokesperson sees the case (office role) but may not review it; nor may handlers or monitors.
    expect((await s.townSpokes.get(base)).statusCode).toBe(200);
    expect((await s.townSpokes.post(`${r}/approve`)).statusCode).toBe(403);
    expect((await s.townSpokes.post(`${r}/return`, { reason: "x" })).statusCode).toBe(403);
    expect((await s.eduHandler.post(`${r}/approve`)).statusCode).toBe(403);
    expect((await s.monitor.post(`${r}/approve`)).statusCode).toBe(403);
    // A reply of another case is not found under this one.
    const other = await respondingCase(s, s.edu, s.eduHandler);
    expect((await s.eduSpokes.post(`/api/cases/${other}/replies/${draft.id}/approve`)).statusCode).toBe(404);
    await ok(s.eduSpokes.post(`${r}/approve`));
    // A disabled account no longer speaks: publishing under it is refused.
    await ok(s.admin.patch(`/api/official-accounts/${eduAccount.id}`, { enabled: false }));
    expect((await s.eduSpokes.post(`${r}/publish`, { url: "https://weibo.com/qinghe/1" })).json().code).toBe("replies.account_disabled");
  });
});

describe("official accounts and reply templates", () => {
  it("lets admins and the unit's own spokesperson keep accounts, and unit staff read only their units'", async () => {
    const s = await setup();
    const body = { unitId: s.edu, platform: "wechat", accountName: "青禾教育发布", publicUrl: "https://mp.weixin.qq.com/qinghe-edu" };
    expect((await s.townSpokes.post("/api/official-accounts", body)).statusCode).toBe(403);
    expect((await s.eduHandler.post("/api/official-accounts", body)).statusCode).toBe(403);
    expect((await s.eduSpokes.post("/api/official-accounts", { ...body, publicUrl: "javascript:alert(1)" })).statusCode).toBe(400);
    expect((await s.eduSpokes.post("/api/official-accounts", { ...body, spokespersonUserId: s.userId("handler4") })).json().fields).toMatchObject({
      spokespersonUserId: expect.stringContaining("新闻发言人"),
    });
    const a = await ok(s.eduSpokes.post("/api/official-accounts", body), 201);
    expect(a).toMatchObject({ unitId: s.edu, unitName: "县教育局", platform: "wechat", enabled: true });
    expect((await s.townSpokes.patch(`/api/official-accounts/${a.id}`, { accountName: "x" })).statusCode).toBe(403);
    expect((await s.eduSpokes.patch(`/api/official-accounts/${a.id}`, { unitId: s.town })).statusCode).toBe(403);
    await ok(s.eduSpokes.patch(`/api/official-accounts/${a.id}`, { accountName: "青禾教育" }));

    expect((await ok(s.eduHandler.get("/api/official-accounts"))).accounts.map((x: { id: number }) => x.id)).toEqual([a.id]);
    expect((await ok(s.townHandler.get("/api/official-accounts"))).accounts).toEqual([]);
    expect((await s.townHandler.get(`/api/official-accounts/${a.id}`)).statusCode).toBe(404);
    expect((await ok(s.leader.get(`/api/official-accounts?unitId=${s.edu}`))).accounts).toHaveLength(1);

    // An account with a reply stays as the record (disable it); an unused one can go.
    const id = await respondingCase(s, s.edu, s.eduHandler);
    await ok(s.eduHandler.post(`/api/cases/${id}/replies`, { accountId: a.id, text: "已核实" }), 201);
    expect((await s.admin.del(`/api/official-accounts/${a.id}`)).statusCode).toBe(409);
    const spare = await accountOf(s, s.admin, s.edu, "备用");
    expect((await s.admin.del(`/api/official-accounts/${spare.id}`)).statusCode).toBe(204);
    const audit = (await ok(s.admin.get("/api/audit?targetType=official_account&limit=50"))).entries.map((e: { action: string }) => e.action);
    expect(audit.sort()).toEqual(["official_account.create", "official_account.create", "official_account.delete", "official_account.update"]);
  });

  it("serves templates per category: shared ones to all, a unit's to its own staff", async () => {
    const s = await setup();
    const shared = await ok(s.admin.post("/api/reply-templates", { category: "教育", title: "收费类通用", text: "经核实，……" }), 201);
    expect((await s.eduSpokes.post("/api/reply-templates", { category: "教育", title: "x", text: "y" })).statusCode).toBe(403);
    expect((await s.townSpokes.post("/api/reply-templates", { category: "教育", title: "x", text: "y", unitId: s.edu })).statusCode).toBe(403);
    const own = await ok(s.eduSpokes.post("/api/reply-templates", { category: "教育", title: "教育局口径", text: "县教育局高度重视……", unitId: s.edu }), 201);
    await ok(s.admin.post("/api/reply-templates", { category: "交通", title: "交通类", text: "……" }), 201);

    const titles = async (c: Client, q: string) => (await ok(c.get(`/api/reply-templates${q}`))).templates.map((x: { title: string }) => x.title);
    expect(await titles(s.eduHandler, "?category=教育")).toEqual(["收费类通用", "教育局口径"].sort());
    expect(await titles(s.townHandler, "?category=教育")).toEqual(["收费类通用"]);
    expect(await titles(s.monitor, `?unitId=${s.town}`)).toEqual(["交通类", "收费类通用"]);
    expect((await s.townHandler.patch(`/api/reply-templates/${own.id}`, { title: "x" })).statusCode).toBe(404);
    expect((await s.eduSpokes.patch(`/api/reply-templates/${shared.id}`, { title: "x" })).statusCode).toBe(403);
    await ok(s.eduSpokes.patch(`/api/reply-templates/${own.id}`, { text: "县教育局高度重视，已责成……" }));
    expect((await s.eduSpokes.del(`/api/reply-templates/${own.id}`)).statusCode).toBe(204);
    const audit = (await ok(s.admin.get("/api/audit?targetType=reply_template&limit=50"))).entries.map((e: { action: string }) => e.action);
    expect(audit.sort()).toEqual(["reply_template.create", "reply_template.create", "reply_template.create", "reply_template.delete", "reply_template.update"]);
  });
});
