// The pure statistics: median, on-time and overdue edges, and quarters in the office's time zone.
import { describe, expect, it } from "vitest";
import { caseStats, median, type StatCase } from "./stats";
import { periodBounds, periodPresets, quarterOf } from "./stats-period";

const H = 3_600_000;
const row = (p: Partial<StatCase>): StatCase => ({
  id: 1, unit_id: 1, state: "triaged", created_at: 0, reply_due_at: null, replied_at: null, closed_at: null, overdue: 0, ...p,
});

describe("case statistics", () => {
  it("takes the median of an even count as the mean of the middle two", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([10, 1, 4, 2])).toBe(3);
  });

  it("counts a reply exactly at the deadline as on time and a closed case without reply time as replied", () => {
    const now = 100 * H;
    const { total } = caseStats([
      row({ id: 1, reply_due_at: 5 * H, replied_at: 5 * H, state: "replied" }),
      row({ id: 2, reply_due_at: 5 * H, replied_at: 5 * H + 1, state: "replied", overdue: 1 }),
      row({ id: 3, state: "closed", closed_at: 2 * H }),
      row({ id: 4, reply_due_at: now, state: "responding" }), // due now, not past
      row({ id: 5, reply_due_at: now - 1, state: "responding" }),
    ], new Map([[1, "A"]]), now);
    expect(total).toEqual({
      cases: 5, replied: 3, repliedRate: 3 / 5, onTime: 2, openPastDue: 1, onTimeRate: 2 / 4, medianHoursToReply: 5, overdue: 2,
    });
  });

  it("finds quarters, presets and period bounds in the office's time zone", () => {
    expect(quarterOf("2026-12-06")).toEqual({ from: "2026-10-01", to: "2026-12-31", label: "2026年第4季度" });
    expect(quarterOf("2026-02-10", -1)).toEqual({ from: "2025-10-01", to: "2025-12-31", label: "2025年第4季度" });
    expect(quarterOf("2024-05-01")).toMatchObject({ from: "2024-04-01", to: "2024-06-30" });
    // 16:30 UTC on 31 March is already 1 April in Beijing: the second quarter.
    expect(periodPresets(Date.parse("2026-03-31T16:30:00Z"), "Asia/Shanghai")[0]).toMatchObject({ from: "2026-04-01", to: "2026-06-30" });
    expect(periodBounds({ from: "2026-07-01", to: "2026-09-30" }, "Asia/Shanghai")).toEqual({
      start: Date.parse("2026-06-30T16:00:00Z"), end: Date.parse("2026-09-30T16:00:00Z"),
    });
  });
});
