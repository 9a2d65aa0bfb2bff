// The wall's event stream: a snapshot at once, another soon after a new alert, and `revoked` then the end of
// the stream when its token is revoked (at once through the API; at the next push when revoked elsewhere).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../../test/helpers";
import { insertItems } from "../../store/items";
import { insertSource } from "../../store/sources";
import { revokeDisplayToken } from "../../store/display-tokens";
import type { DisplayTokenCreated, WallSnapshot } from "../../shared/wall-api";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** An open stream: the text so far, a wait for a condition on it, and whether the server ended it. */
function openStream(port: number, token: string) {
  return new Promise<{ status: number; res: http.IncomingMessage; until(ok: (text: string) => boolean): Promise<string>; ended: Promise<void> }>((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path: `/api/wall/stream?t=${token}` }, (res) => {
      let text = "";
      const waiters: (() => void)[] = [];
      res.on("data", (c: Buffer) => {
        text += c.toString();
        for (const w of waiters.splice(0)) w();
      });
      const ended = new Promise<void>((done) => res.on("end", done));
      const until = (ok: (text: string) => boolean) =>
        new Promise<string>((done, fail) => {
          const timer = setTimeout(() => fail(new Error(`stream: not seen in time:\n${text}`)), 8_000);
          const check = () => (ok(text) ? (clearTimeout(timer), done(text)) : waiters.push(check));
          check();
        });
      resolve({ status: res.statusCode ?? 0, res, until, ended });
    }).on("error", reject);
  });
}

const snapshots = (text: string): WallSnapshot[] =>
  [...text.matchAll(/event: snapshot\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]) as WallSnapshot);

async function issue(admin: Client, name: string): Promise<DisplayTokenCreated> {
  return (await admin.post("/api/display-tokens", { name })).json<DisplayTokenCreated>();
}

it("sends a snapshot at once and again soon after a new alert, and closes with `revoked` when the token is revoked", async () => {
  t = await createTestApp();
  const admin = await t.userClient("admin");
  const wall = await issue(admin, "值班室");
  const other = await issue(admin, "会商室");
  const src = insertSource(t.db, { name: "青禾新闻网", kind: "rss", url: "http://127.0.0.1/f", intervalSeconds: 300, priority: 1, enabled: true });
  const [itemId] = insertItems(t.db, src.id, [{ guid: "s1", url: null, canonicalUrl: null, contentHash: "s1", author: null, title: "城西片区停水", text: "城西片区明日停水。", publishedAt: null }]);
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const port = (t.app.server.address() as AddressInfo).port;

  const a = await openStream(port, wall.token);
  expect(a.status).toBe(200);
  expect(a.res.headers["content-type"]).toContain("text/event-stream");
  const first = snapshots(await a.until((s) => snapshots(s).length >= 1))[0];
  expect(first).toMatchObject({ display: "值班室", volume: { total24h: 1 }, alerts: [] });

  const raised = await admin.post("/api/alerts", { itemId, severity: "major", note: "请关注" });
  expect(raised.statusCode).toBe(201);
  const after = snapshots(await a.until((s) => snapshots(s).some((x) => x.alerts.length > 0))).at(-1)!;
  expect(after.alerts[0]).toMatchObject({ severity: "major", acknowledged: false });
  expect(after.alerts[0].title).toContain("停水");

  // Revoked through the API: the open stream hears it at once and ends; reopening is refused.
  const b = await openStream(port, other.token);
  await b.until((s) => snapshots(s).length >= 1);
  expect((await admin.del(`/api/display-tokens/${wall.id}`)).statusCode).toBe(200);
  await a.until((s) => s.includes("event: revoked"));
  await a.ended;
  expect((await openStream(port, wall.token)).status).toBe(401);

  // Revoked behind the server's back (another process): the stream finds out at its next push.
  revokeDisplayToken(t.db, other.id);
  await admin.post("/api/alerts", { itemId, severity: "general" });
  await b.until((s) => s.includes("event: revoked"));
  await b.ended;
});
