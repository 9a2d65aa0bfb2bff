import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { contentHash } from "../ingest";
import { saveAnalysis } from "../store/analysis";
import { createEventRow } from "../store/events";
import { insertItems } from "../store/items";
import { insertSource } from "../store/sources";
import { insertWatch } from "../store/watches";
import { AppError } from "../errors";
import { ReadPool } from "./read-pool";

// 300 items in three sources: every fifth copies the item before it, every third is in one of two
// events, the even ones match a watch; texts mix a few words so queries hit some of them.
const WORDS = ["学校食堂", "道路施工", "医院挂号", "水库放水", "公交线路"];
let dir: string;
let db: Db;
let ids: { sources: number[]; watch: number; events: number[] };

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "tf-read-pool-"));
  db = openDb(path.join(dir, "t.db"));
  migrate(db);
  const sources = [1, 2, 3].map((n) => insertSource(db, { name: `来源${n}`, kind: "rss", url: `http://127.0.0.1/${n}`, intervalSeconds: 300, priority: n, enabled: true }).id);
  const watch = insertWatch(db, { name: "施工", query: "施工 | 食堂", enabled: true, createdBy: null });
  const events = [createEventRow(db, 1000), createEventRow(db, 1000)];
  const itemIds: number[] = [];
  for (let n = 1; n <= 300; n++) {
    const text = `第${n}条 ${WORDS[n % 5]} ${WORDS[(n * 3) % 5]} 群众反映`;
    itemIds.push(...insertItems(db, sources[n % 3], [{ guid: `g${n}`, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: `标题${n}`, text, publishedAt: Date.now() - (300 - n) * 60_000 }]));
  }
  db.tx(() => itemIds.forEach((id, k) => {
    const n = k + 1;
    saveAnalysis(db, id, {
      sentiment: { label: ["neg", "neu", "pos"][n % 3], score: 0 }, keywords: [], simhash: "0000000000000000",
      dupGroup: String(n % 5 === 0 ? itemIds[k - 1] : id), relabelled: [], time: Date.now(), eventId: n % 3 === 0 ? events[n % 2] : 0,
      watches: n % 2 === 0 ? { ids: [watch], spans: `{"${watch}":[]}` } : { ids: [], spans: "{}" },
    });
  }));
  ids = { sources, watch, events };
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("ReadPool", () => {
  it("answers on its threads exactly what the reads answer inline", async () => {
    const inline = new ReadPool(db, { threads: 0, budgetMs: 5000 });
    const pool = new ReadPool(db, { threads: 2, budgetMs: 5000 });
    try {
      expect(pool.size).toBe(2);
      const now = Date.now();
      const filters = [
        {}, { collapse: true }, { collapse: true, q: "施工" }, { collapse: true, q: "食堂", sentiment: "neg" },
        { collapse: true, sourceIds: [ids.sources[1]] }, { collapse: true, watchId: ids.watch }, { collapse: true, q: "医院", watchId: ids.watch },
        { collapse: true, eventId: ids.events[0] }, { collapse: true, q: "学校", eventId: ids.events[1] }, { q: "群众", from: now - 100 * 60_000 },
      ];
      for (const f of filters) {
        const [a, b] = await Promise.all([inline.run("ledgerPage", [f, 20, 0]), pool.run("ledgerPage", [f, 20, 0])]);
        expect(b).toEqual(a);
        expect(a.rows.length).toBeGreaterThan(0);
      }
      expect(await pool.run("ledgerExport", [{ q: "食堂" }, 1000])).toEqual(await inline.run("ledgerExport", [{ q: "食堂" }, 1000]));
      expect(await pool.run("dashboardStats", [null, now])).toEqual(await inline.run("dashboardStats", [null, now]));
      expect(await pool.run("eventDetailView", [ids.events[0], now])).toEqual(await inline.run("eventDetailView", [ids.events[0], now]));
      expect(await pool.run("previewQuery", ["道路 NEAR/5 施工", 10])).toEqual(await inline.run("previewQuery", ["道路 NEAR/5 施工", 10]));
      expect(await pool.run("findWatchMatches", ["水库"])).toEqual(await inline.run("findWatchMatches", ["水库"]));
      expect(await pool.run("wallSnapshot", ["大屏", now])).toEqual(await inline.run("wallSnapshot", ["大屏", now]));
      // A read that rejects its input fails on a thread as it does inline.
      await expect(pool.run("previewQuery", ["(施工", 10])).rejects.toMatchObject({ status: 400, code: "invalid_query" });
    } finally {
      await pool.close();
    }
  });

  it("judges bursts on its threads with the configured minimum volume", async () => {
    const pool = new ReadPool(db, { threads: 1, budgetMs: 5000, burstMinItems: 97 });
    try {
      const view = await pool.run("eventDetailView", [ids.events[0], Date.now()]);
      expect(view?.burst?.reasons.join("\n")).toContain("不足 97 条");
    } finally {
      await pool.close();
    }
  });

  it("ends a read past its budget with query.too_slow and serves the next read on the same connection", async () => {
    for (const threads of [0, 1]) {
      const pool = new ReadPool(db, { threads, budgetMs: 5000 });
      try {
        await pool.run("countRows", [10]); // the thread is up
        const t0 = performance.now();
        const err = await pool.run("countRows", [1e10], 100).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect(err).toMatchObject({ status: 422, code: "query.too_slow", message: expect.stringContaining("查询耗时过长") });
        expect(performance.now() - t0).toBeLessThan(2000);
        expect(await pool.run("countRows", [1000])).toBe(1000);
      } finally {
        await pool.close();
      }
    }
  });

  it("keeps the event loop free while a long read runs on a thread", async () => {
    const pool = new ReadPool(db, { threads: 1, budgetMs: 30_000 });
    try {
      await pool.run("countRows", [10]); // the thread is up
      let done = false;
      const t0 = performance.now();
      const slow = pool.run("countRows", [2e6]).then((n) => {
        done = true;
        return n;
      });
      let worst = 0;
      let ticks = 0;
      while (!done) {
        const t = performance.now();
        await new Promise((r) => setTimeout(r, 5));
        worst = Math.max(worst, performance.now() - t);
        ticks++;
      }
      expect(await slow).toBe(2e6);
      const elapsed = performance.now() - t0;
      expect(ticks).toBeGreaterThan(20);
      // Relative, not a wall-clock bound: on a busy machine the read and the gaps both stretch, but a read on
      // the main thread would be one gap as long as the whole read.
      expect(worst).toBeLessThan(Math.max(100, elapsed / 4));
    } finally {
      await pool.close();
    }
  });
});
