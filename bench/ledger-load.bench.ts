// Load on the ledger: the real server (buildApp, the read pool, 127.0.0.1) over a database of 200k
// items (BENCH_LOAD_ITEMS), 50 signed-in users. Phase 1: an open-loop schedule of 30 searches/s
// for 20 s in the default view (collapsed; common and rare 2-character words, and no query) while
// /api/health is polled every 100 ms. Phase 2: 50 clients searching without think time for 20 s.
// Prints latency figures, errors and 429s apart; never fails on a time. The load generator shares
// the server's process (and its two cores), so the figures include its own work.
import { Agent, request } from "undici";
import { loadConfig } from "../src/config";
import { buildApp } from "../src/http/app";
import { createUser } from "../src/accounts/commands";
import { searchItems } from "../src/store/item-search";
import { ledgerDb } from "./lib/ledger-db";
import { fmt, pct, sampleTerms } from "./lib/terms";

const ITEMS = Number(process.env.BENCH_LOAD_ITEMS ?? 200_000);
const RATE = Number(process.env.BENCH_LOAD_RATE ?? 30);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const USERS = 50;

const l = ledgerDb(ITEMS);
const { db } = l;
// Settings from the environment (TINGFENG_READ_WORKERS=0 measures the reads inline).
const config = loadConfig(process.env, { dataDir: "/nonexistent", demo: false, logLevel: "silent" });
const app = await buildApp({ db, config, version: "bench" }, { logger: false, serveWeb: false });
const agent = new Agent({ connections: 128, keepAliveTimeout: 30_000 });

// Common and rare words: the most and least frequent thirds of 150 sampled 2-character words.
const sampled = [...new Set(sampleTerms(2, 150))].map((q) => ({ q, n: searchItems(db, { q }, 1, 0).total }));
sampled.sort((a, b) => b.n - a.n);
const third = Math.floor(sampled.length / 3);
const common = sampled.slice(0, third).map((s) => s.q);
const rare = sampled.slice(-third).map((s) => s.q);
console.log(`${fmt(ITEMS)} items; common words match ${fmt(sampled[third - 1].n)}–${fmt(sampled[0].n)} items, rare ones ${fmt(sampled.at(-1)!.n)}–${fmt(sampled.at(-third)!.n)}; read threads ${config.readWorkers}`);

let k = 0;
function nextUrl(): string {
  const i = k++;
  // 40% common words, 40% rare ones, 20% no query.
  const kind = i % 5;
  const q = kind < 2 ? common[i % common.length] : kind < 4 ? rare[i % rare.length] : null;
  return `/api/items?collapse=1&limit=20${q ? `&q=${encodeURIComponent(q)}` : ""}`;
}

type Tally = { ms: number[]; errors: number; limited: number };
const tally = (): Tally => ({ ms: [], errors: 0, limited: 0 });

async function timed(base: string, path: string, cookie: string | null, into: Tally): Promise<void> {
  const t = performance.now();
  try {
    const res = await request(base + path, { dispatcher: agent, headers: cookie ? { cookie } : {} });
    await res.body.dump();
    if (res.statusCode === 429) into.limited++;
    else if (res.statusCode !== 200) into.errors++;
    else into.ms.push(performance.now() - t);
  } catch {
    into.errors++;
  }
}

const line = (label: string, t: Tally, seconds?: number) =>
  `${label}: n=${t.ms.length}, p50 ${fmt(pct(t.ms, 50))} ms, p95 ${fmt(pct(t.ms, 95))} ms, max ${fmt(Math.max(...t.ms))} ms` +
  `${seconds ? `, ${fmt(t.ms.length / seconds)} req/s` : ""}; errors ${t.errors}, 429s ${t.limited}`;

const BENCH_PASSWORD = "qingHe-bench-Load-7731"; // passes the password policy (10+ characters, not a common password)

try {
  const base = await app.listen({ host: "127.0.0.1", port: 0 });
  const cookies: string[] = [];
  const run = Date.now().toString(36);
  for (let u = 0; u < USERS; u++) {
    const username = `bench-${run}-${u}`; // a cached database keeps earlier runs' users
    await createUser(db, null, { username, password: BENCH_PASSWORD, role: "monitor", unitId: null });
    const res = await request(`${base}/api/auth/login`, {
      dispatcher: agent, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password: BENCH_PASSWORD }),
    });
    const set = res.headers["set-cookie"];
    await res.body.dump();
    cookies.push([set].flat().map((c) => String(c).split(";")[0]).join("; "));
  }
  // Warm-up: threads up, pages in cache.
  await Promise.all(Array.from({ length: 40 }, (_, i) => timed(base, nextUrl(), cookies[i % USERS], tally())));

  // Phase 1: open loop (requests leave on schedule whatever the answers) and health polling.
  const search = tally();
  const health = tally();
  const start = performance.now();
  const end = start + SECONDS * 1000;
  const inflight: Promise<void>[] = [];
  const polling = (async () => {
    while (performance.now() < end) {
      const t = performance.now();
      await timed(base, "/api/health", null, health);
      await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - t))));
    }
  })();
  for (let i = 0; i < RATE * SECONDS; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(timed(base, nextUrl(), cookies[i % USERS], search));
  }
  await Promise.all([...inflight, polling]);
  console.log(line(`open loop ${RATE} searches/s for ${SECONDS} s, search`, search));
  console.log(line(`open loop ${RATE} searches/s for ${SECONDS} s, /api/health every 100 ms`, health));

  // Phase 2: 50 clients, each a user, without think time.
  const closed = tally();
  const stop = performance.now() + SECONDS * 1000;
  await Promise.all(cookies.map(async (cookie) => {
    while (performance.now() < stop) await timed(base, nextUrl(), cookie, closed);
  }));
  console.log(line(`${USERS} clients without think time for ${SECONDS} s, search`, closed, SECONDS));
} finally {
  await app.close();
  await agent.close();
  l.done();
}
