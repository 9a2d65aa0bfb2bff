import { describe, expect, it } from "vitest";
import { appPath, reportChartOption } from "./report-chart-option";

describe("reportChartOption", () => {
  it("draws a pie from the first series, one slice per label", () => {
    const option = reportChartOption({ kind: "pie", title: "情感分布", labels: ["负面", "中性", "正面"], series: [{ name: "条数", data: [3, 5, 1] }] });
    const series = option.series as { type: string; data: { name: string; value: number }[] }[];
    expect(series).toHaveLength(1);
    expect(series[0].type).toBe("pie");
    expect(series[0].data).toEqual([{ name: "负面", value: 3 }, { name: "中性", value: 5 }, { name: "正面", value: 1 }]);
  });

  it("draws one line or bar per series over the labels, with a legend only for several", () => {
    const line = reportChartOption({ kind: "line", title: "走势", labels: ["0时", "1时"], series: [{ name: "信息量", data: [2, 4] }] });
    expect((line.xAxis as { data: string[] }).data).toEqual(["0时", "1时"]);
    expect(line.legend).toBeUndefined();
    const bar = reportChartOption({ kind: "bar", title: "来源", labels: ["论坛", "微博"], series: [{ name: "正面", data: [1, 2] }, { name: "负面", data: [3, 0] }] });
    const series = bar.series as { type: string; name: string; data: number[] }[];
    expect(series.map((s) => [s.type, s.name, s.data])).toEqual([["bar", "正面", [1, 2]], ["bar", "负面", [3, 0]]]);
    expect(bar.legend).toBeDefined();
  });
});

describe("appPath", () => {
  it("keeps paths inside the app and drops other origins and script URLs", () => {
    expect(appPath("/items?from=2026-07-01&sentiment=neg")).toBe("/items?from=2026-07-01&sentiment=neg");
    expect(appPath("//evil.example/x")).toBeNull();
    expect(appPath("/\\evil.example")).toBeNull();
    expect(appPath("javascript:alert(1)")).toBeNull();
    expect(appPath("https://example.org/")).toBeNull();
    expect(appPath(undefined)).toBeNull();
  });
});
