// The event, audit, dashboard and wall reads of the read pool end at their time budget with the clear
// query.too_slow error instead of holding a read connection for as long as they run.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../test/helpers";

let t: TestApp;
let admin: Client;
beforeEach(async () => {
  // A 1 ms budget: each seeded scan below takes tens of ms.
  t = await createTestApp({ queryBudgetMs: 1 });
  admin = await t.userClient("admin");
  t.db.sqlite.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
    INSERT INTO audit_log (at, actor_name, action, target_type, summary) SELECT i, 'system', 'item.triage', 'item', '{}' FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
    INSERT INTO events (title, first_at, last_at, size, created_at, updated_at) SELECT '事件' || i, i, i, 1, i, i FROM n;`);
});
afterEach(() => t.close());

describe("time budgets beyond the ledger", () => {
  it.each([
    ["the audit log filtered by a word", "/api/audit?action=nothing-like-this"],
    ["the event list searched for a word", "/api/events?q=%E6%97%A0%E6%AD%A4%E8%AF%8D"],
  ])("ends %s past the budget with query.too_slow", async (_what, url) => {
    const res = await admin.get(url);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: "query.too_slow", message: expect.stringMatching(/查询耗时过长/) });
    // The read connection is free again: a read that stays within the budget answers.
    const next = await admin.get("/api/audit?limit=5");
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().total).toBeGreaterThanOrEqual(200000);
  });
});
