// A source's health as a traffic light with its reasons (Chinese), from what the scheduler stored and
// the source's recent items. Pure. Red: failing repeatedly (≥ 3 in a row), or never fetched successfully
// after an attempt. Yellow: a failure or two in a row, or silent far beyond its own rhythm (no new item
// for 4× its average gap over the last 7 days, and at least 6 hours), or silent for the whole week
// after having items. Green otherwise. Imports and manual entries are filled by people: always green.

/** The light. */
export type HealthLevel = "green" | "yellow" | "red";

/** What health is judged from. */
export interface HealthInput {
  kind: string;
  enabled: boolean;
  errorCount: number;
  lastFetchedAt: number | null;
  lastSuccessAt: number | null;
  /** When its newest item was fetched (null: never). */
  lastItemAt: number | null;
  /** Items fetched in each of the last 7 days, oldest first. */
  itemsPerDay: readonly number[];
  itemCount: number;
  now: number;
}

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

/** The light and why. */
export function sourceHealth(s: HealthInput): { level: HealthLevel; reasons: string[] } {
  if (s.kind === "import" || s.kind === "manual" || !s.enabled) return { level: "green", reasons: [] };
  const reasons: string[] = [];
  let level: HealthLevel = "green";
  const raise = (to: HealthLevel, why: string) => {
    reasons.push(why);
    if (to === "red" || (to === "yellow" && level === "green")) level = to;
  };
  if (s.errorCount >= 3) raise("red", `连续 ${s.errorCount} 次抓取失败`);
  else if (s.errorCount > 0) raise("yellow", `最近 ${s.errorCount} 次抓取失败`);
  if (s.lastSuccessAt == null && s.lastFetchedAt != null && s.errorCount > 0 && s.errorCount < 3) raise("red", "从未抓取成功");
  const quiet = silenceReason({ week: s.itemsPerDay.reduce((a, b) => a + b, 0), lastItemAt: s.lastItemAt, itemCount: s.itemCount, now: s.now });
  if (quiet) raise("yellow", quiet);
  return { level, reasons };
}

/**
 * Why a source counts as silent (no new item for 4× its average gap over the last 7 days, and at least
 * 6 hours; or none all week after having items), or null. `week`: items fetched in the last 7 days.
 */
export function silenceReason(s: { week: number; lastItemAt: number | null; itemCount: number; now: number }): string | null {
  if (s.lastItemAt == null) return null;
  const silent = s.now - s.lastItemAt;
  if (s.week >= 7) {
    const gap = WEEK / s.week;
    return silent > Math.max(4 * gap, 6 * HOUR) ? `已 ${Math.round(silent / HOUR)} 小时无新信息（平时约每 ${Math.max(1, Math.round(gap / 60_000))} 分钟一条）` : null;
  }
  return s.week === 0 && s.itemCount > 0 && silent > WEEK ? "近 7 天无新信息" : null;
}

/** Order for the sources page: red, then yellow, then green. */
export const HEALTH_ORDER: Record<HealthLevel, number> = { red: 0, yellow: 1, green: 2 };
