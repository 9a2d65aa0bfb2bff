import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertItems, type NewItem } from "../../store/items";
import { insertSource } from "../../store/sources";
import { contentHash } from "../../ingest";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const HOUR = 3_600_000;
const T0 = Date.now() - 10 * HOUR;

// Fictional posts about the invented 青禾县: a school-fee complaint reposted twice, a bus route
// change, and a praise post.
const FEE = "青禾县禾溪镇第一小学家长反映，学校以兴趣班名义每学期额外收取补课费八百元，家长质疑属于乱收费，希望教育局尽快调查处理。";
const posts = [
  { title: "禾溪镇小学被指乱收费", text: FEE, at: T0, source: 0 },
  { title: "", text: `转发：${FEE}`, at: T0 + HOUR, source: 1 },
  { title: "网友爆料学校乱收费", text: `${FEE}太过分了！`, at: T0 + 2 * HOUR, source: 1 },
  { title: "城西公交3路调整线路", text: "青禾县交通运输局发布通知，城西公交3路自下周一起调整线路，不再经过老汽车站，改经新建的滨河路，市民出行请注意。", at: T0 + 3 * HOUR, source: 0 },
  { title: "点赞青禾县政务服务中心", text: "今天去政务服务中心办营业执照，工作人员热情周到，半小时就办好了，效率真高，必须点赞！", at: T0 + 4 * HOUR, source: 0 },
];

function seed(): number[] {
  const sources = [0, 1].map((i) =>
    insertSource(t.db, { name: i ? "青禾论坛" : "青禾新闻网", kind: "rss", url: `http://127.0.0.1/${i}`, intervalSeconds: 300, priority: i ? 3 : 1, enabled: true }),
  );
  const ids: number[] = [];
  posts.forEach((p, i) => {
    const row: NewItem = {
      guid: `g${i}`, url: `http://127.0.0.1/p/${i}`, canonicalUrl: null, contentHash: contentHash(p.title, p.text),
      author: null, title: p.title || p.text.slice(0, 20), text: p.text, publishedAt: p.at,
    };
    ids.push(...insertItems(t.db, sources[p.source].id, [row], p.at));
  });
  return ids;
}

