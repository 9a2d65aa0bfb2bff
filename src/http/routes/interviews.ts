// /api/interviews: press interview requests (采访申请). The office reads them (with the reporter's press
// card and contact); the office's publicity staff register them and approve, decline (with a reason),
// schedule, complete or cancel them, and link the published piece (a placement).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/connection";
import { unitNames } from "../../store/units";
import { listInterviews, placementTitles, type InterviewRow } from "../../store/interviews";
import { actOnInterview, interviewOr404, placeFromInterview, registerInterview } from "../../publicity/interview-commands";
import { interviewActionsFrom, type InterviewActionInput, type InterviewState } from "../../publicity/interviews";
import { iso } from "../../shared/iso";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { interviewBody, interviewListQuery, interviewView, linkPlacementBody, reasonBody, scheduleBody } from "../people-schemas";
import { placementBody } from "../publicity-schemas";

type View = z.infer<typeof interviewView>;

/** Interview requests as the API shows them. */
export function presentInterviews(db: Db, rows: InterviewRow[]): View[] {
  const units = unitNames(db);
  const titles = placementTitles(db, rows.flatMap((i) => (i.placement_id == null ? [] : [i.placement_id])));
  return rows.map((i) => ({
    id: i.id, unitId: i.unit_id, unitName: units.get(i.unit_id) ?? null, outletId: i.outlet_id, outletName: i.outlet_name, reporter: i.reporter,
    pressCard: i.press_card, contact: i.contact, topic: i.topic, requestedFor: iso(i.requested_for), peopleAsked: i.people_asked,
    state: i.state as InterviewState, decisionReason: i.decision_reason, decidedAt: iso(i.decided_at), scheduledAt: iso(i.scheduled_at),
    place: i.place, accompaniedBy: i.accompanied_by, cancelReason: i.cancel_reason, placementId: i.placement_id,
    placementTitle: i.placement_id == null ? null : titles.get(i.placement_id) ?? null,
    actions: interviewActionsFrom(i.state as InterviewState), createdAt: iso(i.created_at), updatedAt: iso(i.updated_at),
  }));
}

const stepResponses = { 200: interviewView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** Interview request routes. */
export async function interviewRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ["publicity"];
  const one = (id: number) => presentInterviews(db, [interviewOr404(db, id)])[0];

  r.get("/api/interviews", {
    schema: { tags, querystring: interviewListQuery, response: { 200: z.object({ interviews: z.array(interviewView) }) } },
  }, async (req) => {
    authorize(req, "publicity.scores");
    const q = req.query;
    const rows = listInterviews(db, { units: q.unitId === undefined ? null : [q.unitId], state: q.state, from: q.from, to: q.to });
    return { interviews: presentInterviews(db, rows) };
  });

  r.get("/api/interviews/:id", {
    schema: { tags, params: idParams, response: { 200: interviewView, 403: errorBody, 404: errorBody } },
  }, async (req) => {
    authorize(req, "publicity.scores");
    return one(req.params.id);
  });

  r.post("/api/interviews", {
    schema: { tags, body: interviewBody, response: { 201: interviewView, 400: errorBody, 403: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    const b = req.body;
    const id = registerInterview(db, actorOf(p), {
      unitId: b.unitId, outletId: b.outletId ?? null, outletName: b.outletName, reporter: b.reporter, pressCard: b.pressCard, contact: b.contact,
      topic: b.topic, requestedFor: b.requestedFor ?? null, peopleAsked: b.peopleAsked,
    }, req.ip);
    return reply.code(201).send(one(id));
  });

  const act = (path: string, body: z.ZodType, toInput: (b: never) => InterviewActionInput) => {
    r.post(`/api/interviews/:id/${path}`, { schema: { tags, params: idParams, body, response: stepResponses } }, async (req) => {
      const p = authorize(req, "publicity.manage");
      actOnInterview(db, actorOf(p), req.params.id, toInput(req.body as never), req.ip);
      return one(req.params.id);
    });
  };
  const optionalReason = reasonBody.default({});
  act("approve", optionalReason, (b: z.infer<typeof reasonBody>) => ({ action: "approve", reason: b.reason }));
  act("decline", optionalReason, (b: z.infer<typeof reasonBody>) => ({ action: "decline", reason: b.reason }));
  act("cancel", optionalReason, (b: z.infer<typeof reasonBody>) => ({ action: "cancel", reason: b.reason }));
  act("done", optionalReason, () => ({ action: "done" }));
  act("schedule", scheduleBody, (b: z.infer<typeof scheduleBody>) => ({ action: "schedule", scheduledAt: b.scheduledAt, place: b.place, accompaniedBy: b.accompaniedBy }));

  // The published piece: an existing placement by id, or a new one registered from the request (its unit by default).
  const newPlacement = placementBody.omit({ interviewId: true, unitId: true }).extend({ unitId: z.number().int().positive().optional() });
  r.post("/api/interviews/:id/placement", {
    schema: {
      tags, params: idParams, body: z.union([linkPlacementBody, newPlacement]),
      response: { ...stepResponses, 201: interviewView.extend({ placement: z.object({ id: z.number(), points: z.number() }) }) },
    },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    const b = req.body;
    if ("placementId" in b) {
      actOnInterview(db, actorOf(p), req.params.id, { action: "link", placementId: b.placementId }, req.ip);
      return one(req.params.id);
    }
    const placement = placeFromInterview(db, actorOf(p), req.params.id, b, { timeZone: deps.config.timeZone, ip: req.ip });
    return reply.code(201).send({ ...one(req.params.id), placement });
  });
}
