// The message board through the API: the contract (challenge, submission, lookup by query code,
// statistics), proof of work refused or replayed, the filter holding spam, moderation shown to the
// poster, answers drafted and approved, ratings once, unit scoping, the contact encrypted at rest and
// opened only with a reason, and the public statistics equal to a recount of the messages.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { solveChallenge } from "altcha-lib/v1";
import { createTestApp, type TestApp } from "../../../test/helpers";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function proof(app: TestApp): Promise<string> {
  const res = await app.app.inject({ method: "GET", url: "/api/public/challenge" });
  expect(res.statusCode).toBe(200);
  const c = res.json();
  const s = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  return Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: s!.number, salt: c.salt, signature: c.signature })).toString("base64");
}

async function submit(app: TestApp, body: Record<string, unknown>, ip = "203.0.113.7") {
  const altcha = body.altcha ?? (await proof(app));
  return app.app.inject({ method: "POST", url: "/api/public/messages", payload: { category: "complaint", title: "路灯不亮", text: "青禾大道路灯坏了一周，夜里很黑。", ...body, altcha }, remoteAddress: ip });
}

const pub = (app: TestApp, url: string) => app.app.inject({ method: "GET", url });

describe("message board", () => {
  it("takes a message with a valid proof of work, once, and shows its progress by query code", async () => {
    t = await createTestApp({ boardPowMaxNumber: 1000 });
    const c = (await pub(t, "/api/public/challenge")).json();
    expect(Object.keys(c).sort()).toEqual(["algorithm", "challenge", "maxnumber", "salt", "signature"]);
    expect(c.algorithm).toBe("SHA-256");

    const altcha = await proof(t);
    const res = await submit(t, { altcha, contact: "13800000000", category: "report" });
    expect(res.statusCode, res.body).toBe(201);
    const { queryCode } = res.json();
    expect(queryCode).toMatch(/^[A-Z2-9]{12}$/);
    // The same solved proof is refused the second time; no proof, a forged one: refused in Chinese.
    const replay = await submit(t, { altcha });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().fields.altcha).toContain("已使用");
    const forged = await submit(t, { altcha: Buffer.from(JSON.stringify({ algorithm: "SHA-256", challenge: "00", number: 1, salt: "x", signature: "00" })).toString("base64") });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().fields.altcha).toContain("人机验证");
    expect((await t.app.inject({ method: "POST", url: "/api/public/messages", payload: { category: "complaint", title: "x", text: "没有验证的留言" } })).statusCode).toBe(400);
    expect(t.db.sqlite.prepare("SELECT count(*) FROM board_messages").pluck().get()).toBe(1);

    const view = (await pub(t, `/api/public/messages/${queryCode}`)).json();
    expect(view).toMatchObject({ status: "accepted", statusLabel: "已受理", category: "report", title: "路灯不亮", answer: null });
    expect(JSON.stringify(view)).not.toContain("13800000000");
    expect((await pub(t, `/api/public/messages/${queryCode.toLowerCase()}`)).statusCode).toBe(200);
    expect((await pub(t, "/api/public/messages/NOPE")).statusCode).toBe(404);
  });

  it("keeps the reporter's contact only encrypted, and opens it for an administrator with a reason, audited", async () => {
    t = await createTestApp({ boardPowMaxNumber: 1000 });
    const phone = "13912345678";
    await submit(t, { category: "report", contact: phone, text: "举报某单位违规发放补贴" });
    t.db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const files = ["test.db", "test.db-wal"].map((f) => path.join(t!.dir, f));
    for (const f of files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(f);
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from(phone))).toBe(false);
    }
    const admin = await t.userClient("admin");
    const monitor = await t.userClient("monitor");
    const list = (await monitor.get("/api/board/messages")).json();
    expect(list.messages[0]).toMatchObject({ hasContact: true });
    expect(JSON.stringify(list)).not.toContain(phone);
    const id = list.messages[0].id;
    expect((await monitor.post(`/api/board/messages/${id}/contact`, { reason: "核实举报线索" })).statusCode).toBe(403);
    expect((await admin.post(`/api/board/messages/${id}/contact`, {})).statusCode).toBe(400);
    expect((await admin.post(`/api/board/messages/${id}/contact`, { reason: "核实举报线索" })).json()).toEqual({ contact: phone });
    const audit = (await admin.get("/api/audit?action=board.contact_view")).json();
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0].summary).toContain("核实举报线索");
    expect(JSON.stringify(audit)).not.toContain(phone);
  });

  it("holds spam for a moderator with the reason, and shows a rejection to the poster", async () => {
    t = await createTestApp({ boardPowMaxNumber: 1000 });
    const spam = (await submit(t, { title: "优惠", text: "专业代开发票，价格优惠" })).json();
    expect(spam.status).toBe("held");
    expect((await pub(t, `/api/public/messages/${spam.queryCode}`)).json()).toMatchObject({ status: "held", statusLabel: "待审核", moderationReason: null });
    const monitor = await t.userClient("monitor");
    const held = (await monitor.get("/api/board/messages?status=held")).json().messages[0];
    expect(held.moderationReason).toBe("包含疑似违法广告用语「代开发票」");
    expect((await monitor.post(`/api/board/messages/${held.id}/moderate`, { decision: "reject" })).statusCode).toBe(400);
    const rejected = await monitor.post(`/api/board/messages/${held.id}/moderate`, { decision: "reject", reason: "广告信息，不予受理" });
    expect(rejected.json().steps.map((s: { kind: string }) => s.kind)).toEqual(["submitted", "held", "rejected"]);
    expect((await pub(t, `/api/public/messages/${spam.queryCode}`)).json()).toMatchObject({ status: "rejected", statusLabel: "不予受理", moderationReason: "广告信息，不予受理" });
  });

  it("routes a message to a unit whose handler drafts, whose spokesperson approves; rated once; other units see nothing", async () => {
    t = await createTestApp({ boardPowMaxNumber: 1000 });
    const admin = await t.userClient("admin");
    const unit = (await admin.post("/api/units", { name: "县住建局" })).json().id;
    const other = (await admin.post("/api/units", { name: "县教育局" })).json().id;
    const { queryCode } = (await submit(t, {})).json();
    const monitor = await t.userClient("monitor");
    const handler = await t.userClient("handler", { unitId: unit });
    const outsider = await t.userClient("handler", { unitId: other });
    const speaker = await t.userClient("spokesperson", { unitId: unit });
    const id = (await monitor.get("/api/board/messages")).json().messages[0].id;
    expect((await monitor.post(`/api/board/messages/${id}/answer`, { text: "已转交" })).statusCode).toBe(409); // no unit yet
    await monitor.post(`/api/board/messages/${id}/route`, { unitId: unit });
    expect((await outsider.get(`/api/board/messages/${id}`)).statusCode).toBe(404);
    expect((await outsider.get("/api/board/messages")).json().total).toBe(0);

    const drafted = (await handler.post(`/api/board/messages/${id}/answer`, { text: "已安排维修，三日内修复。" })).json();
    expect(drafted).toMatchObject({ status: "accepted", draftText: "已安排维修，三日内修复。" });
    expect((await pub(t, `/api/public/messages/${queryCode}`)).json().answer).toBeNull();
    expect((await handler.post(`/api/board/messages/${id}/approve`)).statusCode).toBe(403);
    const published = (await speaker.post(`/api/board/messages/${id}/approve`)).json();
    expect(published).toMatchObject({ status: "answered", answerText: "已安排维修，三日内修复。" });

    const seen = (await pub(t, `/api/public/messages/${queryCode}`)).json();
    expect(seen).toMatchObject({ status: "answered", answer: { text: "已安排维修，三日内修复。", unitName: "县住建局" } });
    const rate = (rating: string) => t!.app.inject({ method: "POST", url: `/api/public/messages/${queryCode}/rating`, payload: { rating } });
    expect((await rate("satisfied")).statusCode).toBe(204);
    expect((await rate("unsatisfied")).statusCode).toBe(409);
    expect((await pub(t, `/api/public/messages/${queryCode}`)).json().rating).toBe("satisfied");
    // A message can become a case of the same unit.
    const made = await monitor.post(`/api/board/messages/${id}/case`, {});
    expect(made.statusCode, made.body).toBe(201);
    expect((await monitor.get(`/api/cases/${made.json().caseId}`)).json()).toMatchObject({ origin: "board", unitId: unit, title: "路灯不亮" });
  });

  it("routes a message without a chosen unit by the routing rules, and says which rule", async () => {
    t = await createTestApp({ boardPowMaxNumber: 500 });
    const admin = await t.userClient("admin");
    const town = (await admin.post("/api/units", { name: "禾溪镇" })).json().id;
    await admin.post("/api/routing-rules", { name: "属地：禾溪镇", kind: "place", terms: ["禾溪镇"], unitId: town });
    await submit(t, { title: "禾溪镇菜市场污水横流", text: "禾溪镇菜市场门口污水横流好几天了。" });
    const m = (await admin.get("/api/board/messages")).json().messages[0];
    expect(m.unitId).toBe(town);
    const steps = (await admin.get(`/api/board/messages/${m.id}`)).json().steps;
    expect(steps.map((s: { kind: string; text: string | null }) => `${s.kind}:${s.text ?? ""}`)).toEqual(["submitted:", "routed:分办规则「属地：禾溪镇」命中「禾溪镇」"]);
  });

  it("throttles a flooding address while others get through", async () => {
    t = await createTestApp({ boardPowMaxNumber: 200, boardIpPerMinute: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await submit(t, { text: `第${i}条：路灯坏了很多天了` }, "198.51.100.9")).statusCode);
    expect(codes.slice(0, 3)).toEqual([201, 201, 201]);
    expect(codes.slice(3)).toEqual([429, 429]);
    expect((await submit(t, {}, "198.51.100.10")).statusCode).toBe(201);
  });

  it("publishes statistics per unit that equal a recount of the messages", async () => {
    t = await createTestApp({ boardPowMaxNumber: 200, boardIpPerMinute: 1000 });
    const admin = await t.userClient("admin");
    const a = (await admin.post("/api/units", { name: "甲局" })).json().id;
    const b = (await admin.post("/api/units", { name: "乙局" })).json().id;
    for (let i = 0; i < 7; i++) await submit(t, { unitId: i % 2 ? a : b, text: `留言第${i}条，请尽快处理` }, `192.0.2.${i}`);
    await submit(t, { text: "专业代开发票" }, "192.0.2.99"); // held: not valid
    const msgs = t.db.sqlite.prepare("SELECT id, unit_id FROM board_messages WHERE status = 'accepted' ORDER BY id").all() as { id: number; unit_id: number }[];
    for (const m of msgs.slice(0, 4)) expect((await admin.post(`/api/board/messages/${m.id}/answer`, { text: "已处理完毕。" })).statusCode).toBe(200);
    // One answer late: its deadline moved into the past before it was answered.
    t.db.sqlite.prepare("UPDATE board_messages SET answered_at = due_at + 1000 WHERE id = ?").run(msgs[0].id);
    const codes = t.db.sqlite.prepare("SELECT query_code FROM board_messages WHERE status = 'answered'").pluck().all() as string[];
    await t.app.inject({ method: "POST", url: `/api/public/messages/${codes[0]}/rating`, payload: { rating: "unsatisfied" } });
    await t.app.inject({ method: "POST", url: `/api/public/messages/${codes[1]}/rating`, payload: { rating: "basically" } });

    const stats = (await pub(t, "/api/public/stats")).json();
    expect(stats.definitions.answeredRate).toContain("已答复数 ÷ 有效留言数");
    // Recount from the rows themselves, independently of the SQL behind the page.
    const rows = t.db.sqlite.prepare("SELECT * FROM board_messages").all() as Record<string, number | string | null>[];
    const now = Date.now();
    for (const u of stats.units) {
      const mine = rows.filter((r) => r.unit_id === u.unitId && (r.status === "accepted" || r.status === "answered"));
      const answered = mine.filter((r) => r.status === "answered");
      const due = mine.filter((r) => r.status === "answered" || (r.due_at != null && (r.due_at as number) < now));
      const onTime = answered.filter((r) => r.due_at == null || (r.answered_at as number) <= (r.due_at as number));
      const rated = mine.filter((r) => r.rating != null);
      const satisfied = rated.filter((r) => r.rating === "satisfied" || r.rating === "basically");
      expect(u).toMatchObject({ valid: mine.length, answered: answered.length, due: due.length, onTime: onTime.length, rated: rated.length, satisfied: satisfied.length });
      expect(u.answeredRate).toBe(mine.length ? Math.round((answered.length / mine.length) * 10_000) / 10_000 : null);
    }
    expect(stats.units.reduce((n: number, u: { valid: number }) => n + u.valid, 0)).toBe(7);
    expect(stats.units.find((u: { unitId: number }) => u.unitId === msgs[0].unit_id).onTime).toBeLessThan(
      stats.units.find((u: { unitId: number }) => u.unitId === msgs[0].unit_id).answered,
    );
  });
});
