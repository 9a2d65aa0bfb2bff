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
import { drainWithPool, flushEventSnapshots } from "../src/jobs/analyse-items";
import { loadAnalyser } from "../src/jobs/load-analyser";
import { pendingCount } from "../src/store/analysis";
import { searchItems, type ItemFilter } from "../src/store/item-search";
import { PreparePool } from "../src/jobs/prepare-pool";
import { enabledWatches } from "../src/store/watches";
import { RefreshThrottle } from "../src/monitor/refresh-events";
import { contentHash } from "../src/ingest";
import { benchPosts, watchQueries } from "./lib/watch-queries";

const here = path.dirname(fileURLToPath(import.meta.url));
const TOTAL = Number(process.env.BENCH_PIPELINE_ITEMS ?? 100_000);
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-pipeline-"));
const db = openDb(path.join(dir, "bench.db"));
migrate(db);
const sources = [1, 2, 3, 4, 5].map((i) =>
  insertSource(db, { name: `来源${i}`, kind: "rss", url: `http://127.0.0.1/${i}`, intervalSeconds: 300, priority: i, enabled: true }),
);

watchQueries().forEach((query, i) => insertWatch(db, { name: `方案${i + 1}`, query, enabled: true, createdBy: null }));

const start = Date.now() - TOTAL * 2000;

// How fast the machine is at the moment (see lib/machine-reference.ts), in a child process.
const reference = () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(here, "lib/machine-reference.ts")], { encoding: "utf8" });
  return `${r.stdout.trim() || r.stderr.trim()} µs per jieba cut of a bench post (20–45 on this machine when quiet, up to 95 when busy)`;
};
try {
  console.log(`machine reference before: ${reference()}`);
  // The `analyze` pipeline alone (no database) in a child process, so that this process holds only
  // what a server holds: the analysis thread and the committing main thread.
  const alone = spawnSync(process.execPath, ["--import", "tsx", path.join(here, "lib/analyze-alone.ts"), String(Math.min(20_000, TOTAL))], { encoding: "utf8" });
  process.stdout.write(alone.stdout || alone.stderr);


  // Store+index and analysis with results stored, as the server runs them: posts are stored as they
  // arrive (kept at most BACKLOG ahead of the analysis) while the stateless part is prepared on the
  // analysis thread(s) and this thread commits groups, events and results between the inserts.
  const analyser = loadAnalyser(db);
  const throttle = new RefreshThrottle();
  const threads = Number(process.env.BENCH_PIPELINE_THREADS ?? 1);
  const pool = new PreparePool(threads);
  await pool.settings({ watches: enabledWatches(db), userWords: [], model: null });
  analyser.preparer.setWatches(enabledWatches(db));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
  const BACKLOG = 4000;
  let running: Promise<number> | null = null;
  const kick = () => (running ??= drainWithPool(db, analyser, pool, throttle, () => false).finally(() => (running = null)));
  let storeSecs = 0;
  const stream = benchPosts();
  const cpuBefore = process.cpuUsage();
  const began = performance.now();
  // The rate of analysed items over each tenth of the run, to show how it changes as the database grows.
  const tenth = Math.max(1000, Math.ceil(TOTAL / 10000) * 1000);
  const laps: string[] = [];
  let lapAt = began;
  let lapDone = 0;
  const lap = (done: number, now: number) => {
    if (done === lapDone) return;
    laps.push(`${fmt(done / 1000)}k ${fmt((done - lapDone) / ((now - lapAt) / 1000))}`);
    [lapAt, lapDone] = [now, done];
  };
  for (let b = 0; b < TOTAL; b += 1000) {
    while (pendingCount(db) >= BACKLOG) {
      kick();
      await new Promise((r) => setTimeout(r, 1));
    }
    if (b > 0 && b % tenth === 0) lap(b - pendingCount(db), performance.now());
    const chunk = Array.from({ length: Math.min(1000, TOTAL - b) }, () => stream.next().value);
    const rows: NewItem[] = chunk.map((d, i) => ({
      guid: `p${b + i}`, url: null, canonicalUrl: null, contentHash: contentHash(d.title, `${d.text}#${b + i}`),
      author: null, title: d.title, text: d.text, publishedAt: start + (b + i) * 2000,
    }));
    const t0 = performance.now();
    insertItems(db, sources[(b / 1000) % sources.length].id, rows, start + (b + 1000) * 2000);
    storeSecs += (performance.now() - t0) / 1000;
    kick();
    await new Promise((r) => setImmediate(r));
  }
  while (running || pendingCount(db) > 0) await kick();
  // As the server does once the queue is empty: refresh the events held back, store the snapshots.
  flushEventSnapshots(db, analyser, throttle);
  const ended = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  const wallSecs = (ended - began) / 1000;
  lap(TOTAL, ended);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  await pool.close();
  const stats = db.sqlite.prepare("SELECT count(DISTINCT event_id) AS events, count(DISTINCT dup_group) AS groups, (SELECT count(*) FROM watch_matches) AS matches FROM items").get() as { events: number; groups: number; matches: number };
  console.log(`store+index alone: ${fmt(TOTAL / storeSecs)} items/s (${fmt(storeSecs)} s of the run)`);
  console.log(`full pipeline (store, index, analyse, store results; ${threads} analysis thread(s)): ${fmt(TOTAL / wallSecs)} items/s over ${fmt(TOTAL)} items (${fmt(wallSecs)} s)`);
  // CPU time moves less with the machine's speed of the moment than the rate does (all threads:
  // this one, the analysis thread(s) and V8's GC helpers), so it compares versions of the code better.
  const cpuUs = cpu.user + cpu.system;
  console.log(
    `CPU over all threads: ${fmt(cpuUs / TOTAL)} µs per item (${fmt(cpu.system / TOTAL)} of it system), ${fmt(cpuUs / 1e6 / wallSecs)} cores busy on average`,
  );
  console.log(`items/s over each tenth of the run, by items analysed at its end: ${laps.join(", ")}`);
  console.log(`found ${fmt(stats.events)} events, ${fmt(stats.groups)} near-duplicate groups, ${fmt(stats.matches)} watch matches; near-duplicate index holds ${fmt(analyser.dedup.size)} posts`);
  console.log(`RSS: peak ${fmt(peakRss / 1e6)} MB during the run, ${fmt(process.memoryUsage().rss / 1e6)} MB at the end`);
  console.log(`machine reference after: ${reference()}`);

  // The ledger as analysts open it: copies collapsed behind their group, newest first, 50 a page,
  // with the total; alone, with a source filter the first post may fail, and with a query.
  const some = (f: ItemFilter) => {
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      searchItems(db, { ...f, collapse: true }, 50, 0);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return `p50 ${fmt(times[10])} / p95 ${fmt(times[19])} ms`;
  };
  console.log(`collapsed ledger page with its total: ${some({})}; one source: ${some({ sourceIds: [sources[1].id] })}; query "学校": ${some({ q: "学校" })}`);

  // A restarted worker in a fresh process: state rebuilt from what is stored.
  db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const child = spawnSync(process.execPath, ["--import", "tsx", path.join(here, "lib/restart-rss.ts"), path.join(dir, "bench.db"), String(start + TOTAL * 2000)], { encoding: "utf8" });
  process.stdout.write(child.stdout || child.stderr);
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
