import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";
import { serveFeed } from "../../../test/e2e/fixture-feed";
import { DRAFT_BODY, DRAFT_PARAS, DRAFT_TITLE, OTHER_ARTICLES } from "../../publicity/testdata/proposal-texts";

const [p1, p2, , p4] = DRAFT_PARAS;
const PLANTED_TITLE = "青禾：五个检查组进林区查隐患";
// The city daily ran the draft with a new headline, a byline lead and the third paragraph cut.
const PLANTED = ["本报讯（记者 王明 通讯员 李华）" + p1, p2, p4].join("\n");
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const entry = (guid: string, title: string, link: string, body: string, pub: string) =>
  `<item><guid>${guid}</guid><title>${esc(title)}</title><link>${link}</link><description>${esc(body)}</description><pubDate>${pub}</pubDate></item>`;
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>青禾要闻聚合</title><link>http://127.0.0.1/</link><description>fixture</description>
${entry("planted", PLANTED_TITLE, "https://www.qhdaily.cn/2026-11/21/content_88.html", PLANTED, "Sat, 21 Nov 2026 07:30:00 +0800")}
${entry("other", OTHER_ARTICLES[0]![1], "https://www.qhdaily.cn/2026-11/21/content_89.html", OTHER_ARTICLES[0]![2], "Sat, 21 Nov 2026 09:00:00 +0800")}
${entry("repost", `【转载】${PLANTED_TITLE}`, "https://bbs.qinghe-life.net/t/5521", `【转载】${PLANTED_TITLE}\n${PLANTED}`, "Sat, 21 Nov 2026 11:20:00 +0800")}
</channel></rss>`;

let feed: Awaited<ReturnType<typeof serveFeed>>;
let t: TestApp;
let unitId: number;
let outletId: number;
beforeAll(async () => {
  feed = await serveFeed(FEED);
});
afterAll(() => feed.close());
beforeEach(async () => {
  t = await createTestApp({ fetchAllowHosts: [feed.allowHost], timeZone: "Asia/Shanghai" });
  const now = Date.now();
  unitId = Number(t.db.prepare("INSERT INTO units (name, created_at) VALUES ('青禾县应急管理局', ?)").run(now).lastInsertRowid);
  const office = await t.userClient("admin");
  // Listed without "www.": the item's link is on www.qhdaily.cn.
  const outlet = await office.post("/api/outlets", { name: "青禾日报", level: "city", medium: "newspaper", hosts: ["qhdaily.cn"] });
  expect(outlet.statusCode, outlet.body).toBe(201);
  outletId = outlet.json().id;
});
afterEach(() => t.close());

function approveDraft(title: string, body: string, approvedAt = Date.now()): number {
  return Number(t.db.prepare(
    `INSERT INTO submissions (unit_id, kind, title, body, event_date, state, author_name, submitted_at, approved_at, created_at, updated_at)
     VALUES (?, 'news', ?, ?, '2026-11-20', 'approved', '李华', ?, ?, ?, ?)`,
  ).run(unitId, title, body, approvedAt, approvedAt, approvedAt, approvedAt).lastInsertRowid);
}

async function pollFeed(m: Client): Promise<Map<string, number>> {
  const id = (await m.post("/api/sources", { name: "青禾要闻聚合", kind: "rss", url: feed.url })).json().id;
  expect((await m.post(`/api/sources/${id}/fetch`)).json()).toEqual({ inserted: 3 });
  await t.analysis.drain();
  const rows = t.db.prepare("SELECT id, url FROM items").all() as { id: number; url: string }[];
  return new Map(rows.map((r) => [r.url.includes("5521") ? "repost" : r.url.endsWith("88.html") ? "planted" : "other", r.id]));
}

describe("placement proposals (疑似已刊发)", () => {
  it("finds a placement planted in a fixture feed, counts its repost as spread, and confirms it once", async () => {
    const m = await t.userClient("monitor");
    const draftId = approveDraft(DRAFT_TITLE, DRAFT_BODY);
    const items = await pollFeed(m);

    expect((await m.post("/api/placement-proposals/scan")).json()).toEqual({ scanned: 3, proposed: 1, spread: 1 });
    const pending = (await m.get("/api/placement-proposals")).json().proposals;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      state: "pending", outletId, outletName: "青禾日报",
      submission: { id: draftId, title: DRAFT_TITLE, unitId, unitName: "青禾县应急管理局" },
      item: { id: items.get("planted"), title: PLANTED_TITLE, url: "https://www.qhdaily.cn/2026-11/21/content_88.html", sourceName: "青禾要闻聚合", publishedAt: "2026-11-20T23:30:00.000Z" },
    });
    expect(pending[0].similarity).toBeGreaterThan(0.85);
    const spread = (await m.get("/api/placement-proposals?state=spread")).json().proposals;
    expect(spread.map((p: { item: { id: number } }) => p.item.id)).toEqual([items.get("repost")]);
    const ofDraft = (await m.get(`/api/placement-proposals/spread?submissionId=${draftId}`)).json();
    expect(ofDraft).toMatchObject({ count: 1, submissions: [{ submissionId: draftId, title: DRAFT_TITLE, count: 1 }] });
    expect(ofDraft.items[0].item.url).toBe("https://bbs.qinghe-life.net/t/5521");

    const confirmed = await m.post(`/api/placement-proposals/${pending[0].id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const placementId = confirmed.json().placementId;
    expect(confirmed.json().proposal).toMatchObject({ state: "confirmed", placementId });
    const placement = (await m.get(`/api/placements/${placementId}`)).json();
    expect(placement).toMatchObject({
      title: PLANTED_TITLE, outletId, outletName: "青禾日报", genre: "news", publishedOn: "2026-11-21", unitId,
      submissionId: draftId, itemId: items.get("planted"), link: "https://www.qhdaily.cn/2026-11/21/content_88.html",
      authors: [{ name: "李华", share: 1 }],
    });
    expect(confirmed.json().points).toBe(placement.points);
    expect(placement.points).toBeGreaterThan(0);
    expect((await m.post(`/api/placement-proposals/${pending[0].id}/confirm`, {})).statusCode).toBe(409);

    // Scanning again, even from the start, proposes nothing twice.
    expect((await m.post("/api/placement-proposals/scan")).json()).toMatchObject({ proposed: 0, spread: 0 });
    t.db.prepare("DELETE FROM placement_proposal_scans").run();
    // (the confirmed item is a placement now and is no longer compared)
    expect((await m.post("/api/placement-proposals/scan")).json()).toEqual({ scanned: 2, proposed: 0, spread: 0 });
    expect((await m.get("/api/placement-proposals")).json().proposals).toEqual([]);
    expect(t.db.prepare("SELECT count(*) FROM placements").pluck().get()).toBe(1);
  });

  it("finds an item fetched before the draft was approved, and dismisses a proposal", async () => {
    const items = await pollFeed(await t.userClient("monitor"));
    const m = await t.userClient("spokesperson");
    // With no approved draft there is nothing to compare with: the checkpoint passes the items.
    expect((await m.post("/api/placement-proposals/scan")).json()).toEqual({ scanned: 0, proposed: 0, spread: 0 });
    expect(t.db.prepare("SELECT last_item_id FROM placement_proposal_scans").pluck().get()).toBe(Math.max(...items.values()));
    approveDraft(DRAFT_TITLE, DRAFT_BODY);
    expect((await m.post("/api/placement-proposals/scan")).json()).toMatchObject({ proposed: 1, spread: 1 });
    const [p] = (await m.get("/api/placement-proposals")).json().proposals;
    expect(p.item.id).toBe(items.get("planted"));
    const dismissed = await m.post(`/api/placement-proposals/${p.id}/dismiss`);
    expect(dismissed.json()).toMatchObject({ id: p.id, state: "dismissed" });
    expect((await m.get("/api/placement-proposals")).json().proposals).toEqual([]);
    expect((await m.get("/api/placement-proposals?state=dismissed")).json().proposals).toHaveLength(1);
    expect((await m.post(`/api/placement-proposals/${p.id}/confirm`, {})).statusCode).toBe(409);
    const audit = t.db.prepare("SELECT action FROM audit_log WHERE target_type = 'placement_proposal' ORDER BY id").pluck().all();
    expect(audit).toEqual(["placement_proposal.scan", "placement_proposal.scan", "placement_proposal.dismiss"]);
  });

  it("asks for an outlet when none was guessed, and is the office's to use", async () => {
    const m = await t.userClient("monitor");
    t.db.prepare("UPDATE outlets SET active = 0").run();
    approveDraft(DRAFT_TITLE, DRAFT_BODY);
    await pollFeed(m);
    // With no outlet known the planted piece is still proposed; its repost (same repost group) is spread.
    expect((await m.post("/api/placement-proposals/scan")).json()).toMatchObject({ proposed: 1, spread: 1 });
    const [p] = (await m.get("/api/placement-proposals")).json().proposals;
    expect(p.outletId).toBeNull();
    const refused = await m.post(`/api/placement-proposals/${p.id}/confirm`, { genre: "feature" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("placement_proposal.no_outlet");
    t.db.prepare("UPDATE outlets SET active = 1").run();
    const ok = await m.post(`/api/placement-proposals/${p.id}/confirm`, { outletId, genre: "feature", slot: "front_page", authors: [{ name: "王明", share: 0.5 }, { name: "李华", share: 0.5 }] });
    expect(ok.statusCode).toBe(201);
    expect(t.db.prepare("SELECT genre, slot, outlet_id FROM placements").get()).toEqual({ genre: "feature", slot: "front_page", outlet_id: outletId });

    const contributor = await t.userClient("contributor", { unitId });
    expect((await contributor.get("/api/placement-proposals")).statusCode).toBe(403);
    expect((await contributor.post("/api/placement-proposals/scan")).statusCode).toBe(403);
    expect((await contributor.post(`/api/placement-proposals/${p.id}/dismiss`)).statusCode).toBe(403);
  });
});
