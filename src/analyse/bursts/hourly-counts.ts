// Bucketing of item times into the hourly series that burst detection and the volume charts read.
// Every series ends on the same grid (burstEnd), so that a watch's, an event's and a chart's hours
// have the same edges and the figures a burst quotes are the chart's points.

/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;

/** The grid hour edges sit on: the 10-minute buckets watch matches are counted in. */
export const BURST_STEP_MS = 600_000;

/** The end (exclusive) of the hourly series at `now`: the end of the 10-minute step `now` falls in. */
export function burstEnd(now: number): number {
  return (Math.floor(now / BURST_STEP_MS) + 1) * BURST_STEP_MS;
}

/** Which hour before `end` a time falls in: 0 for [end − 1 h, end), 1 for the hour before, …; negative from `end` on. */
export function hourIndex(time: number, end: number): number {
  return Math.ceil((end - time) / HOUR_MS) - 1;
}

/**
 * Counts timestamps (epoch ms) into `hours` one-hour buckets ending at `end`, oldest first. The last
 * bucket is [end − 1 h, end); times from `end` on, before the first bucket or not finite are ignored.
 */
export function hourlyCounts(times: readonly number[], end: number, hours: number): number[] {
  const n = Number.isFinite(hours) ? Math.max(0, Math.floor(hours)) : 0;
  const counts = new Array<number>(n).fill(0);
  if (!n || !Number.isFinite(end)) return counts;
  for (const t of times) {
    if (!Number.isFinite(t) || t >= end) continue;
    const k = hourIndex(t, end);
    if (k < n) counts[n - 1 - k]++;
  }
  return counts;
}

/**
 * The same series from counts already grouped by hour index before `end` (0: the last hour), as
 * `read` gives them for the series' length; pairs outside the series are ignored.
 */
export function hourlySeries(end: number, hours: number, read: (n: number) => Iterable<readonly [number, number]>): number[] {
  const counts = hourlyCounts([], end, hours); // the empty series, with hourlyCounts' checks of hours
  const n = counts.length;
  if (!n || !Number.isFinite(end)) return counts;
  for (const [k, c] of read(n)) if (k >= 0 && k < n) counts[n - 1 - k] += c;
  return counts;
}
