import { describe, expect, it } from "vitest";
import { en } from "../locales/en";
import { zhCN } from "../locales/zh-CN";
import { translate } from "../locales/translate";
import type { MessageKey } from "../locales/zh-CN";
import { reportSpecOf } from "./report-new-modal";
import { formatTimings, runPending } from "./report-runs-section";
import { scheduleWhen } from "./report-schedules-section";
import { inSectionOrder } from "./report-templates-section";

const zh = (key: MessageKey, params?: Record<string, string | number>) => translate(zhCN, key, params);

describe("reportSpecOf", () => {
  it("sends only the fields the kind uses", () => {
    expect(reportSpecOf({ kind: "daily", date: "2026-07-01", periodMode: "week", year: 2026, quarter: 2 })).toEqual({ kind: "daily", date: "2026-07-01" });
    expect(reportSpecOf({ kind: "periodic", periodMode: "month", from: "2026-01-01" })).toEqual({ kind: "periodic", period: "month" });
    expect(reportSpecOf({ kind: "periodic", periodMode: "range", from: "2026-06-01", to: "2026-06-07", templateId: 4 })).toEqual({ kind: "periodic", from: "2026-06-01", to: "2026-06-07", templateId: 4 });
    expect(reportSpecOf({ kind: "special", eventId: 9, date: "2026-07-01" })).toEqual({ kind: "special", eventId: 9 });
  });

  it("turns a quarter and a year into their first and last days", () => {
    expect(reportSpecOf({ kind: "quarterly", year: 2026, quarter: 1 })).toEqual({ kind: "quarterly", from: "2026-01-01", to: "2026-03-31" });
    expect(reportSpecOf({ kind: "quarterly", year: 2024, quarter: 2 })).toEqual({ kind: "quarterly", from: "2024-04-01", to: "2024-06-30" });
    expect(reportSpecOf({ kind: "quarterly", year: 2026, quarter: 4 })).toEqual({ kind: "quarterly", from: "2026-10-01", to: "2026-12-31" });
    expect(reportSpecOf({ kind: "annual", year: 2025 })).toEqual({ kind: "annual", from: "2025-01-01", to: "2025-12-31" });
  });
});

describe("report settings helpers", () => {
  it("keeps checked sections in document order", () => {
    expect(inSectionOrder("special", ["advice", "overview", "nope"])).toEqual(["overview", "advice"]);
  });

  it("says when a schedule runs", () => {
    const base = { atTime: "08:30", weekday: null, monthday: null };
    expect(scheduleWhen({ ...base, kind: "daily", period: null }, zh)).toBe("每天 08:30");
    expect(scheduleWhen({ ...base, kind: "periodic", period: "week", weekday: 1 }, zh)).toBe("每周一 08:30");
    expect(scheduleWhen({ ...base, kind: "periodic", period: "month", monthday: 5 }, zh)).toBe("每月 5 日 08:30");
    expect(scheduleWhen({ ...base, kind: "periodic", period: "week", weekday: 7 }, (k, p) => translate(en, k, p))).toBe("Weekly on Sun at 08:30");
  });

  it("prints stage timings in their recorded order", () => {
    expect(formatTimings({ 统计信息: 120.4, 绘制图表: 1530 })).toBe("统计信息 120 ms · 绘制图表 1.5 s");
    expect(formatTimings({})).toBe("");
  });
});

describe("runPending", () => {
  const run = { id: 1, kind: "daily", trigger: "schedule", scheduleId: 2, status: "done", stage: "完成", progress: 1, reportId: 3, error: null, startedAt: "2026-07-01T00:00:00Z", finishedAt: "2026-07-01T00:00:02Z", timings: {}, delivery: null } as const;
  const soon = Date.parse("2026-07-01T00:01:00Z");
  it("follows a running run and a schedule's run until its delivery is recorded", () => {
    expect(runPending({ ...run, status: "running", scheduleId: null }, soon)).toBe(true);
    expect(runPending(run, soon)).toBe(true);
    expect(runPending({ ...run, delivery: [] }, soon)).toBe(false);
    expect(runPending({ ...run, scheduleId: null }, soon)).toBe(false);
    expect(runPending({ ...run, status: "failed" }, soon)).toBe(false);
    expect(runPending(run, soon + 3_600_000)).toBe(false);
  });
});
