// Builds the fixture database of one released schema version: the migrations up to it, then rows in
// every table (foreign keys pointing at real parents), so the upgrade test migrates a database that has
// data everywhere. Run: node --import tsx src/db/testdata/make-fixture.ts 32   → schema-0032.db.gz (gzipped:
// ~100 tables and indexes of one or two 4 KB pages each are mostly empty space).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDb } from "../connection";
import { listMigrations } from "../migrate";
import { registerSqlFunctions } from "../sql-functions";

const version = Number(process.argv[2]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), `schema-${String(version).padStart(4, "0")}.db`);
rmSync(out, { force: true });
const db = openDb(out);
registerSqlFunctions(db.sqlite);
db.sqlite.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
for (const m of listMigrations().filter((m) => m.version <= version)) {
  db.sqlite.exec(m.sql);
  db.sqlite.prepare("INSERT INTO schema_migrations VALUES (?, ?, 0)").run(m.version, m.name);
}

interface Col { name: string; type: string; notnull: number; pk: number; dflt_value: string | null }
interface Fk { table: string; from: string; to: string | null }
const tables = (db.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").all() as { name: string; sql: string }[]);
const virtual = tables.filter((t) => /^CREATE VIRTUAL/i.test(t.sql)).map((t) => t.name);
const plain = tables.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`))).map((t) => t.name);

// Parents first.
const fks = new Map(plain.map((t) => [t, db.sqlite.prepare(`PRAGMA foreign_key_list("${t}")`).all() as Fk[]]));
const order: string[] = [];
const visit = (t: string, seen: Set<string>): void => {
  if (order.includes(t) || seen.has(t)) return;
  seen.add(t);
  for (const fk of fks.get(t) ?? []) if (fk.table !== t && plain.includes(fk.table)) visit(fk.table, seen);
  order.push(t);
};
for (const t of plain) visit(t, new Set());

const ROWS = 3;
const value = (c: Col, i: number, fk: Fk | undefined): unknown => {
  if (fk) return i;
  const type = c.type.toUpperCase();
  if (type.includes("INT")) return c.name.endsWith("_at") ? 1_780_000_000_000 + i * 60_000 : i;
  if (type.includes("REAL")) return i / 2;
  if (type.includes("BLOB")) return Buffer.from([i]);
  if (/config|sections|steps|terms|ids|hosts|rules|content|summary|payload|spans|data/.test(c.name)) return c.name === "content" ? "{}" : "[]";
  if (c.name.endsWith("_on") || c.name.endsWith("date") || c.name.startsWith("period_")) return `2026-0${i}-1${i}`;
  return `${c.name}-${i}`;
};
let filled = 0;
for (const t of order) {
  const cols = db.sqlite.prepare(`PRAGMA table_info("${t}")`).all() as Col[];
  const byFrom = new Map((fks.get(t) ?? []).map((f) => [f.from, f]));
  for (let i = 1; i <= ROWS; i++) {
    // A single INTEGER PRIMARY KEY is the rowid: SQLite numbers it.
    const rowid = cols.filter((c) => c.pk > 0).length === 1 ? cols.find((c) => c.pk === 1 && c.type.toUpperCase() === "INTEGER") : undefined;
    const use = cols.filter((c) => c !== rowid);
    const sql = `INSERT INTO "${t}" (${use.map((c) => `"${c.name}"`).join(", ")}) VALUES (${use.map(() => "?").join(", ")})`;
    try {
      db.sqlite.prepare(sql).run(...use.map((c) => value(c, i, byFrom.get(c.name))) as never[]);
      filled++;
    } catch (err) {
      console.error(`${t} row ${i}: ${(err as Error).message}`);
    }
  }
}
db.sqlite.pragma("journal_mode = DELETE");
db.sqlite.exec("VACUUM");
db.close();
writeFileSync(`${out}.gz`, gzipSync(readFileSync(out), { level: 9 }));
rmSync(out);
console.log(`${out}.gz: ${filled} rows in ${order.length} tables`);
