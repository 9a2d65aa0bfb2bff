// Hourly counts from the API turned into gap-free chart axes and series (pure; no echarts here).
import type { RepostGroupView } from "../../src/shared/analysis-api";

const HOUR = 3_600_000;

/** Longest run of hours filled with zeros; beyond it only the hours that have data are shown. */
export const MAX_FILLED_HOURS = 14 * 24;

/** Start of the hour `iso` falls in, in epoch ms (NaN when it is not a date). */
function hourOf(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.NaN : Math.floor(ms / HOUR) * HOUR;
}

/** The sorted hours to plot: every hour from first to last when the span is short, else just `hours`. */
export function hourAxis(hours: Iterable<number>): number[] {
  const known = [...new Set(hours)].filter(Number.isFinite).sort((a, b) => a - b);
  if (known.length < 2) return known;
  const first = known[0];
  const last = known[known.length - 1];
  if ((last - first) / HOUR > MAX_FILLED_HOURS) return known;
  const axis: number[] = [];
  for (let hour = first; hour <= last; hour += HOUR) axis.push(hour);
  return axis;
}

/** A line of counts over an hour axis. */
export interface HourlyLine {
  hours: number[];
  counts: number[];
}

/**
 * Counts per hour (e.g. an event's volume) with missing hours as zeros. The hours are taken as they
 * come, not moved to the clock hour: an event's hours start on a 10-minute step (its burst's edges).
 */
export function hourlyLine(points: readonly { hour: string; count: number }[]): HourlyLine {
  const byHour = new Map<number, number>();
  for (const point of points) {
    const hour = Date.parse(point.hour);
    if (Number.isFinite(hour)) byHour.set(hour, (byHour.get(hour) ?? 0) + point.count);
  }
  const hours = hourAxis(byHour.keys());
  return { hours, counts: hours.map((hour) => byHour.get(hour) ?? 0) };
}

/** Stacked series: one per source, biggest source first, aligned to `hours`. */
export interface StackedHours {
  hours: number[];
  series: { name: string; data: number[] }[];
}

/** A repost group's timeline as copies per hour by source, ready for a stacked bar chart. */
export function spreadSeries(timeline: RepostGroupView["timeline"]): StackedHours {
  const bySource = new Map<string, Map<number, number>>();
  const totals = new Map<string, number>();
  for (const row of timeline) {
    const hour = hourOf(row.hour);
    if (!Number.isFinite(hour)) continue;
    const counts = bySource.get(row.source) ?? new Map<number, number>();
    counts.set(hour, (counts.get(hour) ?? 0) + row.count);
    bySource.set(row.source, counts);
    totals.set(row.source, (totals.get(row.source) ?? 0) + row.count);
  }
  const hours = hourAxis([...bySource.values()].flatMap((counts) => [...counts.keys()]));
  const names = [...bySource.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b));
  return {
    hours,
    series: names.map((name) => ({ name, data: hours.map((hour) => bySource.get(name)?.get(hour) ?? 0) })),
  };
}
