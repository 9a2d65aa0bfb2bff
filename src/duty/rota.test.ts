import { describe, expect, it } from "vitest";
import {
  addDays, DEFAULT_SHIFT_TIMES, escalationChain, isDate, localReading, onDutyAt, onDutyIn, plannedFor, slotAt, weekDates, weekStart,
  type Rota,
} from "./rota";

const T = DEFAULT_SHIFT_TIMES; // 08:30–17:30 day, 17:30–08:30 night
const at = (h: number, m = 0) => h * 60 + m;

const rota: Rota = {
  assignments: [
    { date: "2026-12-07", shift: "day", position: 1, userId: 1 },
    { date: "2026-12-07", shift: "day", position: 2, userId: 2 },
    { date: "2026-12-07", shift: "night", position: 2, userId: 4 },
    { date: "2026-12-07", shift: "night", position: 1, userId: 3 },
    { date: "2026-12-08", shift: "day", position: 1, userId: 5 },
  ],
  swaps: [],
  leave: [],
};

describe("dates", () => {
  it("checks calendar dates and adds days across months and leap years", () => {
    expect(isDate("2026-12-07")).toBe(true);
    expect(isDate("2026-02-29")).toBe(false);
    expect(isDate("2028-02-29")).toBe(true);
    expect(isDate("2026-1-7")).toBe(false);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("starts weeks on Monday", () => {
    expect(weekStart("2026-12-07")).toBe("2026-12-07"); // Monday
    expect(weekStart("2026-12-13")).toBe("2026-12-07"); // Sunday
    expect(weekStart("2027-01-01")).toBe("2026-12-28");
    expect(weekDates("2026-12-07")).toEqual(["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"]);
  });

  it("reads a time in the server's zone", () => {
    const t = new Date(2026, 11, 8, 2, 15).getTime();
    expect(localReading(t)).toEqual({ date: "2026-12-08", minute: at(2, 15) });
  });
});

describe("slotAt", () => {
  it("puts the shift boundaries on the right side", () => {
    expect(slotAt(T, "2026-12-07", at(8, 29))).toEqual({ date: "2026-12-06", shift: "night" });
    expect(slotAt(T, "2026-12-07", at(8, 30))).toEqual({ date: "2026-12-07", shift: "day" });
    expect(slotAt(T, "2026-12-07", at(17, 29))).toEqual({ date: "2026-12-07", shift: "day" });
    expect(slotAt(T, "2026-12-07", at(17, 30))).toEqual({ date: "2026-12-07", shift: "night" });
  });

  it("keeps the night shift after midnight on the date it started", () => {
    expect(slotAt(T, "2026-12-08", at(0, 0))).toEqual({ date: "2026-12-07", shift: "night" });
    expect(slotAt(T, "2027-01-01", at(3, 0))).toEqual({ date: "2026-12-31", shift: "night" });
  });

  it("follows configured times", () => {
    const times = { dayStart: at(9), nightStart: at(21) };
    expect(slotAt(times, "2026-12-07", at(8, 45))).toEqual({ date: "2026-12-06", shift: "night" });
    expect(slotAt(times, "2026-12-07", at(20, 0))).toEqual({ date: "2026-12-07", shift: "day" });
  });
});

describe("who is on duty", () => {
  it("lists a shift's people by position", () => {
    expect(onDutyAt(rota, T, "2026-12-07", at(10))).toEqual([1, 2]);
    expect(onDutyAt(rota, T, "2026-12-07", at(23))).toEqual([3, 4]);
  });

  it("finds the night shift's people after midnight, and the next day's day shift at 08:30", () => {
    expect(onDutyAt(rota, T, "2026-12-08", at(2))).toEqual([3, 4]);
    expect(onDutyAt(rota, T, "2026-12-08", at(8, 30))).toEqual([5]);
  });

  it("answers nobody for an unplanned shift", () => {
    expect(onDutyAt(rota, T, "2026-12-09", at(12))).toEqual([]);
  });

  it("gives a swapped place to the other person, at the same position", () => {
    const r: Rota = { ...rota, swaps: [{ date: "2026-12-07", shift: "day", fromUserId: 1, toUserId: 9 }] };
    expect(onDutyAt(r, T, "2026-12-07", at(10))).toEqual([9, 2]);
    expect(plannedFor(r, { date: "2026-12-07", shift: "day" })[0]).toEqual({ userId: 9, position: 1, standsInFor: 1 });
    // The swap is for that shift only.
    expect(onDutyAt(r, T, "2026-12-07", at(20))).toEqual([3, 4]);
  });

  it("applies chained swaps in order and ignores swaps of someone not in the shift", () => {
    const r: Rota = {
      ...rota,
      swaps: [
        { date: "2026-12-07", shift: "day", fromUserId: 1, toUserId: 9 },
        { date: "2026-12-07", shift: "day", fromUserId: 9, toUserId: 8 },
        { date: "2026-12-07", shift: "day", fromUserId: 7, toUserId: 6 },
      ],
    };
    expect(onDutyIn(r, { date: "2026-12-07", shift: "day" })).toEqual([8, 2]);
    expect(plannedFor(r, { date: "2026-12-07", shift: "day" })[0].standsInFor).toBe(1);
  });

  it("skips a person on leave, so the second on duty becomes the first", () => {
    const r: Rota = { ...rota, leave: [{ userId: 1, startDate: "2026-12-06", endDate: "2026-12-07" }] };
    expect(onDutyAt(r, T, "2026-12-07", at(10))).toEqual([2]);
    expect(onDutyAt(r, T, "2026-12-08", at(10))).toEqual([5]);
  });

  it("judges leave by the date the night shift started", () => {
    const r: Rota = { ...rota, leave: [{ userId: 3, startDate: "2026-12-08", endDate: "2026-12-09" }] };
    // 02:00 on the 8th belongs to the night of the 7th, when 3 was not on leave.
    expect(onDutyAt(r, T, "2026-12-08", at(2))).toEqual([3, 4]);
    const r2: Rota = { ...rota, leave: [{ userId: 3, startDate: "2026-12-07", endDate: "2026-12-07" }] };
    expect(onDutyAt(r2, T, "2026-12-08", at(2))).toEqual([4]);
  });

  it("skips a stand-in on leave and lists a person placed twice once", () => {
    const r: Rota = {
      ...rota,
      swaps: [{ date: "2026-12-07", shift: "day", fromUserId: 1, toUserId: 2 }],
      leave: [],
    };
    expect(onDutyAt(r, T, "2026-12-07", at(10))).toEqual([2]);
    const r2: Rota = { ...rota, swaps: [{ date: "2026-12-07", shift: "day", fromUserId: 1, toUserId: 9 }], leave: [{ userId: 9, startDate: "2026-12-07", endDate: "2026-12-07" }] };
    expect(onDutyAt(r2, T, "2026-12-07", at(10))).toEqual([2]);
  });
});

describe("escalationChain", () => {
  it("goes down the rota, then to the leaders, skipping those already reached", () => {
    expect(escalationChain([1, 2], [7], [])).toEqual([1, 2, 7]);
    expect(escalationChain([1, 2], [7], [1])).toEqual([2, 7]);
    expect(escalationChain([1, 2], [7, 2], [1, 2])).toEqual([7]);
    expect(escalationChain([1], [1], [1])).toEqual([]);
  });
});
