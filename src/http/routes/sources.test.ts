import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { FIXTURE_FEED } from "../../../test/e2e/fixture-feed";

let t: TestApp;
let server: http.Server;
let base: string;
let feedBody = FIXTURE_FEED;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/feed.xml") res.writeHead(200, { "content-type": "application/rss+xml" }).end(feedBody);
    else if (req.url === "/broken") res.writeHead(500).end("oops");
    else if (req.url === "/huge") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 11; i++) res.write(chunk);
      res.end();
    } else if (req.url === "/html") res.writeHead(200, { "content-type": "text/html" }).end("<html><body>not a feed</body></html>");
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(async () => {
  feedBody = FIXTURE_FEED;
  // The fixture is on loopback: the fetch guard lets exactly its host:port through.
  t = await createTestApp({ fetchAllowHosts: [new URL(base).host] });
});
afterEach(() => t.close());

describe("sources and the ledger", () => {
  it("adds a feed, stores its items once, and finds them with a 2-character query", async () => {
    const m = await t.userClient("monitor");
    const created = await m.post("/api/sources", { name: "青禾县论坛", kind: "rss", url: `${base}/feed.xml`, intervalSeconds: 60 });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await m.post(`/api/sources/${id}/fetch`)).json()).toEqual({ inserted: 3 });
    expect((await m.post(`/api/sources/${id}/fetch`)).json()).toEqual({ inserted: 0 });

    const list = (await m.get("/api/sources")).json().sources;
    expect(list[0]).toMatchObject({ id, itemCount: 3, errorCount: 0, lastError: null, lastErrorCode: null });
    expect(list[0].lastSuccessAt).not.toBeNull();

    const found = (await m.get(`/api/items?q=${encodeURIComponent("拥堵")}&limit=10`)).json();
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ title: "柳溪镇道路施工致早高峰拥堵", sourceId: id, url: "http://127.0.0.1/p/2" });
    expect(found.items[0].publishedAt).toBe("2026-11-21T01:00:00.000Z");
    const edu = (await m.get(`/api/items?q=${encodeURIComponent("教育")}`)).json();
    expect(edu.items.map((i: { title: string }) => i.title)).toEqual(["网友贴出一段代码问教育局", "家长反映青禾二中补课费过高"]);
    const script = edu.items[0].text;
    expect(script).toContain("<script>window.__pwned = 1</script>");
  });

  it("filters by status and time, and exports a result as XLSX", async () => {
    const m = await t.userClient("monitor");
    const id = (await m.post("/api/sources", { name: "f", kind: "rss", url: `${base}/feed.xml` })).json().id;
    await m.post(`/api/sources/${id}/fetch`);
    const all = (await m.get("/api/items")).json();
    expect(all.total).toBe(3);
    const first = all.items[2];
    expect((await m.patch(`/api/items/${first.id}`, { status: "ignored" })).json().status).toBe("ignored");
    expect((await m.get("/api/items?status=ignored")).json().items.map((i: { id: number }) => i.id)).toEqual([first.id]);
    const after = (await m.get(`/api/items?from=${encodeURIComponent("2026-11-21T00:30:00Z")}`)).json();
    expect(after.total).toBe(2);
    expect((await m.get("/api/items?from=yesterday")).statusCode).toBe(400);
    const x = await m.get(`/api/items/export.xlsx?q=${encodeURIComponent("教育")}`);
    expect(x.statusCode).toBe(200);
    expect(x.headers["content-type"]).toContain("spreadsheetml");
    expect(x.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("stores fetch failures on the source row and backs off", async () => {
    const m = await t.userClient("monitor");
    for (const [path, code, pattern] of [
      ["/broken", "fetch.http_server_error", /服务器出错/], ["/huge", "fetch.too_large", /大小上限/], ["/html", "feed.not_a_feed", /不是订阅源/],
    ] as const) {
      const id = (await m.post("/api/sources", { name: path, kind: "rss", url: `${base}${path}` })).json().id;
      const r = (await m.post(`/api/sources/${id}/fetch`)).json();
      expect(r).toMatchObject({ inserted: 0, errorCode: code });
      expect(r.error).toMatch(pattern);
      expect(r.error).not.toMatch(/oops|not a feed/); // the response body is never quoted
      const s = (await m.get(`/api/sources/${id}`)).json();
      expect(s.errorCount).toBe(1);
      expect(s.lastError).toBe(r.error);
      expect(s.lastErrorCode).toBe(code);
      expect(Date.parse(s.nextFetchAt)).toBeGreaterThan(Date.now() + 30_000);
    }
  });

  it("validates the form with per-field messages", async () => {
    const m = await t.userClient("monitor");
    const bad = await m.post("/api/sources", { name: "", kind: "rss", url: "ftp://x", intervalSeconds: 5 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(["intervalSeconds", "name", "url"]);
  });

  it("deleting a source removes its items from the ledger, the index and the events' counts", async () => {
    const m = await t.userClient("admin");
    const id = (await m.post("/api/sources", { name: "f", kind: "rss", url: `${base}/feed.xml` })).json().id;
    await m.post(`/api/sources/${id}/fetch`);
    await t.analysis.drain();
    const events = (await m.get("/api/events?limit=200")).json();
    expect(events.events.reduce((n: number, e: { size: number }) => n + e.size, 0)).toBe(3);
    expect((await m.del(`/api/sources/${id}`)).statusCode).toBe(204);
    expect((await m.get(`/api/items?q=${encodeURIComponent("教育")}`)).json().total).toBe(0);
    // An event left without members is no longer listed, nor counted.
    expect((await m.get("/api/events?limit=200")).json()).toMatchObject({ events: [], total: 0 });
    const size = (e: number) => (t.db.sqlite.prepare("SELECT size FROM events WHERE id = ?").get(e) as { size: number }).size;
    expect(events.events.map((e: { id: number }) => size(e.id))).toEqual(events.events.map(() => 0));
    // The live clusterer forgot them too, and so does what a restart reads back.
    for (const e of events.events as { id: number }[]) {
      expect(t.analysis.analyser.events.snapshot(e.id)).toMatchObject({ size: 0, members: [], terms: [] });
      const stored = JSON.parse((t.db.sqlite.prepare("SELECT state FROM events WHERE id = ?").get(e.id) as { state: string }).state);
      expect(stored).toMatchObject({ size: 0, members: [] });
    }
    expect((await m.get("/api/audit?action=source.delete")).json().total).toBe(1);
  });
});
