// The outbox: turns analysed items into alerts and pending deliveries inside the caller's transaction
// (the analysis batch that caused them), folding alerts of one rule and event (or watch) within its
// window. Enabled rules are loaded once per database, split by trigger, and reloaded when rules
// change (reloadRules). Event, source and manual alerts are in triggers.ts and write through here.
import type { Db } from "../db/connection";
import { burstEnd, type Burst } from "../analyse/bursts";
import { watchBurstAt } from "../monitor/bursts";
import { ALERT_SEVERITIES, SEVERITY_ZH, type AlertSeverity } from "./channels/types";
import {
  burstReason, burstStarts, evaluate, localMinuteOfDay, parseClock, releaseTime, RISK_LEVELS, TRIGGERS,
  type Firing, type RiskLevel, type Rule, type RuleItem, type Trigger,
} from "./rules";
import { enabledChannelIds, enabledRules, type RuleRow } from "../store/alert-config";
import { insertAlert, insertDelivery, latestCarrier, repostCountOf, setTriggerState, triggerStateAt, type NewAlert } from "../store/alerts";
import { insertStep } from "../store/alert-steps";
import { NO_RECIPIENTS, planRecipients } from "./recipients";

/** An analysed item offered to the rules, with the times the alert records. */
export interface AlertCandidate extends RuleItem { publishedAt: number | null; fetchedAt: number }

/** The enabled rules of a database by what they watch (burst rules on a watch apart from those on any event). */
export interface RuleSet { watch: Rule[]; watchBurst: Rule[]; eventBurst: Rule[]; risk: Rule[]; source: Rule[] }

const cache = new WeakMap<Db, RuleSet>();
const listeners = new WeakMap<Db, Set<() => void>>();

function ruleOf(r: RuleRow): Rule {
  const start = parseClock(r.quiet_start);
  const end = parseClock(r.quiet_end);
  return {
    id: r.id, name: r.name, trigger: (TRIGGERS as readonly string[]).includes(r.trigger) ? (r.trigger as Trigger) : "watch",
    watchId: r.watch_id ?? 0, watchName: r.watch_name ?? "", onlyNegative: !!r.only_negative,
    minRisk: (RISK_LEVELS as readonly string[]).includes(r.min_risk ?? "") ? (r.min_risk as RiskLevel) : null,
    sourceId: r.source_id, minFailures: Math.max(1, r.min_failures ?? 1),
    severity: (ALERT_SEVERITIES as readonly string[]).includes(r.severity) ? (r.severity as AlertSeverity) : "general",
    maxSourcePriority: r.max_source_priority, minReposts: r.min_reposts, channelIds: JSON.parse(r.channel_ids) as number[],
    quiet: start != null && end != null ? { start, end } : null, foldSeconds: r.fold_seconds,
    recipients: { userIds: JSON.parse(r.recipient_user_ids ?? "[]") as number[], onDuty: !!r.on_duty, dutyUnitId: r.duty_unit_id ?? null },
  };
}

/** The enabled rules of a database by trigger (loaded on first use). */
export function rulesOf(db: Db): RuleSet {
  let set = cache.get(db);
  if (!set) {
    const rules = enabledRules(db).map(ruleOf);
    const of = (t: Trigger) => rules.filter((r) => r.trigger === t);
    const bursts = of("burst");
    set = { watch: of("watch"), watchBurst: bursts.filter((r) => r.watchId), eventBurst: bursts.filter((r) => !r.watchId), risk: of("event_risk"), source: of("source_unhealthy") };
    cache.set(db, set);
  }
  return set;
}

/** Whether analysed items are worth offering to enqueueAlerts (some watch or watch-burst rule is enabled). */
export function itemAlerting(db: Db): boolean {
  const set = rulesOf(db);
  return set.watch.length > 0 || set.watchBurst.length > 0;
}

/** Drops the loaded rules; the next batch loads them again. Call after rules, channels or watches change. */
export function reloadRules(db: Db): void {
  cache.delete(db);
}

/** Calls `fn` after a transaction that enqueued alerts (it runs once the caller's code has returned); returns an unsubscribe. */
export function onEnqueued(db: Db, fn: () => void): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}

/** Wakes the dispatcher after the caller's synchronous transaction (committed, or rolled back: a wake then finds nothing). */
export function wakeAfterCommit(db: Db): void {
  const set = listeners.get(db);
  if (set?.size) setImmediate(() => set.forEach((fn) => fn()));
}

/** What one alert of a group says; the group gives rule, severity and fold key. */
export type AlertBody = Omit<NewAlert, "ruleId" | "severity" | "foldKey" | "foldedInto" | "dueAt">;

/**
 * Writes alerts of one rule under one fold key: into the open carrier (held for its window or quiet
 * hours, not yet tried), else the first becomes a carrier due now (or at the end of the last
 * message's window, or of quiet hours) with one delivery per enabled channel. Returns how many.
 */
