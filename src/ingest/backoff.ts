// Polling schedule for a source: failing sites are asked less often instead of hammered.

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Seconds until the next fetch: interval × 2^errorCount, capped at 24 h (or at the interval if
 * that is longer), spread ±10% by `random` so sources added together do not fetch together.
 */
export function nextFetchDelaySeconds(intervalSeconds: number, errorCount: number, random: () => number = Math.random): number {
  const interval = Number.isFinite(intervalSeconds) && intervalSeconds > 0 ? intervalSeconds : 1;
  const errors = Number.isFinite(errorCount) && errorCount > 0 ? Math.floor(errorCount) : 0;
  const cap = Math.max(DAY_SECONDS, interval);
  const base = Math.min(interval * 2 ** Math.min(errors, 64), cap);
  const jitter = 0.9 + 0.2 * Math.min(Math.max(random(), 0), 1);
  return Math.max(1, Math.round(Math.min(base * jitter, cap)));
}
