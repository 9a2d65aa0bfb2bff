// Pure rule evaluation: which enabled rules an analysed item triggers, quiet hours, and the key
// alerts fold under. No I/O: the outbox hands in the rules and the item.
import { SEVERITY_ZH, type AlertSeverity } from "./channels/types";

/** An enabled rule as evaluation needs it (loaded once, reloaded when rules change). */
export interface Rule {
  id: number;
  name: string;
  watchId: number;
  watchName: string;
  severity: AlertSeverity;
  onlyNegative: boolean;
  /** Only sources with priority ≤ this (1 is the most important); null: any. */
  maxSourcePriority: number | null;
  /** Only items whose repost group has at least this many reposts; null: any. */
  minReposts: number | null;
  channelIds: number[];
  /** Quiet hours as minutes of the day [start, end) in server time; null: none. */
  quiet: { start: number; end: number } | null;
  foldSeconds: number;
  /** People and "whoever is on duty" besides channels (absent: none). */
  recipients?: { userIds: readonly number[]; onDuty: boolean; dutyUnitId: number | null };
}

/** An analysed item as rules see it. */
export interface RuleItem {
  id: number;
  title: string;
  watchIds: readonly number[];
  sentiment: string;
  sourcePriority: number;
}

/** One alert a rule raises for an item. */
export interface Firing { rule: Rule; itemId: number; title: string; reason: string; foldKey: string }

/** Rules that need an item's repost count (the caller looks it up only for those). */
export const needsReposts = (r: Rule): boolean => r.minReposts != null && r.minReposts > 0;

/** Whether a rule fires for an item; `reposts` is asked only when the rule has a repost threshold. */
export function fires(rule: Rule, item: RuleItem, reposts: () => number): boolean {
  if (!item.watchIds.includes(rule.watchId)) return false;
  if (rule.onlyNegative && item.sentiment !== "neg") return false;
  if (rule.maxSourcePriority != null && item.sourcePriority > rule.maxSourcePriority) return false;
  if (needsReposts(rule) && reposts() < rule.minReposts!) return false;
  return true;
}

/** Why a rule fired, in Chinese (the message's reason line). */
export function reasonOf(rule: Rule): string {
  const parts = [`监测方案「${rule.watchName}」命中新信息`];
  if (rule.onlyNegative) parts.push("负面");
  if (rule.maxSourcePriority != null) parts.push(`来源优先级 ≤ ${rule.maxSourcePriority}`);
  if (rule.minReposts != null) parts.push(`转发 ≥ ${rule.minReposts}`);
  return `预警规则「${rule.name}」：${parts.join("，")}`;
}

/** The alerts an item raises, one per rule that fires. */
export function evaluate(rules: readonly Rule[], item: RuleItem, reposts: () => number): Firing[] {
  const out: Firing[] = [];
  for (const rule of rules)
    if (fires(rule, item, reposts))
      out.push({ rule, itemId: item.id, title: `[${SEVERITY_ZH[rule.severity]}] ${rule.watchName}：${item.title}`, reason: reasonOf(rule), foldKey: `rule:${rule.id}:watch:${rule.watchId}` });
  return out;
}

/** Parses "HH:MM" to minutes of the day, or null when it is not a time. */
export function parseClock(text: string | null | undefined): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text ?? "");
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * When a delivery of an alert of `severity` may go out under quiet hours: `now` outside them (and
 * always for 重大), else the end of the quiet period. `minuteOfDay` and the day start come from the
 * caller's clock (server local time), so this stays pure.
 */
export function releaseTime(severity: AlertSeverity, quiet: Rule["quiet"], now: number, minuteOfDay: number): number {
  if (!quiet || severity === "major" || quiet.start === quiet.end) return now;
  const { start, end } = quiet;
  const inside = start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
  if (!inside) return now;
  const wait = (end - minuteOfDay + 1440) % 1440;
  // To the start of the minute the quiet hours end on.
  return now - (now % 60_000) + wait * 60_000;
}

/** Minutes since local midnight of a time. */
export function localMinuteOfDay(t: number): number {
  const d = new Date(t);
  return d.getHours() * 60 + d.getMinutes();
}
