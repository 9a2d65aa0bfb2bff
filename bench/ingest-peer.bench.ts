// Ingest side by side with a peer: newsboat (Debian `newsboat`, `newsboat -x reload` with reload-threads 2)
// and Tingfeng fetching the same 100 local feeds of 100 items each (generated Chinese posts) from
// 127.0.0.1 into empty stores. Prints newsboat's wall time, Tingfeng's fetch+parse+store+index time alone
// (2 fetches at a time, like newsboat's 2 threads), its analysis of those items apart, and the whole
// `tingfeng ingest --once` command's wall time (start-up, migrations and analysis included).
// BENCH_FEEDS / BENCH_FEED_ITEMS change the sizes. Skips newsboat (says so) when it is not installed.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDb } from "../src/db/connection";
import { migrate } from "../src/db/migrate";
import { loadConfig } from "../src/config";
import { insertSource } from "../src/store/sources";
import { createScheduler } from "../src/jobs/scheduler";
import { createAnalysisWorker } from "../src/jobs/analyse-items";
import { generateChineseItems } from "../src/ingest";

const FEEDS = Number(process.env.BENCH_FEEDS ?? 100);
const PER_FEED = Number(process.env.BENCH_FEED_ITEMS ?? 100);
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Runs a command without blocking this process (it serves the feeds). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

// The feeds, built once: real-looking Chinese posts, distinct per feed.
const feeds = Array.from({ length: FEEDS }, (_, f) => {
  const items = generateChineseItems(PER_FEED, 1000 + f)
    .map((d, i) => `<item><title>${esc(d.title)}</title><link>http://news.example.cn/${f}/${i}.html</link><guid>f${f}-${i}</guid>` +
      `<pubDate>${new Date(Date.UTC(2026, 6, 1, 0, 0, 0) + (f * PER_FEED + i) * 60_000).toUTCString()}</pubDate><description>${esc(d.text)}</description></item>`)
    .join("");
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>来源${f}</title><link>http://news.example.cn/</link><description>bench</description>${items}</channel></rss>`);
});
const server = createServer((req, res) => {
  const m = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? "");
  const body = m ? feeds[Number(m[1])] : undefined;
  if (!body) return void res.writeHead(404).end();
  res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", "content-length": body.length }).end(body);
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const port = (server.address() as AddressInfo).port;
const urls = feeds.map((_, f) => `http://127.0.0.1:${port}/feed/${f}.xml`);
const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-ingest-peer-"));
console.log(`${FEEDS} feeds × ${PER_FEED} items from 127.0.0.1 (${(feeds.reduce((n, b) => n + b.length, 0) / 1e6).toFixed(1)} MB)`);

// newsboat
const nb = spawnSync("newsboat", ["--version"], { encoding: "utf8" });
if (nb.error) console.log("newsboat: not installed (apt-get install newsboat) — skipped");
else {
  writeFileSync(path.join(dir, "urls"), `${urls.join("\n")}\n`);
  writeFileSync(path.join(dir, "config"), "reload-threads 2\n");
  const t0 = performance.now();
  const r = await run("newsboat", ["-x", "reload", "-u", path.join(dir, "urls"), "-c", path.join(dir, "cache.db"), "-C", path.join(dir, "config")], { ...process.env, HOME: dir }, 300_000);
  const wall = (performance.now() - t0) / 1000;
  const stored = openDb(path.join(dir, "cache.db"), { readonly: true });
  const n = stored.sqlite.prepare("SELECT count(*) FROM rss_item").pluck().get() as number;
  stored.close();
  console.log(`newsboat ${nb.stdout.split("\n")[0].trim()}: reload ${wall.toFixed(2)} s wall, ${n} items stored${r.status ? ` (exit ${r.status})` : ""}`);
}

// Tingfeng, in process: the scheduler's own poll path (fetch, parse, store with the text index), then the analysis.
{
  const dataDir = path.join(dir, "tf");
  const config = loadConfig({}, { dataDir, demo: false, fetchAllowHosts: [`127.0.0.1:${port}`], fetchConcurrency: 2 });
  const db = openDb(path.join(dataDir, "tingfeng.db"));
  migrate(db);
  urls.forEach((url, i) => insertSource(db, { name: `来源${i}`, kind: "rss", url, intervalSeconds: 3600, priority: 3, enabled: true }));
  const t0 = performance.now();
  const r = await createScheduler(db, config, () => {}, false).runOnce();
  const fetchSecs = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const analysed = await createAnalysisWorker(db, () => {}, { autostart: false }).drain();
  const analyseSecs = (performance.now() - t1) / 1000;
  console.log(`tingfeng fetch+parse+store+index ${fetchSecs.toFixed(2)} s (${r.inserted} items, ${r.failed} failed); analysis apart ${analyseSecs.toFixed(2)} s (${analysed} items)`);
  db.close();
}

// Tingfeng, the whole command as an operator runs it.
{
  const dataDir = path.join(dir, "cli");
  const config = loadConfig({}, { dataDir, demo: false });
  const db = openDb(path.join(config.dataDir, "tingfeng.db"));
  migrate(db);
  urls.forEach((url, i) => insertSource(db, { name: `来源${i}`, kind: "rss", url, intervalSeconds: 3600, priority: 3, enabled: true }));
  db.close();
  const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bin/tingfeng.mjs");
  const t0 = performance.now();
  const r = await run(process.execPath, [bin, "ingest", "--once"],
    { ...process.env, TINGFENG_DATA_DIR: dataDir, TINGFENG_DEMO: "0", TINGFENG_FETCH_ALLOW_HOSTS: `127.0.0.1:${port}`, TINGFENG_FETCH_CONCURRENCY: "2" }, 600_000);
  console.log(`tingfeng ingest --once ${((performance.now() - t0) / 1000).toFixed(2)} s wall (start-up and analysis included): ${r.stdout.trim() || r.stderr.trim().split("\n").pop()}`);
}

server.close();
rmSync(dir, { recursive: true, force: true });
