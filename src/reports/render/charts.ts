// Report charts drawn on the server: ECharts' SSR renderer makes an SVG string, resvg turns it into a
// PNG for DOCX and the printable page. The CJK font is handed to resvg explicitly (without it Chinese
// renders as boxes); the system fonts are searched only when that file is missing.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as echarts from "echarts";
import { Resvg } from "@resvg/resvg-js";
import type { ReportChart } from "../../shared/report-types";

/** The CJK family every renderer names last (Debian's fonts-noto-cjk). */
export const CJK_FAMILY = "Noto Sans CJK SC";
const FONT_STACK = `'${CJK_FAMILY}', sans-serif`;
const FONT_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype", "/usr/share/fonts"];
/** Logical size of a chart: half the PNG width keeps labels readable across an A4 text column. */
export const CHART_SIZE = { width: 800, height: 400 };
const PALETTE = ["#c00000", "#2f5597", "#548235", "#bf8f00", "#7030a0", "#2e75b6", "#843c0c", "#7f7f7f"];

let fontFiles: string[] | undefined;
/** The Noto Sans CJK font files found (Regular first), or [] when the machine has none. */
export function cjkFontFiles(): string[] {
  if (fontFiles) return fontFiles;
  const found: string[] = [];
  for (const dir of FONT_DIRS) {
    if (!existsSync(dir)) continue;
    try {
      for (const name of readdirSync(dir)) if (/^NotoSansCJK.*-(Regular|Bold)\.ttc$/.test(name)) found.push(join(dir, name));
    } catch { /* an unreadable folder is as good as none */ }
    if (found.length) break;
  }
  fontFiles = found.sort((a, b) => Number(b.includes("Regular")) - Number(a.includes("Regular")));
  return fontFiles;
}

function option(chart: ReportChart): echarts.EChartsCoreOption {
  const base = {
    animation: false,
    color: PALETTE,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT_STACK, fontSize: 14 },
    title: { text: chart.title, left: "center", top: 8, textStyle: { fontFamily: FONT_STACK, fontSize: 18, fontWeight: "bold" } },
    legend: { bottom: 6, textStyle: { fontFamily: FONT_STACK, fontSize: 13 } },
  };
  if (chart.kind === "pie") {
    const values = chart.series[0]?.data ?? [];
    return {
      ...base,
      series: [{
        type: "pie", name: chart.series[0]?.name ?? chart.title, radius: ["0%", "58%"], center: ["50%", "52%"],
        label: { fontFamily: FONT_STACK, fontSize: 13, formatter: "{b}：{c}（{d}%）" },
        data: chart.labels.map((name, i) => ({ name, value: values[i] ?? 0 })),
      }],
    };
  }
  return {
    ...base,
    grid: { left: 56, right: 24, top: 56, bottom: chart.series.length > 1 ? 64 : 40, containLabel: true },
    xAxis: { type: "category", data: chart.labels, axisLabel: { fontFamily: FONT_STACK, fontSize: 12, hideOverlap: true } },
    yAxis: { type: "value", minInterval: 1, axisLabel: { fontFamily: FONT_STACK, fontSize: 12 } },
    legend: chart.series.length > 1 ? base.legend : { show: false },
    series: chart.series.map((s) => ({
      type: chart.kind, name: s.name, data: s.data,
      ...(chart.kind === "line" ? { symbolSize: 6, lineStyle: { width: 2.5 } } : { barMaxWidth: 36 }),
      label: { show: chart.kind === "bar" && chart.labels.length <= 12, position: "top", fontFamily: FONT_STACK, fontSize: 12 },
    })),
  };
}

/** The chart as an SVG document of `size` (logical pixels). */
export function renderChartSvg(chart: ReportChart, size = CHART_SIZE): string {
  const ec = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    ec.setOption(option(chart));
    return ec.renderToSVGString();
  } finally {
    ec.dispose();
  }
}

/** The chart as a PNG `width` pixels wide (drawn at CHART_SIZE, scaled). */
export function renderChartPng(chart: ReportChart, width = CHART_SIZE.width * 2): Buffer {
  const files = cjkFontFiles();
  const resvg = new Resvg(renderChartSvg(chart), {
    fitTo: { mode: "width", value: width },
    background: "#ffffff",
    font: files.length
      ? { fontFiles: files, loadSystemFonts: false, defaultFontFamily: CJK_FAMILY }
      : { loadSystemFonts: true, defaultFontFamily: CJK_FAMILY },
  });
  return resvg.render().asPng();
}
