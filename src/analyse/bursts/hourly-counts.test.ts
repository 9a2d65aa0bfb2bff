import { describe, expect, it } from "vitest";
import { burstEnd, hourIndex, hourlyCounts } from "./hourly-counts";

const H = 3_600_000;
const END = Date.UTC(2025, 2, 3, 9, 30);

describe("hourlyCounts", () => {
  it("counts into hourly buckets ending at end (exclusive), oldest first", () => {
    const times = [END - 1, END - H + 1, END - H, END - H - 1, END - 2.5 * H, END - 3 * H, END - 3 * H - 1];
    // [end−4h, end−3h) [end−3h, end−2h) [end−2h, end−1h) [end−1h, end)
    expect(hourlyCounts(times, END, 4)).toEqual([1, 2, 1, 3]);
  });

  it("ignores times from end on, too old and unusable times", () => {
    expect(hourlyCounts([END, END + 1, END - 3 * H - 1, Number.NaN, Infinity], END, 3)).toEqual([0, 0, 0]);
  });

  it("gives an empty series for no hours", () => {
    expect(hourlyCounts([END - 1], END, 0)).toEqual([]);
    expect(hourlyCounts([END - 1], END, -2)).toEqual([]);
  });
});

describe("burstEnd and hourIndex", () => {
  it("ends the series at the end of the current 10-minute step, so every series has the same hour edges", () => {
    expect(burstEnd(Date.UTC(2025, 2, 3, 9, 31, 5))).toBe(Date.UTC(2025, 2, 3, 9, 40));
    expect(burstEnd(Date.UTC(2025, 2, 3, 9, 30))).toBe(Date.UTC(2025, 2, 3, 9, 40));
    expect(hourIndex(END - 1, END)).toBe(0);
    expect(hourIndex(END - H, END)).toBe(0);
    expect(hourIndex(END - H - 1, END)).toBe(1);
    expect(hourIndex(END, END)).toBe(-1);
  });
});
