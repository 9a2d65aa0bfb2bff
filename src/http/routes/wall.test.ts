// The wall display's tokens and snapshot: issued by admins only and shown once, read with the header and no
// session, refused (401) when unknown or revoked, never written to the audit log; the snapshot's figures
// agree with counts recomputed here from the rows themselves.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertItems } from "../../store/items";
import { insertSource } from "../../store/sources";
import { insertUnit } from "../../store/units";
import { insertAlert } from "../../store/alerts";
import { isOverdueAt } from "../../cases/commands";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildApp, redactUrl } from "../app";
import { loadConfig } from "../../config";
import { openDb } from "../../db/connection";
import { migrate } from "../../db/migrate";
import { insertDisplayToken } from "../../store/display-tokens";
import { hashDisplayToken, newDisplayToken } from "../../displays/token";
import type { CasesTable } from "../../db/schema";
import type { DisplayTokenCreated, DisplayTokenView, WallSnapshot } from "../../shared/wall-api";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const HOUR = 3_600_000;
const snapshot = (app: TestApp, token: string | undefined) =>
  app.app.inject({ method: "GET", url: "/api/wall/snapshot", headers: token === undefined ? {} : { "x-display-token": token } });

describe("display tokens", () => {
  it("are issued by admins, shown once, read without a session and refused once revoked", async () => {
    t = await createTestApp();
    const admin = await t.userClient("admin");
    const monitor = await t.userClient("monitor");
    expect((await monitor.post("/api/display-tokens", { name: "值班室" })).statusCode).toBe(403);
    expect((await monitor.get("/api/display-tokens")).statusCode).toBe(403);
    expect((await admin.post("/api/display-tokens", { name: "  " })).statusCode).toBe(400);

    const res = await admin.post("/api/display-tokens", { name: "值班室大屏" });
    expect(res.statusCode).toBe(201);
    const created = res.json<DisplayTokenCreated>();
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.url).toBe(`${t.config.publicUrl}/wall#t=${created.token}`);

    const list = (await admin.get("/api/display-tokens")).json<{ tokens: DisplayTokenView[] }>().tokens;
    expect(list).toEqual([{ id: created.id, name: "值班室大屏", createdAt: expect.any(String), revokedAt: null, lastSeenAt: null, createdBy: expect.stringMatching(/^admin/) }]);
    expect(JSON.stringify(list)).not.toContain(created.token);

    // No session, no cookie: the header alone.
    const ok = await snapshot(t, created.token);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<WallSnapshot>().display).toBe("值班室大屏");
    expect(ok.headers["cache-control"]).toBe("no-store");
    expect((await snapshot(t, undefined)).statusCode).toBe(401);
    const wrong = await snapshot(t, `${created.token.slice(0, -1)}${created.token.endsWith("A") ? "B" : "A"}`);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: "wall.token_invalid", message: "显示令牌无效或已吊销" });
    expect((await snapshot(t, "not a token")).statusCode).toBe(401);
    // Read-only: nothing but GET is routed there.
    expect((await t.app.inject({ method: "POST", url: "/api/wall/snapshot", headers: { "x-display-token": created.token } })).statusCode).toBe(404);

    // Last seen is noted, at most once a minute.
    const seen = () => t!.db.prepare("SELECT last_seen_at FROM display_tokens WHERE id = ?").pluck().get(created.id) as number | null;
    const first = seen()!;
    expect(first).toBeGreaterThan(0);
    vi.useFakeTimers({ toFake: ["Date"], now: first + 30_000 });
    try {
      expect((await snapshot(t, created.token)).statusCode).toBe(200);
      expect(seen()).toBe(first);
      vi.setSystemTime(first + 61_000);
      await snapshot(t, created.token);
      expect(seen()).toBe(first + 61_000);
    } finally {
      vi.useRealTimers();
    }

    const revoked = await admin.del(`/api/display-tokens/${created.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<DisplayTokenView>().revokedAt).not.toBeNull();
    expect((await snapshot(t, created.token)).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: `/api/wall/stream?t=${created.token}` })).statusCode).toBe(401);
    expect((await admin.del("/api/display-tokens/9999")).statusCode).toBe(404);

    const audit = t.db.prepare("SELECT * FROM audit_log WHERE target_type = 'display_token' ORDER BY id").all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(["display_token.create", "display_token.revoke"]);
    const everything = JSON.stringify(t.db.prepare("SELECT * FROM audit_log").all());
    expect(everything).toContain("值班室大屏");
    expect(everything).not.toContain(created.token);
    // Only the hash is stored.
    expect(JSON.stringify(t.db.prepare("SELECT * FROM display_tokens").all())).not.toContain(created.token);
  });

  it("keeps the token out of the server log, even at trace level with requests logged", async () => {
    const lines: string[] = [];
    const dir = mkdtempSync(path.join(os.tmpdir(), "tingfeng-wall-log-"));
    const db = openDb(path.join(dir, "log.db"));
    migrate(db);
    const config = loadConfig({}, { dataDir: dir, demo: false, readWorkers: 0 });
    const app = await buildApp({ db, config, version: "test" }, { logger: { level: "trace", stream: { write: (l) => void lines.push(l) } }, serveWeb: false });
    try {
      const token = newDisplayToken();
      insertDisplayToken(db, "日志", hashDisplayToken(token), null);
      // What request logging would write, through the app's serializers.
      app.addHook("onRequest", async (req) => req.log.info({ req }, "incoming request"));
      expect((await app.inject({ method: "GET", url: "/api/wall/snapshot", headers: { "x-display-token": token } })).statusCode).toBe(200);
      expect((await app.inject({ method: "GET", url: `/api/wall/stream?t=${token.slice(1)}` })).statusCode).toBe(401);
      const log = lines.join("");
      expect(log).toContain("/api/wall/stream?t=…");
      expect(log).not.toContain(token.slice(1));
    } finally {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps a token out of logged URLs", () => {
    expect(redactUrl("/api/wall/stream?t=abcDEF_-123")).toBe("/api/wall/stream?t=…");
    expect(redactUrl("/api/x?a=1&t=secret&b=2")).toBe("/api/x?a=1&t=…&b=2");
    expect(redactUrl("/api/items?text=1")).toBe("/api/items?text=1");
  });
});

describe("the wall snapshot", () => {
  it("counts what the rows say: volume, sentiment, top events, newest alerts, open and overdue cases", async () => {
    t = await createTestApp();
    const { db } = t;
    const admin = await t.userClient("admin");
    const token = (await admin.post("/api/display-tokens", { name: "大屏" })).json<DisplayTokenCreated>().token;
    const now = Date.now();
    const src = insertSource(db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/f", intervalSeconds: 300, priority: 1, enabled: true });
    const ev = db.prepare(
      "INSERT INTO events (title, first_at, last_at, size, neg, neu, pos, risk_level, risk_override, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const risks: [string, string | null][] = [["general", null], ["significant", null], ["general", "major"], ["major", "general"]];
    const events = Array.from({ length: 8 }, (_, i) => Number(ev.run(`事件${i}`, now, now, 50 + i, i, 10, 3, risks[i % 4][0], risks[i % 4][1], now, now).lastInsertRowid));
    // 300 posts over the last 30 hours (fetched up to 20 minutes after publication, some without a publication time).
    const sentiments = ["neg", "neu", "pos", null];
    for (let i = 0; i < 300; i++) {
      const published = now - ((i * 7919) % (30 * 60)) * 60_000;
      const fetched = Math.min(now, published + (i % 21) * 60_000);
      const [id] = insertItems(db, src.id, [{ guid: `g${i}`, url: null, canonicalUrl: null, contentHash: `h${i}`, author: null, title: `帖子${i}`, text: `内容${i}`, publishedAt: null }], fetched);
      db.prepare("UPDATE items SET published_at = ?, sentiment = ?, event_id = ? WHERE id = ?")
        .run(i % 5 === 0 ? null : published, sentiments[i % 4], i % 3 === 0 ? null : events[(i * i) % 8], id);
    }
    // An old post fetched today counts at its publication time, outside the window.
    const [old] = insertItems(db, src.id, [{ guid: "old", url: null, canonicalUrl: null, contentHash: "old", author: null, title: "旧帖", text: "旧帖", publishedAt: now - 40 * HOUR }], now);
    expect(old).toBeGreaterThan(0);
    for (let i = 0; i < 12; i++) {
      const id = insertAlert(db, { ruleId: null, severity: ["general", "significant", "major"][i % 3], title: `预警${i}`, reason: "r", foldKey: `k${i}`, foldedInto: null, dueAt: null, itemId: null, publishedAt: null, fetchedAt: null, analysedAt: null, createdAt: now - (12 - i) * 60_000 });
      if (i % 4 === 0) db.prepare("UPDATE alerts SET acknowledged_at = ? WHERE id = ?").run(now, id);
    }
    const unit = insertUnit(db, "县住建局", null);
    const cs = db.prepare(
      "INSERT INTO cases (title, state, unit_id, origin, feedback_due_at, reply_due_at, overdue, replied_at, created_at, updated_at) VALUES (?, ?, ?, 'manual', ?, ?, ?, ?, ?, ?)",
    );
    const states = ["open", "triaged", "assigned", "responding", "replied", "closed"];
    for (let i = 0; i < 24; i++) {
      const feedback = i % 4 === 0 ? null : now + ((i % 7) - 4) * HOUR;
      const reply = i % 5 === 0 ? null : now + ((i % 9) - 5) * 24 * HOUR;
      cs.run(`工单${i}`, states[i % 6], i % 2 ? unit.id : null, feedback, reply, i % 11 === 0 ? 1 : 0, i % 6 === 4 && i % 3 ? now - HOUR : null, now, now);
    }

    const res = await snapshot(t, token);
    expect(res.statusCode).toBe(200);
    const s = res.json<WallSnapshot>();

    // Volume and sentiment, recomputed from every row.
    const from = Date.parse(s.volume.from);
    const to = from + 24 * HOUR;
    const rows = db.prepare("SELECT published_at, fetched_at, sentiment, event_id FROM items").all() as { published_at: number | null; fetched_at: number; sentiment: string | null; event_id: number | null }[];
    const inWindow = rows.filter((r) => (r.published_at ?? r.fetched_at) >= from && (r.published_at ?? r.fetched_at) < to);
    const buckets = new Array<number>(144).fill(0);
    for (const r of inWindow) buckets[Math.floor(((r.published_at ?? r.fetched_at) - from) / 600_000)]++;
    expect(s.volume.counts).toEqual(buckets);
    expect(s.volume.total24h).toBe(inWindow.length);
    expect(s.volume.total24h).toBeGreaterThan(150);
    expect(s.volume.total24h).toBeLessThan(300);
    expect(s.volume.lastHour).toBe(buckets.slice(-6).reduce((a, b) => a + b, 0));
    expect(to).toBeGreaterThan(now);
    expect(to - now).toBeLessThanOrEqual(600_000);
    const count = (label: string | null) => inWindow.filter((r) => r.sentiment === label).length;
    expect(s.sentiment).toEqual({ neg: count("neg"), neu: count("neu"), pos: count("pos"), none: count(null) });

    // Top events by their items in the window, with the analyst's level over the suggestion.
    const perEvent = new Map<number, number>();
    for (const r of inWindow) if (r.event_id) perEvent.set(r.event_id, (perEvent.get(r.event_id) ?? 0) + 1);
    const top = [...perEvent].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, 6);
    expect(s.topEvents.map((e) => [e.id, e.items24h])).toEqual(top);
    for (const e of s.topEvents) {
      const i = events.indexOf(e.id);
      expect(e).toMatchObject({ title: `事件${i}`, size: 50 + i, risk: risks[i % 4][1] ?? risks[i % 4][0], negShare: i / (i + 13) });
    }

    // The ten newest alerts, newest first.
    expect(s.alerts.map((a) => a.title)).toEqual(Array.from({ length: 10 }, (_, k) => `预警${11 - k}`));
    expect(s.alerts.map((a) => a.acknowledged)).toEqual(Array.from({ length: 10 }, (_, k) => (11 - k) % 4 === 0));

    // Open and overdue cases as the case list marks them; the most overdue first.
    const cases = db.prepare("SELECT c.*, u.name AS unit_name FROM cases c LEFT JOIN units u ON u.id = c.unit_id").all() as (CasesTable & { unit_name: string | null })[];
    const open = cases.filter((c) => c.state !== "closed");
    const overdue = open.filter((c) => !!c.overdue || isOverdueAt(c, Date.parse(s.generatedAt)));
    expect(s.cases.open).toBe(open.length);
    expect(s.cases.overdue).toBe(overdue.length);
    expect(overdue.length).toBeGreaterThan(5);
    expect(s.cases.mostOverdue).toHaveLength(5);
    const deadlines = s.cases.mostOverdue.map((c) => Date.parse(c.deadline!));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    for (const c of s.cases.mostOverdue) {
      const row = overdue.find((o) => o.id === c.id)!;
      expect(row).toBeDefined();
      expect(c.unitName).toBe(row.unit_name);
      expect([row.feedback_due_at, row.reply_due_at]).toContain(Date.parse(c.deadline!));
    }
  });
});