describe("analysis in the ledger", () => {
  it("stores sentiment, keywords and repost groups for every item, and collapses copies", async () => {
    const ids = seed();
    expect(await t.analysis.drain()).toBe(5);
    const m = await t.userClient("monitor");
    const all = (await m.get("/api/items?limit=50")).json();
    const byId = new Map(all.items.map((i: { id: number }) => [i.id, i]));
    const a = (id: number) => (byId.get(id) as { analysis: { sentiment: { label: string }; repostCount: number; isOriginal: boolean; dupGroup: string; keywords: string[]; eventId: number } }).analysis;
    expect(a(ids[0]).sentiment.label).toBe("neg");
    expect(a(ids[4]).sentiment.label).toBe("pos");
    expect(a(ids[0]).keywords.length).toBeGreaterThan(0);
    expect(a(ids[0]).dupGroup).toBe(a(ids[1]).dupGroup);
    expect(a(ids[0]).dupGroup).toBe(a(ids[2]).dupGroup);
    expect(a(ids[3]).dupGroup).not.toBe(a(ids[0]).dupGroup);
    expect(a(ids[0])).toMatchObject({ repostCount: 2, isOriginal: true });
    expect(a(ids[1])).toMatchObject({ repostCount: 2, isOriginal: false });
    expect(a(ids[0]).eventId).toBe(a(ids[2]).eventId);
    expect(a(ids[3]).eventId).not.toBe(a(ids[0]).eventId);

    const collapsed = (await m.get("/api/items?collapse=1&limit=50")).json();
    expect(collapsed.items.map((i: { id: number }) => i.id).sort()).toEqual([ids[0], ids[3], ids[4]].sort());
    // Copies fold under their first post only when it is among the results: a group whose first post
    // fails the filter lists its matching copies instead of vanishing.
    const idsOf = async (query: string) => (await m.get(`/api/items?collapse=1&limit=50&${query}`)).json().items.map((i: { id: number }) => i.id);
    const forum = (byId.get(ids[1]) as { sourceId: number }).sourceId;
    expect(await idsOf(`sourceId=${forum}`)).toEqual([ids[2], ids[1]]);
    expect(await idsOf(`q=${encodeURIComponent("太过分")}`)).toEqual([ids[2]]);
    expect(await idsOf(`q=${encodeURIComponent("乱收费")}`)).toEqual([ids[0]]);
    expect(await idsOf(`q=${encodeURIComponent("乱收费")}&sourceId=${forum}`)).toEqual([ids[2], ids[1]]);
    expect(await idsOf(`q=${encodeURIComponent("乱收费")}&sentiment=neg`)).toEqual([ids[0]]);

    const group = (await m.get(`/api/reposts/${encodeURIComponent(a(ids[0]).dupGroup)}`)).json();
    expect(group.size).toBe(3);
    expect(group.first.itemId).toBe(ids[0]);
    expect(group.sources.map((s: { name: string }) => s.name)).toEqual(["青禾新闻网", "青禾论坛"]);
    expect(group.timeline.reduce((n: number, h: { count: number }) => n + h.count, 0)).toBe(3);

    const neg = (await m.get("/api/items?sentiment=neg&limit=50")).json();
    expect(neg.items.map((i: { id: number }) => i.id)).toContain(ids[0]);
    expect(neg.items.map((i: { id: number }) => i.id)).not.toContain(ids[4]);
  });

  it("renames a repost group after its first post's source is deleted, and later copies join it", async () => {
    const ids = seed();
    await t.analysis.drain();
    const admin = await t.userClient("admin");
    const news = (t.db.sqlite.prepare("SELECT source_id FROM items WHERE id = ?").get(ids[0]) as { source_id: number }).source_id;
    expect((await admin.del(`/api/sources/${news}`)).statusCode).toBe(204);
    // The two forum copies remain; the earlier one now names the group, so the collapsed ledger shows it.
    const collapsed = (await admin.get("/api/items?collapse=1&limit=50")).json();
    expect(collapsed.items.map((i: { id: number }) => i.id)).toEqual([ids[1]]);
    const group = (await admin.get(`/api/reposts/${ids[1]}`)).json();
    expect(group).toMatchObject({ size: 2, first: { itemId: ids[1] } });
    // A new copy joins the renamed group (the analyser was told), not the deleted post's.
    const forum = (t.db.sqlite.prepare("SELECT source_id FROM items WHERE id = ?").get(ids[1]) as { source_id: number }).source_id;
    const [late] = insertItems(t.db, forum, [{
      guid: "late", url: null, canonicalUrl: null, contentHash: contentHash("", `${FEE}！！`), author: null, title: "又见乱收费", text: `${FEE}！！`,
      publishedAt: T0 + 6 * HOUR,
    }], T0 + 6 * HOUR);
    await t.analysis.drain();
    const dup = (id: number) => (t.db.sqlite.prepare("SELECT dup_group FROM items WHERE id = ?").get(id) as { dup_group: string }).dup_group;
    expect([dup(ids[1]), dup(ids[2]), dup(late)]).toEqual([String(ids[1]), String(ids[1]), String(ids[1])]);
  });

  it("starts a new group for a copy of a post whose every copy was deleted", async () => {
    const ids = seed();
    await t.analysis.drain();
    const admin = await t.userClient("admin");
    for (const id of [ids[0], ids[1]]) {
      const source = (t.db.sqlite.prepare("SELECT source_id FROM items WHERE id = ?").get(id) as { source_id: number } | undefined)?.source_id;
      if (source !== undefined) expect((await admin.del(`/api/sources/${source}`)).statusCode).toBe(204);
    }
    const fresh = insertSource(t.db, { name: "青禾论坛2", kind: "rss", url: "http://127.0.0.1/2", intervalSeconds: 300, priority: 3, enabled: true });
    const [copy] = insertItems(t.db, fresh.id, [{
      guid: "again", url: null, canonicalUrl: null, contentHash: contentHash("", FEE), author: null, title: "禾溪镇小学被指乱收费", text: FEE, publishedAt: T0 + 7 * HOUR,
    }], T0 + 7 * HOUR);
    await t.analysis.drain();
    expect((t.db.sqlite.prepare("SELECT dup_group FROM items WHERE id = ?").get(copy) as { dup_group: string }).dup_group).toBe(String(copy));
    expect((await admin.get("/api/items?collapse=1&limit=50")).json().items.map((i: { id: number }) => i.id)).toEqual([copy]);
  });

  it("keeps an analyst's sentiment correction, audits it, and refuses it to a leader", async () => {
    const ids = seed();
    await t.analysis.drain();
    const leader = await t.userClient("leader");
    expect((await leader.post(`/api/items/${ids[3]}/sentiment`, { label: "neg" })).statusCode).toBe(403);
    const m = await t.userClient("monitor");
    const res = await m.post(`/api/items/${ids[3]}/sentiment`, { label: "neg" });
    expect(res.statusCode).toBe(200);
    expect(res.json().analysis.sentiment).toMatchObject({ label: "neg", corrected: true });
    expect((await m.post(`/api/items/${ids[3]}/sentiment`, { label: "bad" })).statusCode).toBe(400);
    const audit = t.db.sqlite.prepare("SELECT summary FROM audit_log WHERE action = 'item.sentiment'").all() as { summary: string }[];
    expect(audit).toHaveLength(1);
    expect((await m.get("/api/sentiment/model")).json()).toMatchObject({ active: null, corrections: 1 });
    const train = await m.post("/api/sentiment/train");
    expect(train.statusCode).toBe(400);
    expect(train.json().code).toBe("not_enough_examples");
  });
});

