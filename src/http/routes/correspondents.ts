// /api/correspondents: the roster of correspondents and informants (通讯员 / 信息员队伍) by unit, a person's
// record (training hours, recognitions, placements), sync from contributor accounts. Everyone reads their
// unit subtree's people (the office every unit's); the office keeps the roster and alone sees phone numbers.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { can, unitScope, type Principal } from "../../accounts/policies";
import type { Db } from "../../db/connection";
import { unitNames } from "../../store/units";
import { listCorrespondents, placementsOfPerson, recognitionsOf, type CorrespondentRow } from "../../store/correspondents";
import { trainingRecordOf } from "../../store/trainings";
import {
  addRecognition, correspondentOr404, createCorrespondent, editCorrespondent, removeRecognition, syncFromAccounts,
} from "../../publicity/roster";
import { iso } from "../../shared/iso";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import {
  correspondentBody, correspondentDetailView, correspondentListQuery, correspondentPatch, correspondentView, recognitionBody, recognitionParams,
  CORRESPONDENT_KINDS, CORRESPONDENT_STATUSES,
} from "../people-schemas";

type View = z.infer<typeof correspondentView>;

/** Roster entries as the API shows them to `p`: a phone number only to the office (and to the person themself). */
export function presentCorrespondents(db: Db, p: Principal, rows: CorrespondentRow[]): View[] {
  const units = unitNames(db);
  const office = can(p, "publicity.manage");
  return rows.map((c) => ({
    id: c.id, unitId: c.unit_id, unitName: units.get(c.unit_id) ?? null, userId: c.user_id, hasAccount: c.user_id != null, name: c.name,
    position: c.position, phone: office || c.user_id === p.id ? c.phone : null, kind: c.kind as (typeof CORRESPONDENT_KINDS)[number],
    recommendedBy: c.recommended_by, duties: c.duties, status: c.status as (typeof CORRESPONDENT_STATUSES)[number], joinedOn: c.joined_on,
    createdAt: iso(c.created_at), updatedAt: iso(c.updated_at),
  }));
}

/** A roster entry the principal may see, or 404 (another unit's person is not found, not forbidden). */
function visible(db: Db, p: Principal, id: number): CorrespondentRow {
  const c = correspondentOr404(db, id);
  if (!can(p, "publicity.read", { unitId: c.unit_id })) throw AppError.notFound("correspondent");
  return c;
}

function detail(db: Db, p: Principal, c: CorrespondentRow): z.infer<typeof correspondentDetailView> {
  const classes = trainingRecordOf(db, c.id);
  // Sum in tenths of an hour so 0.1 + 0.2 reads 0.3.
  const totalHours = Math.round(classes.reduce((s, t) => s + t.hours * 10, 0)) / 10;
  return {
    ...presentCorrespondents(db, p, [c])[0],
    training: { classes: classes.map((t) => ({ id: t.id, heldOn: t.held_on, topic: t.topic, organiser: t.organiser, hours: t.hours })), totalHours },
    recognitions: recognitionsOf(db, c.id).map((r) => ({ id: r.id, awardedOn: r.awarded_on, title: r.title, issuer: r.issuer })),
    placements: placementsOfPerson(db, c.id).map((x) => ({
      id: x.id, title: x.title, outlet: x.outlet_name, outletLevel: x.outlet_level, publishedOn: x.published_on, share: x.share,
    })),
  };
}

/** Correspondent roster routes. */
export async function correspondentRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ["publicity"];

  r.get("/api/correspondents", {
    schema: { tags, querystring: correspondentListQuery, response: { 200: z.object({ correspondents: z.array(correspondentView) }) } },
  }, async (req) => {
    const p = authorize(req, "publicity.read");
    const q = req.query;
    let units = unitScope(p);
    if (q.unitId !== undefined) units = units === null || units.includes(q.unitId) ? [q.unitId] : [];
    const rows = listCorrespondents(db, { units, status: q.status, kind: q.kind, q: q.q || undefined });
    return { correspondents: presentCorrespondents(db, p, rows) };
  });

  r.get("/api/correspondents/:id", {
    schema: { tags, params: idParams, response: { 200: correspondentDetailView, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "publicity.read");
    return detail(db, p, visible(db, p, req.params.id));
  });

  r.post("/api/correspondents", {
    schema: { tags, body: correspondentBody, response: { 201: correspondentView, 400: errorBody, 403: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    const id = createCorrespondent(db, actorOf(p), req.body, req.ip);
    return reply.code(201).send(presentCorrespondents(db, p, [correspondentOr404(db, id)])[0]);
  });

  r.patch("/api/correspondents/:id", {
    schema: { tags, params: idParams, body: correspondentPatch, response: { 200: correspondentView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const p = authorize(req, "publicity.manage");
    const old = correspondentOr404(db, req.params.id);
    const given = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
    editCorrespondent(db, actorOf(p), old, given, req.ip);
    return presentCorrespondents(db, p, [correspondentOr404(db, old.id)])[0];
  });

  r.post("/api/correspondents/sync", {
    schema: { tags, body: z.object({ unitId: z.number().int().positive().optional() }), response: { 200: z.object({ added: z.number() }), 403: errorBody } },
  }, async (req) => {
    const p = authorize(req, "publicity.manage");
    return { added: syncFromAccounts(db, actorOf(p), req.body.unitId === undefined ? null : [req.body.unitId], req.ip) };
  });

  r.post("/api/correspondents/:id/recognitions", {
    schema: { tags, params: idParams, body: recognitionBody, response: { 201: z.object({ id: z.number() }), 400: errorBody, 403: errorBody, 404: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    const c = correspondentOr404(db, req.params.id);
    return reply.code(201).send({ id: addRecognition(db, actorOf(p), c, req.body, req.ip) });
  });

  r.delete("/api/correspondents/:id/recognitions/:recognitionId", {
    schema: { tags, params: recognitionParams, response: { 204: z.null(), 403: errorBody, 404: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    const c = correspondentOr404(db, req.params.id);
    removeRecognition(db, actorOf(p), c, req.params.recognitionId, req.ip);
    return reply.code(204).send(null);
  });
}
