// Every migration is run from the previous released schemas with data in every table (fixture databases
// in testdata/, built by make-fixture.ts): the upgrade completes, loses no row, leaves the database intact
// with its foreign keys satisfied, and `openRuntime` backs the data folder up before it migrates.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openDb } from "./connection";
import { listMigrations, migrate } from "./migrate";
import { tableCounts } from "../ops/manifest";
import { openRuntime } from "../cli/runtime";

const testdata = path.join(path.dirname(fileURLToPath(import.meta.url)), "testdata");
const fixtures = readdirSync(testdata).filter((f) => /^schema-\d{4}\.db\.gz$/.test(f)).sort();
const work = mkdtempSync(path.join(os.tmpdir(), "tingfeng-upgrade-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The fixture unpacked into `dir`/tingfeng.db. */
function unpack(fixture: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "tingfeng.db");
  writeFileSync(file, gunzipSync(readFileSync(path.join(testdata, fixture))));
  return file;
}

describe("upgrades from released schemas", () => {
  it("has fixtures, the newest being the schema before the current one's latest migrations", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
    expect(fixtures).toContain("schema-0032.db.gz");
  });

  it.each(fixtures)("%s migrates to the current schema keeping every row", (fixture) => {
    const from = Number(fixture.slice(7, 11));
    const db = openDb(unpack(fixture, path.join(work, fixture)));
    const before = tableCounts(db.sqlite);
    expect(Object.values(before).every((n) => n > 0)).toBe(true);
    const applied = migrate(db);
    expect(applied).toEqual(listMigrations().filter((m) => m.version > from).map((m) => m.version));
    const after = tableCounts(db.sqlite);
    for (const [table, n] of Object.entries(before)) {
      expect({ table, kept: (after[table] ?? 0) >= n }).toEqual({ table, kept: true });
    }
    expect(db.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.sqlite.pragma("foreign_key_check")).toEqual([]);
    // The ledger still searches after the FTS changes.
    expect(db.sqlite.prepare("SELECT count(*) FROM items").pluck().get()).toBe(before.items);
    db.close();
  });

  it("backs the data folder up before migrating a database with data", async () => {
    const dir = path.join(work, "runtime");
    unpack("schema-0029.db.gz", dir);
    const saved = { ...process.env };
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      process.env.TINGFENG_DATA_DIR = dir;
      delete process.env.TINGFENG_BACKUP_DIR;
      const { db, applied } = await openRuntime();
      db.close();
      expect(applied[0]).toBe(30);
    } finally {
      process.env = saved;
      err.mockRestore();
    }
    const backups = readdirSync(path.join(dir, "backups"));
    expect(backups.some((f) => /^pre-migrate-.*\.tar\.gz$/.test(f))).toBe(true);
    expect(existsSync(path.join(dir, "tingfeng.db"))).toBe(true);
  });
});