describe("watches", () => {
  it("rejects a malformed query naming the position, back-fills matches and previews with highlights", async () => {
    const ids = seed();
    await t.analysis.drain();
    const m = await t.userClient("monitor");
    const bad = await m.post("/api/watches", { name: "坏的", query: "(乱收费 | 补课费" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("invalid_query");
    expect(bad.json().fields.query).toMatch(/第 \d+ 个字符/);

    const preview = (await m.post("/api/watches/preview", { query: "乱收费 -公交" })).json();
    expect(preview.matched).toBe(3);
    const first = preview.items[0];
    const span = first.spans.find((s: { field: string }) => s.field === "text");
    expect(first.text.slice(span.start, span.end)).toBe("乱收费");

    const created = await m.post("/api/watches", { name: "教育收费", query: "乱收费 | 补课费" });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: "教育收费", matchCount: 3, enabled: true });
    const wid = created.json().id;
    const matched = (await m.get(`/api/items?watchId=${wid}&limit=50`)).json();
    expect(matched.items.map((i: { id: number }) => i.id).sort()).toEqual(ids.slice(0, 3).sort());
    expect(matched.items[0].analysis.watches[0]).toMatchObject({ id: wid, name: "教育收费" });

    // New items are matched by the pipeline as they are analysed.
    const src = t.db.sqlite.prepare("SELECT id FROM sources LIMIT 1").get() as { id: number };
    const more = insertItems(t.db, src.id, [{
      guid: "late", url: null, canonicalUrl: null, contentHash: "late", author: null, title: "又有家长反映补课费",
      text: "禾溪镇中学也在收补课费。", publishedAt: Date.now(),
    }]);
    await t.analysis.drain();
    expect((await m.get(`/api/items?watchId=${wid}&limit=50`)).json().total).toBe(4);
    expect(more).toHaveLength(1);

    const edited = await m.patch(`/api/watches/${wid}`, { query: "公交" });
    expect(edited.json().matchCount).toBe(1);
    // A PATCH changes only what it names: a disabled watch stays disabled when renamed.
    expect((await m.patch(`/api/watches/${wid}`, { enabled: false })).json().enabled).toBe(false);
    expect((await m.patch(`/api/watches/${wid}`, { name: "公交线路" })).json()).toMatchObject({ name: "公交线路", enabled: false });
    expect((await m.del(`/api/watches/${wid}`)).statusCode).toBe(204);
    expect((await m.get("/api/watches")).json().watches).toEqual([]);
  });
});

describe("events", () => {
  it("lists events with risk reasons, merges, splits and overrides risk", async () => {
    const ids = seed();
    await t.analysis.drain();
    const m = await t.userClient("monitor");
    const list = (await m.get("/api/events")).json();
    expect(list.total).toBeGreaterThanOrEqual(2);
    const item = (await m.get(`/api/items/${ids[0]}`)).json();
    const feeEvent = item.analysis.eventId;
    expect(item.analysis.eventTitle).toBeTruthy();
    const detail = (await m.get(`/api/events/${feeEvent}`)).json();
    expect(detail.size).toBe(3);
    expect(detail.sentimentMix.neg).toBeGreaterThanOrEqual(2);
    expect(detail.risk.reasons.length).toBeGreaterThan(0);
    expect(detail.sources.map((s: { name: string }) => s.name).sort()).toEqual(["青禾新闻网", "青禾论坛"]);

    const busEvent = (await m.get(`/api/items/${ids[3]}`)).json().analysis.eventId;
    const merged = await m.post(`/api/events/${feeEvent}/merge`, { eventId: busEvent });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().size).toBe(4);
    expect((await m.get(`/api/events/${busEvent}`)).statusCode).toBe(404);

    const split = await m.post(`/api/events/${feeEvent}/split`, { itemIds: [ids[3]] });
    expect(split.statusCode).toBe(200);
    const newId = split.json().eventId;
    expect((await m.get(`/api/events/${newId}`)).json().size).toBe(1);
    expect((await m.get(`/api/events/${feeEvent}`)).json().size).toBe(3);

    const over = await m.post(`/api/events/${feeEvent}/risk`, { level: "major" });
    expect(over.json().risk).toMatchObject({ level: "major", overridden: true });
    const back = await m.post(`/api/events/${feeEvent}/risk`, { level: null });
    expect(back.json().risk.overridden).toBe(false);
    const renamed = await m.patch(`/api/events/${feeEvent}`, { title: "禾溪镇小学收费问题" });
    expect(renamed.json().title).toBe("禾溪镇小学收费问题");
    expect((await m.get(`/api/items/${ids[0]}`)).json().analysis.eventTitle).toBe("禾溪镇小学收费问题");
    const actions = (t.db.sqlite.prepare("SELECT action FROM audit_log WHERE target_type = 'event'").all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(["event.merge", "event.split", "event.risk", "event.risk", "event.title"]);
  });
});

