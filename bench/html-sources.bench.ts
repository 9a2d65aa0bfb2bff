// HTML list-page sources against local sites: 500 sources on 20 hosts (20 servers on 127.0.0.1, one port
// each — a host is host:port), each list page linking 20 articles with navigation and ads around the body,
// no body selector, so every article page is fetched and extracted (readability over linkedom). The
// server's own timer scheduler polls them (all due at once) until every source has been polled.
// Sources come in runs of GROUP per host, so the scheduler's slots hold several sources of one host at
// once and the per-host limit is really contended. Prints article pages/s (fetch + parse + extract +
// store) and the most requests one host had in flight at once, seen by the servers themselves.
// BENCH_HTML_SOURCES / BENCH_HTML_HOSTS / BENCH_HTML_GROUP change the sizes.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { openDb } from "../src/db/connection";
import { migrate } from "../src/db/migrate";
import { loadConfig } from "../src/config";
import { insertSource } from "../src/store/sources";
import { createScheduler } from "../src/jobs/scheduler";
import { generateChineseItems } from "../src/ingest";

const SOURCES = Number(process.env.BENCH_HTML_SOURCES ?? 500);
const HOSTS = Number(process.env.BENCH_HTML_HOSTS ?? 20);
const GROUP = Number(process.env.BENCH_HTML_GROUP ?? 4);
const PER_LIST = 20;
const docs = generateChineseItems(4000, 11);
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

const nav = `<header><nav><a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/gov">政务</a> | <a href="/about">关于我们</a></nav></header>`;
const ads = `<aside class="ad"><p>广告：优质家装，限时特惠，热线 400-000-0000</p></aside>`;
function article(n: number): string {
  const d = docs[n % docs.length];
  const paras = [d.text, docs[(n + 1) % docs.length].text, docs[(n + 2) % docs.length].text].map((p) => `<p>${esc(p)}</p>`).join("");
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.title)}</title></head><body>${nav}${ads}` +
    `<main><article><h1>${esc(d.title)}</h1><div class="meta">2026-07-01 09:00 来源：本网</div>${paras}</article></main>${ads}<footer>版权所有 © 青禾县融媒体中心</footer></body></html>`;
}
function list(source: number): string {
  const items = Array.from({ length: PER_LIST }, (_, i) => {
    const n = source * PER_LIST + i;
    return `<li class="item"><a class="t" href="/a/${n}.html">${esc(docs[n % docs.length].title)}</a><span class="time">2026-07-01 ${String(i % 24).padStart(2, "0")}:00</span></li>`;
  }).join("");
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${nav}<ul class="list">${items}</ul>${ads}</body></html>`;
}

// The sites; each counts the requests it has in flight.
const peak: number[] = new Array(HOSTS).fill(0);
const servers: Server[] = [];
for (let h = 0; h < HOSTS; h++) {
  let live = 0;
  const server = createServer((req, res) => {
    live++;
    peak[h] = Math.max(peak[h], live);
    res.on("close", () => live--);
    const url = req.url ?? "";
    let m: RegExpExecArray | null;
    // A little latency, as a real site has (and so that concurrency shows).
    setTimeout(() => {
      if (url === "/robots.txt") res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nDisallow: /private/\n");
      else if ((m = /^\/list\/(\d+)\.html$/.exec(url))) res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(list(Number(m[1])));
      else if ((m = /^\/a\/(\d+)\.html$/.exec(url))) res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(article(Number(m[1])));
      else res.writeHead(404).end();
    }, 5);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
}
const ports = servers.map((s) => (s.address() as AddressInfo).port);
const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-html-bench-"));
const config = loadConfig({}, { dataDir: dir, demo: false, fetchAllowHosts: ports.map((p) => `127.0.0.1:${p}`), fetchConcurrency: 16 });
const db = openDb(path.join(dir, "bench.db"));
migrate(db);
for (let s = 0; s < SOURCES; s++) {
  insertSource(db, {
    name: `网站${s}`, kind: "html", url: `http://127.0.0.1:${ports[Math.floor(s / GROUP) % HOSTS]}/list/${s}.html`, intervalSeconds: 3600, priority: 3, enabled: true,
    config: { selectors: { item: "li.item", title: "a.t", link: "a.t", time: "span.time" }, timeFormat: "YYYY-MM-DD HH:mm", pages: 1 },
  });
}
const polledCount = db.sqlite.prepare("SELECT count(*) FROM sources WHERE last_fetched_at IS NOT NULL");
const failedCount = db.sqlite.prepare("SELECT count(*) FROM sources WHERE error_count > 0");
const t0 = performance.now();
const scheduler = createScheduler(db, config, (m) => console.error(m), true);
while ((polledCount.pluck().get() as number) < SOURCES) await new Promise((r) => setTimeout(r, 20));
await scheduler.stop();
const secs = (performance.now() - t0) / 1000;
const inserted = db.sqlite.prepare("SELECT count(*) FROM items").pluck().get() as number;
const stored = db.sqlite.prepare("SELECT count(*) FROM items WHERE length(text) > 200").pluck().get() as number;
const failed = failedCount.pluck().get() as number;
const perHost = peak.join(" ");
console.log(
  `${SOURCES} html sources on ${HOSTS} hosts (runs of ${GROUP} per host, ${config.fetchConcurrency} scheduler slots, timer scheduler): ` +
    `${inserted} articles (${stored} with extracted bodies) in ${secs.toFixed(2)} s = ` +
    `${Math.round(inserted / secs)} article pages/s (fetch + parse + extract + store), ${failed} sources failed; ` +
    `most requests in flight to one host: ${Math.max(...peak)} (limit ${config.fetchHostConcurrency}; per host: ${perHost})`,
);
db.close();
for (const s of servers) s.close();
rmSync(dir, { recursive: true, force: true });
