// Backup and restore of a ledger of BENCH_BACKUP_ITEMS items (default 200,000; the ledger benchmarks'
// generated database with analysis results and FTS): prints the database size, backup seconds and archive
// size, the same backup while another connection keeps inserting, and the restore's seconds.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ledgerDb } from "./lib/ledger-db";
import { backupDataDir } from "../src/ops/backup";
import { restoreBackup } from "../src/ops/restore";
import { openDb } from "../src/db/connection";
import { insertItems } from "../src/store/items";

const TOTAL = Number(process.env.BENCH_BACKUP_ITEMS ?? 200_000);
const { db, file, info, done } = ledgerDb(TOTAL);
const dir = path.dirname(file);
const out = mkdtempSync(path.join(os.tmpdir(), "tingfeng-backup-bench-"));
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
try {
  db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  console.log(`backup: ${info.items} items, database ${mb(statSync(file).size)} MB`);
  const src = { dataDir: dir, version: "bench", dbPath: file };

  let t = performance.now();
  const quiet = path.join(out, "quiet.tar.gz");
  await backupDataDir(src, quiet);
  console.log(`  backup (idle)            ${((performance.now() - t) / 1000).toFixed(2)} s, archive ${mb(statSync(quiet).size)} MB`);

  // Another connection inserts 100 items every 20 ms while the backup copies.
  const writer = openDb(file);
  let seq = 0;
  const timer = setInterval(() => {
    insertItems(writer, info.sourceIds[0]!, Array.from({ length: 100 }, () => ({ guid: `w${++seq}`, url: null, canonicalUrl: null, contentHash: `w${seq}`, author: null, title: `写入${seq}`, text: `并发写入 ${seq}`, publishedAt: null })));
  }, 20);
  t = performance.now();
  const busy = path.join(out, "busy.tar.gz");
  const m = await backupDataDir(src, busy);
  clearInterval(timer);
  writer.close();
  console.log(`  backup (while writing)   ${((performance.now() - t) / 1000).toFixed(2)} s, ${seq} items inserted meanwhile, snapshot holds ${m.tables.items}`);

  t = performance.now();
  await restoreBackup(quiet, { dataDir: path.join(out, "restored") });
  console.log(`  restore (verify + move)  ${((performance.now() - t) / 1000).toFixed(2)} s`);
} finally {
  done();
  rmSync(out, { recursive: true, force: true });
}