describe("user dictionary", () => {
  it("adds, rejects duplicates and bad words, and deletes", async () => {
    const m = await t.userClient("monitor");
    const added = await m.post("/api/dictionary", { word: "禾溪镇", kind: "place" });
    expect(added.statusCode).toBe(201);
    expect((await m.post("/api/dictionary", { word: "禾溪镇", kind: "place" })).statusCode).toBe(409);
    const bad = await m.post("/api/dictionary", { word: "有 空格", kind: "term" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.word).toBeTruthy();
    expect((await m.get("/api/dictionary")).json().words.map((w: { word: string }) => w.word)).toEqual(["禾溪镇"]);
    expect((await m.del(`/api/dictionary/${added.json().id}`)).statusCode).toBe(204);
    expect((await m.get("/api/dictionary")).json().words).toEqual([]);
  });
});

describe("analysis thread", () => {
  it("stores the same results when the stateless part runs on the analysis thread", async () => {
    const ids = seed();
    const { createAnalysisWorker } = await import("../../jobs/analyse-items");
    const threaded = createAnalysisWorker(t.db, () => {}, { autostart: false, thread: true });
    try {
      expect(await threaded.drain()).toBe(5);
    } finally {
      await threaded.stop();
    }
    const rows = t.db.sqlite.prepare("SELECT id, sentiment, dup_group, event_id, keywords FROM items ORDER BY id").all() as {
      id: number; sentiment: string; dup_group: string; event_id: number; keywords: string;
    }[];
    expect(rows[0].sentiment).toBe("neg");
    expect(rows[4].sentiment).toBe("pos");
    expect(rows[1].dup_group).toBe(String(ids[0]));
    expect(rows[2].dup_group).toBe(String(ids[0]));
    expect(rows[2].event_id).toBe(rows[0].event_id);
    expect(JSON.parse(rows[0].keywords).length).toBeGreaterThan(0);
    expect((t.db.sqlite.prepare("SELECT count(*) AS n FROM items WHERE analysed_at IS NULL").get() as { n: number }).n).toBe(0);
  });
});

describe("event snapshots", () => {
  it("are held back while a stream keeps coming and stored when the worker stops", async () => {
    const ids = seed();
    // Analyse the fee posts first, then the bus and praise posts as a later batch.
    t.db.sqlite.prepare("UPDATE items SET analysed_at = 0 WHERE id IN (?, ?)").run(ids[3], ids[4]);
    const { createAnalysisWorker } = await import("../../jobs/analyse-items");
    const worker = createAnalysisWorker(t.db, () => {}, { autostart: false });
    const withState = () =>
      (t.db.sqlite.prepare("SELECT id FROM events WHERE state IS NOT NULL ORDER BY id").all() as { id: number }[]).map((r) => r.id);
    const eventOf = (id: number) => (t.db.sqlite.prepare("SELECT event_id FROM items WHERE id = ?").get(id) as { event_id: number }).event_id;
    try {
      expect(await worker.drain()).toBe(3);
      expect(withState()).toEqual([eventOf(ids[0])]);
      t.db.sqlite.prepare("UPDATE items SET analysed_at = NULL WHERE id IN (?, ?)").run(ids[3], ids[4]);
      expect(await worker.drain()).toBe(2);
      expect(eventOf(ids[3])).not.toBe(eventOf(ids[0]));
      expect(withState()).toEqual([eventOf(ids[0])]); // the later batch came within SNAPSHOT_EVERY_MS
    } finally {
      await worker.stop();
    }
    expect(withState()).toEqual([...new Set([eventOf(ids[0]), eventOf(ids[3]), eventOf(ids[4])])].sort((a, b) => a - b));
    const { loadAnalyser } = await import("../../jobs/load-analyser");
    const restarted = loadAnalyser(t.db);
    expect(restarted.events.open(Date.now())).toEqual(expect.arrayContaining([eventOf(ids[3]), eventOf(ids[4])]));
  });
});
