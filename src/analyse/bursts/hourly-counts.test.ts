import { describe, expect, it } from "vitest";
import { hourlyCounts } from "./hourly-counts";

const H = 3_600_000;
const NOW = Date.UTC(2025, 2, 3, 9, 30);

describe("hourlyCounts", () => {
  it("counts into hourly buckets ending at now, oldest first", () => {
    const times = [NOW, NOW - 1, NOW - H + 1, NOW - H, NOW - 2.5 * H, NOW - 3 * H];
    // (now−4h, now−3h] (now−3h, now−2h] (now−2h, now−1h] (now−1h, now]
    expect(hourlyCounts(times, NOW, 4)).toEqual([1, 1, 1, 3]);
  });

  it("ignores future, too old and unusable times", () => {
    expect(hourlyCounts([NOW + 1, NOW - 3 * H - 1, Number.NaN, Infinity], NOW, 3)).toEqual([0, 0, 0]);
  });

  it("gives an empty series for no hours", () => {
    expect(hourlyCounts([NOW], NOW, 0)).toEqual([]);
    expect(hourlyCounts([NOW], NOW, -2)).toEqual([]);
  });
});
