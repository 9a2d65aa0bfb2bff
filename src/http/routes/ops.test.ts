import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertSource } from "../../store/sources";
import { insertItems } from "../../store/items";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ metricsToken: "a-long-metrics-token-123" });
});
afterEach(async () => {
  await t.close();
});

describe("GET /metrics", () => {
  it("answers loopback without a token in Prometheus text, with the ingest, analysis and HTTP series", async () => {
    const admin = await t.userClient("admin");
    // A source whose fetch the guard refuses (a loopback address, not on the allow list): one fetch error.
    const s = insertSource(t.db, { name: "内网地址", kind: "rss", url: "http://127.0.0.1:1/feed.xml", intervalSeconds: 300, priority: 1, enabled: true });
    expect((await admin.post(`/api/sources/${s.id}/fetch`)).statusCode).toBe(200);
    const res = await t.app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    const text = res.body;
    expect(text).toContain("# TYPE tingfeng_items_stored_total counter");
    expect(text).toMatch(/tingfeng_fetch_errors_total\{source_id="\d+",code="[a-z_.]+"\} 1/);
    expect(text).toMatch(/tingfeng_http_request_duration_seconds_count\{method="POST",route="\/api\/sources\/:id\/fetch",status_code="200"\} \d+/);
    expect(text).toMatch(/tingfeng_analysis_lag_items \d+/);
    expect(text).toMatch(/tingfeng_database_bytes \d+/);
    expect(text).toContain("tingfeng_nodejs_eventloop_lag_seconds");
  });

  it("counts the items waiting for analysis", async () => {
    const s = insertSource(t.db, { name: "县融媒体中心", kind: "rss", url: "http://127.0.0.1/f", intervalSeconds: 300, priority: 1, enabled: true });
    insertItems(t.db, s.id, [1, 2, 3].map((n) => ({ guid: `g${n}`, url: null, canonicalUrl: null, contentHash: `h${n}`, author: null, title: `标题${n}`, text: `正文${n}`, publishedAt: null })));
    expect((await t.app.inject({ method: "GET", url: "/metrics" })).body).toMatch(/^tingfeng_analysis_lag_items 3$/m);
    await t.analysis.drain();
    expect((await t.app.inject({ method: "GET", url: "/metrics" })).body).toMatch(/^tingfeng_analysis_lag_items 0$/m);
  });

  it("refuses other addresses and proxied requests without the token, and takes the token", async () => {
    expect((await t.app.inject({ method: "GET", url: "/metrics", remoteAddress: "10.1.2.3" })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/metrics", headers: { "x-forwarded-for": "203.0.113.9" } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/metrics", remoteAddress: "10.1.2.3", headers: { authorization: "Bearer wrong-token-of-some-length" } })).statusCode).toBe(403);
    const ok = await t.app.inject({ method: "GET", url: "/metrics", remoteAddress: "10.1.2.3", headers: { authorization: "Bearer a-long-metrics-token-123" } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain("tingfeng_items_stored_total");
  });
});

describe("GET /api/ready", () => {
  it("says what is not ready: here no scheduler runs in the process", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/ready" });
    expect(res.statusCode).toBe(503);
    const body = res.json() as { ready: boolean; checks: Record<string, { ok: boolean; detail: string }> };
    expect(body.ready).toBe(false);
    expect(body.checks.database).toEqual({ ok: true, detail: "writable" });
    expect(body.checks.analysis!.ok).toBe(true);
    expect(body.checks.scheduler).toEqual({ ok: false, detail: "not started in this process" });
  });
});
