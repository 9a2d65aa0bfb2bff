// /api/outlets: the office's outlet list (媒体库). Everyone signed in reads it (contributors pick intended
// outlets); the office (publicity.manage) writes it. An outlet a placement names is deactivated, not deleted.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { recordAudit } from "../../store/audit";
import { deleteOutlet, getOutlet, insertOutlet, listOutlets, outletByName, outletUses, updateOutlet, type OutletRow } from "../../store/outlets";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { outletBody, outletPatch, outletQuery, outletView } from "../publicity-schemas";
import type { Db } from "../../db/connection";

function present(db: Db, o: OutletRow) {
  return {
    id: o.id, name: o.name, level: o.level, medium: o.medium, hosts: JSON.parse(o.hosts) as string[], sourceId: o.source_id, active: !!o.active,
    placements: (db.prepare("SELECT count(*) AS n FROM placements WHERE outlet_id = ?").get(o.id) as { n: number }).n,
    createdAt: new Date(o.created_at).toISOString(), updatedAt: new Date(o.updated_at).toISOString(),
  };
}

const notFound = () => AppError.notFound("outlet");
const nameTaken = () => AppError.conflict("publicity.outlet_name_taken");

function checkSource(db: Db, sourceId: number | null | undefined): void {
  if (sourceId != null && !db.prepare("SELECT 1 FROM sources WHERE id = ?").get(sourceId)) throw AppError.validation({ sourceId: "publicity.unknown_source" });
}

/** Outlet routes. */
export async function outletRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get("/api/outlets", {
    schema: { tags: ["publicity"], summary: "Outlets (媒体库), highest level first", querystring: outletQuery, response: { 200: z.object({ outlets: z.array(outletView) }) } },
  }, async (req) => {
    authorize(req, "publicity.read");
    return { outlets: listOutlets(db, req.query).map((o) => present(db, o)) };
  });

  r.post("/api/outlets", {
    schema: { tags: ["publicity"], summary: "Add an outlet; level and medium as codes or Chinese names", body: outletBody, response: { 201: outletView, 400: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    if (outletByName(db, req.body.name)) throw nameTaken();
    checkSource(db, req.body.sourceId);
    const id = db.tx(() => {
      const id = insertOutlet(db, req.body);
      recordAudit(db, { actor: actorOf(p), action: "outlet.create", targetType: "outlet", targetId: id, summary: { name: req.body.name, level: req.body.level, medium: req.body.medium }, ip: req.ip });
      return id;
    });
    return reply.code(201).send(present(db, getOutlet(db, id)!));
  });

  r.patch("/api/outlets/:id", {
    schema: { tags: ["publicity"], summary: "Change an outlet (name, level, medium, hosts, source, active)", params: idParams, body: outletPatch, response: { 200: outletView, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const p = authorize(req, "publicity.manage");
    const o = getOutlet(db, req.params.id);
    if (!o) throw notFound();
    const other = req.body.name !== undefined ? outletByName(db, req.body.name) : undefined;
    if (other && other.id !== o.id) throw nameTaken();
    checkSource(db, req.body.sourceId);
    db.tx(() => {
      updateOutlet(db, o.id, req.body);
      recordAudit(db, { actor: actorOf(p), action: "outlet.update", targetType: "outlet", targetId: o.id, summary: { name: o.name, changes: req.body }, ip: req.ip });
    });
    return present(db, getOutlet(db, o.id)!);
  });

  r.delete("/api/outlets/:id", {
    schema: { tags: ["publicity"], summary: "Delete an outlet no placement names (else 409: deactivate it)", params: idParams, response: { 204: z.null(), 404: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.manage");
    const o = getOutlet(db, req.params.id);
    if (!o) throw notFound();
    const uses = outletUses(db, o.id);
    if (uses > 0) throw AppError.conflict("publicity.outlet_in_use", { uses });
    db.tx(() => {
      deleteOutlet(db, o.id);
      recordAudit(db, { actor: actorOf(p), action: "outlet.delete", targetType: "outlet", targetId: o.id, summary: { name: o.name }, ip: req.ip });
    });
    return reply.code(204).send(null);
  });
}
