import { describe, expect, it } from "vitest";
import { detectBurst } from "./detect-burst";

const flat = (n: number, v: number): number[] => new Array<number>(n).fill(v);

/** Eight days ending at 9 am: quiet nights, 40 posts at 9 am every day, 10 in other day hours. */
function dailyCycle(lastHour: number): number[] {
  const hours = Array.from({ length: 24 * 8 }, (_, i): number => {
    const hourOfDay = (i + 10) % 24; // the last element (i = 191) is 9 am
    return hourOfDay === 9 ? 40 : hourOfDay >= 8 && hourOfDay <= 20 ? 10 : 1;
  });
  hours[hours.length - 1] = lastHour;
  return hours;
}

describe("detectBurst", () => {
  it("does not flag a flat series", () => {
    const b = detectBurst({ hourly: flat(48, 10) });
    expect(b).toMatchObject({ flag: false, lastHour: 10, baseline: 10, ratio: 1, z: 0, sameHourMean: 10 });
  });

  it("flags a spike with its ratio and z, and says why in Chinese and English", () => {
    const b = detectBurst({ hourly: [...flat(47, 6), 42] });
    expect(b.flag).toBe(true);
    expect(b).toMatchObject({ baseline: 6, ratio: 7 }); // 42 / 6: what the chart's points give
    expect(b.z).toBeCloseTo((42 - 6) / Math.sqrt(6), 2);
    expect(b.reasons[0]).toBe("近1小时 42 条，前12小时平均每小时 6.0 条（7.0 倍） / 42 in the last hour, 6.0 an hour in the previous 12 hours (7.0×)");
    expect(b.reasons[1]).toBe("高于前1天同一时段（均值 6.0 条）14.7 个标准差 / 14.7 standard deviations above the same hour of the previous 1 day(s) (mean 6.0)");
  });

  it("does not flag the 9 am peak that every day has, but flags one far above it", () => {
    const usual = detectBurst({ hourly: dailyCycle(40) });
    expect(usual.ratio).toBeGreaterThan(3); // against the quiet night it looks like a rise…
    expect(usual).toMatchObject({ flag: false, sameHourMean: 40, z: 0 }); // …but it is the usual morning
    expect(usual.reasons[1]).toMatch(/^与前7天同一时段相近.* \/ Close to the same hour of the previous 7 day\(s\)/);
    expect(detectBurst({ hourly: dailyCycle(90) })).toMatchObject({ flag: true, sameHourMean: 40 });
  });

  it("never flags fewer items than minCount, however steep the rise", () => {
    const b = detectBurst({ hourly: [...flat(24, 0), 4] });
    expect(b).toMatchObject({ flag: false, baseline: 0, ratio: null });
    expect(b.reasons[0]).toBe("近1小时 4 条，前12小时没有 / 4 in the last hour, none in the previous 12 hours");
    expect(b.reasons).toContain("近1小时不足 5 条，不计为突增 / Fewer than 5 in the last hour: not a burst");
    expect(detectBurst({ hourly: [...flat(24, 0), 4] }, { minCount: 3 }).flag).toBe(true);
  });

  it("handles all zeros", () => {
    expect(detectBurst({ hourly: flat(192, 0) })).toMatchObject({ flag: false, lastHour: 0, baseline: 0, ratio: null, z: 0, sameHourMean: 0 });
  });

  it("never flags a subject observed for less than the 12-hour baseline, however steep the rise", () => {
    expect(detectBurst({ hourly: [] })).toMatchObject({ flag: false, lastHour: 0, reasons: ["无数据 / No data"] });
    const fresh = detectBurst({ hourly: [0, 0, 30] });
    expect(fresh).toMatchObject({ flag: false, lastHour: 30, baseline: 0, ratio: null, sameHourMean: null });
    expect(fresh.reasons).toContain("观察不足12小时（2小时），不判断突增 / Observed for less than 12 hours (2): not judged");
    for (const r of fresh.reasons) expect(r.split(" / ")).toHaveLength(2);
    expect(detectBurst({ hourly: [12] }).flag).toBe(false);
    // A long series of zeros does not count as history when the subject is younger than it.
    const spike = [...flat(191, 0), 40];
    expect(detectBurst({ hourly: spike }).flag).toBe(true);
    expect(detectBurst({ hourly: spike, history: 11 }).flag).toBe(false);
    expect(detectBurst({ hourly: spike, history: 12 }).flag).toBe(true);
  });

  it("compares only the days the subject was observed", () => {
    // Observed for 30 hours: yesterday's same hour (40) is known, the days before are not zeros.
    const b = detectBurst({ hourly: dailyCycle(40), history: 30 });
    expect(b).toMatchObject({ flag: false, sameHourMean: 40 });
    expect(b.reasons[1]).toMatch(/^与前1天同一时段相近/);
  });

  it("treats negative or missing counts as zero", () => {
    expect(detectBurst({ hourly: [...flat(12, Number.NaN), -5] })).toMatchObject({ flag: false, lastHour: 0 });
  });
});
