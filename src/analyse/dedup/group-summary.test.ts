import { describe, expect, it } from "vitest";
import { summariseGroup } from "./group-summary";

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 5, 1, 8);

describe("summariseGroup", () => {
  it("finds the first poster and the hourly spread per source", () => {
    const s = summariseGroup([
      { id: "c", source: "weibo", publishedAt: T0 + HOUR + 60_000 },
      { id: "a", source: "news", publishedAt: T0 + 5 * 60_000 },
      { id: "b", source: "weibo", publishedAt: T0 + 30 * 60_000 },
      { id: "d", source: "forum", publishedAt: T0 + HOUR + 120_000 },
      { id: "e", source: "weibo", publishedAt: T0 + 3 * HOUR },
    ]);
    expect(s.first?.id).toBe("a");
    expect(s.size).toBe(5);
    expect(s.sources).toEqual([
      { source: "news", copies: 1, firstAt: T0 + 5 * 60_000 },
      { source: "weibo", copies: 3, firstAt: T0 + 30 * 60_000 },
      { source: "forum", copies: 1, firstAt: T0 + HOUR + 120_000 },
    ]);
    expect(s.timeline).toEqual([
      { hourStart: T0, total: 2, bySource: { news: 1, weibo: 1 } },
      { hourStart: T0 + HOUR, total: 2, bySource: { weibo: 1, forum: 1 } },
      { hourStart: T0 + 3 * HOUR, total: 1, bySource: { weibo: 1 } },
    ]);
  });

  it("breaks ties by id and leaves out members without a valid time", () => {
    const s = summariseGroup([
      { id: "y", source: "x", publishedAt: T0 },
      { id: "x", source: "x", publishedAt: T0 },
      { id: "z", source: "x", publishedAt: Number.NaN },
    ]);
    expect(s.first?.id).toBe("x");
    expect(s.size).toBe(3);
    expect(s.timeline).toEqual([{ hourStart: T0, total: 2, bySource: { x: 2 } }]);
    expect(summariseGroup([])).toEqual({ first: null, size: 0, sources: [], timeline: [] });
  });
});
