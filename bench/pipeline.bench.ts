// Analysis pipeline benchmark: store+index then the full analysis (normalise, segment, keywords,
// sentiment, MinHash/LSH, 100 watches, event assignment, storing results) of generated ~200-char
// Chinese posts, the `analyze` pipeline alone, and the memory of a restarted worker over what was
// stored. Prints figures; never fails on a time. Size: BENCH_PIPELINE_ITEMS (default 100,000).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import os from "node:os";
import path from "node:path";
import { openDb } from "../src/db/connection";
import { migrate } from "../src/db/migrate";
import { insertItems, type NewItem } from "../src/store/items";
import { insertSource } from "../src/store/sources";
import { insertWatch } from "../src/store/watches";
import { drainWithPool, loadAnalyser } from "../src/jobs/analyse-items";
import { PreparePool } from "../src/jobs/prepare-pool";
import { enabledWatches } from "../src/store/watches";
import { RefreshThrottle } from "../src/monitor/refresh-events";
import { Analyser } from "../src/analyse/pipeline";
import { chineseItemStream, contentHash, generateChineseItems } from "../src/ingest";

const here = path.dirname(fileURLToPath(import.meta.url));
const TOTAL = Number(process.env.BENCH_PIPELINE_ITEMS ?? 100_000);
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-pipeline-"));
const db = openDb(path.join(dir, "bench.db"));
migrate(db);
const sources = [1, 2, 3, 4, 5].map((i) =>
  insertSource(db, { name: `来源${i}`, kind: "rss", url: `http://127.0.0.1/${i}`, intervalSeconds: 300, priority: i, enabled: true }),
);

// 100 watches built from words of the generated corpus, in the shapes offices write.
function watchQueries(): string[] {
  const words = new Set<string>();
  for (const d of generateChineseItems(2000, 4242)) for (const m of d.text.matchAll(/[\p{Script=Han}]{2,4}/gu)) words.add(m[0].slice(0, 2 + (words.size % 3)));
  const w = [...words];
  const pick = (i: number) => w[(i * 7919) % w.length];
  return Array.from({ length: 100 }, (_, i) => {
    const k = i * 10;
    switch (i % 4) {
      case 0: return `${pick(k)} ${pick(k + 1)}`;
      case 1: return `(${pick(k)} | ${pick(k + 1)} | ${pick(k + 2)}) -${pick(k + 3)}`;
      case 2: return `"${pick(k)}" NEAR/20 ${pick(k + 1)}`;
      default: return `${pick(k)} | ${pick(k + 1)} | ${pick(k + 2)} | ${pick(k + 3)} | ${pick(k + 4)}`;
    }
  });
}
watchQueries().forEach((query, i) => insertWatch(db, { name: `方案${i + 1}`, query, enabled: true, createdBy: null }));

try {
  // ~200-character posts, generated as they are stored so the process holds no corpus.
  const posts = () => chineseItemStream(99, { min: 190, max: 210, history: 5000 });
  const start = Date.now() - TOTAL * 2000;

  // The `analyze` pipeline alone (no database), on the first 20,000 posts.
  const alone = new Analyser({ watches: watchQueries().map((query, i) => ({ id: i + 1, query })) });
  const firstPosts = posts();
  const sample = Array.from({ length: Math.min(20_000, TOTAL) }, () => firstPosts.next().value);
  const avg = sample.reduce((n, d) => n + d.text.length, 0) / sample.length;
  let t0 = performance.now();
  sample.forEach((d, i) => alone.analyse({ id: i + 1, title: d.title, text: d.text, source: "来源1", publishedAt: start + i * 2000 }));
  const aloneSecs = (performance.now() - t0) / 1000;
  console.log(`analyze pipeline alone: ${fmt(sample.length / aloneSecs)} items/s (${fmt(sample.length)} posts of ${fmt(avg)} chars on average, 100 watches)`);

  // Store+index and analysis with results stored, as the server does it.
  const analyser = loadAnalyser(db);
  const throttle = new RefreshThrottle();
  // As `tingfeng serve` runs it: the stateless part on a second thread, pipelined with the commits.
  const threads = Number(process.env.BENCH_PIPELINE_THREADS ?? 1);
  const pool = new PreparePool(threads);
  await pool.settings({ watches: enabledWatches(db), userWords: [], model: null });
  analyser.preparer.setWatches(enabledWatches(db));
  let storeSecs = 0;
  let analyseSecs = 0;
  const stream = posts();
  for (let b = 0; b < TOTAL; b += 1000) {
    const chunk = Array.from({ length: Math.min(1000, TOTAL - b) }, () => stream.next().value);
    const rows: NewItem[] = chunk.map((d, i) => ({
      guid: `p${b + i}`, url: null, canonicalUrl: null, contentHash: contentHash(d.title, `${d.text}#${b + i}`),
      author: null, title: d.title, text: d.text, publishedAt: start + (b + i) * 2000,
    }));
    t0 = performance.now();
    insertItems(db, sources[(b / 1000) % sources.length].id, rows, start + (b + 1000) * 2000);
    storeSecs += (performance.now() - t0) / 1000;
    t0 = performance.now();
    await drainWithPool(db, analyser, pool, throttle, () => false);
    analyseSecs += (performance.now() - t0) / 1000;
  }
  await pool.close();
  const stats = db.sqlite.prepare("SELECT count(DISTINCT event_id) AS events, count(DISTINCT dup_group) AS groups, (SELECT count(*) FROM watch_matches) AS matches FROM items").get() as { events: number; groups: number; matches: number };
  console.log(`store+index: ${fmt(TOTAL / storeSecs)} items/s; analyse+store results: ${fmt(TOTAL / analyseSecs)} items/s`);
  console.log(`full pipeline (store, index, analyse, store results; ${threads} analysis thread(s)): ${fmt(TOTAL / (storeSecs + analyseSecs))} items/s over ${fmt(TOTAL)} items`);
  console.log(`found ${fmt(stats.events)} events, ${fmt(stats.groups)} near-duplicate groups, ${fmt(stats.matches)} watch matches`);
  console.log(`RSS after analysing: ${fmt(process.memoryUsage().rss / 1e6)} MB`);

  // A restarted worker in a fresh process: state rebuilt from what is stored.
  db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(here, "lib/restart-rss.ts"), path.join(dir, "bench.db"), String(start + TOTAL * 2000)], { encoding: "utf8" });
  process.stdout.write(child.stdout || child.stderr);
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
