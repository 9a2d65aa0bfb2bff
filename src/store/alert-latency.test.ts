import { describe, expect, it } from "vitest";
import { openDb, type Db } from "../db/connection";
import { migrate } from "../db/migrate";
import { insertChannel } from "./alert-config";
import { insertAlert, insertDelivery, recordAttempt } from "./alerts";
import { alertLatency } from "./alert-latency";

const HOUR = 3_600_000;
const NOW = 2_000 * HOUR;

function fresh(): Db {
  const db = openDb(":memory:");
  migrate(db);
  return db;
}

const channel = (db: Db, name: string, kind = "webhook") => insertChannel(db, { name, kind, url: null, options: {}, enabled: true }, null, NOW);

/** An alert created at `created` (fetched 10 ms before it), optionally folded into a carrier. */
function alert(db: Db, o: { created: number; published?: number | null; foldedInto?: number }): number {
  return insertAlert(db, {
    ruleId: 1, severity: "general", title: "t", reason: "r", foldKey: "k", foldedInto: o.foldedInto ?? null, dueAt: null, itemId: 1,
    publishedAt: o.published ?? null, fetchedAt: o.created - 10, analysedAt: o.created - 5, createdAt: o.created,
  });
}

function deliver(db: Db, alertId: number, channelId: number, outcome: { sentAt: number } | "failed" | "pending") {
  insertDelivery(db, alertId, channelId, 0);
  if (outcome === "pending") return;
  if (outcome === "failed") recordAttempt(db, alertId, channelId, { state: "failed", error: "HTTP 500", at: NOW });
  else recordAttempt(db, alertId, channelId, { state: "sent", error: null, at: outcome.sentAt });
}

describe("alert latency per channel", () => {
  it("gives exact nearest-rank p50/p95 of fetched, published and created → delivered, with the outcome counts", () => {
    const db = fresh();
    const hook = channel(db, "值班系统");
    const idle = channel(db, "空闲渠道", "email");
    // 20 alerts, fetched → delivered 100·i ms (created → delivered 100·i − 10).
    for (let i = 1; i <= 20; i++) {
      const created = NOW - HOUR + i * 1000;
      // Every 4th has no published time; the first is future-dated (published after it was delivered).
      const sentAt = created - 10 + 100 * i;
      const published = i % 4 === 0 ? null : i === 1 ? sentAt + 60_000 : created - 10 - 5000;
      deliver(db, alert(db, { created, published }), hook, { sentAt });
    }
    deliver(db, alert(db, { created: NOW - 100 }), hook, "failed");
    deliver(db, alert(db, { created: NOW - 90 }), hook, "failed");
    deliver(db, alert(db, { created: NOW - 80 }), hook, "pending");

    const [a, b] = alertLatency(db, 24, NOW);
    expect(a).toMatchObject({ id: hook, name: "值班系统", kind: "webhook", enabled: true, sent: 20, messages: 20, failed: 2, pending: 1 });
    // ranks ceil(0.5·20) = 10 and ceil(0.95·20) = 19.
    expect(a.fetchedToDelivered).toEqual({ n: 20, p50: 1000, p95: 1900 });
    expect(a.createdToDelivered).toEqual({ n: 20, p50: 990, p95: 1890 });
    // Published: i ∈ {2,3,5,6,7,9,10,11,13,14,15,17,18,19} (14 values of 5000 + 100·i); ranks 7 and 14.
    expect(a.publishedToDelivered).toEqual({ n: 14, p50: 6000, p95: 6900 });
    expect(b).toEqual({
      id: idle, name: "空闲渠道", kind: "email", enabled: true, sent: 0, messages: 0, failed: 0, pending: 0,
      fetchedToDelivered: { n: 0, p50: null, p95: null }, publishedToDelivered: { n: 0, p50: null, p95: null }, createdToDelivered: { n: 0, p50: null, p95: null },
    });
  });

  it("counts a folded alert as delivered with its carrier's message, at the carrier's sent time", () => {
    const db = fresh();
    const inapp = channel(db, "站内", "inapp");
    const carrier = alert(db, { created: NOW - 10_000 });
    alert(db, { created: NOW - 7_000, foldedInto: carrier });
    alert(db, { created: NOW - 4_000, foldedInto: carrier });
    deliver(db, carrier, inapp, { sentAt: NOW - 1_000 });
    // A held carrier with one folded alert: both pending.
    const held = alert(db, { created: NOW - 500 });
    alert(db, { created: NOW - 200, foldedInto: held });
    deliver(db, held, inapp, "pending");

    const [c] = alertLatency(db, 24, NOW);
    expect(c).toMatchObject({ sent: 3, messages: 1, failed: 0, pending: 2 });
    // created → delivered: 9000, 6000, 3000 ms; fetched is 10 ms earlier each.
    expect(c.createdToDelivered).toEqual({ n: 3, p50: 6000, p95: 9000 });
    expect(c.fetchedToDelivered).toEqual({ n: 3, p50: 6010, p95: 9010 });
    expect(c.publishedToDelivered).toEqual({ n: 0, p50: null, p95: null });
  });

  it("takes the alerts raised within the window only, and leaves deleted channels out", () => {
    const db = fresh();
    const hook = channel(db, "值班系统");
    const old = alert(db, { created: NOW - 30 * HOUR });
    deliver(db, old, hook, { sentAt: NOW - 30 * HOUR + 5_000 });
    const recent = alert(db, { created: NOW - 2 * HOUR });
    deliver(db, recent, hook, { sentAt: NOW - 2 * HOUR + 50 });
    deliver(db, alert(db, { created: NOW + 1000 }), hook, "pending");
    deliver(db, recent, 999, { sentAt: NOW });

    const day = alertLatency(db, 24, NOW);
    expect(day.map((c) => c.id)).toEqual([hook]);
    expect(day[0]).toMatchObject({ sent: 1, pending: 0, createdToDelivered: { n: 1, p50: 50, p95: 50 } });
    const twoDays = alertLatency(db, 48, NOW)[0];
    expect(twoDays).toMatchObject({ sent: 2, createdToDelivered: { n: 2, p50: 50, p95: 5000 } });
  });
});
