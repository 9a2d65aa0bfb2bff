// A slow source holds one slot only: the other slots keep polling, in runOnce and on the timer.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { insertSource } from "../store/sources";
import { FIXTURE_FEED } from "../../test/e2e/fixture-feed";
import { createScheduler } from "./scheduler";

const SLOW_MS = 3000;
// Well under SLOW_MS, with room for a loaded machine: a batch barrier would put the later sources past SLOW_MS.
const PROMPT_MS = 2000;
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

// One server answering after `delayMs`, noting when each path was asked for.
async function serve(delayMs: number, asked: Map<string, number>): Promise<string> {
  const server = http.createServer((req, res) => {
    asked.set(req.url ?? "", Date.now());
    if (req.url === "/robots.txt") return void res.writeHead(404).end();
    setTimeout(() => res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(FIXTURE_FEED.replaceAll("e2e-", `${req.url}-`)), delayMs);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  cleanup.push(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function setup(schedulerTickMs = 60_000) {
  const asked = new Map<string, number>();
  const slowHost = await serve(SLOW_MS, asked);
  const fastHost = await serve(0, asked);
  const config = loadConfig({}, { demo: false, readWorkers: 0, fetchAllowHosts: [slowHost, fastHost], fetchConcurrency: 2, schedulerTickMs });
  const db = openDb(":memory:");
  migrate(db);
  cleanup.push(() => db.close());
  // The slow source comes first, so it takes a slot in the first round.
  for (const [name, url] of [["慢站", `http://${slowHost}/slow.xml`], ["快站甲", `http://${fastHost}/a.xml`], ["快站乙", `http://${fastHost}/b.xml`], ["快站丙", `http://${fastHost}/c.xml`]]) {
    insertSource(db, { name, kind: "rss", url, intervalSeconds: 3600, priority: 2, enabled: true });
  }
  return { asked, config, db };
}

describe("scheduler slots", () => {
  it("runOnce: a slow source does not hold back the sources after it", async () => {
    const { asked, config, db } = await setup();
    const scheduler = createScheduler(db, config, () => {}, false);
    const t0 = Date.now();
    expect(await scheduler.runOnce()).toEqual({ polled: 4, inserted: 12, failed: 0 });
    // All three fast sources were asked for while the slow one was still answering.
    for (const p of ["/a.xml", "/b.xml", "/c.xml"]) expect(asked.get(p)! - t0).toBeLessThan(PROMPT_MS);
  });

  it("on the timer: a freed slot is refilled at once, not at the next tick after the slowest poll", async () => {
    const { asked, config, db } = await setup();
    const t0 = Date.now();
    const scheduler = createScheduler(db, config, () => {}, true);
    cleanup.push(() => scheduler.stop());
    await new Promise((r) => setTimeout(r, PROMPT_MS));
    for (const p of ["/a.xml", "/b.xml", "/c.xml"]) expect(asked.get(p)! - t0, p).toBeLessThan(PROMPT_MS);
    const stored = () => db.sqlite.prepare("SELECT count(*) FROM items").pluck().get() as number;
    expect(stored()).toBe(9);
    await scheduler.stop();
    expect(stored()).toBe(12);
  });
});
