import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/helpers";
import { insertSource } from "../../store/sources";
import { insertItems } from "../../store/items";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  const s = insertSource(t.db, { name: "县融媒体中心", kind: "rss", url: "http://127.0.0.1:1/f", intervalSeconds: 60, priority: 3, enabled: true });
  insertItems(t.db, s.id, [1, 2, 3].map((n) => ({
    guid: `g${n}`, url: null, canonicalUrl: null, contentHash: `h${n}`, author: null, title: `t${n}`, text: `x${n}`, publishedAt: Date.now(),
  })));
});
afterEach(() => t.close());

describe("dashboard", () => {
  it("shows the office every source's name and counts", async () => {
    const leader = await t.userClient("leader");
    const d = (await leader.get("/api/dashboard")).json();
    expect(d).toMatchObject({ itemsTotal: 3, itemsToday: 3, sourcesTotal: 1 });
    expect(d.perSource).toEqual([expect.objectContaining({ name: "县融媒体中心", total: 3 })]);
  });

  it("shows handlers and contributors no other unit's sources, neither names nor counts", async () => {
    for (const role of ["handler", "contributor"] as const) {
      const c = await t.userClient(role);
      const res = await c.get("/api/dashboard");
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain("县融媒体中心");
      expect(res.json()).toMatchObject({ itemsTotal: 0, itemsToday: 0, sourcesTotal: 0, sourcesFailing: 0, perSource: [] });
      expect(res.json().volume7d.every((d: { count: number }) => d.count === 0)).toBe(true);
    }
  });
});
