// The unit tree: list (scoped), create, rename/move, delete.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { deleteUnit, getUnit, insertUnit, listUnits, unitDependents, unitSubtree, updateUnit } from "../../store/units";
import { recordAudit } from "../../store/audit";
import { can } from "../../accounts/policies";
import { AppError } from "../../errors";
import { actorOf, authorize, type AppDeps } from "../context";
import { presentUnit } from "../presenters";
import { errorBody, idParams, name, unitView } from "../schemas";

const parentId = z.number().int().positive().nullable();

/** /api/units routes. */
export async function unitRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get("/api/units", {
    schema: { tags: ["units"], summary: "Units the user may see (handlers: their subtree)", response: { 200: z.object({ units: z.array(unitView) }) } },
  }, async (req) => {
    const p = authorize(req, "units.read");
    return { units: listUnits(db).filter((u) => can(p, "units.read", { unitId: u.id })).map(presentUnit) };
  });

  r.post("/api/units", {
    schema: { tags: ["units"], body: z.object({ name: name(100), parentId: parentId.default(null) }), response: { 201: unitView, 400: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "units.write");
    const u = db.tx(() => {
      if (req.body.parentId != null && !getUnit(db, req.body.parentId)) throw AppError.validation({ parentId: "unit.parent_not_found" });
      const created = insertUnit(db, req.body.name, req.body.parentId);
      recordAudit(db, { actor: actorOf(p), action: "unit.create", targetType: "unit", targetId: created.id, summary: req.body, ip: req.ip });
      return created;
    });
    return reply.code(201).send(presentUnit(u));
  });

  r.patch("/api/units/:id", {
    schema: { tags: ["units"], params: idParams, body: z.object({ name: name(100), parentId }).partial(), response: { 200: unitView, 400: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "units.write");
    const u = db.tx(() => {
      const before = getUnit(db, req.params.id);
      if (!before) throw AppError.notFound("unit");
      const np = req.body.parentId;
      if (np != null) {
        if (!getUnit(db, np)) throw AppError.validation({ parentId: "unit.parent_not_found" });
        if (unitSubtree(db, before.id).includes(np)) throw AppError.validation({ parentId: "unit.parent_cycle" });
      }
      updateUnit(db, before.id, req.body);
      recordAudit(db, { actor: actorOf(p), action: "unit.update", targetType: "unit", targetId: before.id, summary: { before: presentUnit(before), change: req.body }, ip: req.ip });
      return getUnit(db, before.id)!;
    });
    return presentUnit(u);
  });

  r.delete("/api/units/:id", { schema: { tags: ["units"], params: idParams } }, async (req, reply) => {
    const p = authorize(req, "units.write");
    db.tx(() => {
      const u = getUnit(db, req.params.id);
      if (!u) throw AppError.notFound("unit");
      const d = unitDependents(db, u.id);
      if (d.children || d.users || d.records) {
        throw AppError.conflict("unit.in_use", { children: d.children, users: d.users, records: d.records });
      }
      deleteUnit(db, u.id);
      recordAudit(db, { actor: actorOf(p), action: "unit.delete", targetType: "unit", targetId: u.id, summary: { name: u.name }, ip: req.ip });
    });
    return reply.code(204).send();
  });
}
