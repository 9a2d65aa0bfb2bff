// The outbox: turns analysed items into alerts and pending deliveries inside the caller's transaction
// (the analysis batch that caused them), folding alerts of one rule and watch within its window.
// Enabled rules are loaded once per database and reloaded when rules change (reloadRules).
import type { Db } from "../db/connection";
import { ALERT_SEVERITIES, type AlertSeverity } from "./channels/types";
import { evaluate, localMinuteOfDay, needsReposts, parseClock, releaseTime, type Firing, type Rule, type RuleItem } from "./rules";
import { enabledChannelIds, enabledRules, type RuleRow } from "../store/alert-config";
import { insertAlert, insertDelivery, latestCarrier, repostCountOf } from "../store/alerts";
import { insertStep } from "../store/alert-steps";
import { NO_RECIPIENTS, planRecipients } from "./recipients";

/** An analysed item offered to the rules, with the times the alert records. */
export interface AlertCandidate extends RuleItem { publishedAt: number | null; fetchedAt: number }

const cache = new WeakMap<Db, Rule[]>();
const listeners = new WeakMap<Db, Set<() => void>>();

function ruleOf(r: RuleRow): Rule {
  const start = parseClock(r.quiet_start);
  const end = parseClock(r.quiet_end);
  return {
    id: r.id, name: r.name, watchId: r.watch_id ?? 0, watchName: r.watch_name ?? "", onlyNegative: !!r.only_negative,
    severity: (ALERT_SEVERITIES as readonly string[]).includes(r.severity) ? (r.severity as AlertSeverity) : "general",
    maxSourcePriority: r.max_source_priority, minReposts: r.min_reposts, channelIds: JSON.parse(r.channel_ids) as number[],
    quiet: start != null && end != null ? { start, end } : null, foldSeconds: r.fold_seconds,
    recipients: { userIds: JSON.parse(r.recipient_user_ids ?? "[]") as number[], onDuty: !!r.on_duty, dutyUnitId: r.duty_unit_id ?? null },
  };
}

/** The enabled rules of a database (loaded on first use). */
export function rulesOf(db: Db): Rule[] {
  let rules = cache.get(db);
  if (!rules) cache.set(db, (rules = enabledRules(db).map(ruleOf)));
  return rules;
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

/**
 * Writes the alerts the items raise, and their deliveries. Call inside the transaction that stores
 * the items' analysis: if it rolls back, so do the alerts. Returns how many alerts were written.
 */
export function enqueueAlerts(db: Db, items: readonly AlertCandidate[], now = Date.now()): number {
  const rules = rulesOf(db);
  if (!rules.length || !items.length) return 0;
  const groups = new Map<string, { firing: Firing; item: AlertCandidate }[]>();
  for (const item of items) {
    let reposts: number | undefined;
    const repostsOf = () => (reposts ??= repostCountOf(db, item.id));
    for (const firing of evaluate(rules, item, repostsOf)) {
      let g = groups.get(firing.foldKey);
      if (!g) groups.set(firing.foldKey, (g = []));
      g.push({ firing, item });
    }
  }
  let written = 0;
  const minute = localMinuteOfDay(now);
  for (const [foldKey, group] of groups) {
    const rule = group[0].firing.rule;
    const release = releaseTime(rule.severity, rule.quiet, now, minute);
    const last = latestCarrier(db, foldKey);
    const windowMs = rule.foldSeconds * 1000;
    // A carrier not yet tried and not yet due (held for its window or quiet hours) takes the new alerts.
    let carrier: number | null = last && !last.tried && last.due_at > now ? last.id : null;
    for (const { firing, item } of group) {
      const base = {
        ruleId: rule.id, severity: rule.severity, title: firing.title, reason: firing.reason, foldKey, itemId: item.id,
        publishedAt: item.publishedAt, fetchedAt: item.fetchedAt, analysedAt: now, createdAt: now,
      };
      if (carrier != null) {
        const id = insertAlert(db, { ...base, foldedInto: carrier, dueAt: null });
        insertStep(db, id, "created", null, `并入预警 #${carrier}`, now);
      } else {
        // The first alert of a window goes at once; one within the window of the last message waits for its end.
        const due = Math.max(release, last && last.due_at + windowMs > now ? last.due_at + windowMs : now);
        carrier = insertAlert(db, { ...base, foldedInto: null, dueAt: due });
        for (const ch of enabledChannelIds(db, rule.channelIds)) insertDelivery(db, carrier, ch, due);
        insertStep(db, carrier, "created", null, firing.reason, now);
        planRecipients(db, carrier, rule.recipients ?? NO_RECIPIENTS, due, now);
      }
      written++;
    }
  }
  if (written) {
    const set = listeners.get(db);
    // After the caller's synchronous transaction has committed (or rolled back: a wake finds nothing).
    if (set?.size) setImmediate(() => set.forEach((fn) => fn()));
  }
  return written;
}
