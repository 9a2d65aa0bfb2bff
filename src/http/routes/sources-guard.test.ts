// The fetch guard through the API: fixture servers on 127.0.0.1, sources added and fetched as a
// monitor would, and what ends up stored (items, the source row, the audit log).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { FIXTURE_FEED } from "../../../test/e2e/fixture-feed";
import { FETCH_MESSAGES } from "../../shared/fetch-messages";
import { insertSource } from "../../store/sources";

const BLOCKED = "目标地址为内网/本机地址，已拒绝抓取";
const SECRET_PAGE = "内部系统 admin-token-7f3a";

interface Fixture { server: http.Server; port: number; hits: string[] }
let a: Fixture;
let b: Fixture;
let t: TestApp | null = null;

async function fixture(): Promise<Fixture> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    const url = new URL(req.url ?? "/", "http://x");
    const to = url.searchParams.get("to");
    if (url.pathname === "/redirect" && to) return void res.writeHead(Number(url.searchParams.get("status")), { location: to }).end();
    if (url.pathname === "/feed.xml") return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(FIXTURE_FEED);
    res.writeHead(200, { "content-type": "text/html" }).end(`<html><body>${SECRET_PAGE}</body></html>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

beforeAll(async () => {
  a = await fixture();
  b = await fixture();
});
afterAll(async () => {
  for (const f of [a, b]) await new Promise<void>((r) => f.server.close(() => r()));
});
afterEach(async () => {
  await t?.close();
  t = null;
});

const itemCount = (app: TestApp): number => (app.db.sqlite.prepare("SELECT count(*) AS n FROM items").get() as { n: number }).n;

/** Fetches source `id` now and checks that it was refused as internal with nothing stored. */
async function expectRefused(app: TestApp, id: number): Promise<void> {
  const m = await app.userClient("monitor");
  const r = (await m.post(`/api/sources/${id}/fetch`)).json();
  expect(r).toMatchObject({ inserted: 0, errorCode: "fetch.blocked_address" });
  expect(r.error).toContain(BLOCKED);
  const s = (await m.get(`/api/sources/${id}`)).json();
  expect(s).toMatchObject({ lastErrorCode: "fetch.blocked_address", errorCount: 1, itemCount: 0 });
  expect(s.lastError).toContain(BLOCKED);
  expect(itemCount(app)).toBe(0);
}

describe("fetch guard through the API", () => {
  it("refuses every spelling of 127.0.0.1 with no allow list, storing nothing and never connecting", async () => {
    t = await createTestApp();
    const m = await t.userClient("monitor");
    const spellings = ["127.0.0.1", "2130706433", "0x7f.1", "0177.0.0.1", "127.1", "[::ffff:127.0.0.1]", "[::1]"];
    for (const host of spellings) {
      // A literal internal address is refused on the form already…
      const created = await m.post("/api/sources", { name: host, kind: "rss", url: `http://${host}:${a.port}/feed.xml` });
      expect(created.statusCode, host).toBe(400);
      expect(created.json().fields.url).toContain(BLOCKED);
    }
    expect((await m.get("/api/sources")).json().sources).toEqual([]);
    // …and one stored before the guard existed (or while it was allowed) is refused when fetched.
    for (const host of spellings) {
      const s = insertSource(t.db, { name: host, kind: "rss", url: `http://${host}:${a.port}/feed.xml`, intervalSeconds: 300, priority: 3, enabled: true });
      await expectRefused(t, s.id);
    }
    // A name is judged on what it resolves to (localhost comes from /etc/hosts, not the network).
    const named = await m.post("/api/sources", { name: "localhost", kind: "rss", url: `http://localhost:${a.port}/feed.xml` });
    expect(named.statusCode).toBe(201);
    await expectRefused(t, named.json().id);
    expect(a.hits).toEqual([]);
  });

  it.each([302, 307])("refuses a %i redirect from the allowed host to a refused one", async (status) => {
    t = await createTestApp({ fetchAllowHosts: [`127.0.0.1:${a.port}`] });
    const m = await t.userClient("monitor");
    const before = b.hits.length;
    for (const to of [`http://127.0.0.1:${b.port}/feed.xml`, `http://localhost:${b.port}/feed.xml`, `http://127.0.0.2:${b.port}/feed.xml`]) {
      const url = `http://127.0.0.1:${a.port}/redirect?status=${status}&to=${encodeURIComponent(to)}`;
      const created = await m.post("/api/sources", { name: to, kind: "rss", url });
      expect(created.statusCode).toBe(201);
      await expectRefused(t, created.json().id);
    }
    expect(b.hits.length).toBe(before);
  });

  it("lets exactly the allowed host:port through, and not another port", async () => {
    t = await createTestApp({ fetchAllowHosts: [`127.0.0.1:${a.port}`] });
    const m = await t.userClient("monitor");
    const ok = (await m.post("/api/sources", { name: "a", kind: "rss", url: `http://127.0.0.1:${a.port}/feed.xml` })).json();
    expect((await m.post(`/api/sources/${ok.id}/fetch`)).json()).toEqual({ inserted: 3 });
    const other = await m.post("/api/sources", { name: "b", kind: "rss", url: `http://127.0.0.1:${b.port}/feed.xml` });
    expect(other.statusCode).toBe(400);
    const stored = insertSource(t.db, { name: "b", kind: "rss", url: `http://127.0.0.1:${b.port}/feed.xml`, intervalSeconds: 300, priority: 3, enabled: true });
    const r = (await m.post(`/api/sources/${stored.id}/fetch`)).json();
    expect(r).toMatchObject({ inserted: 0, errorCode: "fetch.blocked_address" });
    expect(itemCount(t)).toBe(3);
  });

  it("stores one generic Chinese message for a connection failure, and never a response body", async () => {
    const closed = await fixture();
    await new Promise<void>((r) => closed.server.close(() => r()));
    t = await createTestApp({ fetchAllowHosts: [`127.0.0.1:${closed.port}`, `127.0.0.1:${a.port}`] });
    const m = await t.userClient("monitor");
    const down = (await m.post("/api/sources", { name: "down", kind: "rss", url: `http://127.0.0.1:${closed.port}/feed.xml` })).json();
    const r = (await m.post(`/api/sources/${down.id}/fetch`)).json();
    expect(r).toEqual({ inserted: 0, errorCode: "fetch.network", error: FETCH_MESSAGES["fetch.network"]["zh-CN"] });
    expect(r.error).not.toMatch(/ECONN|\d{4,5}/);

    const page = (await m.post("/api/sources", { name: "page", kind: "rss", url: `http://127.0.0.1:${a.port}/intranet` })).json();
    const p = (await m.post(`/api/sources/${page.id}/fetch`)).json();
    expect(p.errorCode).toBe("feed.not_a_feed");
    const row = (await m.get(`/api/sources/${page.id}`)).json();
    for (const text of [p.error, row.lastError, JSON.stringify((await m.get("/api/audit?action=source.fetch")).json())]) {
      expect(text).not.toContain("admin-token");
    }
  });

  it("refuses a URL with a user name or password on the form, storing and auditing nothing", async () => {
    t = await createTestApp();
    const admin = await t.userClient("admin");
    const url = "http://reader:s3cret-pw@feeds.qinghe.example/rss.xml";
    const created = await admin.post("/api/sources", { name: "with password", kind: "rss", url });
    expect(created.statusCode).toBe(400);
    expect(created.json()).toMatchObject({ code: "validation" });
    expect(created.json().fields.url).toContain(FETCH_MESSAGES["fetch.credentials_in_url"]["zh-CN"]);
    expect((await admin.get("/api/sources")).json().sources).toEqual([]);

    const id = (await admin.post("/api/sources", { name: "plain", kind: "rss", url: "http://feeds.qinghe.example/rss.xml" })).json().id;
    const patched = await admin.patch(`/api/sources/${id}`, { url });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().fields.url).toBeTruthy();
    expect((await admin.get(`/api/sources/${id}`)).json().url).toBe("http://feeds.qinghe.example/rss.xml");
    const audit = t.db.sqlite.prepare("SELECT summary FROM audit_log").pluck().all() as string[];
    expect(audit.length).toBeGreaterThan(0);
    for (const summary of audit) expect(summary).not.toContain("s3cret-pw");
  });
});
