// The outbox survives a crash: the server (a child process) is killed with SIGKILL while deliveries
// are pending because the receiver is down; after restart every alert arrives, once per id.
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, signIn, startServer, type ServerChild } from "../../test/serve-child";
import { startReceiver, type Receiver } from "../../test/alert-receiver";
import { renderRss } from "../ingest/demo/render";

const PASSWORD = "quiet-harbour-4172";
const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-crash-"));
let server: ServerChild | undefined;
let rx: Receiver | undefined;
let feed: http.Server | undefined;
afterAll(async () => {
  server?.proc.kill("SIGKILL");
  await rx?.close();
  feed?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Alert = { id: number; foldedInto: number | null; deliveries: { state: string; attempts: number }[] };

async function until<T>(f: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("alert outbox across a crash", () => {
  it("delivers every alert after SIGKILL and restart, once per alert id", async () => {
    // The feed: twelve posts of the invented 青禾县 about fees, in an RSS document on 127.0.0.1.
    const posts = Array.from({ length: 12 }, (_, i) => ({
      guid: `fee-${i}`, title: `禾溪镇家长反映乱收费 ${i}`, url: `http://127.0.0.1/p/${i}`, author: "网友",
      text: `青禾县禾溪镇第${i + 1}小学被指乱收费，家长质疑额外补课费不合理，希望尽快调查处理。`, publishedAt: new Date(Date.now() - i * 60_000),
      source: "论坛",
    }));
    feed = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(renderRss(posts as never, "http://127.0.0.1", new Date())));
    await new Promise<void>((r) => feed!.listen(0, "127.0.0.1", r));
    const feedPort = (feed.address() as { port: number }).port;
    const rxPort = await freePort(); // the receiver is down at first
    const port = await freePort();
    const env = {
      TINGFENG_DATA_DIR: dir, TINGFENG_ADMIN_PASSWORD: PASSWORD, TINGFENG_FETCH_ALLOW_HOSTS: `127.0.0.1:${feedPort},127.0.0.1:${rxPort}`,
      TINGFENG_ALERT_RETRY_BASE_MS: "100", TINGFENG_ALERT_MAX_ATTEMPTS: "50", TINGFENG_SCHEDULER_TICK_MS: "200",
    };
    server = await startServer(env, port);
    let api = await signIn(server.base, "admin", PASSWORD);
    const ch = await api.post("/api/alert-channels", { name: "值班系统", kind: "webhook", url: `http://127.0.0.1:${rxPort}/hook`, secret: "s" });
    expect(ch.status).toBe(201);
    const watch = await api.post("/api/watches", { name: "乱收费", query: "乱收费" });
    expect(watch.status).toBe(201);
    // foldSeconds 0: no window across batches, so the alerts of separate batches are separate messages.
    const rule = await api.post("/api/alert-rules", { name: "乱收费", trigger: "watch", watchId: (watch.body as { id: number }).id, severity: "significant", channelIds: [(ch.body as { id: number }).id], foldSeconds: 0 });
    expect(rule.status).toBe(201);
    expect((await api.post("/api/sources", { name: "青禾论坛", kind: "rss", url: `http://127.0.0.1:${feedPort}/feed.xml`, intervalSeconds: 30 })).status).toBe(201);

    // Alerts are written and their deliveries fail (receiver down): kill the server mid-retry.
    const before = await until(async () => {
      const { alerts } = (await api.get("/api/alerts?limit=100")) as { alerts: Alert[] };
      return alerts.length === posts.length && alerts.every((a) => a.deliveries.every((d) => d.state === "pending" && d.attempts >= 1)) ? alerts : undefined;
    }, 60_000, "alerts pending after failed attempts");
    server.proc.kill("SIGKILL");
    await new Promise((r) => server!.proc.once("exit", r));

    rx = await startReceiver(rxPort);
    server = await startServer(env, port);
    api = await signIn(server.base, "admin", PASSWORD);
    const after = await until(async () => {
      const { alerts } = (await api.get("/api/alerts?limit=100")) as { alerts: Alert[] };
      return alerts.every((a) => a.deliveries.every((d) => d.state === "sent")) ? alerts : undefined;
    }, 30_000, "every delivery sent");
    expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());

    // The receiver drops repeats by idempotency key; what it keeps covers every alert exactly once.
    const byKey = new Map<string, { count: number; id: number }>();
    for (const r of rx.received) byKey.set(String(r.headers["idempotency-key"]), r.body as { count: number; id: number });
    const carriers = new Set(after.map((a) => String(a.foldedInto ?? a.id)));
    expect(new Set(byKey.keys())).toEqual(carriers);
    expect([...byKey.values()].reduce((s, m) => s + m.count, 0)).toBe(posts.length);
  }, 180_000);
});
