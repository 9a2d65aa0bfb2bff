// Escalation (升级) and delivery to people. A 较大 or 重大 alert not acknowledged within
// escalationMinutes() goes to the next person on its unit's duty rota (who is on duty at that moment,
// people on leave skipped), then to the unit's leader; each step, and each delivery to a person
// (in-app to their browsers, e-mail when they have an address), is written to the alert's timeline in
// the transaction that makes it. A timer job driven by an injectable clock.
import type { Db } from "../db/connection";
import type { Config } from "../config";
import type { AlertsTable } from "../db/schema";
import { getAlert } from "../store/alerts";
import { unitLeaders } from "../store/duty";
import { activeIncidentForEvent } from "../store/incidents";
import {
  dueRecipients, escalatingAlerts, firstEmailChannelId, insertRecipient, insertStep, markEscalated, recipientIds, recordRecipient, type DueRecipient,
} from "../store/alert-steps";
import { escalationChain } from "../duty/rota";
import { onDutyNow } from "../duty/on-duty";
import type { ChannelRegistry } from "./channels";
import type { AlertMessage, AlertSeverity } from "./channels/types";
import { buildMessage } from "./message";
import { channelSettings } from "./dispatcher";
import { publishLiveTo } from "./live";
import { onEnqueued } from "./outbox";
import { ackLinkKey } from "./ack-link";

/** The settings escalation reads. */
export type EscalationSettings = Pick<Config, "escalateSignificantMinutes" | "escalateMajorMinutes">;

/**
 * Minutes an alert may stay unacknowledged before its next escalation step; null: it never escalates
 * (一般). The one place to shorten the wait, e.g. for an event in incident mode: extend it here.
 */
export function escalationMinutes(
  severity: AlertSeverity | string, alert: Pick<AlertsTable, "id" | "item_id">, settings: EscalationSettings, incidentMinutes: number | null = null,
): number | null {
  void alert;
  const normal = severity === "major" ? settings.escalateMajorMinutes : severity === "significant" ? settings.escalateSignificantMinutes : null;
  // An event in incident mode (24 小时值守) may set a shorter wait; it never lengthens one, nor makes 一般 escalate.
  return normal != null && incidentMinutes != null ? Math.min(normal, incidentMinutes) : normal;
}

/** The escalation minutes an incident in force on the alert's event sets, or null. */
function incidentMinutesOf(db: Db, a: Pick<AlertsTable, "event_id">, now: number): number | null {
  return a.event_id != null ? (activeIncidentForEvent(db, a.event_id, now)?.escalateMinutes ?? null) : null;
}

/** When an alert's next escalation step is due, or null when it never escalates. */
export function escalationDueAt(a: AlertsTable, settings: EscalationSettings, incidentMinutes: number | null = null): number | null {
  const minutes = escalationMinutes(a.severity, a, settings, incidentMinutes);
  if (minutes == null) return null;
  // Counted from the last step, or from when the message went out (a held carrier: its release).
  return (a.escalated_at ?? Math.max(a.created_at, a.due_at ?? 0)) + minutes * 60_000;
}

/** Takes every due escalation step at `now`; returns how many people were added. Each step is one transaction. */
export function escalateDue(db: Db, settings: EscalationSettings, now: number): number {
  let added = 0;
  for (const candidate of escalatingAlerts(db)) {
    const due = escalationDueAt(candidate, settings, incidentMinutesOf(db, candidate, now));
    if (due == null || due > now) continue;
    db.tx(() => {
      const a = getAlert(db, candidate.id);
      if (!a || a.acknowledged_at != null || a.escalation_done) return; // acknowledged meanwhile
      const onDuty = a.duty_unit_id != null ? onDutyNow(db, a.duty_unit_id, now).userIds : [];
      const chain = escalationChain(onDuty, unitLeaders(db, a.duty_unit_id), recipientIds(db, a.id));
      const next = chain[0];
      if (next == null) return markEscalated(db, a.id, now, true);
      insertRecipient(db, a.id, next, "escalation", now);
      markEscalated(db, a.id, now, false);
      const minutes = escalationMinutes(a.severity, a, settings, incidentMinutesOf(db, a, now));
      insertStep(db, a.id, "escalated", next, `${minutes} 分钟未确认，升级至${onDuty.includes(next) ? "下一位值班人员" : "单位领导"}`, now);
      added++;
    });
  }
  return added;
}

