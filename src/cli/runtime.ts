// What every command opens: validated config, the migrated database, the package version.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, type Config } from "../config";
import { openDb, type Db } from "../db/connection";
import { migrate, pendingMigrations } from "../db/migrate";
import { backupDataDir, backupFolder } from "../ops/backup";

/** The version in package.json. */
export const VERSION: string = (
  JSON.parse(readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../package.json"), "utf8")) as { version: string }
).version;

/** Path of the SQLite file inside the data folder. */
export function dbFile(config: Config): string {
  return path.join(config.dataDir, "tingfeng.db");
}

/**
 * Loads config and opens the database with migrations applied. Before migrations run on a database that
 * has data, a backup is written to the backup folder (pre-migrate-…), so a failed upgrade can be undone.
 */
export async function openRuntime(): Promise<{ config: Config; db: Db; applied: number[] }> {
  const config = loadConfig();
  const db = openDb(dbFile(config), { busyTimeoutMs: config.dbBusyTimeoutMs });
  const pending = pendingMigrations(db);
  const populated = db.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
  if (pending.length && populated) {
    const out = path.join(backupFolder(config), `pre-migrate-${new Date().toISOString().replace(/[:.]/g, "-")}.tar.gz`);
    process.stderr.write(`${pending.length} migrations to apply: backing up first to ${out}…\n`);
    await backupDataDir({ dataDir: config.dataDir, secretKey: config.secretKey, version: VERSION }, out);
  }
  // On stderr, so that a command's own output (analyze writes JSON lines to stdout) stays clean.
  const applied = migrate(db, (m, ms) =>
    process.stderr.write(ms === undefined ? `applying migration ${String(m.version).padStart(4, "0")}_${m.name}…\n` : `migration ${m.version} done in ${(ms / 1000).toFixed(1)} s\n`),
  );
  return { config, db, applied };
}
