import { describe, expect, it } from "vitest";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { insertItems, type NewItem } from "./items";
import { insertSource } from "./sources";

const item = (guid: string, text: string): NewItem => ({
  guid, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: "", text, publishedAt: 1000,
});

describe("insertItems", () => {
  it("stores one copy of a content per source, whatever its guid", () => {
    const db = openDb(":memory:");
    migrate(db);
    const [a, b] = [1, 2].map((n) => insertSource(db, { name: `来源${n}`, kind: "rss", url: `http://127.0.0.1/${n}`, intervalSeconds: 300, priority: 1, enabled: true }));
    expect(insertItems(db, a.id, [item("g1", "学校食堂涨价")])).toHaveLength(1);
    // A re-poll with a new guid, the same guid again, and the same content in one batch: nothing new.
    expect(insertItems(db, a.id, [item("g2", "学校食堂涨价"), item("g1", "学校食堂涨价")])).toEqual([]);
    // Another source may carry the same content; new content is stored.
    expect(insertItems(db, b.id, [item("g1", "学校食堂涨价")])).toHaveLength(1);
    expect(insertItems(db, a.id, [item("g3", "学校食堂降价")])).toHaveLength(1);
    expect((db.sqlite.prepare("SELECT count(*) AS n FROM items").get() as { n: number }).n).toBe(3);
  });
});
