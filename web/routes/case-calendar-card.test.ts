import { describe, expect, it } from "vitest";
import { parseCalendarLines } from "./case-calendar-card";

describe("calendar lines", () => {
  it("reads holidays and make-up days, and points at a bad line", () => {
    expect(parseCalendarLines("2026-10-01 休 国庆节\n\n2026-10-10 班 调休\n2026-10-02 holiday")).toEqual({
      days: [
        { date: "2026-10-01", kind: "holiday", name: "国庆节" },
        { date: "2026-10-10", kind: "workday", name: "调休" },
        { date: "2026-10-02", kind: "holiday", name: "" },
      ],
    });
    expect(parseCalendarLines("2026-10-01 休\n10月2日 休")).toEqual({ badLine: 2 });
    expect(parseCalendarLines("2026-13-45 休")).toEqual({ badLine: 1 });
  });
});
