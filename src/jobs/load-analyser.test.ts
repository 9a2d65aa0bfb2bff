import { describe, expect, it } from "vitest";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { insertItems } from "../store/items";
import { insertSource } from "../store/sources";
import { analyseBatch, createAnalysisWorker } from "./analyse-items";
import { loadAnalyser } from "./load-analyser";

const DAY = 86_400_000;
// The worker reads the clock, so the posts are dated around the real now.
const NOW = Date.now();
const POST = "青禾县禾溪镇第一小学家长反映，学校以兴趣班名义每学期额外收取补课费八百元，家长质疑属于乱收费，希望教育局尽快调查处理。";

describe("loadAnalyser", () => {
  it("keeps the stored group names of copies whose first post is older than the index reaches back", async () => {
    const db = openDb(":memory:");
    migrate(db);
    const source = insertSource(db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/1", intervalSeconds: 300, priority: 3, enabled: true });
    const add = (guid: string, text: string, at: number) =>
      insertItems(db, source.id, [{ guid, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: text.slice(0, 20), text, publishedAt: at }], at)[0];
    const dupGroup = (id: number) => (db.sqlite.prepare("SELECT dup_group FROM items WHERE id = ?").get(id) as { dup_group: string }).dup_group;
    const first = add("a", POST, NOW - 20 * DAY);
    const live = loadAnalyser(db, NOW - 20 * DAY);
    analyseBatch(db, live);
    const copy = add("b", `转发：${POST}`, NOW - 10 * DAY);
    analyseBatch(db, live);
    expect(dupGroup(copy)).toBe(String(first));

    // A restart rebuilds the index from the last 14 days only: the first post is out of reach.
    const restarted = loadAnalyser(db, NOW);
    expect(restarted.dedup.groupOf(String(copy))).toBe(String(first));
    const late = add("c", `${POST}太过分了！`, NOW);
    analyseBatch(db, restarted);
    expect(dupGroup(late)).toBe(String(first));

    // The worker loads the index in steps after it starts; its first drain waits for the index.
    const worker = createAnalysisWorker(db, () => {}, { autostart: false });
    const again = add("d", `${POST}！`, NOW + DAY);
    expect(await worker.drain()).toBe(1);
    expect(dupGroup(again)).toBe(String(first));
    await worker.ready;
    expect(worker.analyser.dedup.groupOf(String(late))).toBe(String(first));
    await worker.stop();
    db.close();
  });
});
