// Reminders (临期提醒) and overdue notices (超期通知) of open cases through the alert channels. A
// timer job with an injectable clock: for each open case whose feedback or reply deadline is within
// the lead time, or has passed, it writes one alert (to every enabled in-app channel and the channels
// named in TINGFENG_CASE_NOTICE_CHANNELS) and a timeline step in one transaction. The step remembers
// the deadline it was about, so each (case, deadline, moment) is told once, and a deadline moved by
// an approved extension is told again.
import type { Db } from "../db/connection";
import type { Config } from "../config";
import type { CasesTable } from "../db/schema";
import { recordAudit } from "../store/audit";
import { getCase, insertCaseStep } from "../store/cases";
import { casesWithDeadlineBy, caseNoticeSteps, enabledInappChannelIds } from "../store/case-reminders";
import { enabledChannelIds } from "../store/alert-config";
import { insertAlert, insertDelivery } from "../store/alerts";
import { ALERT_SEVERITIES, SEVERITY_ZH, type AlertSeverity } from "../alerts/channels/types";
import { wakeAfterCommit } from "../alerts/outbox";
import { FEEDBACK_PENDING } from "./workflow";
import { CASE_STATES, type CaseState } from "./workflow";

/** A notice a case is owed. */
export interface CaseNotice { kind: "reminder" | "overdue_notice"; deadline: "feedback" | "reply"; dueAt: number }

const DEADLINE_ZH = { feedback: "反馈期限", reply: "回应期限" } as const;

/** The notices a case is owed at `now` (pure): for each pending deadline, a reminder within `leadMs` of it, an overdue notice past it. */
export function noticesDue(
  c: Pick<CasesTable, "state" | "feedback_due_at" | "reply_due_at" | "replied_at">, told: readonly CaseNotice[], now: number, leadMs: number,
): CaseNotice[] {
  if (CASE_STATES[c.state as CaseState]?.type !== "open") return [];
  const pending: [CaseNotice["deadline"], number | null][] = [
    ["feedback", (FEEDBACK_PENDING as readonly string[]).includes(c.state) ? c.feedback_due_at : null],
    ["reply", c.replied_at == null ? c.reply_due_at : null],
  ];
  const out: CaseNotice[] = [];
  const was = (n: CaseNotice) => told.some((x) => x.kind === n.kind && x.deadline === n.deadline && x.dueAt === n.dueAt);
  for (const [deadline, dueAt] of pending) {
    if (dueAt == null) continue;
    // Past the deadline the overdue notice replaces a reminder not yet sent.
    const n: CaseNotice = { kind: now > dueAt ? "overdue_notice" : "reminder", deadline, dueAt };
    if ((n.kind === "overdue_notice" || dueAt - now <= leadMs) && !was(n)) out.push(n);
  }
  return out;
}

function toldOf(db: Db, caseId: number): CaseNotice[] {
  return caseNoticeSteps(db, caseId).map((s) => {
    const d = JSON.parse(s.data) as { deadline?: string; dueAt?: number };
    return { kind: s.kind as CaseNotice["kind"], deadline: d.deadline === "feedback" ? "feedback" : "reply", dueAt: d.dueAt ?? 0 };
  });
}

/** The settings the job reads. */
export type ReminderSettings = Pick<Config, "caseReminderMinutes" | "caseNoticeChannels" | "timeZone" | "publicUrl">;

function stamp(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat("zh-CN", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false })
    .format(ms);
}

