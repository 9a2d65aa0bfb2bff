// GET /api/alerts/latency through the app: who may read it, the window parameter, and the figures per channel.
import { afterEach, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertChannel } from "../../store/alert-config";
import { insertAlert, insertDelivery, recordAttempt } from "../../store/alerts";
import { alertLatency } from "../../store/alert-latency";
import type { AlertLatencyView } from "../../shared/alert-latency-api";
import type { Role } from "../../shared/api";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const HOUR = 3_600_000;

/** A delivered alert raised `ago` ms before now, fetched 20 ms before it was raised and sent `after` ms later. */
function delivered(channelId: number, ago: number, after: number): void {
  const created = Date.now() - ago;
  const id = insertAlert(t!.db, {
    ruleId: 1, severity: "major", title: "停水", reason: "r", foldKey: "k", foldedInto: null, dueAt: null, itemId: 1,
    publishedAt: created - 60_000, fetchedAt: created - 20, analysedAt: created - 10, createdAt: created,
  });
  insertDelivery(t!.db, id, channelId, created);
  recordAttempt(t!.db, id, channelId, { state: "sent", error: null, at: created + after });
}

it("lets the office read the latency per channel, refuses unit staff and strangers, and bounds the window", async () => {
  t = await createTestApp();
  const inapp = insertChannel(t.db, { name: "站内", kind: "inapp", url: null, options: {}, enabled: true }, null);
  delivered(inapp, HOUR, 100);
  delivered(inapp, 2 * HOUR, 300);
  delivered(inapp, 30 * HOUR, 5000);

  const allowed: Role[] = ["admin", "monitor", "leader", "spokesperson"];
  for (const role of allowed) {
    const res = await (await t.userClient(role)).get("/api/alerts/latency");
    expect(res.statusCode, role).toBe(200);
    const body = res.json() as AlertLatencyView;
    expect(body.hours).toBe(24);
    expect(Date.now() - Date.parse(body.since)).toBeGreaterThanOrEqual(24 * HOUR);
    expect(body.channels).toEqual([expect.objectContaining({
      id: inapp, name: "站内", kind: "inapp", sent: 2, failed: 0, pending: 0,
      createdToDelivered: { n: 2, p50: 100, p95: 300 }, fetchedToDelivered: { n: 2, p50: 120, p95: 320 },
    })]);
  }
  for (const role of ["handler", "contributor"] as Role[]) expect((await (await t.userClient(role)).get("/api/alerts/latency")).statusCode, role).toBe(403);
  expect((await t.app.inject({ method: "GET", url: "/api/alerts/latency" })).statusCode).toBe(401);

  const monitor = await t.userClient("monitor");
  const week = (await monitor.get("/api/alerts/latency?hours=168")).json() as AlertLatencyView;
  expect(week.channels[0]).toMatchObject({ sent: 3, createdToDelivered: { n: 3, p50: 300, p95: 5000 } });
  expect((await monitor.get("/api/alerts/latency?hours=169")).statusCode).toBe(400);
  expect((await monitor.get("/api/alerts/latency?hours=0")).statusCode).toBe(400);
});

it("answers the same from a read thread as inline", async () => {
  t = await createTestApp({ readWorkers: 1 });
  const hook = insertChannel(t.db, { name: "值班系统", kind: "webhook", url: "https://hooks.example.cn/a", options: {}, enabled: false }, null);
  for (let i = 1; i <= 30; i++) delivered(hook, i * 60_000, i * 37);
  const body = (await (await t.userClient("leader")).get("/api/alerts/latency?hours=2")).json() as AlertLatencyView;
  expect(body.channels).toEqual(alertLatency(t.db, 2, Date.parse(body.since) + 2 * HOUR));
  expect(body.channels[0]).toMatchObject({ enabled: false, sent: 30, createdToDelivered: { n: 30, p50: 555, p95: 1073 } });
});
