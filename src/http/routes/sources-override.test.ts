// A per-source interval override with an expiry: due at its own pace while it lasts, back to the source's
// interval after; set and cleared through the API, audited.
import { afterEach, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { dueSources, insertSource } from "../../store/sources";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

it("polls a source every minute for the given hours, then at its own interval again", async () => {
  t = await createTestApp();
  const db = t.db;
  const id = insertSource(db, { name: "青禾论坛", kind: "rss", url: "https://example.org/f.xml", intervalSeconds: 3600, priority: 3, enabled: true }).id;
  const now = Date.now();
  // Fetched a moment ago: not due for an hour.
  db.prepare("UPDATE sources SET last_fetched_at = ?, next_fetch_at = ? WHERE id = ?").run(now - 90_000, now + 3_510_000, id);
  expect(dueSources(db, now).map((s) => s.id)).toEqual([]);
  const monitor = await t.userClient("monitor");
  const res = await monitor.post(`/api/sources/${id}/interval-override`, { intervalSeconds: 60, hours: 24 });
  expect(res.statusCode).toBe(200);
  expect(res.json().intervalOverride.intervalSeconds).toBe(60);
  expect(Date.parse(res.json().intervalOverride.until) - now).toBeGreaterThan(23.9 * 3_600_000);
  expect(dueSources(db, now).map((s) => s.id)).toEqual([id]);
  // Within its minute: not due; after its expiry: the source's own hour applies again.
  db.prepare("UPDATE sources SET last_fetched_at = ? WHERE id = ?").run(now - 30_000, id);
  expect(dueSources(db, now).map((s) => s.id)).toEqual([]);
  expect(dueSources(db, now + 23 * 3_600_000).map((s) => s.id)).toEqual([id]); // still within the 24 hours, its minute long past
  db.prepare("UPDATE sources SET last_fetched_at = ?, next_fetch_at = ? WHERE id = ?").run(now + 25 * 3_600_000, now + 26 * 3_600_000, id);
  expect(dueSources(db, now + 25 * 3_600_000 + 120_000).map((s) => s.id)).toEqual([]);
  // Cleared, and both changes in the audit log.
  expect((await monitor.del(`/api/sources/${id}/interval-override`)).json().intervalOverride).toBeNull();
  const audit = db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'source.interval_override'").get() as { n: number };
  expect(audit.n).toBe(2);
  expect((await monitor.post(`/api/sources/${id}/interval-override`, { intervalSeconds: 5, hours: 1 })).statusCode).toBe(400);
});
