// Charts drawn on the server: SVG with its Chinese text, PNG of the requested width.
import { describe, expect, it } from "vitest";
import { cjkFontFiles, renderChartPng, renderChartSvg } from "./charts";
import type { ReportChart } from "../../shared/report-types";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const charts: ReportChart[] = [
  { kind: "line", title: "信息走势（按小时）", labels: ["0时", "6时", "12时", "18时"], series: [{ name: "信息量", data: [3, 40, 52, 20] }, { name: "负面", data: [0, 4, 6, 1] }] },
  { kind: "bar", title: "来源分布", labels: ["青禾论坛", "微博", "微信"], series: [{ name: "信息量", data: [412, 288, 96] }] },
  { kind: "pie", title: "情感分布", labels: ["负面", "中性", "正面"], series: [{ name: "条数", data: [57, 1040, 187] }] },
];

describe("report charts", () => {
  it.each(charts)("draws a $kind chart as SVG with its Chinese text and as a PNG of the requested width", (chart) => {
    let t = Date.now();
    const svg = renderChartSvg(chart);
    const svgMs = Date.now() - t;
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain(chart.title);
    expect(svg).toContain(chart.labels[0]);
    t = Date.now();
    const png = renderChartPng(chart, 1200);
    console.log(`chart ${chart.kind}: SVG ${svgMs} ms, PNG ${Date.now() - t} ms`);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // IHDR: width and height as big-endian integers at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(600);
  });

  it("keeps markup in titles and labels as text", () => {
    const svg = renderChartSvg({ kind: "bar", title: "<script>alert(1)</script>", labels: ["<b>x</b>"], series: [{ name: "n", data: [1] }] });
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<b>");
  });

  it("draws empty charts (a quiet day) without failing", () => {
    for (const kind of ["line", "bar", "pie"] as const) {
      expect(renderChartPng({ kind, title: "无数据", labels: [], series: [] }, 400).readUInt32BE(16)).toBe(400);
      expect(renderChartSvg({ kind, title: "全为零", labels: ["负面", "中性"], series: [{ name: "条数", data: [0, 0] }] })).toContain("全为零");
    }
  });

  it("hands resvg the machine's Noto Sans CJK file", () => {
    expect(cjkFontFiles()[0]).toMatch(/NotoSansCJK-Regular\.ttc$/);
  });
});
