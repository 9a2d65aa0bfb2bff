// Alerts that are not about a new item: an event's burst or rising risk level (from the event
// refresh, or an analyst's override), a source turning unhealthy (from the failed fetch's write),
// and a monitor's manual raise. Each is written in the transaction of the change that caused it.
import type { Db } from "../db/connection";
import { HOUR_MS, type Burst } from "../analyse/bursts";
import { SEVERITY_ZH, type AlertSeverity } from "./channels/types";
import { fireBurst, rulesOf, wakeAfterCommit, writeGroup } from "./outbox";
import { riskRank, riskReached, riskReason, sourceReason, sourceTurnsUnhealthy } from "./rules";
import { allEnabledChannelIds, enabledChannelIds } from "../store/alert-config";
import { eventForAlert, insertAlert, insertDelivery, itemForAlert, sourceForAlert } from "../store/alerts";
import { insertStep } from "../store/alert-steps";
import { onRiskOverride } from "../store/events";
import { onFetchError, onSourceSilent } from "../store/sources";

/** An event as its refresh leaves it: its burst at `burstEnd` and its effective risk level before and after. */
export interface RefreshedEvent { id: number; title: string; burst: Burst | null; burstEnd: number; before: string | null; after: string }

/** Whether the event refresh should read an event's level before it is recomputed (an event rule is enabled). */
export function eventAlerting(db: Db): boolean {
  const set = rulesOf(db);
  return set.risk.length > 0 || set.eventBurst.length > 0;
}

function riskAlerts(db: Db, ev: { id: number; title: string; before: string | null; after: string }, manual: boolean, now: number): number {
  let written = 0;
  for (const rule of rulesOf(db).risk)
    if (riskReached(rule, ev.before, ev.after))
      written += writeGroup(db, rule, `rule:${rule.id}:event:${ev.id}`, [{
        title: `[${SEVERITY_ZH[rule.severity]}] 事件风险升级：${ev.title}`, reason: riskReason(rule, ev.title, ev.before, ev.after, manual),
        itemId: null, eventId: ev.id, publishedAt: null, fetchedAt: null, analysedAt: now, createdAt: now,
      }], now);
  return written;
}

/**
 * The alerts of a refreshed event: its level rising to a rule's, and a burst of its last hour that
 * starts (only when that hour is recent: an old event's refresh is not news). Call in the refresh's transaction.
 */
export function enqueueEventAlerts(db: Db, ev: RefreshedEvent, now: number): number {
  let written = riskAlerts(db, ev, false, now);
  if (ev.burst?.flag && now - ev.burstEnd < HOUR_MS)
    for (const rule of rulesOf(db).eventBurst)
      if (rule.minRisk == null || riskRank(ev.after) >= riskRank(rule.minRisk))
        written += fireBurst(db, rule, `event:${ev.id}`, `事件「${ev.title}」`, ev.burst, ev.burstEnd, { eventId: ev.id }, now);
  if (written) wakeAfterCommit(db);
  return written;
}

// An analyst's override is written by the store inside the override's transaction; it tells us here.
onRiskOverride((db, id, before, after, now) => {
  if (!rulesOf(db).risk.length || riskRank(after) <= riskRank(before)) return;
  const ev = eventForAlert(db, id);
  if (ev && after && riskAlerts(db, { id, title: ev.title, before, after }, true, now)) wakeAfterCommit(db);
});

// A failed fetch's write tells us the source's consecutive failures; a rule fires when they reach its threshold.
onFetchError((db, sourceId, errorCount, now) => {
  const rules = rulesOf(db).source.filter((r) => sourceTurnsUnhealthy(r, sourceId, errorCount));
  if (!rules.length) return;
  const source = sourceForAlert(db, sourceId);
  if (!source) return;
  for (const rule of rules)
    writeGroup(db, rule, `rule:${rule.id}:source:${sourceId}`, [{
      title: `[${SEVERITY_ZH[rule.severity]}] 信息源异常：${source.name}`, reason: sourceReason(rule, source.name, errorCount, source.last_error ?? "未知"),
      itemId: null, sourceId, publishedAt: null, fetchedAt: null, analysedAt: null, createdAt: now,
    }], now);
  wakeAfterCommit(db);
});

// A source silent far beyond its own rhythm (its feed or page may have moved): once per silence, to the
// source rules that cover it (whatever their failure count).
onSourceSilent((db, sourceId, why, now) => {
  const rules = rulesOf(db).source.filter((r) => r.sourceId == null || r.sourceId === sourceId);
  if (!rules.length) return;
  const source = sourceForAlert(db, sourceId);
  if (!source) return;
  for (const rule of rules)
    writeGroup(db, rule, `rule:${rule.id}:source:${sourceId}`, [{
      title: `[${SEVERITY_ZH[rule.severity]}] 信息源异常：${source.name}`, reason: `预警规则「${rule.name}」：信息源「${source.name}」${why}，页面或地址可能已变化`,
      itemId: null, sourceId, publishedAt: null, fetchedAt: null, analysedAt: null, createdAt: now,
    }], now);
  wakeAfterCommit(db);
});

/** A monitor's manual raise: about an item or an event. */
export interface ManualRaise { itemId?: number; eventId?: number; severity: AlertSeverity; note: string | null; channelIds?: number[]; by: { id: number; username: string } }

/**
 * Writes a raised alert and one delivery per channel (those named, else every enabled one), due at
 * once: a person decided, so neither folding nor quiet hours apply. Returns its id, or null when the
 * item or event does not exist. Call inside the transaction that writes the audit row.
 */
export function raiseAlert(db: Db, r: ManualRaise, now = Date.now()): number | null {
  const item = r.itemId != null ? itemForAlert(db, r.itemId) : undefined;
  const eventId = r.eventId ?? item?.event_id ?? null;
  const ev = r.eventId != null ? eventForAlert(db, r.eventId) : undefined;
  if (r.itemId != null ? !item : !ev) return null;
  const subject = item ? item.title : `事件「${ev!.title}」`;
  const id = insertAlert(db, {
    ruleId: null, severity: r.severity, title: `[${SEVERITY_ZH[r.severity]}] 人工预警：${subject}`,
    reason: `监测人员「${r.by.username}」人工发起预警${r.note ? `：${r.note}` : ""}`,
    foldKey: item ? `manual:item:${item.id}` : `manual:event:${ev!.id}`, foldedInto: null, dueAt: now,
    itemId: item?.id ?? null, eventId, publishedAt: item?.published_at ?? null, fetchedAt: item?.fetched_at ?? null,
    analysedAt: null, createdAt: now, note: r.note, raisedBy: r.by.id,
  });
  for (const ch of r.channelIds ? enabledChannelIds(db, r.channelIds) : allEnabledChannelIds(db)) insertDelivery(db, id, ch, now);
  insertStep(db, id, "created", r.by.id, `人工预警${r.note ? `：${r.note}` : ""}`, now);
  wakeAfterCommit(db);
  return id;
}
