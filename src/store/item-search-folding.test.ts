import { describe, expect, it } from "vitest";
import { openDb } from "../db/connection";
import { listMigrations, migrate } from "../db/migrate";
import { registerSqlFunctions } from "../db/sql-functions";
import { contentHash } from "../ingest";
import { insertItems } from "./items";
import { searchItems } from "./item-search";

const texts = ["青禾县學校食堂漲價", "青禾县学校食堂涨价", "醫院門診排隊", "柳溪镇道路施工"];

function store(db: ReturnType<typeof openDb>): number[] {
  // Written with the columns of the first schema: the upgrade test stores into an older release's tables.
  const src = Number(db.sqlite.prepare(
    "INSERT INTO sources (name, kind, url, interval_seconds, priority, enabled, created_at, updated_at) VALUES ('来源', 'rss', 'http://127.0.0.1/1', 300, 1, 1, 0, 0)",
  ).run().lastInsertRowid);
  return insertItems(db, src, texts.map((text, n) => ({
    guid: `g${n}`, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: "", text, publishedAt: (n + 1) * 1000,
  })));
}

const found = (db: ReturnType<typeof openDb>, q: string) => searchItems(db, { q }, 50, 0).rows.map((r) => r.text).sort();

describe("ledger search across traditional and simplified", () => {
  it("finds either form with either form of the query, also mixed and in a collapsed view", () => {
    const db = openDb(":memory:");
    migrate(db);
    store(db);
    const both = [texts[0], texts[1]].sort();
    expect(found(db, "學校")).toEqual(both);
    expect(found(db, "学校")).toEqual(both);
    expect(found(db, "学校 漲价")).toEqual(both); // mixed forms within a query
    expect(found(db, "医院")).toEqual([texts[2]]);
    expect(found(db, "門")).toEqual([texts[2]]); // one character, prefix form
    expect(found(db, "施工")).toEqual([texts[3]]);
    expect(searchItems(db, { q: "學校", collapse: true }, 50, 0).total).toBe(2);
  });

  it("folds an index built before folding when the database is upgraded", () => {
    const db = openDb(":memory:");
    // Up to the migration before the folded index, as an older release left it.
    db.sqlite.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
    registerSqlFunctions(db.sqlite);
    const folding = listMigrations().find((m) => m.name === "fts_fold_traditional");
    expect(folding).toBeDefined();
    for (const m of listMigrations().filter((x) => x.version < folding!.version)) {
      db.sqlite.exec(m.sql);
      db.sqlite.prepare("INSERT INTO schema_migrations VALUES (?, ?, 0)").run(m.version, m.name);
    }
    const ids = store(db);
    // What the older release indexed for the traditional item: its characters unfolded.
    db.sqlite.prepare("DELETE FROM items_fts WHERE rowid = ?").run(ids[0]);
    db.sqlite.prepare("INSERT INTO items_fts (rowid, body) VALUES (?, ?)").run(ids[0], "青禾 禾县 县學 學校 校食 食堂 堂漲 漲價 價");
    expect(found(db, "学校")).toEqual([texts[1]]);
    migrate(db);
    expect(found(db, "学校")).toEqual([texts[0], texts[1]].sort());
  });
});
