import { describe, expect, it } from "vitest";
import { openDb } from "./connection";
import { listMigrations, migrate, pendingMigrations } from "./migrate";
import { registerSqlFunctions } from "./sql-functions";
import { watchMatchesOf } from "../store/analysis";
import { itemIndexText, toMatchQuery } from "../analyse/bigrams";

// A database with the schema as it was before migration `version`, and one source.
function databaseBefore(version: number) {
  const db = openDb(":memory:");
  registerSqlFunctions(db.sqlite);
  db.sqlite.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  for (const m of listMigrations().filter((m) => m.version < version)) {
    db.sqlite.exec(m.sql);
    db.sqlite.prepare("INSERT INTO schema_migrations VALUES (?, ?, 0)").run(m.version, m.name);
  }
  db.sqlite.exec(
    "INSERT INTO sources (id, name, kind, url, interval_seconds, priority, enabled, created_at, updated_at) VALUES (1, 's', 'rss', 'http://127.0.0.1/', 300, 1, 1, 0, 0)",
  );
  return db;
}

describe("migrate", () => {
  it("refuses a database written by a newer version, and lists what an older one would get without applying it", () => {
    const newer = openDb(":memory:");
    migrate(newer);
    newer.sqlite.prepare("INSERT INTO schema_migrations VALUES (9999, 'from_the_future', 0)").run();
    expect(() => migrate(newer)).toThrow(/schema 9999, newer than this build knows/);
    expect(() => pendingMigrations(newer)).toThrow(/newer than this build knows/);
    const old = databaseBefore(30);
    expect(pendingMigrations(old).map((m) => m.version)).toEqual(listMigrations().filter((m) => m.version >= 30).map((m) => m.version));
    expect(old.sqlite.prepare("SELECT max(version) FROM schema_migrations").pluck().get()).toBeLessThan(30);
  });

  it("tells of each migration of an upgrade before it runs and after, with its time; a new database is created silently", () => {
    const heard: string[] = [];
    const listen = (m: { version: number }, ms?: number) => heard.push(ms === undefined ? `start ${m.version}` : `done ${m.version} ${ms >= 0}`);
    const fresh = openDb(":memory:");
    expect(migrate(fresh, listen)).toEqual(listMigrations().map((m) => m.version));
    expect(heard).toEqual([]);
    const old = databaseBefore(13);
    const upgrade = listMigrations().filter((m) => m.version >= 13).map((m) => m.version);
    expect(migrate(old, listen)).toEqual(upgrade);
    expect(heard).toEqual(upgrade.flatMap((v) => [`start ${v}`, `done ${v} true`]));
  });

  it("0008 moves every match's spans into one compact row per item, keeping the matches", () => {
    // The schema as it was before 0008, with matches stored the old way.
    const db = databaseBefore(8);
    db.sqlite.exec(`
      INSERT INTO items (id, source_id, dedup_key, content_hash, title, text, fetched_at) VALUES (1, 1, 'a', 'a', 't', 'x', 0), (2, 1, 'b', 'b', 't', 'y', 0);
      INSERT INTO watches (id, name, query, enabled, created_at, updated_at) VALUES (1, 'A', 'x', 1, 0, 0), (2, 'B', 'y', 1, 0, 0);
      INSERT INTO watch_matches (watch_id, item_id, spans, matched_at) VALUES
        (1, 1, '[{"field":"title","start":0,"end":1},{"field":"text","start":3,"end":5}]', 10),
        (2, 1, '[{"field":"text","start":7,"end":9}]', 11),
        (2, 2, 'not json', 12);`);
    expect(migrate(db)).toEqual(expect.arrayContaining([8, 10, 12]));
    // 0012 keeps the (watch, item) pairs and drops the time they were matched at.
    expect(db.sqlite.prepare("SELECT * FROM watch_matches ORDER BY 1, 2").all()).toEqual([
      { watch_id: 1, item_id: 1 }, { watch_id: 2, item_id: 1 }, { watch_id: 2, item_id: 2 },
    ]);
    expect(db.sqlite.prepare("SELECT item_id, spans FROM item_watch_spans ORDER BY 1").all()).toEqual([
      { item_id: 1, spans: '{"1":[[1,0,1],[0,3,5]],"2":[[0,7,9]]}' }, { item_id: 2, spans: '{"2":[]}' },
    ]);
    expect(watchMatchesOf(db, [1, 2]).get(1)?.map((m) => [m.name, m.spans])).toEqual([
      ["A", [{ field: "title", start: 0, end: 1 }, { field: "text", start: 3, end: 5 }]], ["B", [{ field: "text", start: 7, end: 9 }]],
    ]);
    // 0010 counts the stored matches per watch (items fetched at 0: bucket 0).
    expect(db.sqlite.prepare("SELECT id, match_count FROM watches ORDER BY id").all()).toEqual([{ id: 1, match_count: 1 }, { id: 2, match_count: 2 }]);
    expect(db.sqlite.prepare("SELECT watch_id, bucket, n FROM watch_match_counts ORDER BY 1").all()).toEqual([
      { watch_id: 1, bucket: 0, n: 1 }, { watch_id: 2, bucket: 0, n: 2 },
    ]);
  });

  it("0014 names repost groups of deleted first posts after their earliest remaining post", () => {
    const db = databaseBefore(14);
    // Group "1" lost its first post; group "5" is intact; group "9" lost it and has one copy left.
    db.sqlite.exec(`
      INSERT INTO items (id, source_id, dedup_key, content_hash, title, text, published_at, fetched_at, dup_group) VALUES
        (2, 1, 'b', 'b', 't', 'x', 300, 0, '1'), (3, 1, 'c', 'c', 't', 'x', NULL, 200, '1'), (4, 1, 'd', 'd', 't', 'x', 200, 0, '1'),
        (5, 1, 'e', 'e', 't', 'y', 100, 0, '5'), (6, 1, 'f', 'f', 't', 'y', 50, 0, '5'),
        (10, 1, 'g', 'g', 't', 'z', 100, 0, '9'), (11, 1, 'h', 'h', 't', 'w', 100, 0, NULL);`);
    expect(migrate(db)).toContain(14);
    expect(db.sqlite.prepare("SELECT id, dup_group FROM items ORDER BY id").raw().all()).toEqual([
      [2, "3"], [3, "3"], [4, "3"], [5, "5"], [6, "5"], [10, "10"], [11, null],
    ]);
  });

  it("0013 rebuilds the full-text index with the ascii tokenizer from the stored items", () => {
    const db = databaseBefore(13);
    db.sqlite.exec(`
      INSERT INTO items (id, source_id, dedup_key, content_hash, title, text, fetched_at) VALUES
        (1, 1, 'a', 'a', '青禾县教育局', '回应 iPhone 维修收费', 0), (2, 1, 'b', 'b', '柳溪镇', 'ΛΌΓΟΣ 道路施工', 0);`);
    const index = db.sqlite.prepare("INSERT INTO items_fts (rowid, body) VALUES (?, ?)");
    index.run(1, itemIndexText("青禾县教育局", "回应 iPhone 维修收费")); // item 2 was never indexed (the rebuild adds it)
    const find = (q: string) => db.sqlite.prepare("SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid").pluck().all(toMatchQuery(q));
    expect(find("教育局")).toEqual([1]);
    expect(migrate(db)).toContain(13);
    expect(db.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'items_fts'").pluck().get()).toContain("tokenize='ascii'");
    expect(find("教育局")).toEqual([1]);
    expect(find("iphone 收费")).toEqual([1]);
    expect(find("道路")).toEqual([2]);
    expect(find("λόγος")).toEqual([2]); // folded as the index text is (σ for ς)
    expect(find("县教育 柳溪")).toEqual([]);
  });
});
