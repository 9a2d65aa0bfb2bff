// A ledger database for the benchmarks: generated items in 5 sources with analysis results set
// directly (sentiment, repost groups, events) and 5 watches' matches, so that every ledger filter has
// rows to find. BENCH_DB_CACHE=<dir> keeps the file there and reuses it (building 1M items takes minutes).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "../../src/db/connection";
import { migrate } from "../../src/db/migrate";
import { insertItems, type NewItem } from "../../src/store/items";
import { insertSource } from "../../src/store/sources";
import { createEventRow } from "../../src/store/events";
import { insertWatch } from "../../src/store/watches";
import { contentHash, generateChineseItems } from "../../src/ingest";

const BATCH = 1000;
const SENTIMENTS = ["neg", "neu", "pos"] as const;
/** Watches and the share of items each matches (a broad one, a middling one, rare ones). */
const WATCH_SHARES = [0.2, 0.05, 0.01, 0.002, 0.0005];
const VERSION = 2;

/** What the benchmarks filter by. */
export interface LedgerDbInfo { sourceIds: number[]; watchIds: number[]; eventIds: number[]; items: number; insertSeconds: number }

/** A built ledger database, open; `done` closes it (and deletes it unless cached). */
export interface LedgerDb { db: Db; file: string; info: LedgerDbInfo; done(): void }

// Cheap deterministic pseudo-random numbers, so a cached file and a fresh one hold the same data.
function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function build(db: Db, total: number): LedgerDbInfo {
  const sources = [1, 2, 3, 4, 5].map((i) =>
    insertSource(db, { name: `bench-${i}`, kind: "rss", url: `http://127.0.0.1/${i}`, intervalSeconds: 300, priority: 3, enabled: true }).id,
  );
  const now = Date.now();
  const events = Array.from({ length: 2000 }, () => createEventRow(db, now));
  const watches = WATCH_SHARES.map((s, i) => insertWatch(db, { name: `bench-watch-${i}`, query: `bench${i}`, enabled: true, createdBy: null }));
  const r = rand(42);
  const analyse = db.sqlite.prepare("UPDATE items SET analysed_at = ?, sentiment = ?, dup_group = ?, event_id = ? WHERE id = ?");
  const match = db.sqlite.prepare("INSERT INTO watch_matches (watch_id, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
  const firstOf = db.sqlite.prepare("UPDATE items SET dup_group = CAST(id AS TEXT) WHERE id = ? AND dup_group IS NULL");
  let inserted = 0;
  let seq = 0;
  let secs = 0;
  while (inserted < total) {
    const n = Math.min(BATCH, total - inserted);
    const docs = generateChineseItems(n, ++seq);
    const rows: NewItem[] = docs.map((d, i) => ({
      guid: `b${seq}-${i}`, url: null, canonicalUrl: null, contentHash: contentHash(d.title, `${d.text}#${seq}-${i}`),
      author: null, title: d.title, text: d.text, publishedAt: now - (total - inserted - i) * 1000,
    }));
    const t0 = process.hrtime.bigint();
    const ids = insertItems(db, sources[seq % sources.length], rows, now);
    secs += Number(process.hrtime.bigint() - t0) / 1e9;
    if (ids.length === 0) throw new Error("bench: generator produced only duplicates");
    db.tx(() => {
      for (const id of ids) {
        // ~15% of items are copies of one of the previous ~2,000 items (the first post of a group).
        let group: string | null = null;
        if (id > 2000 && r() < 0.15) {
          const first = id - 1 - Math.floor(r() * 2000);
          firstOf.run(first);
          group = String(first);
        }
        const event = r() < 0.3 ? events[Math.floor(r() * r() * events.length)] : null;
        analyse.run(now, SENTIMENTS[Math.floor(r() * 3)], group, event, id);
        for (let w = 0; w < watches.length; w++) if (r() < WATCH_SHARES[w]) match.run(watches[w], id);
      }
    });
    inserted += ids.length;
  }
  // The totals the analysis keeps beside its rows (searches read them to pick a plan).
  db.sqlite.exec(`UPDATE watches SET match_count = (SELECT count(*) FROM watch_matches m WHERE m.watch_id = watches.id);
    UPDATE events SET size = (SELECT count(*) FROM items i WHERE i.event_id = events.id)`);
  db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  db.sqlite.exec("ANALYZE");
  return { sourceIds: sources, watchIds: watches, eventIds: events, items: inserted, insertSeconds: secs };
}

/** Opens (building it first unless BENCH_DB_CACHE holds one) a ledger database of `total` items. */
export function ledgerDb(total: number): LedgerDb {
  const cacheDir = process.env.BENCH_DB_CACHE;
  const dir = cacheDir ?? mkdtempSync(path.join(os.tmpdir(), "tingfeng-bench-"));
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const file = path.join(dir, `ledger-v${VERSION}-${total}.db`);
  const cached = cacheDir !== undefined && existsSync(file);
  const db = openDb(file);
  migrate(db);
  let info: LedgerDbInfo;
  if (cached) {
    const ids = (sql: string) => (db.sqlite.prepare(sql).pluck().all() as number[]);
    info = {
      sourceIds: ids("SELECT id FROM sources ORDER BY id"), watchIds: ids("SELECT id FROM watches ORDER BY id"),
      eventIds: ids("SELECT id FROM events ORDER BY id"), items: (db.sqlite.prepare("SELECT count(*) FROM items").pluck().get() as number), insertSeconds: 0,
    };
  } else {
    info = build(db, total);
  }
  return {
    db, file, info,
    done() {
      db.close();
      if (!cacheDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
