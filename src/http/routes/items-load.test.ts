// The ledger under many users: per-user limits, statement budgets, a locked database, export audit.
import { afterEach, describe, expect, it } from "vitest";
import path from "node:path";
import { createTestApp, type TestApp } from "../../../test/helpers";
import type { Config } from "../../config";
import { openDb } from "../../db/connection";
import { contentHash } from "../../ingest";
import { insertItems } from "../../store/items";
import { insertSource } from "../../store/sources";

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function appWithItems(n: number, overrides: Partial<Config> = {}): Promise<{ t: TestApp; ids: number[] }> {
  const app = await createTestApp(overrides);
  const src = insertSource(app.db, { name: "来源", kind: "rss", url: "http://127.0.0.1/1", intervalSeconds: 300, priority: 1, enabled: true });
  const ids: number[] = [];
  for (let k = 0; k < n; k += 1000) {
    const batch = Array.from({ length: Math.min(1000, n - k) }, (_, i) => {
      const text = `第${k + i}条 学校食堂 群众反映 ${k + i}`;
      return { guid: `g${k + i}`, url: null, canonicalUrl: null, contentHash: contentHash("", text), author: null, title: "标题", text, publishedAt: 1_700_000_000_000 + k + i };
    });
    ids.push(...insertItems(app.db, src.id, batch));
  }
  return { t: app, ids };
}

describe("per-user limits", () => {
  it("answers 429 with Retry-After and a Chinese message past a user's search rate, and not for another user", async () => {
    ({ t } = await appWithItems(10, { userSearchRate: 1 }));
    const a = await t.userClient("monitor");
    const b = await t.userClient("monitor");
    // The bucket holds two searches; the third within the second is refused.
    expect((await a.get("/api/items?collapse=1")).statusCode).toBe(200);
    expect((await a.get("/api/items?collapse=1&q=学校")).statusCode).toBe(200);
    const refused = await a.get("/api/items?collapse=1");
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/请求过于频繁/) });
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect((await b.get("/api/items?collapse=1")).statusCode).toBe(200);
  });

  it("refuses a user's searches beyond their concurrency while others are in flight", async () => {
    ({ t } = await appWithItems(3000, { readWorkers: 1, userSearchConcurrency: 1, userSearchRate: 100 }));
    const a = await t.userClient("monitor");
    const codes = (await Promise.all(Array.from({ length: 4 }, () => a.get("/api/items?collapse=1&from=2100-01-01T00:00:00Z")))).map((r) => r.statusCode);
    expect(codes).toContain(200);
    expect(codes).toContain(429);
    // Slots are given back: the next search goes through.
    expect((await a.get("/api/items?collapse=1")).statusCode).toBe(200);
  });

  it("bounds exports per user", async () => {
    ({ t } = await appWithItems(5, { userExportRate: 0.5 }));
    const a = await t.userClient("monitor");
    expect((await a.get("/api/items/export.xlsx")).statusCode).toBe(200);
    expect((await a.get("/api/items/export.xlsx")).statusCode).toBe(200);
    const refused = await a.get("/api/items/export.xlsx");
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBeDefined();
  });
});

describe("statement budgets", () => {
  it("ends a search past its budget with a clear error, and the next search works", async () => {
    ({ t } = await appWithItems(20_000, { queryBudgetMs: 1 }));
    const a = await t.userClient("monitor");
    // No item is that new, so the time filter reads every row.
    const slow = await a.get("/api/items?collapse=1&from=2100-01-01T00:00:00Z");
    expect(slow.statusCode).toBe(422);
    expect(slow.json()).toMatchObject({ code: "query.too_slow", message: "查询耗时过长，已中止，请缩小时间范围或增加筛选条件" });
    const next = await a.get("/api/items?limit=5");
    expect(next.statusCode).toBe(200);
    expect(next.json().items).toHaveLength(5);
  });
});

describe("a writer holding the database", () => {
  it("keeps /api/health answering, and a write that waits past its budget answers 503 db.busy", async () => {
    const { t: app, ids } = await appWithItems(3, { dbBusyTimeoutMs: 400 });
    t = app;
    const a = await app.userClient("monitor");
    const other = openDb(path.join(app.dir, "test.db"));
    other.sqlite.exec("BEGIN IMMEDIATE");
    try {
      const t0 = performance.now();
      const write = a.patch(`/api/items/${ids[0]}`, { status: "seen" });
      const health = await app.app.inject({ method: "GET", url: "/api/health" });
      const healthMs = performance.now() - t0;
      expect(health.statusCode).toBe(200);
      expect(healthMs).toBeLessThan(200);
      // Reads go on while the lock is held.
      expect((await a.get("/api/items?collapse=1")).statusCode).toBe(200);
      const res = await write;
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: "db.busy", message: expect.stringMatching(/数据库正忙/) });
      expect(res.body).not.toMatch(/SQLITE_BUSY|database is locked/);
      expect(res.headers["retry-after"]).toBeDefined();
    } finally {
      other.sqlite.exec("ROLLBACK");
      other.close();
    }
    expect((await a.patch(`/api/items/${ids[0]}`, { status: "seen" })).statusCode).toBe(200);
  });

  it("answers health while a long read runs on the read pool", async () => {
    ({ t } = await appWithItems(3, { readWorkers: 1 }));
    await t.reads.run("countRows", [10]);
    let done = false;
    const slow = t.reads.run("countRows", [1e6], 30_000).then(() => (done = true));
    const t0 = performance.now();
    const health = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(200);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(done).toBe(false);
    await slow;
  });
});

describe("export audit", () => {
  it("records each XLSX and CSV export with its filter and row count", async () => {
    // The file is rendered on a read thread.
    ({ t } = await appWithItems(30, { readWorkers: 1 }));
    const admin = await t.userClient("admin");
    const file = await admin.get("/api/items/export.xlsx?q=食堂&collapse=1&status=new");
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect((await admin.get("/api/audit/export.csv?action=items.export")).statusCode).toBe(200);
    const entries = (await admin.get("/api/audit?limit=10")).json().entries as { action: string; targetType: string; summary: unknown }[];
    const items = entries.find((e) => e.action === "items.export");
    expect(items).toBeDefined();
    const summary = (s: unknown) => (typeof s === "string" ? JSON.parse(s) : s);
    expect(summary(items!.summary)).toEqual({ format: "xlsx", filter: { q: "食堂", collapse: true, status: "new" }, rows: 30 });
    const audit = entries.find((e) => e.action === "audit.export");
    expect(summary(audit!.summary)).toEqual({ format: "csv", filter: { action: "items.export" }, rows: 1 });
  });
});
