import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/helpers";
import { insertSource } from "../store/sources";
import { insertItems } from "../store/items";
import { insertAlert } from "../store/alerts";
import { citedItemIds, runRetention } from "./retention";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const DAY = 86_400_000;

describe("retention", () => {
  it("archives then deletes items past the period, keeping what cases, alerts and reports point at", async () => {
    const now = Date.now();
    const s = insertSource(t.db, { name: "青禾论坛", kind: "rss", url: "http://127.0.0.1/f", intervalSeconds: 300, priority: 1, enabled: true });
    const old = (n: number) => ({ guid: `o${n}`, url: `http://127.0.0.1/o${n}`, canonicalUrl: null, contentHash: `o${n}`, author: null, title: `旧帖${n} 禾溪镇小学乱收费`, text: `旧帖${n} 家长反映禾溪镇小学乱收费问题`, publishedAt: now - 400 * DAY });
    const ids = insertItems(t.db, s.id, [1, 2, 3, 4, 5].map(old), now - 400 * DAY);
    const recent = insertItems(t.db, s.id, [{ guid: "r", url: null, canonicalUrl: null, contentHash: "r", author: null, title: "新帖 青禾大道施工", text: "青禾大道施工", publishedAt: now - DAY }], now - DAY);
    await t.analysis.drain();
    t.db.sqlite.prepare("INSERT INTO cases (id, title, state, origin, created_at, updated_at) VALUES (1, '核查', 'new', 'manual', 0, 0)").run();
    t.db.sqlite.prepare("INSERT INTO case_items (case_id, item_id) VALUES (1, ?)").run(ids[0]);
    insertAlert(t.db, { ruleId: null, severity: "major", title: "预警", reason: "r", foldKey: "k", foldedInto: null, dueAt: null, itemId: ids[1]!, publishedAt: null, fetchedAt: null, analysedAt: null, createdAt: now });
    const content = JSON.stringify({ sections: [{ blocks: [{ type: "items", items: [{ id: ids[2], title: "x" }] }] }] });
    t.db.sqlite.prepare("INSERT INTO reports (kind, period_from, period_to, title, content, created_at, updated_at) VALUES ('daily', '2025-11-01', '2025-11-01', 't', ?, 0, 0)").run(content);

    const r = await runRetention(t.db, { days: 365, archiveDir: path.join(t.dir, "archive"), analyser: t.analysis.analyser, now });
    expect(r).toMatchObject({ deleted: 2, kept: 3 });
    const left = t.db.sqlite.prepare("SELECT id FROM items ORDER BY id").pluck().all();
    expect(left).toEqual([ids[0], ids[1], ids[2], ...recent]);
    // Gone from the full-text index too.
    expect(t.db.sqlite.prepare("SELECT count(*) FROM items_fts").pluck().get()).toBe(4);
    const archived = gunzipSync(readFileSync(r.archive!)).toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: number; title: string; source: string });
    expect(archived.map((a) => a.id)).toEqual([ids[3], ids[4]]);
    expect(archived[0]).toMatchObject({ title: "旧帖4 禾溪镇小学乱收费", source: "青禾论坛" });
    expect(t.db.sqlite.prepare("SELECT summary FROM audit_log WHERE action = 'items.retention'").pluck().get()).toContain('"deleted":2');

    // The ledger still answers, and a second run has nothing to do.
    const admin = await t.userClient("admin");
    expect((await admin.get("/api/items?collapse=1")).statusCode).toBe(200);
    expect(await runRetention(t.db, { days: 365, archiveDir: path.join(t.dir, "archive"), now })).toMatchObject({ deleted: 0, kept: 3, archive: null });
  });

  it("finds the items a report cites by its quoted items and its /items/ID links", () => {
    const c = JSON.stringify({ sections: [{ blocks: [{ type: "items", items: [{ id: 7 }] }, { type: "table", rows: [[{ text: "a", href: "/items/9" }]] }, { type: "figures", figures: [{ href: "/items?from=1" }] }] }] });
    expect([...citedItemIds([c, "not json"])].sort()).toEqual([7, 9]);
  });
});
