// Periods of publicity scores: their bounds and the quota a unit has in one.
import { describe, expect, it } from "vitest";
import { periodBounds, periodName, periodQuota, type QuotaLine } from "./score-period";

describe("score periods", () => {
  it("bounds a year, a quarter and a month by office days, February of a leap year included", () => {
    expect(periodBounds(2026, "year")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(periodBounds(2026, "q3")).toEqual({ from: "2026-07-01", to: "2026-09-30" });
    expect(periodBounds(2028, "m02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(periodName(2026, "q4")).toBe("2026年第四季度");
    expect(periodName(2026, "m11")).toBe("2026年11月");
  });

  it("takes the period's own quota, else the sum of finer rows, else a share of the coarser set quota", () => {
    const year: QuotaLine[] = [{ period: "year", minLevel: "city", count: 12 }, { period: "q1", minLevel: "city", count: 5 }];
    expect(periodQuota(year, "year")).toEqual({ count: 12, minLevels: ["city"], source: "set" });
    expect(periodQuota(year, "q1")).toMatchObject({ count: 5, source: "set" });
    expect(periodQuota(year, "q2")).toMatchObject({ count: 3, source: "pro_rata" });
    expect(periodQuota(year, "m05")).toMatchObject({ count: 1, source: "pro_rata" });
    const months: QuotaLine[] = [{ period: "m01", minLevel: "county", count: 2 }, { period: "m02", minLevel: "county", count: 1 }, { period: "m04", minLevel: "county", count: 4 }];
    expect(periodQuota(months, "q1")).toMatchObject({ count: 3, source: "sum" });
    expect(periodQuota(months, "year")).toMatchObject({ count: 7, source: "sum" });
    // A month left out of a monthly split has no quota (no share is invented from the other months).
    expect(periodQuota(months, "m03")).toBeNull();
    const quarters: QuotaLine[] = [{ period: "q2", minLevel: "city", count: 6 }, { period: "q3", minLevel: "city", count: 3 }];
    expect(periodQuota(quarters, "m05")).toMatchObject({ count: 2, source: "pro_rata" });
    expect(periodQuota(quarters, "year")).toMatchObject({ count: 9, source: "sum" });
    expect(periodQuota(quarters, "q1")).toBeNull();
    expect(periodQuota([], "year")).toBeNull();
  });
});
