import { describe, expect, it } from "vitest";
import { openDb } from "../db/connection";
import { migrate } from "../db/migrate";
import { insertItems, type NewItem } from "./items";
import { insertSource } from "./sources";
import { dashboardStats } from "./stats";

const HOUR = 3_600_000;
const item = (n: number, publishedAt: number | null): NewItem => ({
  guid: `g${n}`, url: null, canonicalUrl: null, contentHash: `h${n}`, author: null, title: `t${n}`, text: `x${n}`, publishedAt,
});

describe("dashboard stats", () => {
  it("counts items per local day over the last 7 days, today, and per source", () => {
    const db = openDb(":memory:");
    migrate(db);
    const s = insertSource(db, { name: "s", kind: "rss", url: "http://127.0.0.1/f", intervalSeconds: 60, priority: 3, enabled: true });
    const tz = 8 * HOUR; // Beijing
    const now = Date.parse("2026-11-22T10:00:00+08:00");
    insertItems(db, s.id, [
      item(1, Date.parse("2026-11-22T00:30:00+08:00")), // today, though still yesterday in UTC
      item(2, Date.parse("2026-11-21T23:30:00+08:00")),
      item(3, Date.parse("2026-11-16T12:00:00+08:00")),
      item(4, Date.parse("2026-11-15T12:00:00+08:00")), // 8 days ago: outside the window
      item(5, null), // undated: counts on its fetch day
    ], now);
    const st = dashboardStats(db, null, now, tz);
    expect(st.volume7d.map((d) => d.date)).toEqual(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"]);
    expect(st.volume7d.map((d) => d.count)).toEqual([1, 0, 0, 0, 0, 1, 2]);
    expect(st.itemsToday).toBe(2);
    expect(st.itemsTotal).toBe(5);
    expect(st.perSource).toEqual([{ sourceId: s.id, name: "s", total: 5, today: 2 }]);
  });
});
