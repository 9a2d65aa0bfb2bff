// Alert latency: fetched → delivered to a local webhook receiver, while a background load of 100 new
// items/s goes through the analysis as in the server (analysis thread, worker woken after each insert).
// Every 400 ms one post matches a watch with an alert rule. Prints `alert latency p50 X ms p95 Y ms`.
// Length: BENCH_ALERT_SECONDS (default 20).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "../src/db/connection";
import { migrate } from "../src/db/migrate";
import { loadConfig } from "../src/config";
import { insertItems, type NewItem } from "../src/store/items";
import { insertSource } from "../src/store/sources";
import { insertWatch } from "../src/store/watches";
import { insertChannel, insertRule } from "../src/store/alert-config";
import { createAnalysisWorker } from "../src/jobs/analyse-items";
import { createAlertRuntime } from "../src/alerts/runtime";
import { contentHash } from "../src/ingest";
import { startReceiver } from "../test/alert-receiver";
import { benchPosts, watchQueries } from "./lib/watch-queries";

const SECONDS = Number(process.env.BENCH_ALERT_SECONDS ?? 20);
const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-alerts-"));
const rx = await startReceiver();
const config = loadConfig({}, { dataDir: dir, demo: false, fetchAllowHosts: [`127.0.0.1:${rx.port}`] });
const db = openDb(path.join(dir, "bench.db"));
migrate(db);
const source = insertSource(db, { name: "来源", kind: "rss", url: "http://127.0.0.1/feed", intervalSeconds: 300, priority: 1, enabled: true });
watchQueries().forEach((query, i) => insertWatch(db, { name: `方案${i + 1}`, query, enabled: true, createdBy: null }));
const watchId = insertWatch(db, { name: "演练", query: "青禾演练预警", enabled: true, createdBy: null });
const channelId = insertChannel(db, { name: "接收端", kind: "webhook", url: rx.url, options: {}, enabled: true }, null);
insertRule(db, {
  name: "演练", trigger: "watch", watchId, severity: "major", onlyNegative: false, maxSourcePriority: null, minReposts: null,
  channelIds: [channelId], quietStart: null, quietEnd: null, foldSeconds: 0, enabled: true,
}, null);

const latencies: number[] = [];
// The first seconds measure the analysis thread starting (jieba, model): 0.9–2.1 s on this machine. They are
// reported apart; the figure is the steady state a running server has.
const WARMUP_MS = 3000;
const warmup: number[] = [];
let measureFrom = Infinity;
rx.respond = () => {
  const at = Date.now();
  // The receiver records the request after choosing the answer: read it on the next turn.
  setImmediate(() => {
    const body = rx.received[rx.received.length - 1].body as { items: { fetchedAt: string }[] };
    for (const it of body.items) (Date.parse(it.fetchedAt) >= measureFrom ? latencies : warmup).push(at - Date.parse(it.fetchedAt));
  });
  return 200;
};

const analysis = createAnalysisWorker(db, () => {}, { thread: true, idleMs: 1000 });
const alerts = createAlertRuntime(db, config);
await analysis.ready;
const posts = benchPosts();
let n = 0;
const item = (text: string, title: string): NewItem => {
  const i = ++n;
  return { guid: `b${i}`, url: `http://127.0.0.1/p/${i}`, canonicalUrl: null, contentHash: contentHash(title, `${text}${i}`), author: null, title, text, publishedAt: Date.now() };
};
measureFrom = Date.now() + WARMUP_MS;
const load = setInterval(() => {
  // 10 posts every 100 ms: 100 items/s.
  insertItems(db, source.id, Array.from({ length: 10 }, () => {
    const p = posts.next().value as { title: string; text: string };
    return item(p.text, p.title);
  }));
  analysis.wake();
}, 100);
let fired = 0;
const alertsTimer = setInterval(() => {
  fired++;
  insertItems(db, source.id, [item(`青禾演练预警：第 ${fired} 次演练，禾溪镇报告一起事件，请值班人员关注。`, `演练 ${fired}`)]);
  analysis.wake();
}, 400);
await new Promise((r) => setTimeout(r, WARMUP_MS + SECONDS * 1000));
clearInterval(load);
clearInterval(alertsTimer);
await new Promise((r) => setTimeout(r, 2000));
await analysis.stop();
await alerts.stop();
await rx.close();
db.close();
rmSync(dir, { recursive: true, force: true });

latencies.sort((a, b) => a - b);
const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
console.log(`alerts: ${fired} alert posts among ${n} items in ${SECONDS} s after ${WARMUP_MS / 1000} s of warm-up; ${latencies.length + warmup.length} delivered`);
console.log(`warm-up (analysis thread starting): ${warmup.map(Math.round).join(", ")} ms`);
console.log(`alert latency p50 ${Math.round(q(0.5))} ms p95 ${Math.round(q(0.95))} ms`);
