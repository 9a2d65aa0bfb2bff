// /api/review-flows: the office default review flow (三审) and per-unit flows, and the timeliness
// limit in working days. Read by whoever reads publicity work; changed by administrators.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { recordAudit } from "../../store/audit";
import { deleteReviewFlow, getReviewFlow, listReviewFlows, saveReviewFlow, setPublicitySetting, submitWorkingDays } from "../../store/review-flows";
import { getUnit, unitNames } from "../../store/units";
import { DEFAULT_REVIEW_STEPS } from "../../shared/publicity-types";
import { actorOf, authorize, type RouteDeps } from "../context";
import { flowBody, timelinessBody } from "../submission-schemas";

const unitParams = z.object({ unitId: z.coerce.number().int().positive() });

/** Review flow routes. */
export async function reviewFlowRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  const view = () => {
    const names = unitNames(db);
    const stored = listReviewFlows(db);
    const def = stored.find((f) => f.unitId == null);
    return {
      default: { steps: def?.steps ?? [...DEFAULT_REVIEW_STEPS], stored: !!def },
      units: stored.filter((f) => f.unitId != null).map((f) => ({ unitId: f.unitId!, unitName: names.get(f.unitId!) ?? "", steps: f.steps })),
      submitWorkingDays: submitWorkingDays(db),
    };
  };

  r.get("/api/review-flows", { schema: { tags: ["publicity"] } }, async (req) => {
    authorize(req, "publicity.read");
    return view();
  });

  r.put("/api/review-flows/default", { schema: { tags: ["publicity"], body: flowBody } }, async (req) => {
    const p = authorize(req, "publicity.configure");
    db.tx(() => {
      saveReviewFlow(db, null, req.body.steps, p.id);
      recordAudit(db, { actor: actorOf(p), action: "review_flow.save", targetType: "review_flow", targetId: "default", summary: { steps: req.body.steps.map((s) => s.name) }, ip: req.ip });
    });
    return view();
  });

  r.put("/api/review-flows/timeliness", { schema: { tags: ["publicity"], body: timelinessBody } }, async (req) => {
    const p = authorize(req, "publicity.configure");
    db.tx(() => {
      setPublicitySetting(db, "submit_working_days", String(req.body.submitWorkingDays), p.id);
      recordAudit(db, { actor: actorOf(p), action: "publicity.settings", targetType: "publicity_settings", targetId: "submit_working_days", summary: req.body, ip: req.ip });
    });
    return view();
  });

  r.put("/api/review-flows/:unitId", { schema: { tags: ["publicity"], params: unitParams, body: flowBody } }, async (req) => {
    const p = authorize(req, "publicity.configure");
    if (!getUnit(db, req.params.unitId)) throw AppError.validation({ unitId: "publicity.unknown_unit" });
    db.tx(() => {
      saveReviewFlow(db, req.params.unitId, req.body.steps, p.id);
      recordAudit(db, { actor: actorOf(p), action: "review_flow.save", targetType: "review_flow", targetId: req.params.unitId, summary: { steps: req.body.steps.map((s) => s.name) }, ip: req.ip });
    });
    return view();
  });

  r.delete("/api/review-flows/:unitId", { schema: { tags: ["publicity"], params: unitParams } }, async (req) => {
    const p = authorize(req, "publicity.configure");
    if (!getReviewFlow(db, req.params.unitId)) throw AppError.notFound("review flow");
    db.tx(() => {
      deleteReviewFlow(db, req.params.unitId);
      recordAudit(db, { actor: actorOf(p), action: "review_flow.delete", targetType: "review_flow", targetId: req.params.unitId, summary: {}, ip: req.ip });
    });
    return view();
  });
}
