// ECharts options of the analysis charts, built from the pure series in hourly-series.ts.
import dayjs from "dayjs";
import type { SentimentLabel } from "../../src/shared/analysis-api";
import type { ChartOption } from "../components/echart";
import { SENTIMENT_FILLS } from "./analysis-display";
import type { HourlyLine, StackedHours } from "./hourly-series";

/**
 * The start of an hour (epoch ms) as an axis label in local time, e.g. "05-01 08:00"; minutes are kept
 * because an event's hours end where its burst figures' hours do, on a 10-minute step ("05-01 08:50").
 */
export function hourLabel(hour: number): string {
  return dayjs(hour).format("MM-DD HH:mm");
}

/** Stacked bars of copies per hour, one colour per source, with a legend. */
export function spreadOption(stacked: StackedHours): ChartOption {
  return {
    grid: { left: 40, right: 16, top: 40, bottom: 32 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { type: "scroll", top: 0 },
    xAxis: { type: "category", data: stacked.hours.map(hourLabel) },
    yAxis: { type: "value", minInterval: 1 },
    series: stacked.series.map((series) => ({
      type: "bar",
      stack: "copies",
      name: series.name,
      data: series.data,
      barMaxWidth: 32,
    })),
  };
}

/** A line of items per hour. */
export function volumeOption(line: HourlyLine, seriesName: string): ChartOption {
  return {
    grid: { left: 40, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", boundaryGap: false, data: line.hours.map(hourLabel) },
    yAxis: { type: "value", minInterval: 1 },
    // Straight segments: a smoothed curve would dip below zero between empty hours.
    series: [
      {
        type: "line",
        name: seriesName,
        data: line.counts,
        showSymbol: line.counts.length <= 48,
        areaStyle: { opacity: 0.15 },
      },
    ],
  };
}

/** A doughnut of the sentiment mix in the sentiment colours; `nameOf` localises the labels. */
export function sentimentPieOption(
  mix: Record<SentimentLabel, number>,
  nameOf: (label: SentimentLabel) => string,
): ChartOption {
  const labels: SentimentLabel[] = ["neg", "neu", "pos"];
  return {
    tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
    legend: { bottom: 0 },
    series: [
      {
        type: "pie",
        radius: ["40%", "70%"],
        data: labels.map((label) => ({
          name: nameOf(label),
          value: mix[label],
          itemStyle: { color: SENTIMENT_FILLS[label] },
        })),
      },
    ],
  };
}
