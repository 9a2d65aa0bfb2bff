// Seven-day volume bar chart, drawn by the shared EChart host.
import { useMemo } from "react";
import { EChart } from "./echart";

/** One day's count. */
export interface VolumePoint {
  date: string;
  count: number;
}

/** Bar chart of `points` with `seriesName` in the tooltip. */
export function VolumeChart({ points, seriesName }: { points: readonly VolumePoint[]; seriesName: string }) {
  const option = useMemo(
    () => ({
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: points.map((point) => point.date.slice(5)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ type: "bar", name: seriesName, data: points.map((point) => point.count), barMaxWidth: 40 }],
    }),
    [points, seriesName],
  );
  return <EChart option={option} testId="volume-chart" />;
}
