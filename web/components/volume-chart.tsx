// Seven-day volume bar chart; echarts is imported piecemeal so only bars, grid and tooltip ship.
import { useEffect, useRef } from "react";
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** One day's count. */
export interface VolumePoint {
  date: string;
  count: number;
}

/** Bar chart of `points` with `seriesName` in the tooltip. */
export function VolumeChart({ points, seriesName }: { points: readonly VolumePoint[]; seriesName: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: "svg" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: points.map((point) => point.date.slice(5)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ type: "bar", name: seriesName, data: points.map((point) => point.count), barMaxWidth: 40 }],
    });
  }, [points, seriesName]);

  return <div ref={element} style={{ width: "100%", height: 280 }} data-testid="volume-chart" />;
}
