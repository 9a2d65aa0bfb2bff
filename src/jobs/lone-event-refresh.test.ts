// A new one-item event is refreshed from the item the batch has in hand instead of reading it back; the
// stored event must be exactly what the full refresh (members and aggregates read from the table) writes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { insertItems } from "../store/items";
import { insertSource } from "../store/sources";
import { refreshEvents } from "../monitor/refresh-events";
import { createAnalysisWorker } from "./analyse-items";

let db: Db;
beforeEach(() => {
  db = openDb(":memory:");
  migrate(db);
});
afterEach(() => db.close());

// Fictional posts about different incidents (each its own event) and two reports of one fire.
const POSTS = [
  ["禾溪镇卫生院夜间无人值班", "昨晚十点孩子发烧，赶到禾溪镇卫生院，急诊室大门紧锁，打电话也没人接，太让人失望了。"],
  ["城西公交3路调整线路", "青禾县交通运输局发布通知，城西公交3路自下周一起调整线路，不再经过老汽车站。"],
  ["柳溪镇中心小学新操场启用", "柳溪镇中心小学新建的塑胶操场今天启用，孩子们终于不用在泥地上跑步了，感谢。"],
  ["石桥乡一仓库起火", "今天下午石桥乡一仓库突发火灾，消防赶到后扑灭，造成两人受伤送医。"],
  ["石桥乡仓库火灾两名伤者已脱离危险", "石桥乡仓库火灾中受伤的两人已脱离生命危险，起火原因正在调查。"],
] as const;

const EVENT_COLUMNS = "id, title, first_at, last_at, size, neg, neu, pos, keywords, risk_level, risk_score, risk_reasons";

describe("refresh of a new one-item event", () => {
  it("stores what the full refresh from the table stores", async () => {
    const src = insertSource(db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1:1/f", intervalSeconds: 300, priority: 2, enabled: true });
    const base = Date.parse("2026-12-01T08:00:00Z");
    insertItems(db, src.id, POSTS.map(([title, text], i) => ({
      guid: `p${i}`, url: null, canonicalUrl: null, contentHash: contentHash(title, text), author: null, title, text, publishedAt: base + i * 60_000,
    })), base + 10 * 60_000);
    const worker = createAnalysisWorker(db, () => {}, { autostart: false });
    try {
      expect(await worker.drain()).toBe(POSTS.length);
    } finally {
      await worker.stop();
    }
    const events = () => db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE size > 0 ORDER BY id`).all();
    const fast = events();
    expect(fast.filter((e) => (e as { size: number }).size === 1).length).toBeGreaterThanOrEqual(3);
    // Every event again through the full refresh, which reads members and aggregates from the table.
    const ids = fast.map((e) => (e as { id: number }).id);
    db.tx(() => refreshEvents(db, ids, Date.now()));
    expect(events()).toEqual(fast);
    expect(fast.every((e) => (e as { title: string }).title !== "")).toBe(true);
  });
});
