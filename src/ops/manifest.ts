// The manifest inside a backup archive: what it holds and how to check it. Also the table counts a
// backup and a restore print, and the fingerprint of the key that encrypts secrets in the database.
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import type Database from "better-sqlite3";
import { z } from "zod";
import { parseKey, secretKeyFile } from "../alerts/secrets";

/** The manifest's name inside the archive. */
export const MANIFEST_NAME = "manifest.json";
/** The database's name inside the archive (and in a data folder). */
export const DB_NAME = "tingfeng.db";

/** manifest.json of a backup. */
export const manifestSchema = z.object({
  format: z.literal("tingfeng-backup"),
  formatVersion: z.literal(1),
  version: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  createdAt: z.string(),
  database: z.object({ file: z.literal(DB_NAME), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  attachments: z.object({ count: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
  tables: z.record(z.string(), z.number().int().nonnegative()),
  /** First 16 hex digits of SHA-256 of the secrets key in use when the backup was taken; null when there was none. */
  keyFingerprint: z.string().nullable(),
});
/** A parsed manifest. */
export type Manifest = z.infer<typeof manifestSchema>;

/** SHA-256 of a file, streamed. */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash("sha256");
    createReadStream(file).on("data", (c) => h.update(c)).on("error", reject).on("end", () => resolve(h.digest("hex")));
  });
}

/** Row counts of every ordinary table (virtual tables and their shadow tables are derived data and skipped). */
export function tableCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string | null }[];
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? "")).map((t) => t.name);
  const counts: Record<string, number> = {};
  for (const t of tables) {
    if (virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`))) continue;
    counts[t.name] = sqlite.prepare(`SELECT count(*) FROM "${t.name.replaceAll('"', '""')}"`).pluck().get() as number;
  }
  return counts;
}

/** The highest migration applied to a database (0 for an empty one). */
export function schemaVersionOf(sqlite: Database.Database): number {
  const has = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  return has ? ((sqlite.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations").pluck().get() as number) ?? 0) : 0;
}

/**
 * The fingerprint of the secrets key a data folder uses (TINGFENG_SECRET_KEY or <data>/secret.key), without
 * creating one: of the key's bytes, so the same key written as hex or as base64 matches.
 */
export function keyFingerprint(secretKey: string | undefined, dataDir: string): string | null {
  const file = secretKeyFile(dataDir);
  const raw = secretKey ?? (existsSync(file) ? readFileSync(file, "utf8") : null);
  if (!raw) return null;
  let key: Buffer;
  try {
    key = parseKey(raw);
  } catch {
    return null;
  }
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

/** The counts a person checks after a restore, in a fixed order (the rest follow in the full list). */
export const HEADLINE_TABLES = ["items", "sources", "events", "alerts", "cases", "case_steps", "board_messages", "reports", "report_versions", "placements", "submissions", "users"];
