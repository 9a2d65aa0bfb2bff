// /api/reply-templates: reply templates per category, shared (no unit) or one unit's. Everyone signed in
// reads the shared ones and those of units they may see; admins keep every template, a unit's
// spokesperson their unit's.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { can, type Principal } from "../../accounts/policies";
import { recordAudit } from "../../store/audit";
import { getUnit, unitNames } from "../../store/units";
import { deleteTemplate, getTemplate, insertTemplate, listTemplates, updateTemplate, type TemplateInput } from "../../store/case-replies";
import type { ReplyTemplatesTable } from "../../db/schema";
import type { Db } from "../../db/connection";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { templateBody, templateListQuery, templatePatch, templateView } from "../reply-schemas";
import { iso } from "../../shared/iso";


function present(db: Db, rows: ReplyTemplatesTable[]): z.infer<typeof templateView>[] {
  const units = unitNames(db);
  return rows.map((t) => ({
    id: t.id, category: t.category, title: t.title, text: t.text, unitId: t.unit_id, unitName: t.unit_id == null ? null : units.get(t.unit_id) ?? null,
    createdAt: iso(t.created_at), updatedAt: iso(t.updated_at),
  }));
}

/** Unit staff read the shared templates and their units'; the office reads every one. */
const unitsOf = (p: Principal): number[] | null => (can(p, "official_accounts.read", { unitId: null }) ? null : p.unitSubtree);

function visibleTemplate(db: Db, p: Principal, id: number): ReplyTemplatesTable {
  const t = getTemplate(db, id);
  const units = unitsOf(p);
  if (!t || (units && t.unit_id != null && !units.includes(t.unit_id))) throw AppError.notFound("reply template");
  return t;
}

function check(db: Db, t: TemplateInput): void {
  if (t.unitId != null && !getUnit(db, t.unitId)) throw AppError.validation({ unitId: "cases.unknown_unit" });
}

const inputOf = (t: ReplyTemplatesTable): TemplateInput => ({ category: t.category, title: t.title, text: t.text, unitId: t.unit_id });

/** Reply template routes. */
export async function replyTemplateRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get("/api/reply-templates", {
    schema: { tags: ["replies"], querystring: templateListQuery, response: { 200: z.object({ templates: z.array(templateView) }) } },
  }, async (req) => {
    const p = authorize(req, "reply_templates.read");
    let units = unitsOf(p);
    // For one unit (a case's lead unit): the shared templates and that unit's.
    if (req.query.unitId !== undefined) units = units === null || units.includes(req.query.unitId) ? [req.query.unitId] : [];
    const category = req.query.category || undefined;
    return { templates: present(db, listTemplates(db, { units, category })) };
  });

  r.post("/api/reply-templates", {
    schema: { tags: ["replies"], body: templateBody, response: { 201: templateView, 400: errorBody, 403: errorBody } },
  }, async (req, reply) => {
    const b = req.body;
    const p = authorize(req, "reply_templates.write", { unitId: b.unitId });
    check(db, b);
    const id = db.tx(() => {
      const id = insertTemplate(db, b);
      recordAudit(db, { actor: actorOf(p), action: "reply_template.create", targetType: "reply_template", targetId: id, summary: { category: b.category, title: b.title, unitId: b.unitId }, ip: req.ip });
      return id;
    });
    return reply.code(201).send(present(db, [getTemplate(db, id)!])[0]);
  });

  r.patch("/api/reply-templates/:id", {
    schema: { tags: ["replies"], params: idParams, body: templatePatch, response: { 200: templateView, 400: errorBody, 403: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "reply_templates.read");
    const old = visibleTemplate(db, p, req.params.id);
    const given = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined)) as Partial<TemplateInput>;
    const next: TemplateInput = { ...inputOf(old), ...given };
    if (!can(p, "reply_templates.write", { unitId: old.unit_id }) || !can(p, "reply_templates.write", { unitId: next.unitId })) throw AppError.forbidden();
    check(db, next);
    db.tx(() => {
      updateTemplate(db, old.id, next);
      recordAudit(db, { actor: actorOf(p), action: "reply_template.update", targetType: "reply_template", targetId: old.id, summary: given, ip: req.ip });
    });
    return present(db, [getTemplate(db, old.id)!])[0];
  });

  r.delete("/api/reply-templates/:id", {
    schema: { tags: ["replies"], params: idParams, response: { 204: z.null(), 403: errorBody, 404: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "reply_templates.read");
    const old = visibleTemplate(db, p, req.params.id);
    if (!can(p, "reply_templates.write", { unitId: old.unit_id })) throw AppError.forbidden();
    db.tx(() => {
      deleteTemplate(db, old.id);
      recordAudit(db, { actor: actorOf(p), action: "reply_template.delete", targetType: "reply_template", targetId: old.id, summary: { category: old.category, title: old.title }, ip: req.ip });
    });
    return reply.code(204).send(null);
  });
}
