// ECharts options of a report chart: the same ReportChart data the server draws into DOCX and PDF.
import type { ReportChart } from "../../src/shared/report-types";
import type { ChartOption } from "./echart";

/** Line and bar charts get an axis per label and a legend when there is more than one series; a pie uses the first series. */
export function reportChartOption(chart: ReportChart): ChartOption {
  if (chart.kind === "pie") {
    const values = chart.series[0]?.data ?? [];
    return {
      tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
      legend: { type: "scroll", bottom: 0 },
      series: [
        {
          type: "pie",
          name: chart.series[0]?.name ?? chart.title,
          radius: ["40%", "68%"],
          data: chart.labels.map((name, index) => ({ name, value: values[index] ?? 0 })),
        },
      ],
    };
  }
  const legend = chart.series.length > 1;
  return {
    grid: { left: 40, right: 16, top: legend ? 40 : 16, bottom: 32 },
    tooltip: { trigger: "axis" },
    ...(legend ? { legend: { type: "scroll", top: 0 } } : {}),
    xAxis: { type: "category", boundaryGap: chart.kind === "bar", data: chart.labels },
    yAxis: { type: "value", minInterval: 1 },
    series: chart.series.map((series) => ({
      type: chart.kind,
      name: series.name,
      data: series.data,
      ...(chart.kind === "bar" ? { barMaxWidth: 32 } : { showSymbol: series.data.length <= 48 }),
    })),
  };
}

/** An app-relative link from a report (`/items/3`), or null for anything else (another origin, a script URL). */
export function appPath(href: string | undefined): string | null {
  return href && href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\") ? href : null;
}
