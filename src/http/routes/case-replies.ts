// /api/cases/:id/replies: a case's replies (回应) under its lead unit's official accounts. Whoever may
// see the case sees its replies (anyone else gets 404); the lead unit's handlers draft and submit, the
// unit's spokesperson approves, returns and records where the reply was published.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { can, type Action, type Principal } from "../../accounts/policies";
import { getCase } from "../../store/cases";
import { getReply, listReplies } from "../../store/case-replies";
import { getAccount, listAccounts } from "../../store/official-accounts";
import { usernamesOf } from "../../store/users";
import { officeCalendar } from "../../cases/calendar";
import { isClosed, type CaseState } from "../../cases/workflow";
import { actOnReply, draftReply, type ReplyActionRequest, type ReplyResult } from "../../replies/commands";
import { replyActions, type ReplyAction, type ReplyStatus } from "../../replies/workflow";
import type { CaseRepliesTable, CasesTable } from "../../db/schema";
import type { Db } from "../../db/connection";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { replyDraftBody, replyEditBody, replyListView, replyParams, replyPublishBody, replyReturnBody, replyView } from "../reply-schemas";
import { presentAccounts } from "./official-accounts";
import { iso } from "../../shared/iso";
import { visibleCase } from "../case-access";


/** Who may take each action on a reply of a case led by a unit. */
const ACTION_POLICY: Record<ReplyAction, Action> = {
  edit: "replies.draft", submit: "replies.draft", approve: "replies.review", return: "replies.review", publish: "replies.review",
};

function present(db: Db, p: Principal, c: CasesTable, rows: CaseRepliesTable[]): z.infer<typeof replyView>[] {
  const names = usernamesOf(db, rows.flatMap((r) => [r.drafted_by, r.reviewed_by].filter((u): u is number => u != null)));
  const closed = isClosed(c.state as CaseState);
  return rows.map((r) => {
    const a = getAccount(db, r.account_id);
    const status = r.status as ReplyStatus;
    return {
      id: r.id, caseId: r.case_id, accountId: r.account_id, accountName: a?.account_name ?? null, platform: a?.platform ?? null, text: r.text,
      status, draftedBy: r.drafted_by, draftedByName: r.drafted_by == null ? null : names.get(r.drafted_by) ?? null,
      reviewedBy: r.reviewed_by, reviewedByName: r.reviewed_by == null ? null : names.get(r.reviewed_by) ?? null, reviewNote: r.review_note,
      publishedUrl: r.published_url, publishedAt: iso(r.published_at), createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)!,
      actions: closed ? [] : replyActions(status).filter((k) => can(p, ACTION_POLICY[k], { unitId: c.unit_id })),
    };
  });
}

/** The HTTP error of a refused command. */
function refusal(out: Extract<ReplyResult, { ok: false }>, status: ReplyStatus | undefined, action: ReplyAction | "draft"): AppError {
  switch (out.code) {
    case "cases.not_found":
      return AppError.notFound("case");
    case "replies.not_found":
      return AppError.notFound("case reply");
    case "replies.needs_field":
    case "replies.bad_url":
      return AppError.validation({ [out.field ?? "text"]: out.code });
    case "replies.action_not_allowed":
      // The status and action are named in the request's language (replies.status.*, replies.action.*).
      return AppError.conflict(out.code, { status: status ? { code: `replies.status.${status}` } : "", action: { code: `replies.action.${action}` } });
    default:
      // A draft names a wrong account in its body (400); an account gone bad under a submitted reply is a conflict.
      if (out.field === "accountId" && (action === "draft" || action === "edit")) return AppError.validation({ accountId: out.code });
      return AppError.conflict(out.code);
  }
}

/** Case reply routes. */
export async function caseReplyRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;

  const listOf = (p: Principal, c: CasesTable): z.infer<typeof replyListView> => ({
    replies: present(db, p, c, listReplies(db, c.id)),
    accounts: c.unit_id == null ? [] : presentAccounts(db, listAccounts(db, [c.unit_id]).filter((a) => a.enabled)),
    canDraft: c.unit_id != null && !isClosed(c.state as CaseState) && can(p, "replies.draft", { unitId: c.unit_id }),
  });

  r.get("/api/cases/:id/replies", {
    schema: { tags: ["replies"], params: idParams, response: { 200: replyListView, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "cases.read");
    return listOf(p, visibleCase(db, p, req.params.id).c);
  });

  r.post("/api/cases/:id/replies", {
    schema: { tags: ["replies"], params: idParams, body: replyDraftBody, response: { 201: replyView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "cases.read");
    const c = visibleCase(db, p, req.params.id).c;
    if (!can(p, "replies.draft", { unitId: c.unit_id })) throw AppError.forbidden();
    const out = draftReply(db, c.id, req.body, actorOf(p), req.ip);
    if (!out.ok) throw refusal(out, undefined, "draft");
    return reply.code(201).send(present(db, p, getCase(db, c.id)!, [out.reply])[0]);
  });

  /** Runs an action on one reply of a visible case, after the action's policy. */
  const act = (req: FastifyRequest, params: z.infer<typeof replyParams>, input: ReplyActionRequest) => {
    const p = authorize(req, "cases.read");
    const c = visibleCase(db, p, params.id).c;
    const old = getReply(db, params.replyId);
    if (!old || old.case_id !== c.id) throw AppError.notFound("case reply");
    if (!can(p, ACTION_POLICY[input.action], { unitId: c.unit_id })) throw AppError.forbidden();
    const out = actOnReply(db, officeCalendar(db, config), old.id, input, actorOf(p), req.ip);
    if (!out.ok) throw refusal(out, old.status as ReplyStatus, input.action);
    return present(db, p, getCase(db, c.id)!, [out.reply])[0];
  };
  const responses = { 200: replyView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

  r.patch("/api/cases/:id/replies/:replyId", {
    schema: { tags: ["replies"], params: replyParams, body: replyEditBody, response: responses },
  }, async (req) => act(req, req.params, { action: "edit", ...req.body }));

  r.post("/api/cases/:id/replies/:replyId/submit", {
    schema: { tags: ["replies"], params: replyParams, response: responses },
  }, async (req) => act(req, req.params, { action: "submit" }));

  r.post("/api/cases/:id/replies/:replyId/approve", {
    schema: { tags: ["replies"], params: replyParams, response: responses },
  }, async (req) => act(req, req.params, { action: "approve" }));

  r.post("/api/cases/:id/replies/:replyId/return", {
    schema: { tags: ["replies"], params: replyParams, body: replyReturnBody, response: responses },
  }, async (req) => act(req, req.params, { action: "return", reason: req.body.reason }));

  r.post("/api/cases/:id/replies/:replyId/publish", {
    schema: { tags: ["replies"], params: replyParams, body: replyPublishBody, response: responses },
  }, async (req) => act(req, req.params, { action: "publish", url: req.body.url }));
}
