// `tingfeng backup --out FILE` and `tingfeng restore FILE [--force]`: an online backup of the data folder
// (safe while the server runs) and its restore into an empty or stopped data folder (TINGFENG_DATA_DIR).
import path from "node:path";
import { loadConfig } from "../config";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { backupDataDir } from "../ops/backup";
import { restoreBackup } from "../ops/restore";
import { HEADLINE_TABLES, tableCounts } from "../ops/manifest";
import { VERSION, dbFile } from "./runtime";
import { secretKeyFile } from "../alerts/secrets";

const option = (args: string[], name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** Prints table counts, the headline tables first. */
function printCounts(counts: Record<string, number>): void {
  const names = [...HEADLINE_TABLES.filter((t) => t in counts), ...Object.keys(counts).filter((t) => !HEADLINE_TABLES.includes(t)).sort()];
  for (const t of names) console.log(`  ${t.padEnd(28)} ${counts[t]}`);
}

/** `tingfeng backup --out FILE`. */
export async function backupCommand(args: string[]): Promise<number> {
  const out = option(args, "--out");
  if (!out) {
    console.error("usage: tingfeng backup --out FILE.tar.gz");
    return 2;
  }
  const config = loadConfig();
  const t0 = performance.now();
  const m = await backupDataDir({ dataDir: config.dataDir, secretKey: config.secretKey, version: VERSION }, path.resolve(out));
  console.log(`backup written: ${path.resolve(out)} (schema ${m.schemaVersion}, ${m.attachments.count} attachment files, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  printCounts(m.tables);
  if (m.keyFingerprint) console.log(`secrets key fingerprint ${m.keyFingerprint}: keep the key (TINGFENG_SECRET_KEY or ${secretKeyFile(config.dataDir)}) apart from the backups; without it channel secrets and 举报 contacts cannot be read.`);
  return 0;
}

/** `tingfeng restore FILE [--force]`. */
export async function restoreCommand(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("usage: tingfeng restore FILE.tar.gz [--force]   (into TINGFENG_DATA_DIR; stop the server first)");
    return 2;
  }
  const config = loadConfig();
  const r = await restoreBackup(path.resolve(file), { dataDir: config.dataDir, secretKey: config.secretKey }, { force: args.includes("--force") });
  if (r.keptAside) console.log(`the database that was there is kept as ${r.keptAside}`);
  const db = openDb(dbFile(config), { busyTimeoutMs: config.dbBusyTimeoutMs });
  try {
    const applied = migrate(db);
    console.log(`restored ${file} (taken ${r.manifest.createdAt} by version ${r.manifest.version}, schema ${r.manifest.schemaVersion})${applied.length ? `; migrated to schema ${applied[applied.length - 1]}` : ""}`);
    console.log(`attachment files: ${r.attachments}`);
    printCounts(tableCounts(db.sqlite));
  } finally {
    db.close();
  }
  if (r.keyMatches === false) {
    console.error("WARNING: this data folder's secrets key is not the one the backup was taken with: alert channel secrets and 举报 contacts will not decrypt. Put the original key in place (TINGFENG_SECRET_KEY or secret.key) / 警告：密钥与备份时不同，渠道密钥和举报联系方式将无法解密");
  }
  return 0;
}
