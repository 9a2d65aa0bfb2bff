// Reply commands: draft a reply to a case and move it through review and publication. Each writes the
// reply, a step on the case's timeline and the audit row in one transaction; marking a reply
// published also takes the case's 回应 step when the case is waiting for one.
import type { Db } from "../db/connection";
import type { CaseRepliesTable, CasesTable } from "../db/schema";
import type { Actor } from "../store/audit";
import { recordAudit } from "../store/audit";
import { getCase, insertCaseStep } from "../store/cases";
import { getAccount } from "../store/official-accounts";
import { getReply, insertReply, updateReply } from "../store/case-replies";
import type { WorkingCalendar } from "../shared/working-calendar";
import { takeStep } from "../cases/commands";
import { isClosed, stepAllowed, type CaseState } from "../cases/workflow";
import { applyReplyAction, REPLY_ACTIONS, type ReplyActionInput, type ReplyStatus } from "./workflow";

/** The outcome of a reply command: the reply after it, or the refusal (a message catalog key). */
export type ReplyResult = { ok: true; reply: CaseRepliesTable } | { ok: false; code: string; field?: string };

/** Why an account cannot speak for a case (a catalog key), or null when it can: enabled and of the case's lead unit. */
export function accountProblem(db: Db, accountId: number, c: Pick<CasesTable, "unit_id">): string | null {
  const a = getAccount(db, accountId);
  if (!a || c.unit_id == null || a.unit_id !== c.unit_id) return "replies.account_not_of_unit";
  if (!a.enabled) return "replies.account_disabled";
  return null;
}

function stepData(db: Db, r: Pick<CaseRepliesTable, "id" | "account_id">, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const a = getAccount(db, r.account_id);
  return { replyId: r.id, accountId: r.account_id, accountName: a?.account_name ?? null, platform: a?.platform ?? null, ...extra };
}

/** Drafts a reply to a case under one of its lead unit's accounts (the caller has checked who may). */
export function draftReply(
  db: Db, caseId: number, input: { accountId: number; text: string }, actor: Actor, ip: string | null, now = Date.now(),
): ReplyResult {
  return db.tx((): ReplyResult => {
    const c = getCase(db, caseId);
    if (!c) return { ok: false, code: "cases.not_found" };
    if (isClosed(c.state as CaseState)) return { ok: false, code: "replies.case_closed" };
    if (c.unit_id == null) return { ok: false, code: "replies.no_lead_unit" };
    const problem = accountProblem(db, input.accountId, c);
    if (problem) return { ok: false, code: problem, field: "accountId" };
    const text = input.text.trim();
    if (!text) return { ok: false, code: "replies.needs_field", field: "text" };
    const id = insertReply(db, { caseId, accountId: input.accountId, text, draftedBy: actor.id }, now);
    insertCaseStep(db, {
      caseId, userId: actor.id, userName: actor.username, kind: "reply_draft", fromState: c.state, toState: c.state, text,
      data: stepData(db, { id, account_id: input.accountId }),
    }, now);
    recordAudit(db, { actor, action: "reply.draft", targetType: "case_reply", targetId: id, summary: { caseId, accountId: input.accountId }, ip }, now);
    return { ok: true, reply: getReply(db, id)! };
  });
}

/** What an action on a reply carries; `accountId` only with `edit`. */
export type ReplyActionRequest = ReplyActionInput & { accountId?: number };

/**
 * Takes an action on a reply (the caller has checked who may). Publishing records the URL only, and
 * when the case is in a state that allows the workflow's 回应 step it takes that step too, so the case
 * moves to 已回应 in the same transaction.
 */
export function actOnReply(
  db: Db, cal: WorkingCalendar, replyId: number, input: ReplyActionRequest, actor: Actor, ip: string | null, now = Date.now(),
): ReplyResult {
  return db.tx((): ReplyResult => {
    const r = getReply(db, replyId);
    if (!r) return { ok: false, code: "replies.not_found" };
    const c = getCase(db, r.case_id);
    if (!c) return { ok: false, code: "cases.not_found" };
    if (isClosed(c.state as CaseState)) return { ok: false, code: "replies.case_closed" };
    const out = applyReplyAction(r.status as ReplyStatus, input);
    if (!out.ok) return out;
    const accountId = input.action === "edit" && input.accountId !== undefined ? input.accountId : r.account_id;
    // The account must still speak for the case's lead unit (the case may have been reassigned since the draft).
    if (input.action !== "return") {
      const problem = accountProblem(db, accountId, c);
      if (problem) return { ok: false, code: problem, field: "accountId" };
    }
    const text = input.action === "edit" && input.text !== undefined ? input.text.trim() : r.text;
    const reviewed = input.action === "approve" || input.action === "return";
    const url = input.action === "publish" ? input.url!.trim() : r.published_url;
    updateReply(db, r.id, {
      accountId, text, status: out.status,
      reviewedBy: reviewed ? actor.id : r.reviewed_by,
      reviewNote: input.action === "return" ? input.reason!.trim() : r.review_note,
      publishedUrl: url, publishedAt: input.action === "publish" ? now : r.published_at,
    }, now);
    const summary: Record<string, unknown> = { caseId: c.id, from: r.status, to: out.status };
    if (input.action === "return") summary.reason = input.reason!.trim();
    if (input.action === "publish") summary.url = url;
    if (input.action === "edit" && accountId !== r.account_id) summary.accountId = accountId;
    // An edit of a draft is in the audit log; the timeline shows the reply's steps.
    if (input.action !== "edit") {
      const stepText = input.action === "return" ? input.reason!.trim() : input.action === "publish" ? url : input.action === "submit" ? text : null;
      insertCaseStep(db, {
        caseId: c.id, userId: actor.id, userName: actor.username, kind: REPLY_ACTIONS[input.action].step, fromState: c.state, toState: c.state,
        text: stepText, data: stepData(db, { id: r.id, account_id: accountId }, input.action === "publish" ? { url } : {}),
      }, now);
    }
    recordAudit(db, { actor, action: `reply.${input.action}`, targetType: "case_reply", targetId: r.id, summary, ip }, now);
    if (input.action === "publish" && stepAllowed("reply", c.state as CaseState)) {
      const step = takeStep(db, cal, c.id, { kind: "reply", text: `${text}\n${url}` }, actor, ip, now);
      // Cannot fail after the check above; a refusal here would be a bug, so undo everything rather than half-publish.
      if (!step.ok) throw new Error(`replies: unable to take the case's reply step: ${step.code}`);
    }
    return { ok: true, reply: getReply(db, r.id)! };
  });
}
