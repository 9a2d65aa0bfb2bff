import { describe, expect, it } from "vitest";
import { lastDueAtOrBefore, nextRunAfter, scheduleSpec, timingProblems, type ScheduleTiming } from "./schedule";

const SH = "Asia/Shanghai";
const BERLIN = "Europe/Berlin";
const at = (isoText: string) => Date.parse(isoText);
const show = (ms: number) => new Date(ms).toISOString();

const daily = (atTime: string): ScheduleTiming => ({ kind: "daily", period: null, atTime, weekday: null, monthday: null });
const weekly = (weekday: number, atTime = "08:00"): ScheduleTiming => ({ kind: "periodic", period: "week", atTime, weekday, monthday: null });
const monthly = (monthday: number, atTime = "08:00"): ScheduleTiming => ({ kind: "periodic", period: "month", atTime, weekday: null, monthday });

describe("nextRunAfter in Asia/Shanghai (UTC+8, no DST)", () => {
  it("daily 08:00: today when still ahead, else tomorrow; the due moment itself is not 'after'", () => {
    // 2026-07-01 07:59 Beijing = 2026-06-30T23:59Z
    expect(show(nextRunAfter(daily("08:00"), at("2026-06-30T23:59:00Z"), SH))).toBe("2026-07-01T00:00:00.000Z");
    expect(show(nextRunAfter(daily("08:00"), at("2026-07-01T00:00:00Z"), SH))).toBe("2026-07-02T00:00:00.000Z");
  });

  it("daily 00:30 across the UTC date line: the office day, not the UTC day", () => {
    // 2026-07-01 23:00 Beijing = 15:00Z; next is 2026-07-02 00:30 Beijing = 07-01T16:30Z
    expect(show(nextRunAfter(daily("00:30"), at("2026-07-01T15:00:00Z"), SH))).toBe("2026-07-01T16:30:00.000Z");
  });

  it("weekly on Monday (1) and Sunday (7)", () => {
    // 2026-07-01 is a Wednesday.
    expect(show(nextRunAfter(weekly(1), at("2026-07-01T04:00:00Z"), SH))).toBe("2026-07-06T00:00:00.000Z");
    expect(show(nextRunAfter(weekly(7, "21:15"), at("2026-07-01T04:00:00Z"), SH))).toBe("2026-07-05T13:15:00.000Z");
    expect(show(nextRunAfter(weekly(3), at("2026-06-30T23:00:00Z"), SH))).toBe("2026-07-01T00:00:00.000Z");
  });

  it("monthly on day 28 and day 1, across a year end", () => {
    expect(show(nextRunAfter(monthly(28), at("2026-02-28T01:00:00Z"), SH))).toBe("2026-03-28T00:00:00.000Z");
    expect(show(nextRunAfter(monthly(1, "09:00"), at("2026-12-15T00:00:00Z"), SH))).toBe("2027-01-01T01:00:00.000Z");
  });
});

describe("Europe/Berlin across DST", () => {
  it("daily 08:00 stays 08:00 local across spring forward (29 March 2026) and fall back (25 October 2026)", () => {
    // 28 March 08:00 CET = 07:00Z; 29 March 08:00 CEST = 06:00Z.
    const sat = nextRunAfter(daily("08:00"), at("2026-03-28T00:00:00Z"), BERLIN);
    expect(show(sat)).toBe("2026-03-28T07:00:00.000Z");
    const sun = nextRunAfter(daily("08:00"), sat, BERLIN);
    expect(show(sun)).toBe("2026-03-29T06:00:00.000Z");
    expect(sun - sat).toBe(23 * 3600_000);
    const oct24 = nextRunAfter(daily("08:00"), at("2026-10-24T00:00:00Z"), BERLIN);
    expect(show(oct24)).toBe("2026-10-24T06:00:00.000Z");
    const oct25 = nextRunAfter(daily("08:00"), oct24, BERLIN);
    expect(show(oct25)).toBe("2026-10-25T07:00:00.000Z");
    expect(oct25 - oct24).toBe(25 * 3600_000);
  });

  it("a time in the spring-forward gap runs once that day, at 03:30 CEST", () => {
    const t = nextRunAfter(daily("02:30"), at("2026-03-28T23:00:00Z"), BERLIN);
    expect(show(t)).toBe("2026-03-29T01:30:00.000Z");
    expect(show(nextRunAfter(daily("02:30"), t, BERLIN))).toBe("2026-03-30T00:30:00.000Z");
  });

  it("a time that happens twice at fall back runs once that day", () => {
    const first = nextRunAfter(daily("02:30"), at("2026-10-24T22:00:00Z"), BERLIN);
    const next = nextRunAfter(daily("02:30"), first, BERLIN);
    expect(new Date(first).toISOString().slice(0, 10)).toBe("2026-10-25");
    expect(show(next)).toBe("2026-10-26T01:30:00.000Z");
  });
});

