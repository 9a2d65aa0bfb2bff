// The audit log: filtered view and CSV export (admin only).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { recordAudit } from "../../store/audit";
import { actorOf, authorize, type RouteDeps } from "../context";
import { presentAudit } from "../presenters";
import { auditView, queryTime } from "../schemas";
import { toCsv } from "../csv";

const filter = z.object({
  actor: z.string().max(64).optional(), action: z.string().max(64).optional(), targetType: z.string().max(64).optional(),
  from: queryTime, to: queryTime,
});

/** /api/audit routes. */
export async function auditRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, reads, limits, config } = deps;

  r.get("/api/audit", {
    schema: {
      tags: ["audit"],
      querystring: filter.extend({ limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0) }),
      response: { 200: z.object({ entries: z.array(auditView), total: z.number() }) },
    },
  }, async (req) => {
    authorize(req, "audit.read");
    const { rows, total } = await reads.run("listAudit", [req.query]);
    return { entries: rows.map(presentAudit), total };
  });

  r.get("/api/audit/export.csv", { schema: { tags: ["audit"], querystring: filter } }, async (req, reply) => {
    const p = authorize(req, "audit.read");
    const csv = await limits.export.run(p.id, async () => {
      const { rows } = await reads.run("listAudit", [{ ...req.query, limit: 100_000, offset: 0 }], config.exportBudgetMs);
      // Recorded before the file leaves, so a download is never missing from the log it was taken from.
      const filter = Object.fromEntries(Object.entries(req.query).filter(([, v]) => v !== undefined));
      recordAudit(db, { actor: actorOf(p), action: "audit.export", targetType: "audit", targetId: null, summary: { format: "csv", filter, rows: rows.length }, ip: req.ip });
      return toCsv(
        ["时间 time", "操作人 actor", "操作 action", "对象类型 target type", "对象 target", "摘要 summary", "IP"],
        rows.map((a) => [new Date(a.at).toISOString(), a.actor_name ?? "", a.action, a.target_type, a.target_id ?? "", a.summary, a.ip ?? ""]),
      );
    });
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(csv);
  });
}
