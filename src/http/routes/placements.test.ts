// Placements through the API: the contract ({id, points}), Chinese and code inputs, field errors, points
// under two rule versions across their boundary day, who may read and write, and the audit trail.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";
import { DEFAULT_SCORING_RULES, type ScoringRules } from "../../shared/publicity-types";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function setup() {
  t = await createTestApp();
  const admin = await t.userClient("admin");
  const county = (await admin.post("/api/units", { name: "青禾县" })).json();
  const edu = (await admin.post("/api/units", { name: "县教育局", parentId: county.id })).json();
  const monitor = await t.userClient("monitor");
  const city = (await monitor.post("/api/outlets", { name: "市日报", level: "city", medium: "newspaper" })).json();
  const prov = (await monitor.post("/api/outlets", { name: "省电视台", level: "省级", medium: "电视" })).json();
  return { admin, monitor, county: county.id as number, edu: edu.id as number, city: city.id as number, prov: prov.id as number };
}

const withCityNews = (n: number): ScoringRules => ({ ...DEFAULT_SCORING_RULES, base: { ...DEFAULT_SCORING_RULES.base, city: { ...DEFAULT_SCORING_RULES.base.city, news: n } } });

async function place(c: Client, body: Record<string, unknown>, status = 201) {
  const res = await c.post("/api/placements", body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

describe("placements", () => {
  it("registers a placement from codes or Chinese names and answers {id, points}", async () => {
    const s = await setup();
    const a = await place(s.monitor, { title: "县教育局推进课后服务", outletId: s.city, genre: "news", publishedOn: "2026-03-02", unitId: s.edu, authors: [{ name: "王明", share: 1 }] });
    expect(a).toMatchObject({ id: expect.any(Number), points: DEFAULT_SCORING_RULES.base.city.news, ruleSetId: null });
    // 通讯 in a provincial outlet, 头版头条, featured; two authors without shares split equally.
    const b = await place(s.monitor, {
      title: "山区孩子的新校舍", outletId: s.prov, genre: "通讯", slot: "头版头条", featured: true, publishedOn: "2026-04-10", unitId: s.edu,
      authors: [{ name: "王明" }, { name: "李华" }], link: "https://tv.example.cn/a/1",
    });
    expect(b.points).toBe(8 * 2 * 2);
    expect(b.placement).toMatchObject({ genre: "feature", slot: "front_headline", level: "provincial", medium: "tv", outletName: "省电视台" });
    expect(b.placement.authors).toEqual([
      { name: "王明", share: 0.5, correspondentId: null, points: 16 },
      { name: "李华", share: 0.5, correspondentId: null, points: 16 },
    ]);

    const list = (await s.admin.get(`/api/placements?year=2026&unitId=${s.edu}`)).json();
    expect(list.total).toBe(2);
    expect(list.points).toBe(3 + 32);
    expect(list.placements[0]).toMatchObject({ title: "山区孩子的新校舍", unitName: "县教育局", ruleSetName: null });
    expect((await s.admin.get("/api/placements?level=省级")).json().total).toBe(1);
    expect((await s.admin.get("/api/placements?genre=消息")).json().total).toBe(1);
    expect((await s.admin.get("/api/placements?minLevel=city")).json().total).toBe(2);
    expect((await s.admin.get("/api/placements?minLevel=省级")).json().total).toBe(1);
    expect((await s.admin.get("/api/placements?authorName=李华")).json().total).toBe(1);
    expect((await s.admin.get("/api/placements?q=校舍")).json().total).toBe(1);
    expect((await s.admin.get(`/api/placements?unitId=${s.county}`)).json().total).toBe(0);
    expect((await s.admin.get(`/api/placements?unitId=${s.county}&subtree=true`)).json().total).toBe(2);
    expect((await s.admin.get("/api/placements?year=2025")).json().total).toBe(0);

    const patched = await s.monitor.patch(`/api/placements/${a.id}`, { slot: "头版", authors: [{ name: "王明", share: 0.6 }, { name: "赵强", share: 0.4 }] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ points: 4.5, placement: { authors: [{ name: "王明", points: 2.7 }, { name: "赵强", points: 1.8 }] } });
    expect((await s.monitor.del(`/api/placements/${a.id}`)).statusCode).toBe(204);
    expect((await s.admin.get(`/api/placements/${a.id}`)).statusCode).toBe(404);
    const audits = t!.db.prepare("SELECT action FROM audit_log WHERE target_type = 'placement' ORDER BY id").all().map((r) => (r as { action: string }).action);
    expect(audits).toEqual(["placement.create", "placement.create", "placement.update", "placement.delete"]);
  });

  it("refuses shares not summing to 1, a future date, an unknown or inactive outlet, a bad link, naming the field", async () => {
    const s = await setup();
    const base = { title: "稿件", outletId: s.city, genre: "消息", publishedOn: "2026-03-02", unitId: s.edu, authors: [{ name: "王明", share: 1 }] };
    const cases: [Record<string, unknown>, string][] = [
      [{ authors: [{ name: "王明", share: 0.5 }, { name: "李华", share: 0.4 }] }, "authors"],
      [{ authors: [{ name: "王明", share: 0.5 }, { name: "李华" }] }, "authors"],
      [{ authors: [] }, "authors"],
      [{ publishedOn: "2099-01-01" }, "publishedOn"],
      [{ publishedOn: "2026-02-30" }, "publishedOn"],
      [{ outletId: 9999 }, "outletId"],
      [{ unitId: 9999 }, "unitId"],
      [{ genre: "散文" }, "genre"],
      [{ link: "javascript:alert(1)" }, "link"],
    ];
    for (const [change, field] of cases) {
      const res = await s.monitor.post("/api/placements", { ...base, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(Object.keys(res.json().fields ?? {}).some((k) => k === field || k.startsWith(`${field}.`)), `${JSON.stringify(change)} → ${res.body}`).toBe(true);
    }
    await s.monitor.patch(`/api/outlets/${s.city}`, { active: false });
    const inactive = await s.monitor.post("/api/placements", base);
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().fields).toHaveProperty("outletId");
    expect(t!.db.prepare("SELECT count(*) AS n FROM placements").get()).toEqual({ n: 0 });
    // A ledger item becomes one placement at most.
    await s.monitor.patch(`/api/outlets/${s.city}`, { active: true });
    await place(s.monitor, { ...base, itemId: 77 });
    expect((await s.monitor.post("/api/placements", { ...base, itemId: 77 })).statusCode).toBe(409);
  });

  it("counts points under the rule version in force on each publication day, across the boundary", async () => {
    const s = await setup();
    const first = await s.admin.post("/api/scoring-rules", { name: "2026 上半年", validFrom: "2026-01-01", rules: withCityNews(3) });
    expect(first.statusCode, first.body).toBe(201);
    const second = await s.admin.post("/api/scoring-rules", { name: "2026 下半年", validFrom: "2026-07-01", rules: withCityNews(5) });
    expect(second.statusCode, second.body).toBe(201);
    const body = { title: "稿件", outletId: s.city, genre: "news", unitId: s.edu, authors: [{ name: "王明", share: 1 }] };
    const june = await place(s.monitor, { ...body, publishedOn: "2026-06-30" });
    const july = await place(s.monitor, { ...body, publishedOn: "2026-07-01" });
    expect([june.points, june.ruleSetId]).toEqual([3, first.json().id]);
    expect([july.points, july.ruleSetId]).toEqual([5, second.json().id]);

    const sets = (await s.admin.get("/api/scoring-rules")).json().sets;
    expect(sets.map((x: { name: string; validFrom: string; validTo: string | null }) => [x.name, x.validFrom, x.validTo])).toEqual([
      ["2026 下半年", "2026-07-01", null], ["2026 上半年", "2026-01-01", "2026-06-30"],
    ]);
    // Rewriting history is refused, and the recount of the June piece does not move.
    expect((await s.admin.post("/api/scoring-rules", { name: "改写", validFrom: "2026-06-01", rules: withCityNews(9) })).statusCode).toBe(409);
    expect((await s.admin.post("/api/scoring-rules", { name: "改写", validFrom: "2026-07-01", rules: withCityNews(9) })).statusCode).toBe(409);
    expect((await s.admin.get(`/api/placements/${june.id}`)).json()).toMatchObject({ points: 3, ruleSetName: "2026 上半年" });
  });

  it("lets only the office read, only publicity staff write", async () => {
    const s = await setup();
    const contributor = await t!.userClient("contributor", { unitId: s.edu });
    const handler = await t!.userClient("handler", { unitId: s.edu });
    const leader = await t!.userClient("leader");
    const spokesperson = await t!.userClient("spokesperson");
    const body = { title: "稿件", outletId: s.city, genre: "news", publishedOn: "2026-03-02", unitId: s.edu, authors: [{ name: "王明", share: 1 }] };
    expect((await contributor.post("/api/placements", body)).statusCode).toBe(403);
    expect((await leader.post("/api/placements", body)).statusCode).toBe(403);
    const id = (await place(spokesperson, body)).id;
    expect((await contributor.get("/api/placements")).statusCode).toBe(403);
    expect((await handler.get("/api/placements")).statusCode).toBe(403);
    expect((await leader.get("/api/placements")).json().total).toBe(1);
    expect((await leader.patch(`/api/placements/${id}`, { title: "改" })).statusCode).toBe(403);
    expect((await leader.del(`/api/placements/${id}`)).statusCode).toBe(403);
  });
});
