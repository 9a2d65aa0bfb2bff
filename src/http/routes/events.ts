// /api/events: event list and pages, and the analysts' corrections (merge, split, title, risk).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { RISK_LEVELS, type EventDetailView } from "../../shared/analysis-api";
import { mergeEvents, overrideRisk, renameEvent, splitEvent } from "../../monitor/events";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams, name } from "../schemas";
import { eventDetailView, eventSummaryView } from "../analysis-schemas";

/** An event's page read on the pool, or 404. */
async function detail(deps: RouteDeps, id: number): Promise<EventDetailView> {
  const d = await deps.reads.run("eventDetailView", [id, Date.now()]);
  if (!d) throw AppError.notFound("event");
  return d;
}

/** Event routes. */
export async function eventRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const who = (req: { ip: string }, p: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(p), ip: req.ip });

  r.get("/api/events", {
    schema: {
      tags: ["events"], summary: "Events, most recently active first",
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(20), offset: z.coerce.number().int().min(0).max(100_000).default(0),
        risk: z.enum(RISK_LEVELS).optional(), q: z.string().max(100).optional(),
      }),
      response: { 200: z.object({ events: z.array(eventSummaryView), total: z.number() }), 400: errorBody },
    },
  }, async (req) => {
    authorize(req, "analysis.read");
    return deps.reads.run("eventListView", [{ ...req.query, q: req.query.q?.trim() || undefined }, Date.now()]);
  });

  r.get("/api/events/:id", {
    schema: { tags: ["events"], params: idParams, response: { 200: eventDetailView, 404: errorBody } },
  }, async (req) => {
    authorize(req, "analysis.read");
    return detail(deps, req.params.id);
  });

  r.patch("/api/events/:id", {
    schema: { tags: ["events"], params: idParams, body: z.object({ title: name(200) }), response: { 200: eventDetailView, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "analysis.write");
    renameEvent(db, req.params.id, req.body.title, who(req, p));
    return detail(deps, req.params.id);
  });

  r.post("/api/events/:id/merge", {
    schema: {
      tags: ["events"], summary: "Merge another event into this one", params: idParams,
      body: z.object({ eventId: z.number().int().positive() }), response: { 200: eventDetailView, 400: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "analysis.write");
    mergeEvents(db, deps.analysis?.analyser, req.params.id, req.body.eventId, who(req, p));
    return detail(deps, req.params.id);
  });

  r.post("/api/events/:id/split", {
    schema: {
      tags: ["events"], summary: "Move items of this event into a new event", params: idParams,
      body: z.object({ itemIds: z.array(z.number().int().positive()).min(1).max(5000) }),
      response: { 200: z.object({ eventId: z.number() }), 400: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "analysis.write");
    return { eventId: splitEvent(db, deps.analysis?.analyser, req.params.id, req.body.itemIds, who(req, p)) };
  });

  r.post("/api/events/:id/risk", {
    schema: {
      tags: ["events"], summary: "Override the suggested risk level (null returns to the suggestion)", params: idParams,
      body: z.object({ level: z.enum(RISK_LEVELS).nullable() }), response: { 200: eventDetailView, 404: errorBody, 409: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "analysis.write");
    overrideRisk(db, req.params.id, req.body.level, who(req, p));
    return detail(deps, req.params.id);
  });
}
