// `tingfeng migrate [--dry-run]`: applies pending migrations (after a backup when the database has data) and
// exits; --dry-run lists what would run and changes nothing.
import { loadConfig } from "../config";
import { openDb } from "../db/connection";
import { existsSync } from "node:fs";
import { listMigrations, pendingMigrations } from "../db/migrate";
import { dbFile, openRuntime } from "./runtime";

/** Applies migrations, or with --dry-run lists them; prints what was (or would be) applied. */
export async function migrateCommand(args: string[] = []): Promise<number> {
  if (args.includes("--dry-run")) {
    const config = loadConfig();
    if (!existsSync(dbFile(config))) {
      console.log(`no database yet at ${dbFile(config)}: all ${listMigrations().length} migrations would run`);
      return 0;
    }
    const db = openDb(dbFile(config), { readonly: true });
    try {
      const pending = pendingMigrations(db);
      console.log(pending.length ? `would apply ${pending.length} migrations:\n${pending.map((m) => `  ${String(m.version).padStart(4, "0")}_${m.name}`).join("\n")}` : "database is up to date");
    } finally {
      db.close();
    }
    return 0;
  }
  const { db, applied } = await openRuntime();
  db.close();
  console.log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database is up to date");
  return 0;
}