/** Writes one notice: the alert with its deliveries, the case step and the audit row, in one transaction. Returns the alert id, or null when it is no longer owed. */
export function writeNotice(db: Db, caseId: number, n: CaseNotice, settings: ReminderSettings, now: number): number | null {
  return db.tx(() => {
    const c = getCase(db, caseId);
    // Read again inside the transaction: a step or another tick may have settled it meanwhile.
    if (!c || !noticesDue(c, toldOf(db, caseId), now, settings.caseReminderMinutes * 60_000).some((x) => x.kind === n.kind && x.deadline === n.deadline && x.dueAt === n.dueAt))
      return null;
    const severity: AlertSeverity = (ALERT_SEVERITIES as readonly string[]).includes(c.severity ?? "") ? (c.severity as AlertSeverity) : "general";
    const head = n.kind === "reminder" ? "工单临期" : "工单超期";
    const when = stamp(n.dueAt, settings.timeZone);
    const minutes = Math.max(1, Math.round(Math.abs(n.dueAt - now) / 60_000));
    const span = minutes >= 60 ? `${Math.floor(minutes / 60)} 小时${minutes % 60 ? ` ${minutes % 60} 分钟` : ""}` : `${minutes} 分钟`;
    const reason = n.kind === "reminder"
      ? `工单 #${c.id}「${c.title}」的${DEADLINE_ZH[n.deadline]}（${when}）将至，剩余约 ${span}。办理：${settings.publicUrl}/cases/${c.id}`
      : `工单 #${c.id}「${c.title}」已超过${DEADLINE_ZH[n.deadline]}（${when}）。办理：${settings.publicUrl}/cases/${c.id}`;
    const alertId = insertAlert(db, {
      ruleId: null, severity, title: `[${head}] #${c.id} ${c.title}`, reason, foldKey: `case:${c.id}:${n.kind}:${n.deadline}:${n.dueAt}`,
      foldedInto: null, dueAt: now, itemId: null, eventId: c.event_id, publishedAt: null, fetchedAt: null, analysedAt: null, createdAt: now,
    });
    const channels = new Set([...enabledInappChannelIds(db), ...enabledChannelIds(db, settings.caseNoticeChannels)]);
    for (const ch of channels) insertDelivery(db, alertId, ch, now);
    insertCaseStep(db, {
      caseId: c.id, userId: null, userName: "系统", kind: n.kind, fromState: c.state, toState: c.state, text: reason,
      data: { deadline: n.deadline, dueAt: n.dueAt, alertId },
    }, now);
    recordAudit(db, { actor: null, action: `case.${n.kind}`, targetType: "case", targetId: c.id, summary: { deadline: n.deadline, dueAt: n.dueAt, alertId }, ip: null }, now);
    wakeAfterCommit(db);
    return alertId;
  });
}

/** Writes every notice owed at `now`; returns how many. */
export function sendDueNotices(db: Db, settings: ReminderSettings, now: number): number {
  const leadMs = settings.caseReminderMinutes * 60_000;
  let sent = 0;
  // Page through every candidate: cases long overdue (already told) must not crowd out newer ones.
  for (let after = 0, page = casesWithDeadlineBy(db, now + leadMs, after); page.length; page = casesWithDeadlineBy(db, now + leadMs, after)) {
    for (const c of page)
      for (const n of noticesDue(c, toldOf(db, c.id), now, leadMs)) if (writeNotice(db, c.id, n, settings, now) != null) sent++;
    after = page[page.length - 1]!.id;
  }
  return sent;
}

/** Options of the job. */
export interface ReminderJobOptions {
  config: ReminderSettings;
  /** The clock (tests inject one). */
  now?: () => number;
  /** How often it looks (default 60 s). */
  intervalMs?: number;
  log?: (m: string) => void;
  /** false: only tick() runs it (tests). */
  autostart?: boolean;
}

/** The running job. */
export interface ReminderJob {
  /** Writes the notices owed now; returns how many. */
  tick(): number;
  stop(): void;
}

/** Starts the case reminder job. */
export function createCaseReminderJob(db: Db, opts: ReminderJobOptions): ReminderJob {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => {});
  const tick = () => sendDueNotices(db, opts.config, now());
  const timer = opts.autostart !== false
    ? setInterval(() => {
        try {
          tick();
        } catch (err) {
          log(`case reminders: ${err instanceof Error ? err.message : String(err)}`);
        }
      }, opts.intervalMs ?? 60_000)
    : null;
  timer?.unref?.();
  return { tick, stop: () => timer && clearInterval(timer) };
}
