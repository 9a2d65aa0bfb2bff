// The ECharts host of every chart; echarts is imported piecemeal so only bar, line and pie ship.
import { useEffect, useRef } from "react";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** An ECharts option object (only bar, line and pie series with grid, legend and tooltip are registered). */
export type ChartOption = echarts.EChartsCoreOption;

/** Props of EChart. */
export interface EChartProps {
  option: ChartOption;
  height?: number;
  testId?: string;
}

/** Renders `option` as an SVG chart that follows its container's width. */
export function EChart({ option, height = 280, testId }: EChartProps) {
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
    // Replace rather than merge, so series that disappeared (a source, say) leave the chart.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} style={{ width: "100%", height }} data-testid={testId} />;
}
