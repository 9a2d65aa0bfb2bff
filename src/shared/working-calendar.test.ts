import { describe, expect, it } from "vitest";
import { deadline, formatPeriods, isWorkingDay, localDate, localMidnight, parsePeriods, workingMsBetween, type WorkingCalendar } from "./working-calendar";

// Office hours 08:30–12:00 and 14:00–17:30 (7 working hours a day) in Beijing time, with a
// National Day holiday (Oct 1–7) and a make-up working Saturday (Oct 10).
const cal: WorkingCalendar = {
  timeZone: "Asia/Shanghai",
  weekdays: [1, 2, 3, 4, 5],
  periods: parsePeriods("08:30-12:00, 14:00-17:30"),
  holidays: new Set(["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"]),
  makeupDays: new Set(["2026-10-10"]),
};
const bj = (s: string) => Date.parse(`${s}+08:00`);
const iso = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

describe("working calendar", () => {
  it("knows weekends, holidays and make-up working days", () => {
    expect(isWorkingDay(cal, "2026-12-04")).toBe(true); // Friday
    expect(isWorkingDay(cal, "2026-12-05")).toBe(false); // Saturday
    expect(isWorkingDay(cal, "2026-10-01")).toBe(false); // holiday on a Thursday
    expect(isWorkingDay(cal, "2026-10-10")).toBe(true); // make-up Saturday
  });

  it("counts working hours across lunch and the weekend", () => {
    // Friday 16:30: one hour left that day, seven on Monday, four more on Tuesday (3.5 before lunch).
    expect(iso(deadline(cal, bj("2026-12-04T16:30"), { amount: 12, unit: "working_hours" }))).toBe("2026-12-08 14:30");
    // Started at lunch: counting begins at 14:00.
    expect(iso(deadline(cal, bj("2026-12-07T12:30"), { amount: 2, unit: "working_hours" }))).toBe("2026-12-07 16:00");
    // Started on a Sunday night: counting begins on Monday morning.
    expect(iso(deadline(cal, bj("2026-12-06T23:00"), { amount: 1, unit: "working_hours" }))).toBe("2026-12-07 09:30");
  });

  it("'the same day' is the close of the current working day, or the next one after hours", () => {
    const sameDay = { amount: 0, unit: "working_days" } as const;
    expect(iso(deadline(cal, bj("2026-12-04T10:00"), sameDay))).toBe("2026-12-04 17:30");
    expect(iso(deadline(cal, bj("2026-12-04T18:00"), sameDay))).toBe("2026-12-07 17:30");
    expect(iso(deadline(cal, bj("2026-12-05T09:00"), sameDay))).toBe("2026-12-07 17:30");
  });

  it("skips a holiday week and works the make-up Saturday", () => {
    const start = bj("2026-09-30T17:00");
    expect(iso(deadline(cal, start, { amount: 1, unit: "working_days" }))).toBe("2026-10-08 17:30");
    expect(iso(deadline(cal, start, { amount: 3, unit: "working_days" }))).toBe("2026-10-10 17:30");
    expect(iso(deadline(cal, bj("2026-10-10T09:00"), { amount: 2, unit: "working_hours" }))).toBe("2026-10-10 11:00");
    // Natural days and hours ignore the calendar.
    expect(iso(deadline(cal, start, { amount: 14, unit: "days" }))).toBe("2026-10-14 17:00");
    expect(iso(deadline(cal, start, { amount: 12, unit: "hours" }))).toBe("2026-10-01 05:00");
  });

  it("measures working time between two moments", () => {
    expect(workingMsBetween(cal, bj("2026-12-04T16:30"), bj("2026-12-07T09:30"))).toBe(2 * 3_600_000);
    expect(workingMsBetween(cal, bj("2026-10-01T09:00"), bj("2026-10-07T17:00"))).toBe(0);
    expect(workingMsBetween(cal, bj("2026-12-07T10:00"), bj("2026-12-07T09:00"))).toBe(0);
  });

  it("follows a zone's daylight-saving change", () => {
    const ny: WorkingCalendar = { ...cal, timeZone: "America/New_York", holidays: new Set(), makeupDays: new Set() };
    // 2026-03-09 is the first Monday on EDT (UTC-4): 08:30 local is 12:30 UTC.
    const t = deadline(ny, Date.parse("2026-03-07T12:00:00Z"), { amount: 1, unit: "working_hours" });
    expect(new Date(t).toISOString()).toBe("2026-03-09T13:30:00.000Z");
    expect(localDate(Date.parse("2026-03-09T03:00:00Z"), "America/New_York")).toBe("2026-03-08");
    expect(new Date(localMidnight("2026-03-09", "America/New_York")).toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(new Date(localMidnight("2026-12-07", "Asia/Shanghai")).toISOString()).toBe("2026-12-06T16:00:00.000Z");
  });

  it("refuses malformed working hours", () => {
    expect(formatPeriods(parsePeriods("8:30-12:00,14:00-24:00"))).toBe("08:30-12:00,14:00-24:00");
    expect(() => parsePeriods("9-17")).toThrow(/HH:MM/);
    expect(() => parsePeriods("12:00-08:00")).toThrow(/ends before/);
    expect(() => parsePeriods("08:00-12:00,11:00-13:00")).toThrow(/overlaps/);
    expect(() => parsePeriods("")).toThrow(/no period/);
  });
});