export function writeGroup(db: Db, rule: Rule, foldKey: string, bodies: readonly AlertBody[], now: number): number {
  if (!bodies.length) return 0;
  const release = releaseTime(rule.severity, rule.quiet, now, localMinuteOfDay(now));
  const last = latestCarrier(db, foldKey);
  const windowMs = rule.foldSeconds * 1000;
  let carrier: number | null = last && !last.tried && last.due_at > now ? last.id : null;
  for (const body of bodies) {
    const base = { ...body, ruleId: rule.id, severity: rule.severity, foldKey };
    if (carrier != null) {
      const id = insertAlert(db, { ...base, foldedInto: carrier, dueAt: null });
      insertStep(db, id, "created", null, `并入预警 #${carrier}`, now);
    } else {
      // The first alert of a window goes at once; one within the window of the last message waits for its end.
      const due = Math.max(release, last && last.due_at + windowMs > now ? last.due_at + windowMs : now);
      carrier = insertAlert(db, { ...base, foldedInto: null, dueAt: due });
      for (const ch of enabledChannelIds(db, rule.channelIds)) insertDelivery(db, carrier, ch, due);
      insertStep(db, carrier, "created", null, body.reason, now);
      planRecipients(db, carrier, rule.recipients ?? NO_RECIPIENTS, due, now);
    }
  }
  return bodies.length;
}

/**
 * Writes a burst rule's alert when `burst` is flagged and starts a burst for the rule (the rule saw
 * this subject flagged no later than an hour before `end`: it is the same burst going on). Remembers
 * the flag either way. `subjectKey` names the subject ("watch:7", "event:12").
 */
export function fireBurst(db: Db, rule: Rule, subjectKey: string, subjectZh: string, burst: Burst, end: number, body: Partial<AlertBody>, now: number): number {
  if (!burst.flag) return 0;
  const key = `burst:${rule.id}:${subjectKey}`;
  const last = triggerStateAt(db, key);
  if (last !== end) setTriggerState(db, key, end);
  if (!burstStarts(last, end)) return 0;
  const title = `[${SEVERITY_ZH[rule.severity]}] ${subjectZh}突增：最近一小时 ${burst.lastHour} 条`;
  const reason = burstReason(rule, subjectZh, burst.reasons, burst.lastHour);
  return writeGroup(db, rule, `rule:${rule.id}:${subjectKey}`, [{ itemId: null, publishedAt: null, fetchedAt: null, analysedAt: now, createdAt: now, ...body, title, reason }], now);
}

/** Watch bursts of the watches the items matched, for the burst rules on those watches. */
function enqueueWatchBursts(db: Db, rules: readonly Rule[], items: readonly AlertCandidate[], now: number): number {
  const matched = new Set<number>();
  for (const item of items) for (const w of item.watchIds) matched.add(w);
  const end = burstEnd(now);
  const bursts = new Map<number, Burst>();
  let written = 0;
  for (const rule of rules) {
    if (!matched.has(rule.watchId)) continue;
    let burst = bursts.get(rule.watchId);
    if (!burst) bursts.set(rule.watchId, (burst = watchBurstAt(db, rule.watchId, end)));
    written += fireBurst(db, rule, `watch:${rule.watchId}`, `监测方案「${rule.watchName}」`, burst, end, {}, now);
  }
  return written;
}

/**
 * Writes the alerts the items raise, and their deliveries. Call inside the transaction that stores
 * the items' analysis: if it rolls back, so do the alerts. Returns how many alerts were written.
 */
export function enqueueAlerts(db: Db, items: readonly AlertCandidate[], now = Date.now()): number {
  const set = rulesOf(db);
  if ((!set.watch.length && !set.watchBurst.length) || !items.length) return 0;
  const groups = new Map<string, { firing: Firing; item: AlertCandidate }[]>();
  if (set.watch.length)
    for (const item of items) {
      let reposts: number | undefined;
      const repostsOf = () => (reposts ??= repostCountOf(db, item.id));
      for (const firing of evaluate(set.watch, item, repostsOf)) {
        let g = groups.get(firing.foldKey);
        if (!g) groups.set(firing.foldKey, (g = []));
        g.push({ firing, item });
      }
    }
  let written = 0;
  for (const [foldKey, group] of groups) {
    const bodies = group.map(({ firing, item }): AlertBody => ({
      title: firing.title, reason: firing.reason, itemId: item.id, eventId: item.eventId ?? null,
      publishedAt: item.publishedAt, fetchedAt: item.fetchedAt, analysedAt: now, createdAt: now,
    }));
    written += writeGroup(db, group[0].firing.rule, foldKey, bodies, now);
  }
  if (set.watchBurst.length) written += enqueueWatchBursts(db, set.watchBurst, items, now);
  if (written) wakeAfterCommit(db);
  return written;
}