/** What the job needs besides the database. */
export interface EscalationJobOptions {
  config: EscalationSettings & Pick<Config, "publicUrl" | "alertTimeoutMs" | "ackLinkHours">;
  /** The secrets key (e-mail channel settings, ack link key). */
  key: Buffer;
  channels: ChannelRegistry;
  /** The clock (tests inject one). */
  now?: () => number;
  /** How often the job looks (default 15 s). */
  intervalMs?: number;
  log?: (m: string) => void;
  /** false: only tick() runs it (tests). */
  autostart?: boolean;
}

/** The running job. */
export interface EscalationJob {
  /** Escalates what is due and delivers pending person messages; resolves when done. */
  tick(): Promise<{ escalated: number; delivered: number }>;
  stop(): Promise<void>;
}

/** Starts the escalation and person-delivery job. */
export function createEscalationJob(db: Db, opts: EscalationJobOptions): EscalationJob {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => {});
  const ack = { key: ackLinkKey(opts.key), ttlMs: opts.config.ackLinkHours * 3600_000 };
  let running: Promise<{ escalated: number; delivered: number }> | null = null;
  let stopped = false;

  async function sendEmail(r: DueRecipient, message: AlertMessage): Promise<string> {
    if (!r.email) return "";
    const channelId = firstEmailChannelId(db);
    const email = opts.channels.get("email");
    if (channelId == null || !email) return "；无可用的邮件渠道，未发邮件";
    try {
      const settings = channelSettings(db, opts.key, channelId);
      if (typeof settings === "string") return `；邮件未发送：${settings}`;
      await email.send({ ...settings, options: { ...settings.options, to: [r.email] } }, message, { timeoutMs: opts.config.alertTimeoutMs, now });
      return `；邮件已发至 ${r.email}`;
    } catch (err) {
      return `；邮件发送失败：${err instanceof Error ? err.message : String(err)}`;
    }
  }

  async function deliver(r: DueRecipient): Promise<void> {
    const message = buildMessage(db, r.alert_id, opts.config.publicUrl, { ...ack, now: now() });
    if (!message) return db.tx(() => recordRecipient(db, r.alert_id, r.user_id, "failed", "预警已删除", now()));
    const browsers = publishLiveTo(r.user_id, message);
    const mail = await sendEmail(r, message);
    const at = now();
    db.tx(() => {
      recordRecipient(db, r.alert_id, r.user_id, "sent", mail.includes("失败") ? mail.slice(1) : null, at);
      insertStep(db, r.alert_id, "delivered", r.user_id, `站内推送（${browsers} 个在线页面）${mail}`, at);
    });
  }

  async function run(): Promise<{ escalated: number; delivered: number }> {
    const escalated = escalateDue(db, opts.config, now());
    let delivered = 0;
    for (const r of dueRecipients(db, now(), 100)) {
      if (stopped) break;
      try {
        await deliver(r);
        delivered++;
      } catch (err) {
        log(`alert ${r.alert_id} to user ${r.user_id}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return { escalated, delivered };
  }

  function tick(): Promise<{ escalated: number; delivered: number }> {
    if (running) return running.then(() => tick());
    running = run().finally(() => (running = null));
    return running;
  }

  const auto = opts.autostart !== false;
  const timer = auto ? setInterval(() => void tick().catch((e) => log(`escalation: ${String(e)}`)), opts.intervalMs ?? 15_000) : null;
  timer?.unref?.();
  const unsubscribe = auto ? onEnqueued(db, () => void tick().catch((e) => log(`escalation: ${String(e)}`))) : () => {};
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      unsubscribe();
      await running;
    },
  };
}