describe("lastDueAtOrBefore", () => {
  it("after three days down, only the latest missed moment is owed", () => {
    // Down from 2026-07-01 07:00 to 2026-07-04 10:00 Beijing: the 4th's 08:00 is the one owed.
    expect(show(lastDueAtOrBefore(daily("08:00"), at("2026-07-04T02:00:00Z"), SH)!)).toBe("2026-07-04T00:00:00.000Z");
    // Before today's moment: yesterday's.
    expect(show(lastDueAtOrBefore(daily("08:00"), at("2026-07-03T23:59:00Z"), SH)!)).toBe("2026-07-03T00:00:00.000Z");
    // Exactly at the moment: that moment.
    expect(show(lastDueAtOrBefore(daily("08:00"), at("2026-07-04T00:00:00Z"), SH)!)).toBe("2026-07-04T00:00:00.000Z");
  });

  it("weekly and monthly look back to their day", () => {
    expect(show(lastDueAtOrBefore(weekly(1), at("2026-07-01T04:00:00Z"), SH)!)).toBe("2026-06-29T00:00:00.000Z");
    expect(show(lastDueAtOrBefore(monthly(28), at("2026-07-01T04:00:00Z"), SH)!)).toBe("2026-06-28T00:00:00.000Z");
  });
});

describe("scheduleSpec", () => {
  const due = at("2026-07-01T00:00:00Z"); // Wednesday 2026-07-01 08:00 Beijing
  it("daily: the office day before the due moment (in the office zone, not UTC)", () => {
    expect(scheduleSpec({ ...daily("08:00"), templateId: null }, due, SH)).toEqual({ kind: "daily", date: "2026-06-30" });
    // 00:30 Beijing on 2 July is still 1 July in UTC; the report covers 1 July.
    expect(scheduleSpec({ ...daily("00:30"), templateId: 4 }, at("2026-07-01T16:30:00Z"), SH)).toEqual({ kind: "daily", date: "2026-07-01", templateId: 4 });
  });

  it("weekly: the last full Monday–Sunday week, also when due on a Monday or a Sunday", () => {
    expect(scheduleSpec({ ...weekly(3), templateId: null }, due, SH)).toMatchObject({ period: "week", from: "2026-06-22", to: "2026-06-28" });
    expect(scheduleSpec({ ...weekly(1), templateId: null }, at("2026-06-29T00:00:00Z"), SH)).toMatchObject({ from: "2026-06-22", to: "2026-06-28" });
    expect(scheduleSpec({ ...weekly(7), templateId: null }, at("2026-07-05T13:00:00Z"), SH)).toMatchObject({ from: "2026-06-22", to: "2026-06-28" });
  });

  it("monthly: the last full month, across a year end", () => {
    expect(scheduleSpec({ ...monthly(1), templateId: null }, due, SH)).toMatchObject({ kind: "periodic", period: "month", from: "2026-06-01", to: "2026-06-30" });
    expect(scheduleSpec({ ...monthly(3), templateId: null }, at("2027-01-03T00:00:00Z"), SH)).toMatchObject({ from: "2026-12-01", to: "2026-12-31" });
    expect(scheduleSpec({ ...monthly(1), templateId: null }, at("2028-03-01T00:00:00Z"), SH)).toMatchObject({ from: "2028-02-01", to: "2028-02-29" });
  });
});

describe("timingProblems", () => {
  it("accepts the three forms and names each wrong field", () => {
    expect(timingProblems(daily("08:00"))).toBeNull();
    expect(timingProblems(weekly(7))).toBeNull();
    expect(timingProblems(monthly(28))).toBeNull();
    expect(Object.keys(timingProblems(daily("8:00")) ?? {})).toEqual(["atTime"]);
    expect(Object.keys(timingProblems(weekly(8)) ?? {})).toEqual(["weekday"]);
    expect(Object.keys(timingProblems(monthly(29)) ?? {})).toEqual(["monthday"]);
    expect(Object.keys(timingProblems({ ...daily("08:00"), weekday: 1 }) ?? {})).toEqual(["weekday"]);
    expect(Object.keys(timingProblems({ ...weekly(1), monthday: 3 }) ?? {})).toEqual(["monthday"]);
    expect(Object.keys(timingProblems({ ...monthly(1), weekday: 3 }) ?? {})).toEqual(["weekday"]);
    expect(Object.keys(timingProblems({ ...daily("08:00"), kind: "periodic" }) ?? {})).toEqual(["period"]);
  });
});
