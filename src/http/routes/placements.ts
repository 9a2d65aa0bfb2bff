// /api/placements: published pieces (刊发记录) with authors' shares and points recounted under the rule set
// in force on each publication day. The office reads (publicity.scores or publicity.manage) and writes
// (publicity.manage); every write is audited.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { can } from "../../accounts/policies";
import { AppError } from "../../errors";
import { changePlacement, createPlacement, placementView as viewOf, placementViews, removePlacement } from "../../publicity/placements";
import { listPlacements } from "../../store/placements";
import { countsToward, roundPoints } from "../../publicity/scoring";
import { OUTLET_LEVELS } from "../../shared/publicity-types";
import { unitSubtree } from "../../store/units";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { placementBody, placementPatch, placementQuery, placementSaved, placementView } from "../publicity-schemas";

function authorizeRead(req: FastifyRequest) {
  const p = authorize(req, "publicity.read");
  if (!can(p, "publicity.scores") && !can(p, "publicity.manage")) throw AppError.forbidden();
  return p;
}

/** Placement routes. */
export async function placementRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const opts = (req: FastifyRequest) => ({ timeZone: config.timeZone, ip: req.ip });

  r.get("/api/placements", {
    schema: {
      tags: ["publicity"], summary: "Placements, newest first, filtered; each with its outlet, authors' points, points and rule set",
      querystring: placementQuery, response: { 200: z.object({ placements: z.array(placementView), total: z.number(), points: z.number() }) },
    },
  }, async (req) => {
    authorizeRead(req);
    const q = req.query;
    const from = [q.from, q.year ? `${q.year}-01-01` : undefined].filter(Boolean).sort().at(-1);
    const to = [q.to, q.year ? `${q.year}-12-31` : undefined].filter(Boolean).sort()[0];
    const filter = {
      from, to, outletId: q.outletId, level: q.level, levels: q.minLevel ? OUTLET_LEVELS.filter((l) => countsToward(l, q.minLevel!)) : undefined, genre: q.genre, authorName: q.authorName || undefined, correspondentId: q.correspondentId, q: q.q || undefined,
      unitIds: q.unitId === undefined ? undefined : q.subtree ? unitSubtree(db, q.unitId) : [q.unitId],
    };
    const { rows, total } = listPlacements(db, { ...filter, limit: q.limit, offset: q.offset });
    // The sum over every matching placement (not just this page), recounted: what a figure that links here shows.
    const all = total > rows.length ? placementViews(db, listPlacements(db, filter).rows) : null;
    const page = placementViews(db, rows);
    const points = roundPoints((all ?? page).reduce((s, p) => s + p.points, 0));
    return { placements: page, total, points };
  });

  r.get("/api/placements/:id", {
    schema: { tags: ["publicity"], summary: "One placement", params: idParams, response: { 200: placementView, 404: errorBody } },
  }, async (req) => {
    authorizeRead(req);
    return viewOf(db, req.params.id);
  });

  r.post("/api/placements", {
    schema: {
      tags: ["publicity"], summary: "Register a placement; points under the rule set in force on publishedOn",
      body: placementBody, response: { 201: placementSaved, 400: errorBody, 409: errorBody },
    },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    const saved = createPlacement(db, actorOf(p), req.body, Date.now(), opts(req));
    return reply.code(201).send({ ...saved, placement: viewOf(db, saved.id) });
  });

  r.patch("/api/placements/:id", {
    schema: { tags: ["publicity"], summary: "Change a placement (authors, when given, replace the list)", params: idParams, body: placementPatch, response: { 200: placementSaved, 400: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "publicity.manage");
    const saved = changePlacement(db, actorOf(p), req.params.id, req.body, Date.now(), opts(req));
    return { ...saved, placement: viewOf(db, saved.id) };
  });

  r.delete("/api/placements/:id", {
    schema: { tags: ["publicity"], summary: "Delete a placement (audited)", params: idParams, response: { 204: z.null(), 404: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    removePlacement(db, actorOf(p), req.params.id, Date.now(), req.ip);
    return reply.code(204).send(null);
  });
}
