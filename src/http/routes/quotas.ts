// /api/quotas: yearly quotas (任务分解) per unit, outlet level floor and period. Administrators set them
// (publicity.configure); the office reads them. Every change is audited.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { can } from "../../accounts/policies";
import { AppError } from "../../errors";
import { recordAudit } from "../../store/audit";
import { clearQuotas, listQuotas, upsertQuota, type QuotaRow } from "../../store/quotas";
import { getUnit } from "../../store/units";
import type { Db } from "../../db/connection";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody } from "../schemas";
import type { ScorePeriod } from "../../publicity/score-period";
import { quotaBody, quotaBulkBody, quotaView } from "../publicity-schemas";

const present = (q: QuotaRow) => ({
  id: q.id, year: q.year, unitId: q.unit_id, unitName: q.unit_name, minLevel: q.min_level, period: q.period as ScorePeriod,
  count: q.count, updatedAt: new Date(q.updated_at).toISOString(),
});

function checkUnits(db: Db, ids: readonly number[]): void {
  const fields: Record<string, string> = {};
  ids.forEach((id, i) => { if (!getUnit(db, id)) fields[ids.length === 1 ? "unitId" : `quotas.${i}.unitId`] = "cases.unknown_unit"; });
  if (Object.keys(fields).length) throw AppError.validation(fields);
}

function authorizeRead(req: FastifyRequest) {
  const p = authorize(req, "publicity.read");
  if (!can(p, "publicity.scores") && !can(p, "publicity.configure")) throw AppError.forbidden();
}

/** Quota routes. */
export async function quotaRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
  const listView = z.object({ year: z.number(), quotas: z.array(quotaView) });

  r.get("/api/quotas", {
    schema: { tags: ["publicity"], summary: "A year's quotas by unit, level floor and period", querystring: yearQuery, response: { 200: listView } },
  }, async (req) => {
    authorizeRead(req);
    return { year: req.query.year, quotas: listQuotas(db, req.query.year).map(present) };
  });

  r.put("/api/quotas", {
    schema: { tags: ["publicity"], summary: "Set one quota (count 0 removes it)", body: quotaBody, response: { 200: listView, 400: errorBody } },
  }, async (req) => {
    const p = authorize(req, "publicity.configure");
    checkUnits(db, [req.body.unitId]);
    db.tx(() => {
      const id = upsertQuota(db, req.body, p.id);
      recordAudit(db, { actor: actorOf(p), action: id === null ? "quota.remove" : "quota.set", targetType: "quota", targetId: id, summary: req.body, ip: req.ip });
    });
    return { year: req.body.year, quotas: listQuotas(db, req.body.year).map(present) };
  });

  r.put("/api/quotas/:year", {
    schema: {
      tags: ["publicity"], summary: "Replace a year's quotas at once (those left out are removed)",
      params: yearQuery, body: quotaBulkBody, response: { 200: listView, 400: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "publicity.configure");
    const year = req.params.year;
    checkUnits(db, [...new Set(req.body.quotas.map((q) => q.unitId))]);
    db.tx(() => {
      const removed = clearQuotas(db, year);
      for (const q of req.body.quotas) upsertQuota(db, { ...q, year }, p.id);
      recordAudit(db, { actor: actorOf(p), action: "quota.replace_year", targetType: "quota", targetId: year, summary: { year, removed, set: req.body.quotas.filter((q) => q.count > 0).length }, ip: req.ip });
    });
    return { year, quotas: listQuotas(db, year).map(present) };
  });
}
