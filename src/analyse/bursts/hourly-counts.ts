// Bucketing of item times into the hourly series that burst detection reads.

/** One hour in milliseconds. */
export const HOUR_MS = 3_600_000;

/**
 * Counts timestamps (epoch ms) into `hours` one-hour buckets ending at `now`, oldest first. The last
 * bucket is (now − 1 h, now]; times after `now`, before the first bucket or not finite are ignored.
 */
export function hourlyCounts(times: readonly number[], now: number, hours: number): number[] {
  const n = Number.isFinite(hours) ? Math.max(0, Math.floor(hours)) : 0;
  const counts = new Array<number>(n).fill(0);
  if (!n || !Number.isFinite(now)) return counts;
  for (const t of times) {
    if (!Number.isFinite(t) || t > now) continue;
    // Bucket k from the end holds (now − (k+1) h, now − k h].
    const k = Math.floor((now - t) / HOUR_MS);
    if (k < n) counts[n - 1 - k]++;
  }
  return counts;
}

/**
 * The same series from counts already grouped by whole hours before `now` (0: the last hour), as
 * `read` gives them for the series' length; pairs outside the series are ignored.
 */
export function hourlySeries(now: number, hours: number, read: (n: number) => Iterable<readonly [number, number]>): number[] {
  const counts = hourlyCounts([], now, hours); // the empty series, with hourlyCounts' checks of hours
  const n = counts.length;
  if (!n || !Number.isFinite(now)) return counts;
  for (const [k, c] of read(n)) if (k >= 0 && k < n) counts[n - 1 - k] += c;
  return counts;
}
