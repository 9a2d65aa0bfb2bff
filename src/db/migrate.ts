// Applies the numbered, forward-only SQL migrations in src/db/migrations, each in its own transaction.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { Db } from "./connection";
import { registerSqlFunctions } from "./sql-functions";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** One migration file: NNNN_name.sql. */
export interface Migration { version: number; name: string; sql: string }

/** Lists the migrations shipped with this build, in order. */
export function listMigrations(): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f.slice(5, -4), sql: readFileSync(path.join(dir, f), "utf8") }));
}

/**
 * Applies pending migrations; returns the versions applied now. When a database that has data is
 * upgraded, `progress` hears of each migration before it runs and after, with its milliseconds
 * (some rebuild an index over every item: ~36 s at 1M items); a new database is created silently.
 */
export function migrate(db: Db, progress?: (m: Migration, ms?: number) => void): number[] {
  db.sqlite.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)",
  );
  const done = new Set(
    (db.sqlite.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map((r) => r.version),
  );
  refuseNewer(done);
  const applied: number[] = [];
  const tell = done.size > 0 ? progress : undefined;
  registerSqlFunctions(db.sqlite);
  for (const m of listMigrations()) {
    if (done.has(m.version)) continue;
    tell?.(m);
    const t0 = performance.now();
    try {
      db.tx(() => {
        db.sqlite.exec(m.sql);
        db.sqlite
          .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
          .run(m.version, m.name, Date.now());
      });
    } catch (cause) {
      throw new Error(`db: migration ${m.version}_${m.name} failed`, { cause });
    }
    applied.push(m.version);
    tell?.(m, performance.now() - t0);
  }
  return applied;
}

/** The newest schema this build knows (its highest migration). */
export function latestSchemaVersion(): number {
  return Math.max(0, ...listMigrations().map((m) => m.version));
}

/** Throws when the database was written by a newer Tingfeng (a migration this build does not ship). */
function refuseNewer(done: ReadonlySet<number>): void {
  const known = latestSchemaVersion();
  const newest = Math.max(0, ...done);
  if (newest > known) {
    throw new Error(
      `db: this database has schema ${newest}, newer than this build knows (${known}); it was written by a newer Tingfeng. ` +
        `Run that version, or restore a backup taken before the upgrade / 数据库版本（${newest}）比本程序（${known}）新，请使用更新的程序版本`,
    );
  }
}

/** The migrations `migrate` would apply to this database now, without applying them. */
export function pendingMigrations(db: Db): Migration[] {
  const has = db.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  const done = new Set(has ? (db.sqlite.prepare("SELECT version FROM schema_migrations").pluck().all() as number[]) : []);
  refuseNewer(done);
  return listMigrations().filter((m) => !done.has(m.version));
}
