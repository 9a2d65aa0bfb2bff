// /api/board/*: the staff side of the message board — list and read (unit staff: their units'),
// moderate, route, answer (published at once by an admin or spokesperson, else drafted for their
// approval), approve or return drafts, open a case, and open a contact (admins, with a reason, audited).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { can, unitScope, type Principal } from "../../accounts/policies";
import { boardSteps, getBoardMessage, listBoardMessages, updateBoardMessage } from "../../store/board";
import { recordAudit } from "../../store/audit";
import { getUnit, unitNames } from "../../store/units";
import { draftAnswer, moderate, publishAnswer, returnDraft, routeMessage, type BoardResult } from "../../board/commands";
import { decryptSecret } from "../../alerts/secrets";
import { openCase } from "../../cases/commands";
import { officeCalendar } from "../../cases/calendar";
import type { BoardMessagesTable } from "../../db/schema";
import type { Db } from "../../db/connection";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams, queryTime } from "../schemas";
import { staffMessageView } from "../board-schemas";
import { name, text } from "../text-fields";
import { iso } from "../../shared/iso";

const BOARD_LIST_STATUSES = ["held", "accepted", "rejected", "answered"] as const;
const reasonText = text(500).transform((v) => v.trim()).pipe(z.string().min(2));
const answerText = text(10_000, { multiline: true }).transform((v) => v.trim()).pipe(z.string().min(2));

function present(db: Db, m: BoardMessagesTable, withSteps: boolean, names?: Map<number, string>): z.infer<typeof staffMessageView> {
  const unitName = m.unit_id == null ? null : (names?.get(m.unit_id) ?? getUnit(db, m.unit_id)?.name ?? null);
  return {
    id: m.id, queryCode: m.query_code, category: m.category as never, status: m.status, unitId: m.unit_id, unitName, title: m.title, text: m.text,
    anonymous: !!m.anonymous, hasContact: m.contact_enc != null, moderationReason: m.moderation_reason, dueAt: iso(m.due_at),
    overdue: m.status === "accepted" && m.due_at != null && Date.now() > m.due_at, draftText: m.draft_text, answerText: m.answer_text,
    answeredAt: iso(m.answered_at), rating: m.rating, caseId: m.case_id, createdAt: iso(m.created_at)!,
    ...(withSteps ? { steps: boardSteps(db, m.id).map((s) => ({ at: iso(s.at)!, userName: s.user_name, kind: s.kind, text: s.text })) } : {}),
  };
}

