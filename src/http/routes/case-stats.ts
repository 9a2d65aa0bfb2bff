// /api/cases/stats: case figures per lead unit for a period (季度汇总), as JSON and as XLSX. Unit
// staff see only their units' rows, as in the case list.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import { AppError } from "../../errors";
import { unitScope, type Principal } from "../../accounts/policies";
import { caseStatRows } from "../../store/case-stats";
import { unitNames } from "../../store/units";
import { recordAudit } from "../../store/audit";
import { CASE_STAT_DEFINITIONS, caseStats } from "../../cases/stats";
import { periodBounds, periodPresets } from "../../cases/stats-period";
import { writeCaseStatsXlsx } from "../../reports/case-stats-xlsx";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody } from "../schemas";
import { caseStatsQuery, caseStatsView } from "../case-stats-schemas";

const MAX_DAYS = 731;

/** Case statistics routes. */
export async function caseStatsRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const tz = config.timeZone;

  function statsOf(p: Principal, q: z.output<typeof caseStatsQuery>, now = Date.now()): z.infer<typeof caseStatsView> {
    const presets = periodPresets(now, tz);
    const quarter = presets[0]!;
    const from = q.from ?? quarter.from;
    const to = q.to ?? (q.from ? from : quarter.to);
    const { start, end } = periodBounds({ from, to }, tz);
    if (from > to || end - start > MAX_DAYS * 86_400_000) throw AppError.validation({ from: "case_stats.bad_period" });
    const rows = caseStatRows(db, start, end, unitScope(p));
    const names = unitNames(db);
    const { units, total } = caseStats(rows, names, q.at ? Date.parse(q.at) : now);
    return { from, to, timeZone: tz, generatedAt: new Date(now).toISOString(), presets, units, total, definitions: CASE_STAT_DEFINITIONS };
  }

  r.get("/api/cases/stats", {
    schema: { tags: ["cases"], summary: "Case figures per lead unit for a period", querystring: caseStatsQuery, response: { 200: caseStatsView, 400: errorBody } },
  }, async (req) => statsOf(authorize(req, "cases.read"), req.query));

  r.get("/api/cases/stats.xlsx", {
    schema: { tags: ["cases"], summary: "The case figures as XLSX (季度汇总)", querystring: caseStatsQuery },
  }, async (req: FastifyRequest<{ Querystring: z.output<typeof caseStatsQuery> }>, reply) => {
    const p = authorize(req, "cases.read");
    const s = statsOf(p, req.query);
    const preset = s.presets.find((x) => x.from === s.from && x.to === s.to);
    const periodLabel = preset?.label ?? "自定义统计期";
    const file = await writeCaseStatsXlsx({
      periodLabel, from: s.from, to: s.to, generatedAt: new Date(s.generatedAt).toLocaleString("zh-CN", { timeZone: tz, hour12: false }),
      units: s.units, total: s.total,
    });
    recordAudit(db, {
      actor: actorOf(p), action: "cases.stats_export", targetType: "cases", targetId: null,
      summary: { format: "xlsx", from: s.from, to: s.to, units: s.units.length }, ip: req.ip,
    });
    const base = `${s.from}_${s.to}`;
    reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="case-stats-${base}.xlsx"; filename*=UTF-8''${encodeURIComponent(`工单统计-${preset?.label ?? base}-${base}.xlsx`)}`);
    return reply.send(file);
  });
}
