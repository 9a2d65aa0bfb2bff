// Ingest and analysis wait for another process's write lock (a CLI command, a backup) off the event loop,
// and store their work once it is released, instead of freezing the server in SQLite's busy handler.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { insertItems } from "../store/items";
import { insertSource } from "../store/sources";
import { FIXTURE_FEED, serveFeed } from "../../test/e2e/fixture-feed";
import { createAnalysisWorker } from "./analyse-items";
import { pollSource } from "./poll-source";
import { createScheduler } from "./scheduler";

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-lock-"));
  db = openDb(path.join(dir, "t.db"), { busyTimeoutMs: 1000 });
  migrate(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Holds the write lock on a second connection, released after `ms` from a timer (which a blocked loop would delay). */
function holdLock(ms: number): { longestGapMs: () => number; done: () => void } {
  const other = openDb(path.join(dir, "t.db"));
  other.sqlite.exec("BEGIN IMMEDIATE");
  // The loop is watched while the lock is held (the work done after the release is not the wait's).
  setTimeout(() => {
    other.sqlite.exec("ROLLBACK");
    clearInterval(tick);
  }, ms);
  let last = performance.now();
  let gap = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 10);
  return {
    longestGapMs: () => gap,
    done: () => {
      clearInterval(tick);
      if (other.sqlite.inTransaction) other.sqlite.exec("ROLLBACK");
      other.close();
    },
  };
}

describe("jobs while another process holds the write lock", () => {
  it("a poll waits with the event loop free and stores the feed once the lock is released", async () => {
    const feed = await serveFeed(FIXTURE_FEED);
    try {
      const config = loadConfig({}, { demo: false, readWorkers: 0, fetchAllowHosts: [feed.allowHost], dbBusyTimeoutMs: 5000 });
      const src = insertSource(db, { name: "青禾论坛", kind: "rss", url: feed.url, intervalSeconds: 3600, priority: 2, enabled: true });
      const lock = holdLock(400);
      try {
        const res = await pollSource(db, config, src);
        expect(res).toEqual({ inserted: 3 });
        expect(lock.longestGapMs()).toBeLessThan(250);
      } finally {
        lock.done();
      }
    } finally {
      await feed.close();
    }
  });

  it("a poll that waited past the busy timeout says busy, records nothing, and the scheduler holds the source back", async () => {
    const feed = await serveFeed(FIXTURE_FEED);
    try {
      const config = loadConfig({}, { demo: false, readWorkers: 0, fetchAllowHosts: [feed.allowHost], dbBusyTimeoutMs: 150, schedulerTickMs: 60_000 });
      const src = insertSource(db, { name: "青禾论坛", kind: "rss", url: feed.url, intervalSeconds: 3600, priority: 2, enabled: true });
      const row = () => db.prepare("SELECT error_count AS errors, last_success_at AS ok, item_count AS n FROM sources WHERE id = ?").get(src.id);
      const before = row();
      const lock = holdLock(5_000);
      try {
        expect(await pollSource(db, config, src)).toEqual({ inserted: 0, busy: true });
        // A refused fetch cannot record its error either: it says busy too, and the error count stays.
        const refused = await pollSource(db, { ...config, fetchAllowHosts: [] }, src);
        expect(refused).toMatchObject({ inserted: 0, busy: true, errorCode: "fetch.blocked_address" });
        expect(row()).toEqual(before);
        // The scheduler does not fetch the site again and again while the lock is held: one poll, then held back.
        const fetchesBefore = feed.hits();
        const scheduler = createScheduler(db, config, () => {}, true);
        await new Promise((r) => setTimeout(r, 1_000));
        await scheduler.stop();
        expect(feed.hits() - fetchesBefore).toBe(1);
      } finally {
        lock.done();
      }
    } finally {
      await feed.close();
    }
  });

  it("analysis waits with the event loop free and analyses the batch once the lock is released", async () => {
    const src = insertSource(db, { name: "来源", kind: "rss", url: "http://127.0.0.1:1/f", intervalSeconds: 300, priority: 1, enabled: true });
    insertItems(db, src.id, Array.from({ length: 20 }, (_, i) => ({
      guid: `g${i}`, url: null, canonicalUrl: null, contentHash: contentHash("", `学校食堂 ${i}`), author: null, title: `学校食堂 ${i}`, text: `群众反映学校食堂 ${i}`, publishedAt: null,
    })));
    const worker = createAnalysisWorker(db, () => {}, { autostart: false });
    try {
      const pending = () => (db.prepare("SELECT count(*) AS n FROM items WHERE analysed_at IS NULL").get() as { n: number }).n;
      expect(pending()).toBe(20);
      // Warm up first (the analyser loads its dictionaries on first use), with one item of another source.
      const warm = insertSource(db, { name: "预热", kind: "rss", url: "http://127.0.0.1:1/w", intervalSeconds: 300, priority: 1, enabled: true });
      insertItems(db, warm.id, [{ guid: "w", url: null, canonicalUrl: null, contentHash: contentHash("", "预热"), author: null, title: "预热", text: "预热文本", publishedAt: null }]);
      expect(await worker.drain()).toBe(21);
      insertItems(db, src.id, Array.from({ length: 20 }, (_, i) => ({
        guid: `h${i}`, url: null, canonicalUrl: null, contentHash: contentHash("", `学校操场 ${i}`), author: null, title: `学校操场 ${i}`, text: `群众反映学校操场 ${i}`, publishedAt: null,
      })));
      expect(pending()).toBe(20);
      const lock = holdLock(400);
      try {
        expect(await worker.drain()).toBe(20);
        expect(lock.longestGapMs()).toBeLessThan(250);
      } finally {
        lock.done();
      }
      expect(pending()).toBe(0);
    } finally {
      await worker.stop();
    }
  });
});