/** Board staff routes. */
export async function boardRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const cal = () => officeCalendar(db, config);

  /** A message the principal may see, or 404. */
  const visible = (p: Principal, id: number): BoardMessagesTable => {
    const m = getBoardMessage(db, id);
    if (!m || !can(p, "board.read", { unitId: m.unit_id })) throw AppError.notFound("board message");
    return m;
  };
  const done = (out: BoardResult) => {
    if (!out.ok) throw out.code === "not_found" ? AppError.notFound("board message") : AppError.conflict(out.code);
    return present(db, out.message, true);
  };
  const view = { 200: staffMessageView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

  r.get("/api/board/messages", {
    schema: {
      tags: ["board"],
      querystring: z.object({
        // One status, or several joined by commas (a report's 受理 counts accepted and answered).
        status: z.string().optional()
          .transform((v) => (v ? [...new Set(v.split(","))] : undefined))
          .pipe(z.array(z.enum(BOARD_LIST_STATUSES)).optional()),
        from: queryTime, to: queryTime, answeredFrom: queryTime, answeredTo: queryTime,
        // As they stood at a moment (a report's period end): accepted and not rejected by then; not answered by then.
        acceptedAt: queryTime, unansweredAt: queryTime,
        limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0),
      }),
      response: { 200: z.object({ messages: z.array(staffMessageView), total: z.number() }) },
    },
  }, async (req) => {
    const p = authorize(req, "board.read");
    const { status, ...q } = req.query;
    const { rows, total } = listBoardMessages(db, { units: unitScope(p), statuses: status, ...q });
    const names = unitNames(db);
    return { messages: rows.map((m) => present(db, m, false, names)), total };
  });

  r.get("/api/board/messages/:id", { schema: { tags: ["board"], params: idParams, response: view } }, async (req) => {
    const p = authorize(req, "board.read");
    return present(db, visible(p, req.params.id), true);
  });

  r.post("/api/board/messages/:id/moderate", {
    schema: { tags: ["board"], params: idParams, body: z.object({ decision: z.enum(["accept", "reject"]), reason: reasonText.optional() }), response: view },
  }, async (req) => {
    const p = authorize(req, "board.moderate");
    visible(p, req.params.id);
    if (req.body.decision === "reject" && !req.body.reason) throw AppError.validation({ reason: "cases.step_needs_field" });
    return done(moderate(db, { cal: cal(), answerDays: config.boardAnswerDays }, req.params.id, req.body.decision, req.body.reason ?? null, actorOf(p), req.ip));
  });

  r.post("/api/board/messages/:id/route", {
    schema: { tags: ["board"], params: idParams, body: z.object({ unitId: z.number().int().positive() }), response: view },
  }, async (req) => {
    const p = authorize(req, "board.moderate");
    visible(p, req.params.id);
    if (!getUnit(db, req.body.unitId)) throw AppError.validation({ unitId: "cases.unknown_unit" });
    return done(routeMessage(db, req.params.id, req.body.unitId, actorOf(p), req.ip));
  });

  // An admin or the spokesperson publishes at once; the unit's other staff draft for their approval.
  r.post("/api/board/messages/:id/answer", {
    schema: { tags: ["board"], params: idParams, body: z.object({ text: answerText }), response: view },
  }, async (req) => {
    const p = authorize(req, "board.read");
    const m = visible(p, req.params.id);
    if (!can(p, "board.answer", { unitId: m.unit_id })) throw AppError.forbidden();
    if (m.unit_id == null) throw AppError.conflict("board.no_unit");
    const publish = can(p, "board.publish", { unitId: m.unit_id });
    return done(publish ? publishAnswer(db, m.id, req.body.text, actorOf(p), req.ip) : draftAnswer(db, m.id, req.body.text, actorOf(p), req.ip));
  });

  r.post("/api/board/messages/:id/approve", { schema: { tags: ["board"], params: idParams, response: view } }, async (req) => {
    const p = authorize(req, "board.publish");
    visible(p, req.params.id);
    return done(publishAnswer(db, req.params.id, null, actorOf(p), req.ip));
  });

  r.post("/api/board/messages/:id/return", {
    schema: { tags: ["board"], params: idParams, body: z.object({ reason: reasonText }), response: view },
  }, async (req) => {
    const p = authorize(req, "board.publish");
    visible(p, req.params.id);
    return done(returnDraft(db, req.params.id, req.body.reason, actorOf(p), req.ip));
  });

  r.post("/api/board/messages/:id/case", {
    schema: { tags: ["board"], params: idParams, body: z.object({ title: name(200).optional() }), response: { 201: z.object({ caseId: z.number() }), 403: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "cases.create");
    const m = visible(p, req.params.id);
    if (m.case_id != null) throw AppError.conflict("board.bad_state");
    const caseId = db.tx(() => {
      const id = openCase(db, cal(), {
        title: req.body.title ?? m.title, summary: m.text, itemIds: [], unitId: m.unit_id ?? undefined, origin: "board", routingText: m.text,
      }, actorOf(p), req.ip);
      updateBoardMessage(db, m.id, { case_id: id });
      return id;
    });
    return reply.code(201).send({ caseId });
  });

  // The contact is decrypted only here, for an administrator who gives a reason; every view is audited.
  r.post("/api/board/messages/:id/contact", {
    schema: { tags: ["board"], params: idParams, body: z.object({ reason: reasonText }), response: { 200: z.object({ contact: z.string().nullable() }), 400: errorBody, 403: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "board.contact");
    const m = visible(p, req.params.id);
    recordAudit(db, { actor: actorOf(p), action: "board.contact_view", targetType: "board_message", targetId: m.id, summary: { reason: req.body.reason }, ip: req.ip });
    return { contact: m.contact_enc ? decryptSecret(deps.alerts.key, m.contact_enc) : null };
  });
}
