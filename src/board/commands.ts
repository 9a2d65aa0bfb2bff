// Board commands: accept a public message (proof of work spent, filter, contact encrypted, all in
// one transaction), moderate, route, draft/approve/publish an answer, rate, and make a case of it.
// Each writes the message, its step and (for staff actions) the audit row together.
import { randomBytes } from "node:crypto";
import type { Db } from "../db/connection";
import type { BoardMessagesTable } from "../db/schema";
import { recordAudit, type Actor } from "../store/audit";
import { boardMessageByCode, getBoardMessage, insertBoardMessage, insertBoardStep, spendPow, updateBoardMessage } from "../store/board";
import { encryptSecret } from "../alerts/secrets";
import { deadline, type WorkingCalendar } from "../shared/working-calendar";
import { holdReason, newQueryCode } from "./filter";
import type { VerifiedPow } from "./pow";
import { routingRulesOf } from "../cases/commands";
import { suggestUnit } from "../cases/routing";

/** Message categories: 咨询 投诉 建议 求助 举报. */
export const BOARD_CATEGORIES = ["consult", "complaint", "suggestion", "help", "report"] as const;
/** One of BOARD_CATEGORIES. */
export type BoardCategory = (typeof BOARD_CATEGORIES)[number];

/** Category names as routing rules of kind "category" name them. */
export const CATEGORY_ZH: Record<BoardCategory, string> = { consult: "咨询", complaint: "投诉", suggestion: "建议", help: "求助", report: "举报" };

/** Ratings a poster may give once an answer is published. */
export const BOARD_RATINGS = ["satisfied", "basically", "unsatisfied"] as const;

/** A message as the public form sends it (validated). */
export interface Submission { category: BoardCategory; title: string; text: string; contact?: string; anonymous: boolean; unitId?: number }

/** What a submission needs besides the message. */
export interface SubmitContext { key: Buffer; cal: WorkingCalendar; answerDays: number; blockWords: readonly string[] }

/** The outcome of a submission: the query code, or why it was refused. */
export type SubmitResult = { ok: true; queryCode: string; status: string } | { ok: false; code: "board.pow_replayed" };

/** The answer deadline of a message accepted at `at`. */
export const answerDue = (ctx: Pick<SubmitContext, "cal" | "answerDays">, at: number): number =>
  deadline(ctx.cal, at, { amount: ctx.answerDays, unit: "working_days" });

const PUBLIC = "公众";

/** Stores a public message. The proof of work is spent in the same transaction, so a replay stores nothing. */
export function submitMessage(db: Db, ctx: SubmitContext, s: Submission, pow: VerifiedPow, now = Date.now()): SubmitResult {
  return db.tx((): SubmitResult => {
    if (!spendPow(db, pow.signature, pow.expiresAt, now)) return { ok: false, code: "board.pow_replayed" };
    const reason = holdReason(s.title, s.text, ctx.blockWords);
    const status = reason ? "held" : "accepted";
    const queryCode = newQueryCode((n) => randomBytes(n));
    const contact = s.contact?.trim();
    // Routed like cases: without a unit chosen by the poster, the routing rules suggest one (属地 first).
    const routed = s.unitId == null ? suggestUnit(routingRulesOf(db), { title: s.title, text: s.text, category: CATEGORY_ZH[s.category] }) : null;
    const id = insertBoardMessage(db, {
      queryCode, category: s.category, unitId: s.unitId ?? routed?.unitId ?? null, title: s.title, text: s.text,
      contactEnc: contact ? encryptSecret(ctx.key, contact) : null, anonymous: s.anonymous, status, moderationReason: reason,
      dueAt: status === "accepted" ? answerDue(ctx, now) : null,
    }, now);
    insertBoardStep(db, { messageId: id, userId: null, userName: PUBLIC, kind: "submitted", text: null }, now);
    if (routed) insertBoardStep(db, { messageId: id, userId: null, userName: "系统", kind: "routed", text: `分办规则「${routed.ruleName}」命中「${routed.term}」` }, now);
    if (reason) insertBoardStep(db, { messageId: id, userId: null, userName: "系统", kind: "held", text: reason }, now);
    return { ok: true, queryCode, status };
  });
}

