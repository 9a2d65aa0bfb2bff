// Ledger benchmark: insert+index throughput, and newest-first search latency at 100k and 1M items.
// Prints figures; never fails on a time. Sizes: BENCH_ITEMS (default 1,000,000).
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "../src/db/connection";
import { migrate } from "../src/db/migrate";
import { insertItems, type NewItem } from "../src/store/items";
import { insertSource } from "../src/store/sources";
import { searchItems } from "../src/store/item-search";
import { contentHash, generateChineseItems } from "../src/ingest";
import { pct, sampleTerms } from "./lib/terms";

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

const TOTAL = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const BATCH = 1000;
const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-bench-"));
const db = openDb(path.join(dir, "bench.db"));
migrate(db);
const sources = [1, 2, 3, 4, 5].map((i) =>
  insertSource(db, { name: `bench-${i}`, kind: "rss", url: `http://127.0.0.1/${i}`, intervalSeconds: 300, priority: 3, enabled: true }),
);

let inserted = 0;
let seq = 0;
function insertUpTo(target: number): { seconds: number; count: number } {
  let secs = 0;
  const start = inserted;
  while (inserted < target) {
    const n = Math.min(BATCH, target - inserted);
    const docs = generateChineseItems(n, ++seq);
    const now = Date.now();
    const rows: NewItem[] = docs.map((d, i) => ({
      guid: `b${seq}-${i}`, url: null, canonicalUrl: null, contentHash: contentHash(d.title, `${d.text}#${seq}-${i}`),
      author: null, title: d.title, text: d.text, publishedAt: now - (target - inserted - i) * 1000,
    }));
    const t0 = process.hrtime.bigint();
    const ids = insertItems(db, sources[seq % sources.length].id, rows, now);
    secs += Number(process.hrtime.bigint() - t0) / 1e9;
    inserted += ids.length;
    if (ids.length === 0) throw new Error("bench: generator produced only duplicates");
  }
  return { seconds: secs, count: inserted - start };
}

function searchFigures(label: string): void {
  for (const len of [2, 4]) {
    const terms = sampleTerms(len, 200);
    searchItems(db, { q: terms[0] }, 20, 0);
    const page: number[] = [];
    const withTotal: number[] = [];
    let hits = 0;
    for (const q of terms) {
      let t0 = process.hrtime.bigint();
      const { rows } = searchItems(db, { q }, 20, 0, { count: false });
      page.push(Number(process.hrtime.bigint() - t0) / 1e6);
      t0 = process.hrtime.bigint();
      const { total } = searchItems(db, { q }, 20, 0);
      withTotal.push(Number(process.hrtime.bigint() - t0) / 1e6);
      hits += rows.length ? 1 : 0;
      void total;
    }
    console.log(
      `${label} ${len}-char queries (n=${terms.length}, ${hits} with hits): newest-first top-20 p50 ${fmt(pct(page, 50))} ms, p95 ${fmt(pct(page, 95))} ms;` +
        ` with total count p50 ${fmt(pct(withTotal, 50))} ms, p95 ${fmt(pct(withTotal, 95))} ms`,
    );
  }
}

try {
  const first = insertUpTo(Math.min(100_000, TOTAL));
  console.log(`insert+index: ${fmt(first.count)} items in ${fmt(first.seconds)} s = ${fmt(first.count / first.seconds)} items/s`);
  searchFigures(`at ${fmt(inserted)} items:`);
  if (TOTAL > inserted) {
    const rest = insertUpTo(TOTAL);
    console.log(`insert+index up to ${fmt(TOTAL)}: ${fmt(rest.count / rest.seconds)} items/s`);
    searchFigures(`at ${fmt(inserted)} items:`);
  }
  db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  console.log(`database size: ${fmt(statSync(path.join(dir, "bench.db")).size / 1e6)} MB; RSS ${fmt(process.memoryUsage().rss / 1e6)} MB`);
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
