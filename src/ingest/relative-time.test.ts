import { describe, expect, it } from "vitest";
import { parseListTime, parseWithFormat } from "./relative-time";

// 2026-05-04 10:00 in Shanghai.
const now = Date.parse("2026-05-04T02:00:00Z");
const ctx = { timeZone: "Asia/Shanghai", now };
const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

describe("parseListTime", () => {
  it("reads relative Chinese times against now", () => {
    expect(iso(parseListTime("刚刚", ctx))).toBe("2026-05-04T02:00:00.000Z");
    expect(iso(parseListTime("30秒前", ctx))).toBe("2026-05-04T01:59:30.000Z");
    expect(iso(parseListTime("5分钟前", ctx))).toBe("2026-05-04T01:55:00.000Z");
    expect(iso(parseListTime("2小时前", ctx))).toBe("2026-05-04T00:00:00.000Z");
  });

  it("reads 今天/昨天/前天 with a clock time in the office zone", () => {
    expect(iso(parseListTime("今天 08:05", ctx))).toBe("2026-05-04T00:05:00.000Z");
    expect(iso(parseListTime("昨天 12:30", ctx))).toBe("2026-05-03T04:30:00.000Z");
    expect(iso(parseListTime("前天 23:59", ctx))).toBe("2026-05-02T15:59:00.000Z");
    expect(iso(parseListTime("昨天 12:30", { timeZone: "UTC", now }))).toBe("2026-05-03T12:30:00.000Z");
  });

  it("reads bare local dates, month-day times in this or last year, and zoned dates", () => {
    expect(iso(parseListTime("2026-05-03 08:15", ctx))).toBe("2026-05-03T00:15:00.000Z");
    expect(iso(parseListTime("05-01 10:00", ctx))).toBe("2026-05-01T02:00:00.000Z");
    expect(iso(parseListTime("12-30 10:00", ctx))).toBe("2025-12-30T02:00:00.000Z");
    expect(iso(parseListTime("2026年5月1日", ctx))).toBe("2026-04-30T16:00:00.000Z");
    expect(iso(parseListTime("2026-05-01T10:00:00Z", ctx))).toBe("2026-05-01T10:00:00.000Z");
    expect(parseListTime("不是时间", ctx)).toBeNull();
    expect(parseListTime("", ctx)).toBeNull();
  });

  it("uses an explicit format and refuses impossible dates", () => {
    expect(iso(parseWithFormat("发布于 2026年05月01日", "YYYY年MM月DD日", ctx))).toBe("2026-04-30T16:00:00.000Z");
    expect(iso(parseListTime("01/05/2026 14:30", { ...ctx, format: "DD/MM/YYYY HH:mm" }))).toBe("2026-05-01T06:30:00.000Z");
    expect(parseListTime("2026-02-30 10:00", { ...ctx, format: "YYYY-MM-DD HH:mm" })).toBeNull();
    expect(parseListTime("不是时间", { ...ctx, format: "YYYY-MM-DD" })).toBeNull();
  });

  it("reads relative times even when the source has a date format", () => {
    const fmt = { ...ctx, format: "YYYY-MM-DD HH:mm" };
    expect(iso(parseListTime("5分钟前", fmt))).toBe("2026-05-04T01:55:00.000Z");
    expect(iso(parseListTime("昨天", { ...ctx, format: "YYYY-MM-DD" }))).toBe("2026-05-02T16:00:00.000Z");
    expect(iso(parseListTime("今天 08:05", fmt))).toBe("2026-05-04T00:05:00.000Z");
    expect(iso(parseListTime("2026-05-01 10:00", fmt))).toBe("2026-05-01T02:00:00.000Z");
  });

  it("reads weeks, months and years back, and half an hour", () => {
    expect(iso(parseListTime("2周前", ctx))).toBe("2026-04-20T02:00:00.000Z");
    expect(iso(parseListTime("1个星期前", ctx))).toBe("2026-04-27T02:00:00.000Z");
    expect(iso(parseListTime("1个月前", ctx))).toBe("2026-04-04T02:00:00.000Z");
    expect(iso(parseListTime("6个月前", ctx))).toBe("2025-11-04T02:00:00.000Z");
    expect(iso(parseListTime("1年前", ctx))).toBe("2025-05-04T02:00:00.000Z");
    expect(iso(parseListTime("半小时前", ctx))).toBe("2026-05-04T01:30:00.000Z");
    // 3月31日 one month back is the end of February.
    const march31 = { timeZone: "Asia/Shanghai", now: Date.parse("2026-03-31T02:00:00Z") };
    expect(iso(parseListTime("1个月前", march31))).toBe("2026-02-28T02:00:00.000Z");
  });
});
