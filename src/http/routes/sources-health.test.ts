// The sources list shows each source's health light with its reasons and a 7-day activity line, broken first.
import { afterEach, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertSource } from "../../store/sources";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

it("lists red, then yellow, then green sources with their reasons and items per day", async () => {
  t = await createTestApp();
  const db = t.db;
  const add = (name: string) => insertSource(db, { name, kind: "rss", url: `https://example.org/${name}.xml`, intervalSeconds: 300, priority: 3, enabled: true }).id;
  const ok = add("ok");
  const failing = add("failing");
  const flaky = add("flaky");
  const now = Date.now();
  db.prepare("UPDATE sources SET last_fetched_at = ?, last_success_at = ?, error_count = 0 WHERE id = ?").run(now, now, ok);
  db.prepare("UPDATE sources SET last_fetched_at = ?, last_success_at = ?, error_count = 4 WHERE id = ?").run(now, now - 86_400_000, failing);
  db.prepare("UPDATE sources SET last_fetched_at = ?, last_success_at = ?, error_count = 1 WHERE id = ?").run(now, now - 600_000, flaky);
  const ins = db.prepare("INSERT INTO items (source_id, dedup_key, content_hash, title, text, fetched_at) VALUES (?, ?, ?, 't', 'x', ?)");
  for (let i = 0; i < 5; i++) ins.run(ok, `k${i}`, `h${i}`, now - i * 86_400_000 - 1000);
  const admin = await t.userClient("admin");
  const res = await admin.get("/api/sources");
  expect(res.statusCode).toBe(200);
  const list = res.json().sources as { id: number; health: { level: string; reasons: string[] }; itemsPerDay: number[] }[];
  expect(list.map((s) => s.id)).toEqual([failing, flaky, ok]);
  expect(list[0].health).toEqual({ level: "red", reasons: ["连续 4 次抓取失败"] });
  expect(list[1].health.level).toBe("yellow");
  expect(list[2].health).toEqual({ level: "green", reasons: [] });
  expect(list[2].itemsPerDay).toHaveLength(7);
  expect(list[2].itemsPerDay.reduce((a, b) => a + b, 0)).toBe(5);
  expect(list[2].itemsPerDay[6]).toBe(1);
});
