// Registers every route module, health and the dashboard.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorize, type RouteDeps } from "../context";
import { can } from "../../accounts/policies";
import { authRoutes } from "./auth";
import { sourceRoutes } from "./sources";
import { itemRoutes } from "./items";
import { itemTriageRoutes } from "./item-triage";
import { unitRoutes } from "./units";
import { userRoutes } from "./users";
import { auditRoutes } from "./audit";
import { watchRoutes } from "./watches";
import { eventRoutes } from "./events";
import { analysisRoutes } from "./analysis";
import { alertChannelRoutes } from "./alert-channels";
import { alertRuleRoutes } from "./alert-rules";
import { alertRoutes } from "./alerts";
import { caseRoutes } from "./cases";
import { caseConfigRoutes } from "./case-config";
import { boardPublicRoutes } from "./board-public";
import { boardRoutes } from "./board";
import { incidentRoutes } from "./incidents";
import { dutyRoutes } from "./duty";
import { alertLinkRoutes } from "./alert-links";
import { alertLatencyRoutes } from "./alert-latency";
import { caseStatsRoutes } from "./case-stats";
import { caseMemoRoutes } from "./case-memo";
import { reportRoutes } from "./reports";
import { caseAttachmentRoutes } from "./case-attachments";
import { officialAccountRoutes } from "./official-accounts";
import { caseReplyRoutes } from "./case-replies";
import { replyTemplateRoutes } from "./reply-templates";
import { displayTokenRoutes } from "./display-tokens";
import { wallRoutes } from "./wall";
import { reportScheduleRoutes } from "./report-schedules";
import { sourceImportRoutes } from "./source-import";
import { manualItemRoutes } from "./manual-items";
import { opsRoutes } from "./ops";
import { backupRoutes } from "./backups";
import { correspondentRoutes } from "./correspondents";
import { trainingRoutes } from "./trainings";
import { interviewRoutes } from "./interviews";
import { outletRoutes } from "./outlets";
import { placementRoutes } from "./placements";
import { scoringRuleRoutes } from "./scoring-rules";
import { quotaRoutes } from "./quotas";
import { publicityScoreRoutes } from "./publicity-scores";
import { submissionRoutes } from "./submissions";
import { submissionAttachmentRoutes } from "./submission-attachments";
import { reviewFlowRoutes } from "./review-flows";
import { bulletinRoutes } from "./bulletins";
import { placementProposalRoutes } from "./placement-proposals";

/** Adds all /api routes. */
export async function registerRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/health", {
    schema: { tags: ["system"], response: { 200: z.object({ status: z.literal("ok"), version: z.string() }) } },
  }, async () => {
    // Touches no table and no lock: answers while a read runs on the pool or another connection writes.
    deps.db.sqlite.prepare("SELECT 1").get();
    return { status: "ok" as const, version: deps.version };
  });

  await opsRoutes(app, deps);
  await backupRoutes(app, deps);

  r.get("/api/dashboard", {
    schema: {
      tags: ["dashboard"],
      response: {
        200: z.object({
          itemsToday: z.number(), itemsTotal: z.number(), sourcesTotal: z.number(), sourcesFailing: z.number(),
          perSource: z.array(z.object({ sourceId: z.number(), name: z.string(), total: z.number(), today: z.number() })),
          volume7d: z.array(z.object({ date: z.string(), count: z.number() })),
        }),
      },
    },
  }, async (req) => {
    const p = authorize(req, "dashboard.read");
    // Sources belong to no unit yet, so unit staff (handlers, contributors) may see none of them: their
    // dashboard counts nothing rather than naming the office's sources. Give sources a unit to widen this.
    return deps.reads.run("dashboardStats", [can(p, "dashboard.all_sources") ? null : [], Date.now()]);
  });

  for (const mod of [
    authRoutes, sourceRoutes, itemTriageRoutes, itemRoutes, unitRoutes, userRoutes, auditRoutes, watchRoutes, eventRoutes, analysisRoutes,
    alertChannelRoutes, alertRuleRoutes, alertRoutes, incidentRoutes, caseRoutes, caseConfigRoutes, boardPublicRoutes, boardRoutes, dutyRoutes, alertLinkRoutes,
  ]) await mod(app, deps);
  await alertLatencyRoutes(app, deps);
  await caseStatsRoutes(app, deps);
  await caseMemoRoutes(app, deps);
  await reportRoutes(app, deps);
  await caseAttachmentRoutes(app, deps);
  for (const mod of [officialAccountRoutes, caseReplyRoutes, replyTemplateRoutes]) await mod(app, deps);
  for (const mod of [displayTokenRoutes, wallRoutes]) await mod(app, deps);
  // Publicity work (新闻宣传, src/publicity): one routes file per resource.
  for (const mod of [correspondentRoutes, trainingRoutes, interviewRoutes]) await mod(app, deps);
  for (const mod of [outletRoutes, placementRoutes, scoringRuleRoutes, quotaRoutes]) await mod(app, deps);
  await publicityScoreRoutes(app, deps);
  for (const mod of [submissionRoutes, submissionAttachmentRoutes, reviewFlowRoutes, bulletinRoutes]) await mod(app, deps);
  await placementProposalRoutes(app, deps);

  await reportScheduleRoutes(app, deps);
  for (const mod of [sourceImportRoutes, manualItemRoutes]) await mod(app, deps);
}
