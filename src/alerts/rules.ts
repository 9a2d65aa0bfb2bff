// Pure rule evaluation: which enabled rules an analysed item triggers, when a burst, a risk level or
// a source's failures fire, quiet hours, and the key alerts fold under. No I/O: the outbox hands in
// the rules and what they judge.
import { SEVERITY_ZH, type AlertSeverity } from "./channels/types";

/** What a rule watches: new items of a watch, a burst (of a watch, or of any event), an event's risk, a source's health. */
export const TRIGGERS = ["watch", "burst", "event_risk", "source_unhealthy"] as const;
/** One of TRIGGERS. */
export type Trigger = (typeof TRIGGERS)[number];
/** Event risk levels, lowest first (一般 / 较大 / 重大, as src/analyse/risk suggests them). */
export const RISK_LEVELS = ["general", "significant", "major"] as const;
/** One of RISK_LEVELS. */
export type RiskLevel = (typeof RISK_LEVELS)[number];
/** What each risk level is called in Chinese. */
export const RISK_ZH: Record<RiskLevel, string> = { general: "一般", significant: "较大", major: "重大" };
/** A level's rank (−1 for an unknown one, so it never reaches anything). */
export const riskRank = (level: string | null | undefined): number => RISK_LEVELS.indexOf(level as RiskLevel);

/** An enabled rule as evaluation needs it (loaded once, reloaded when rules change). */
export interface Rule {
  id: number;
  name: string;
  trigger: Trigger;
  /** watch: the watch; burst: the watch whose burst fires (0: any event's burst). */
  watchId: number;
  watchName: string;
  /** event_risk: the level to reach; burst of events: only events at least this level (null: any). */
  minRisk: RiskLevel | null;
  /** source_unhealthy: only this source (null: any). */
  sourceId: number | null;
  /** source_unhealthy: consecutive failed fetches that make a source unhealthy. */
  minFailures: number;
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
  /** The item's event and its size counting this batch (folding by event); absent: fold by watch. */
  eventId?: number | null;
  eventSize?: number;
}

/** One alert a rule raises for an item. */
export interface Firing { rule: Rule; itemId: number; title: string; reason: string; foldKey: string }

/** Rules that need an item's repost count (the caller looks it up only for those). */
export const needsReposts = (r: Rule): boolean => r.minReposts != null && r.minReposts > 0;

/** Whether a rule fires for an item; `reposts` is asked only when the rule has a repost threshold. */
export function fires(rule: Rule, item: RuleItem, reposts: () => number): boolean {
  if (rule.trigger !== "watch") return false;
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

/**
 * The key an item's alert folds under: its event when the event has more than one item (a story
 * told by several posts is one message however many watches' words it uses), else the rule's watch.
 */
export function itemFoldKey(rule: Rule, item: RuleItem): string {
  return item.eventId != null && (item.eventSize ?? 0) > 1 ? `rule:${rule.id}:event:${item.eventId}` : `rule:${rule.id}:watch:${rule.watchId}`;
}

/** The alerts an item raises, one per rule that fires. */
export function evaluate(rules: readonly Rule[], item: RuleItem, reposts: () => number): Firing[] {
  const out: Firing[] = [];
  for (const rule of rules)
    if (fires(rule, item, reposts))
      out.push({ rule, itemId: item.id, title: `[${SEVERITY_ZH[rule.severity]}] ${rule.watchName}：${item.title}`, reason: reasonOf(rule), foldKey: itemFoldKey(rule, item) });
  return out;
}

/** What the count sentence of a folded message calls the subject ("同一事件 10 分钟内新增 7 条"). */
export function foldSubject(foldKey: string): string {
  if (/:event:\d+$/.test(foldKey)) return "同一事件";
  if (/:watch:\d+$/.test(foldKey)) return "同一监测方案";
  if (/:source:\d+$/.test(foldKey)) return "同一信息源";
  return "同一规则";
}

/** The Chinese half of a stored "中文 / English" reason. */
const zhHalf = (text: string): string => text.split(" / ")[0];

/**
 * Whether a burst flagged at `end` starts one (fires) rather than continues one: it does when the
 * rule last saw this subject flagged more than an hour before (or never). Ends sit on a 10-minute
 * grid, so a burst lasting hours is flagged at many ends; only its first fires.
 */
export function burstStarts(lastFlaggedEnd: number | null, end: number): boolean {
  return lastFlaggedEnd == null || end - lastFlaggedEnd > 3_600_000 || end < lastFlaggedEnd;
}

/** Why a burst rule fired, in Chinese: the subject and the burst's own figures. */
export function burstReason(rule: Rule, subject: string, burstReasons: readonly string[], lastHour: number): string {
  const why = burstReasons.map(zhHalf).join("；");
  return `预警规则「${rule.name}」：${subject}出现突增，最近一小时 ${lastHour} 条${why ? `（${why}）` : ""}`;
}

/** Whether an event's effective risk level going from `before` to `after` reaches the rule's level now. */
export function riskReached(rule: Rule, before: string | null, after: string): boolean {
  const min = riskRank(rule.minRisk ?? "significant");
  return riskRank(after) >= min && riskRank(before) < min;
}

/** Why an event risk rule fired, in Chinese. */
export function riskReason(rule: Rule, title: string, before: string | null, after: string, manual: boolean): string {
  const name = (l: string | null) => RISK_ZH[l as RiskLevel] ?? "未评估";
  return `预警规则「${rule.name}」：事件「${title}」风险等级由${name(before)}升至${name(after)}${manual ? "（分析人员调整）" : ""}，达到${RISK_ZH[rule.minRisk ?? "significant"]}`;
}

/** Whether a source whose failure count is now `errorCount` has just turned unhealthy for the rule. */
export function sourceTurnsUnhealthy(rule: Rule, sourceId: number, errorCount: number): boolean {
  return rule.trigger === "source_unhealthy" && (rule.sourceId == null || rule.sourceId === sourceId) && errorCount === rule.minFailures;
}

/** Why a source rule fired, in Chinese. */
export function sourceReason(rule: Rule, sourceName: string, errorCount: number, lastError: string): string {
  return `预警规则「${rule.name}」：信息源「${sourceName}」连续 ${errorCount} 次抓取失败，已转为异常（最近错误：${lastError}）`;
}

/** Parses "HH:MM" to minutes of the day (shared with the duty rota). */
export { parseClock } from "../shared/working-calendar";

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
