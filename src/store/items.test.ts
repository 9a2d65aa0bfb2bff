import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { insertItems, type NewItem } from "./items";
import { deleteSource, insertSource } from "./sources";

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

  const source = (db: Db, n: number) =>
    insertSource(db, { name: `来源${n}`, kind: "rss", url: `http://127.0.0.1/${n}`, intervalSeconds: 300, priority: 1, enabled: true });
  const count = (db: Db) => (db.sqlite.prepare("SELECT count(*) AS n FROM items").get() as { n: number }).n;

  it("sees contents stored by another connection, and by an earlier run", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-items-"));
    try {
      const file = path.join(dir, "t.db");
      const one = openDb(file);
      migrate(one);
      const s = source(one, 1);
      expect(insertItems(one, s.id, [item("g1", "河道发黑")])).toHaveLength(1);
      const other = openDb(file);
      expect(insertItems(other, s.id, [item("g2", "路灯不亮")])).toHaveLength(1);
      // `one` built its keys before `other` stored 路灯不亮, and must not store it again.
      expect(insertItems(one, s.id, [item("g3", "路灯不亮"), item("g4", "河道发黑")])).toEqual([]);
      expect(insertItems(other, s.id, [item("g5", "河道发黑")])).toEqual([]);
      one.close();
      other.close();
      const later = openDb(file);
      expect(insertItems(later, s.id, [item("g6", "路灯不亮"), item("g7", "井盖缺失")])).toHaveLength(1);
      expect(count(later)).toBe(3);
      later.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stores a content again once its item is gone, or when its insert was rolled back", () => {
    const db = openDb(":memory:");
    migrate(db);
    const [a, b] = [source(db, 1), source(db, 2)];
    insertItems(db, a.id, [item("g1", "噪音扰民")]);
    deleteSource(db, a.id);
    expect(insertItems(db, b.id, [item("g1", "噪音扰民")])).toHaveLength(1);
    expect(() =>
      db.tx(() => {
        expect(insertItems(db, b.id, [item("g2", "占道经营")])).toHaveLength(1);
        throw new Error("caller failed");
      }),
    ).toThrow("caller failed");
    expect(insertItems(db, b.id, [item("g2", "占道经营")])).toHaveLength(1);
    // Stored inside a caller's transaction that commits: noted by the next insert's catch-up.
    db.tx(() => insertItems(db, b.id, [item("g3", "停车难")]));
    expect(insertItems(db, b.id, [item("g4", "停车难")])).toEqual([]);
    expect(count(db)).toBe(3);
  });

  it("tells apart contents whose in-memory checks are equal", () => {
    const db = openDb(":memory:");
    migrate(db);
    const s = source(db, 1);
    // The check covers the first 16 characters of the hash only, so these two share it.
    const same = (guid: string, hash: string): NewItem => ({ ...item(guid, hash), contentHash: `0123456789abcdef${hash}` });
    expect(insertItems(db, s.id, [same("g1", "x"), same("g2", "y")])).toHaveLength(2);
    expect(insertItems(db, s.id, [same("g3", "x"), same("g4", "y"), same("g5", "z")])).toHaveLength(1);
    expect(count(db)).toBe(3);
  });
});