/** A staff action's outcome: the message after it, or a refusal (catalog code). */
export type BoardResult = { ok: true; message: BoardMessagesTable } | { ok: false; code: string };

function act(
  db: Db, id: number, actor: Actor, ip: string | null, now: number, kind: string, text: string | null,
  change: (m: BoardMessagesTable) => Partial<BoardMessagesTable> | string,
): BoardResult {
  return db.tx((): BoardResult => {
    const m = getBoardMessage(db, id);
    if (!m) return { ok: false, code: "not_found" };
    const patch = change(m);
    if (typeof patch === "string") return { ok: false, code: patch };
    updateBoardMessage(db, id, patch, now);
    insertBoardStep(db, { messageId: id, userId: actor.id, userName: actor.username, kind, text }, now);
    recordAudit(db, { actor, action: `board.${kind}`, targetType: "board_message", targetId: id, summary: { text, ...patch }, ip }, now);
    return { ok: true, message: getBoardMessage(db, id)! };
  });
}

/** Accepts a held message (it counts from now) or rejects a message with a reason the poster sees. */
export function moderate(db: Db, ctx: Pick<SubmitContext, "cal" | "answerDays">, id: number, decision: "accept" | "reject", reason: string | null, actor: Actor, ip: string | null, now = Date.now()): BoardResult {
  return act(db, id, actor, ip, now, decision === "accept" ? "accepted" : "rejected", reason, (m) => {
    if (decision === "accept") return m.status === "held" ? { status: "accepted", accepted_at: now, due_at: answerDue(ctx, now), moderation_reason: null } : "board.bad_state";
    if (m.status === "answered" || m.status === "rejected") return "board.bad_state";
    return { status: "rejected", moderation_reason: reason };
  });
}

/** Routes a message to a unit. */
export function routeMessage(db: Db, id: number, unitId: number, actor: Actor, ip: string | null, now = Date.now()): BoardResult {
  return act(db, id, actor, ip, now, "routed", null, (m) => (m.status === "answered" || m.status === "rejected" ? "board.bad_state" : { unit_id: unitId }));
}

/** Publishes an answer under the message's unit (`text`, or the waiting draft when null). */
export function publishAnswer(db: Db, id: number, text: string | null, actor: Actor, ip: string | null, now = Date.now()): BoardResult {
  return act(db, id, actor, ip, now, "answered", text, (m) => {
    if (m.status !== "accepted") return "board.bad_state";
    const answer = text ?? m.draft_text;
    if (!answer) return "board.no_draft";
    return { status: "answered", answer_text: answer, answer_unit_id: m.unit_id, answered_by: actor.id, answered_at: now, draft_text: null, draft_by: null };
  });
}

/** Saves an answer for the unit's approval. */
export function draftAnswer(db: Db, id: number, text: string, actor: Actor, ip: string | null, now = Date.now()): BoardResult {
  return act(db, id, actor, ip, now, "drafted", text, (m) => (m.status === "accepted" ? { draft_text: text, draft_by: actor.id } : "board.bad_state"));
}

/** Returns a draft to its writer with a reason. */
export function returnDraft(db: Db, id: number, reason: string, actor: Actor, ip: string | null, now = Date.now()): BoardResult {
  return act(db, id, actor, ip, now, "returned", reason, (m) => (m.draft_text ? { draft_text: null, draft_by: null } : "board.no_draft"));
}

/** Records the poster's rating of a published answer, once. */
export function rateAnswer(db: Db, code: string, rating: (typeof BOARD_RATINGS)[number], now = Date.now()): "ok" | "not_found" | "board.not_answered" | "board.already_rated" {
  return db.tx(() => {
    const m = boardMessageByCode(db, code);
    if (!m) return "not_found";
    if (m.status !== "answered") return "board.not_answered";
    if (m.rating) return "board.already_rated";
    updateBoardMessage(db, m.id, { rating, rated_at: now }, now);
    insertBoardStep(db, { messageId: m.id, userId: null, userName: PUBLIC, kind: "rated", text: rating }, now);
    return "ok";
  });
}
