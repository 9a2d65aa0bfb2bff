// Case commands: open a case and take a step on it. Each writes the case, its timeline step and the
// audit row in one transaction; deadlines come from the policies and the working calendar, and the
// overdue flag is fixed at each step (a deadline that had passed when the step was taken).
import type { Db } from "../db/connection";
import type { Actor } from "../store/audit";
import { recordAudit } from "../store/audit";
import { caseCoUnits, getCase, insertCase, insertCaseStep, updateCase, type CasePatch } from "../store/cases";
import { caseDeadlineFor, listRoutingRules } from "../store/case-config";
import type { CasesTable } from "../db/schema";
import { deadline, type LimitUnit, type WorkingCalendar } from "../shared/working-calendar";
import { applyStep, CASE_STATES, FEEDBACK_PENDING, type CaseSeverity, type CaseState, type CaseStepInput } from "./workflow";
import { suggestUnit, type RoutingRule } from "./routing";
import { queueEscalationNotice, type EscalationSettings } from "./escalation-notice";

/** A case as asked to be opened. */
export interface OpenCaseInput {
  title: string; summary?: string; itemIds: number[]; severity?: CaseSeverity; category?: string; unitId?: number;
  origin: "items" | "event" | "alert" | "board" | "manual"; eventId?: number; alertId?: number;
  /** Text the routing rules read besides the title (e.g. the items' text). */
  routingText?: string;
}

/** Routing rules as the pure suggestion reads them. */
export function routingRulesOf(db: Db): RoutingRule[] {
  return listRoutingRules(db).map((r) => ({
    id: r.id, name: r.name, kind: r.kind as RoutingRule["kind"], terms: JSON.parse(r.terms) as string[], unitId: r.unit_id,
    priority: r.priority, enabled: !!r.enabled,
  }));
}

/** The feedback and reply deadlines of a case of a severity and category opened at `start`. */
export function caseDeadlines(db: Db, cal: WorkingCalendar, severity: string | null, category: string | null, start: number) {
  const policy = severity ? caseDeadlineFor(db, severity, category) : undefined;
  if (!policy) return { feedbackDueAt: null, replyDueAt: null };
  return {
    feedbackDueAt: deadline(cal, start, { amount: policy.feedback_amount, unit: policy.feedback_unit as LimitUnit }),
    replyDueAt: deadline(cal, start, { amount: policy.reply_amount, unit: policy.reply_unit as LimitUnit }),
  };
}

/** Opens a case: the owner unit suggested by routing unless given; state "triaged" when severity and unit are known. */
export function openCase(db: Db, cal: WorkingCalendar, input: OpenCaseInput, actor: Actor, ip: string | null, now = Date.now()): number {
  return db.tx(() => {
    const suggestion = suggestUnit(routingRulesOf(db), { title: input.title, text: input.routingText ?? input.summary ?? "", category: input.category ?? null });
    const unitId = input.unitId ?? null;
    const severity = input.severity ?? null;
    const state: CaseState = severity && unitId != null ? "triaged" : "open";
    const dues = caseDeadlines(db, cal, severity, input.category ?? null, now);
    const id = insertCase(db, {
      title: input.title, summary: input.summary ?? "", state, severity, category: input.category ?? null, unitId, origin: input.origin,
      eventId: input.eventId ?? null, alertId: input.alertId ?? null, suggestedUnitId: suggestion?.unitId ?? null,
      suggestedBy: suggestion ? JSON.stringify(suggestion) : null, ...dues, createdBy: actor.id,
    }, input.itemIds, now);
    insertCaseStep(db, {
      caseId: id, userId: actor.id, userName: actor.username, kind: "open", fromState: null, toState: state, text: input.summary || null,
      data: { itemIds: input.itemIds, origin: input.origin, severity, unitId, suggestion },
    }, now);
    recordAudit(db, { actor, action: "case.open", targetType: "case", targetId: id, summary: { title: input.title, itemIds: input.itemIds, severity, unitId }, ip }, now);
    return id;
  });
}

/** Whether a case's deadlines had passed at `now` for what it had not yet done. */
export function isOverdueAt(c: Pick<CasesTable, "state" | "feedback_due_at" | "reply_due_at" | "replied_at">, now: number): boolean {
  if (CASE_STATES[c.state as CaseState]?.type === "closed") return false;
  const feedbackPending = (FEEDBACK_PENDING as readonly string[]).includes(c.state);
  if (feedbackPending && c.feedback_due_at != null && now > c.feedback_due_at) return true;
  return c.replied_at == null && c.reply_due_at != null && now > c.reply_due_at;
}

/** The outcome of a step: the case after it, or the refusal. */
export type StepResult = { ok: true; caseRow: CasesTable } | { ok: false; code: string; field?: string };

/**
 * Takes a step on a case (the caller has checked who may). With `notify`, an escalation also queues its
 * message to the leaders, linking the memo page (escalation-notice.ts), in the same transaction.
 */
export function takeStep(
  db: Db, cal: WorkingCalendar, caseId: number, step: CaseStepInput, actor: Actor, ip: string | null, now = Date.now(),
  notify?: EscalationSettings,
): StepResult {
  return db.tx((): StepResult => {
    const c = getCase(db, caseId);
    if (!c) return { ok: false, code: "cases.not_found" };
    const coUnitIds = caseCoUnits(db, caseId);
    const snapshot = { state: c.state as CaseState, severity: c.severity as CaseSeverity | null, category: c.category, unitId: c.unit_id, coUnitIds };
    const out = applyStep(snapshot, step);
    if (!out.ok) return out;
    const next = { ...snapshot, ...out.patch, state: out.state };
    const patch: CasePatch = {
      state: next.state, severity: next.severity, category: next.category, unitId: next.unitId, coUnitIds: next.coUnitIds,
      feedbackDueAt: c.feedback_due_at, replyDueAt: c.reply_due_at,
      // Fixed at each step: once a deadline passed before what it asked for was done, the case stays overdue.
      overdue: !!c.overdue || isOverdueAt(c, now),
      repliedAt: step.kind === "reply" ? now : step.kind === "return" || step.kind === "reopen" ? null : c.replied_at,
      closedAt: step.kind === "close" ? now : step.kind === "reopen" ? null : c.closed_at,
    };
    // A new severity or category at triage sets the deadlines again, counted from when the case was opened.
    if (step.kind === "triage" && (next.severity !== c.severity || next.category !== c.category)) {
      const dues = caseDeadlines(db, cal, next.severity, next.category, c.created_at);
      patch.feedbackDueAt = dues.feedbackDueAt;
      patch.replyDueAt = dues.replyDueAt;
    }
    if (step.kind === "approve_extension") patch.replyDueAt = step.until!;
    updateCase(db, caseId, patch, now);
    const data: Record<string, unknown> = {};
    for (const k of ["severity", "category", "unitId", "coUnitIds", "until"] as const) if (step[k] !== undefined) data[k] = step[k];
    if (step.kind === "escalate" && notify) data.alertId = queueEscalationNotice(db, { ...c, state: next.state }, step.text?.trim() || null, notify, now);
    insertCaseStep(db, {
      caseId, userId: actor.id, userName: actor.username, kind: step.kind, fromState: c.state, toState: next.state, text: step.text?.trim() || null, data,
    }, now);
    recordAudit(db, { actor, action: `case.${step.kind}`, targetType: "case", targetId: caseId, summary: { from: c.state, to: next.state, ...data }, ip }, now);
    return { ok: true, caseRow: getCase(db, caseId)! };
  });
}
