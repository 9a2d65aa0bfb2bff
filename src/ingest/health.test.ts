import { describe, expect, it } from "vitest";
import { sourceHealth, type HealthInput } from "./health";

const H = 3_600_000;
const now = Date.parse("2026-07-08T12:00:00Z");
const base: HealthInput = {
  kind: "rss", enabled: true, errorCount: 0, lastFetchedAt: now - H, lastSuccessAt: now - H, lastItemAt: now - H,
  itemsPerDay: [24, 24, 24, 24, 24, 24, 24], itemCount: 500, now,
};

describe("source health", () => {
  it("is green when fetching works and items come at their usual rhythm", () => {
    expect(sourceHealth(base)).toEqual({ level: "green", reasons: [] });
  });
  it("turns yellow after a failure and red after three in a row", () => {
    expect(sourceHealth({ ...base, errorCount: 1 }).level).toBe("yellow");
    expect(sourceHealth({ ...base, errorCount: 3 })).toEqual({ level: "red", reasons: ["连续 3 次抓取失败"] });
    expect(sourceHealth({ ...base, errorCount: 1, lastSuccessAt: null }).level).toBe("red");
  });
  it("turns yellow when silent far beyond its own rhythm, not merely quiet", () => {
    // 24 a day: a gap of one hour on average; 6 hours silent is beyond 4 gaps and the 6-hour floor.
    expect(sourceHealth({ ...base, lastItemAt: now - 7 * H }).level).toBe("yellow");
    expect(sourceHealth({ ...base, lastItemAt: now - 3 * H }).level).toBe("green");
    // One item a day: 3 days silent is under 4 gaps.
    expect(sourceHealth({ ...base, itemsPerDay: [1, 1, 1, 1, 1, 1, 1], lastItemAt: now - 72 * H }).level).toBe("green");
    expect(sourceHealth({ ...base, itemsPerDay: [0, 0, 0, 0, 0, 0, 0], lastItemAt: now - 200 * H }).reasons).toEqual(["近 7 天无新信息"]);
  });
  it("keeps imports, manual entries and disabled sources green", () => {
    expect(sourceHealth({ ...base, kind: "import", errorCount: 5 }).level).toBe("green");
    expect(sourceHealth({ ...base, enabled: false, errorCount: 5 }).level).toBe("green");
  });
});
