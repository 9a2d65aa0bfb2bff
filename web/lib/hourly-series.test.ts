import { describe, expect, it } from "vitest";
import { hourAxis, hourlyLine, MAX_FILLED_HOURS, spreadSeries } from "./hourly-series";

const H = 3_600_000;
const T0 = Date.parse("2025-03-01T08:00:00.000Z");
const at = (hours: number) => new Date(T0 + hours * H).toISOString();

describe("hourAxis", () => {
  it("fills every hour between the first and the last", () => {
    expect(hourAxis([T0 + 3 * H, T0, T0 + 3 * H])).toEqual([T0, T0 + H, T0 + 2 * H, T0 + 3 * H]);
  });

  it("keeps only the known hours when the span is too long to fill", () => {
    const far = T0 + (MAX_FILLED_HOURS + 1) * H;
    expect(hourAxis([far, T0])).toEqual([T0, far]);
  });
});

describe("hourlyLine", () => {
  it("puts zeros in the hours without items and ignores bad dates", () => {
    expect(
      hourlyLine([
        { hour: at(0), count: 2 },
        { hour: at(2), count: 5 },
        { hour: "not a date", count: 9 },
      ]),
    ).toEqual({ hours: [T0, T0 + H, T0 + 2 * H], counts: [2, 0, 5] });
  });

  it("is empty for no points", () => {
    expect(hourlyLine([])).toEqual({ hours: [], counts: [] });
  });
});

describe("spreadSeries", () => {
  it("makes one aligned series per source, the biggest source first", () => {
    const result = spreadSeries([
      { hour: at(0), source: "县论坛", count: 1 },
      { hour: at(0), source: "市新闻网", count: 2 },
      { hour: at(2), source: "市新闻网", count: 3 },
      // The same hour written without milliseconds still lands in the same bar.
      { hour: "2025-03-01T10:00:00Z", source: "县论坛", count: 1 },
    ]);
    expect(result.hours).toEqual([T0, T0 + H, T0 + 2 * H]);
    expect(result.series).toEqual([
      { name: "市新闻网", data: [2, 0, 3] },
      { name: "县论坛", data: [1, 0, 1] },
    ]);
  });
});

describe("hourlyLine on a 10-minute step", () => {
  it("keeps hours that start at :50 where they are, so the last point is the burst's last hour", () => {
    const start = T0 - 10 * 60_000; // 07:50
    const line = hourlyLine([
      { hour: new Date(start).toISOString(), count: 6 },
      { hour: new Date(start + 2 * H).toISOString(), count: 3 },
    ]);
    expect(line).toEqual({ hours: [start, start + H, start + 2 * H], counts: [6, 0, 3] });
  });
});
