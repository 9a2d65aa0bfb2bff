// Pieces every report generator uses: the ledger links behind figures, office-time formatting, quoted
// items, number formatting and Chinese period labels. Pure.
import type { CitedItem, ReportFigure } from "../shared/report-types";
import type { ReportItemRow } from "../store/report-data";
import { officeTime } from "./case-memo-content";

/** A period of office days (both ends included) and the moments [start, end) it covers. */
export interface ReportPeriod { from: string; to: string; start: number; end: number }

/** The ledger query of the period's items (copies included, as the figures count them). */
export function ledgerHref(p: { start: number; end: number }, extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams({ from: new Date(p.start).toISOString(), to: new Date(p.end - 1).toISOString(), collapse: "0" });
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return `/items?${q.toString()}`;
}

/**
 * A filtered list page (src/shared/list-links.ts) over a period: `keys` get its first and last moment, both
 * included (as the ledger's from/to), then `extra`.
 */
export function listHref(path: string, p: { start: number; end: number }, keys: readonly [string, string] = ["from", "to"], extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ ...extra, [keys[0]]: new Date(p.start).toISOString(), [keys[1]]: new Date(p.end - 1).toISOString() });
  return `${path}?${q.toString()}`;
}

/** A figure. */
export const figure = (key: string, label: string, value: number, unit: string, href?: string, note?: string): ReportFigure => ({
  key, label, value, unit, ...(href ? { href } : {}), ...(note ? { note } : {}),
});

/** 12,345 */
export const num = (n: number): string => n.toLocaleString("en-US");

/** A share as printed: 12.3% (— when the whole is 0). */
export const pct = (part: number, whole: number): string => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : "—");

/** A share as a figure value: 12.3 (percent, one decimal; 0 when the whole is 0). */
export const pctValue = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/** The change from `before` to `now` in words: 增加 12.3% / 减少 5.0% / 持平 / (no base) 新增. */
export function changeText(now: number, before: number): string {
  if (before === 0) return now === 0 ? "持平" : "前一周期无信息";
  const d = ((now - before) / before) * 100;
  if (Math.abs(d) < 0.05) return "持平";
  return `${d > 0 ? "增加" : "减少"} ${Math.abs(d).toFixed(1)}%`;
}

const CN_DATE = (d: string): string => {
  const [y, m, day] = d.split("-").map(Number);
  return `${y}年${m}月${day}日`;
};

/** "2026年7月1日" or "2026年7月1日—7月7日" (the year once when it does not change). */
export function periodLabel(from: string, to: string): string {
  if (from === to) return CN_DATE(from);
  const [fy] = from.split("-");
  const [ty, tm, td] = to.split("-").map(Number);
  return `${CN_DATE(from)}—${String(ty) === fy ? "" : `${ty}年`}${tm}月${td}日`;
}

/** Office time of a moment, or null. */
export const at = (ms: number | null, timeZone: string): string | null => (ms == null ? null : officeTime(ms, timeZone));

/** A ledger row as a quoted item. */
export function citedItem(r: ReportItemRow, timeZone: string): CitedItem {
  const text = r.text.replace(/\s+/g, " ").trim();
  return {
    id: r.id, title: r.title, source: r.source_name, publishedAt: at(r.published_at, timeZone), url: r.url,
    sentiment: (r.sentiment as CitedItem["sentiment"]) ?? null, reposts: Math.max(0, r.group_size - 1),
    excerpt: text.length > 120 ? `${text.slice(0, 120)}…` : text, href: `/items/${r.id}`,
  };
}

/** Risk levels in Chinese (an analyst's override wins). */
export const RISK_ZH: Record<string, string> = { general: "一般", significant: "较大", major: "重大" };

/** A report's number as printed: "2026年第12期". */
export const reportNumber = (year: number, seq: number): string => `${year}年第${seq}期`;
