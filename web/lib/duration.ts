// Latency figures for people: milliseconds under a second, else seconds, else minutes.

/** A duration split into a unit and its number, for a locale string such as "{n} 秒". */
export interface DurationParts { unit: "ms" | "s" | "min"; n: string }

/** Splits `ms` into the unit a reader takes in at a glance (one decimal below 10 of a unit, none above). */
export function durationParts(ms: number): DurationParts {
  const value = Math.max(0, ms);
  if (value < 999.5) return { unit: "ms", n: String(Math.round(value)) };
  const digits = (x: number) => (x < 10 ? x.toFixed(1) : String(Math.round(x)));
  if (value < 59_500) return { unit: "s", n: digits(value / 1000) };
  return { unit: "min", n: digits(value / 60_000) };
}
