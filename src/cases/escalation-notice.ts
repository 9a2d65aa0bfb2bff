// The escalation memo's message (呈报领导): when a case is escalated, one alert is queued for the in-app
// channels and those named in TINGFENG_CASE_NOTICE_CHANNELS (as reminders are), and the outbox delivers
// it; its link opens the leader's phone memo page, where the instruction (批示) is written.
import type { Db } from "../db/connection";
import type { Config } from "../config";
import type { CasesTable } from "../db/schema";
import { enabledInappChannelIds } from "../store/case-reminders";
import { enabledChannelIds } from "../store/alert-config";
import { insertAlert, insertDelivery } from "../store/alerts";
import { ALERT_SEVERITIES, type AlertSeverity } from "../alerts/channels/types";
import { caseMemoPath, escalationFoldKey } from "../alerts/message";
import { wakeAfterCommit } from "../alerts/outbox";

/** What the escalation message needs from the config. */
export type EscalationSettings = Pick<Config, "caseNoticeChannels" | "publicUrl">;

/** Queues the message of an escalated case, inside the caller's transaction; returns the alert id. */
export function queueEscalationNotice(db: Db, c: CasesTable, opinion: string | null, settings: EscalationSettings, now: number): number {
  const severity: AlertSeverity = (ALERT_SEVERITIES as readonly string[]).includes(c.severity ?? "") ? (c.severity as AlertSeverity) : "general";
  const reason = `工单 #${c.id}「${c.title}」已呈报领导${opinion ? `，研判意见：${opinion}` : ""}。请批示：${settings.publicUrl}${caseMemoPath(c.id)}`;
  const alertId = insertAlert(db, {
    ruleId: null, severity, title: `[呈报领导] #${c.id} ${c.title}`, reason, foldKey: escalationFoldKey(c.id, now), foldedInto: null, dueAt: now,
    itemId: null, eventId: c.event_id, publishedAt: null, fetchedAt: null, analysedAt: null, createdAt: now,
  });
  for (const ch of new Set([...enabledInappChannelIds(db), ...enabledChannelIds(db, settings.caseNoticeChannels)])) insertDelivery(db, alertId, ch, now);
  wakeAfterCommit(db);
  return alertId;
}
