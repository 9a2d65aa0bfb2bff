// Board load: 200 submissions/s (BENCH_BOARD_RATE) for 30 s (BENCH_BOARD_SECONDS) from many simulated
// clients, each with a valid ALTCHA proof of work, while one client floods as fast as its connections
// allow. The real server (`tingfeng serve`) runs in a child process on 127.0.0.1 with a temporary data
// directory and TINGFENG_TRUST_PROXY=1, so x-forwarded-for stands for the client address. Proofs are
// fetched and solved (altcha-lib/v1 solveChallenge) before the load starts, with a small maxnumber so
// solving is quick. At the end the rows in board_messages are counted and must equal the 201s.
// Prints `board submissions accepted N stored N p95 X ms; flooder sent N throttled N`.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Pool } from "undici";
import { solveChallenge } from "altcha-lib/v1";
import { openDb } from "../src/db/connection";

const RATE = Number(process.env.BENCH_BOARD_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_BOARD_SECONDS ?? 30);
// The smallest the setting allows: the server's cost (one hash and one HMAC to verify) does not depend
// on it, and the bench must solve every proof itself before the load starts.
const POW_MAX = 100;
const FLOOD_CONNECTIONS = 4;
const TIMEOUT_MS = 10_000;
// Each simulated client sends three messages: within the per-address allowance (5 at once, 5 a minute).
const PER_CLIENT = 3;
const TOTAL = Math.round(RATE * SECONDS);
const CLIENTS = Math.ceil(TOTAL / PER_CLIENT);
const FLOODER = "192.0.2.66";
// Enough for every request the flooder's allowance lets through (5 at once, then 5 a minute).
const FLOOD_PROOFS = FLOOD_CONNECTIONS * (6 + Math.ceil(SECONDS / 12));

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-board-bench-"));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [path.join(root, "bin/tingfeng.mjs"), "serve"], {
  env: {
    ...process.env, TINGFENG_DATA_DIR: dir, PORT: String(port), HOST: "127.0.0.1", TINGFENG_DEMO: "0", TINGFENG_TRUST_PROXY: "1",
    TINGFENG_BOARD_POW_MAX_NUMBER: String(POW_MAX), TINGFENG_LOG_LEVEL: "warn", TINGFENG_ADMIN_PASSWORD: "bench-only-password-9317",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
const killTimer = setTimeout(() => server.kill("SIGKILL"), (SECONDS + 600) * 1000);
try {
  await listening();
  await run();
} finally {
  clearTimeout(killTimer);
  if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
}

async function run(): Promise<void> {
  const clients = new Pool(base, { connections: 64, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
  const flood = new Pool(base, { connections: FLOOD_CONNECTIONS, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
  const address = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

  // Proofs first: a challenge per message from the client that will send it, solved here.
  const t0 = Date.now();
  const proofs: string[] = [];
  const floodProofs: string[] = [];
  for (let i = 0; i < TOTAL + FLOOD_PROOFS; i += 100) {
    const batch = Array.from({ length: Math.min(100, TOTAL + FLOOD_PROOFS - i) }, (_, k) => proof(clients, i + k < TOTAL ? address(Math.floor((i + k) / PER_CLIENT) + 1) : FLOODER));
    for (const [k, p] of (await Promise.all(batch)).entries()) (i + k < TOTAL ? proofs : floodProofs).push(p);
  }
  console.log(`board: ${TOTAL} proofs of work solved in ${((Date.now() - t0) / 1000).toFixed(1)} s (maxnumber ${POW_MAX}, small so the bench solves quickly; the server's default is 50000)`);

  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const codes: string[] = [];
  let inFlight = 0;
  let skipped = 0;
  const submit = async (pool: Pool, ip: string, altcha: string, n: number) => {
    const body = JSON.stringify({ category: "complaint", title: `路灯不亮 ${n}`, text: `青禾大道第 ${n} 号路灯坏了一周，夜里很黑，请尽快维修。`, altcha });
    const at = performance.now();
    try {
      const res = await pool.request({ method: "POST", path: "/api/public/messages", headers: { "content-type": "application/json", "x-forwarded-for": ip }, body });
      const text = await res.body.text();
      return { status: res.statusCode, ms: performance.now() - at, text };
    } catch {
      return { status: 0, ms: performance.now() - at, text: "" };
    }
  };

  // The flooder: back to back on its own connections until the load ends. Each connection has its own
  // proofs and moves to the next only when the server got as far as checking one (a throttled request never does).
  let flooding = true;
  let floodSent = 0;
  let floodThrottled = 0;
  let floodAccepted = 0;
  const floodStatuses = new Map<number, number>();
  const flooders = Array.from({ length: FLOOD_CONNECTIONS }, async (_, k) => {
    let next = k;
    while (flooding) {
      floodSent++;
      const r = await submit(flood, FLOODER, floodProofs[next % floodProofs.length], -floodSent);
      floodStatuses.set(r.status, (floodStatuses.get(r.status) ?? 0) + 1);
      if (r.status === 429) floodThrottled++;
      else next += FLOOD_CONNECTIONS;
      if (r.status === 201) floodAccepted++;
    }
  });

  // The clients: an open loop at RATE per second, whatever the answers take (bounded in flight).
  const start = performance.now();
  let sent = 0;
  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(TOTAL, Math.floor(((performance.now() - start) / 1000) * RATE));
      for (; sent < due; sent++) {
        if (inFlight > 2000) {
          skipped++;
          continue;
        }
        const n = sent;
        inFlight++;
        pending.push(submit(clients, address(Math.floor(n / PER_CLIENT) + 1), proofs[n], n).then((r) => {
          inFlight--;
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          if (r.status === 201) {
            latencies.push(r.ms);
            codes.push((JSON.parse(r.text) as { queryCode: string }).queryCode);
          }
        }));
      }
      if (sent >= TOTAL) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  const sendSeconds = (performance.now() - start) / 1000;
  await Promise.all(pending);
  flooding = false;
  await Promise.all(flooders);
  await clients.close();
  await flood.close();

  // Stop the server, then count what it stored.
  server.kill("SIGTERM");
  await new Promise<void>((resolve) => {
    const t = setTimeout(() => server.kill("SIGKILL"), 15_000);
    server.once("exit", () => (clearTimeout(t), resolve()));
  });
  const db = openDb(path.join(dir, "tingfeng.db"));
  const stored = db.sqlite.prepare("SELECT count(*) FROM board_messages").pluck().get() as number;
  const storedCodes = new Set(db.sqlite.prepare("SELECT query_code FROM board_messages").pluck().all() as string[]);
  db.close();

  const accepted = statuses.get(201) ?? 0;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const missing = codes.filter((c) => !storedCodes.has(c)).length;
  const other = [...statuses].filter(([s]) => s !== 201).map(([s, n]) => `${s || "error"}: ${n}`).join(", ") || "none";
  console.log(`board: ${sent} client submissions from ${CLIENTS} addresses in ${sendSeconds.toFixed(1)} s (target ${RATE}/s for ${SECONDS} s); other statuses: ${other}; skipped (over 2000 in flight): ${skipped}`);
  console.log(`board: latency of accepted submissions p50 ${q(0.5).toFixed(1)} ms p95 ${q(0.95).toFixed(1)} ms max ${q(1).toFixed(1)} ms`);
  console.log(`board submissions accepted ${accepted + floodAccepted} stored ${stored} p95 ${q(0.95).toFixed(1)} ms; flooder sent ${floodSent} throttled ${floodThrottled}`);
  console.log(`board: flooder statuses ${[...floodStatuses].map(([st, n]) => `${st || "error"}: ${n}`).join(", ")}`);
  console.log(`board: ${stored === accepted + floodAccepted && missing === 0 ? "every accepted message is stored" : `MISMATCH: ${missing} accepted query codes not stored`} (clients ${accepted}, flooder ${floodAccepted})`);
}

/** A solved ALTCHA payload for a challenge fetched as client `ip`. */
async function proof(pool: Pool, ip: string): Promise<string> {
  const res = await pool.request({ method: "GET", path: "/api/public/challenge", headers: { "x-forwarded-for": ip } });
  if (res.statusCode !== 200) throw new Error(`bench: challenge answered ${res.statusCode}`);
  const c = (await res.body.json()) as { algorithm: string; challenge: string; salt: string; signature: string; maxnumber: number };
  const s = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  if (!s) throw new Error("bench: unsolved challenge");
  return Buffer.from(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: s.number, salt: c.salt, signature: c.signature })).toString("base64");
}

/** A port free on loopback now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
    s.on("error", reject);
  });
}

/** Resolves once the server prints that it listens (or fails after 60 s). */
function listening(): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("bench: server did not start in 60 s")), 60_000);
    let out = "";
    server.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      if (out.includes("listening on")) {
        clearTimeout(t);
        resolve();
      }
    });
    server.once("exit", (code) => reject(new Error(`bench: server exited with ${code}`)));
  });
}
