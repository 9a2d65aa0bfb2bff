// Periods of publicity scores (the year, a quarter q1..q4, a month m01..m12): their office-day bounds,
// their Chinese names, and the quota that applies to a unit in one. Pure.
import type { OutletLevel } from "../shared/publicity-types";

/** Period keys: the whole year, a quarter, a month. */
export const SCORE_PERIODS = ["year", "q1", "q2", "q3", "q4", "m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11", "m12"] as const;
/** One of SCORE_PERIODS. */
export type ScorePeriod = (typeof SCORE_PERIODS)[number];

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** First and last month (1..12) of a period. */
export function periodMonths(period: ScorePeriod): { first: number; last: number } {
  if (period === "year") return { first: 1, last: 12 };
  if (period.startsWith("q")) {
    const q = Number(period.slice(1));
    return { first: q * 3 - 2, last: q * 3 };
  }
  const m = Number(period.slice(1));
  return { first: m, last: m };
}

/** The period's first and last office days (YYYY-MM-DD, both included). */
export function periodBounds(year: number, period: ScorePeriod): { from: string; to: string } {
  const { first, last } = periodMonths(period);
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** "2026年", "2026年第四季度", "2026年11月". */
export function periodName(year: number, period: ScorePeriod): string {
  if (period === "year") return `${year}年`;
  if (period.startsWith("q")) return `${year}年第${"一二三四"[Number(period.slice(1)) - 1]}季度`;
  return `${year}年${Number(period.slice(1))}月`;
}

/** A unit's quota in a period: how many placements, at which floor levels. */
export interface PeriodQuota {
  count: number;
  /** The floors of the quota rows summed (usually one, e.g. city = 市级以上). */
  minLevels: OutletLevel[];
  /** set: rows of that very period; sum: the sum of its quarters or months; pro_rata: a share of the yearly quota. */
  source: "set" | "sum" | "pro_rata";
}

/** A quota row as the period logic needs it. */
export interface QuotaLine { period: string; minLevel: OutletLevel; count: number }

function sumOf(rows: readonly QuotaLine[], keep: (period: string) => boolean, source: PeriodQuota["source"]): PeriodQuota | null {
  const picked = rows.filter((r) => keep(r.period));
  if (!picked.length) return null;
  return { count: picked.reduce((s, r) => s + r.count, 0), minLevels: [...new Set(picked.map((r) => r.minLevel))], source };
}

const inMonths = (p: string, first: number, last: number) => /^m\d\d$/.test(p) && Number(p.slice(1)) >= first && Number(p.slice(1)) <= last;

/**
 * A unit's quota for a period from its quota rows of the year: the rows of that period; else the sum of
 * the finer rows inside it (quarters, then months, for the year; months for a quarter); else a pro-rata
 * share of the coarser set quota (a month: its quarter's third, else the year's twelfth; a quarter: the
 * year's quarter), to two decimals; null when none applies.
 */
export function periodQuota(rows: readonly QuotaLine[], period: ScorePeriod): PeriodQuota | null {
  const exact = sumOf(rows, (p) => p === period, "set");
  if (exact) return exact;
  const { first, last } = periodMonths(period);
  if (period === "year") return sumOf(rows, (p) => /^q[1-4]$/.test(p), "sum") ?? sumOf(rows, (p) => inMonths(p, 1, 12), "sum");
  const share = (q: PeriodQuota | null, months: number): PeriodQuota | null =>
    q && { ...q, count: Math.round((q.count * (last - first + 1) * 100) / months) / 100, source: "pro_rata" };
  if (period.startsWith("q")) return sumOf(rows, (p) => inMonths(p, first, last), "sum") ?? share(sumOf(rows, (p) => p === "year", "set"), 12);
  const quarter = `q${Math.ceil(first / 3)}`;
  return share(sumOf(rows, (p) => p === quarter, "set"), 3) ?? share(sumOf(rows, (p) => p === "year", "set"), 12);
}
