// /api/scoring-rules: the points table (积分规则) as versions. Reading is for the office (scores) and the
// publicity staff; saving a new version is for administrators (publicity.configure). Saved history is
// never rewritten: a new version starts after the latest and closes the open one the day before.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { can } from "../../accounts/policies";
import { AppError } from "../../errors";
import { addRuleSet, ruleSetsOverview } from "../../publicity/rule-sets";
import { localDate } from "../../shared/working-calendar";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody } from "../schemas";
import { ruleSetBody, ruleSetView, scoringRules } from "../publicity-schemas";

/** Scoring rule set routes. */
export async function scoringRuleRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;

  const overview = () => {
    const today = localDate(Date.now(), config.timeZone);
    const o = ruleSetsOverview(db, today);
    return {
      today, inForceId: o.inForceId, defaults: o.defaults,
      sets: o.sets.map((s) => ({ ...s, createdAt: new Date(s.createdAt).toISOString() })),
    };
  };
  const overviewView = z.object({ today: z.string(), inForceId: z.number().nullable(), defaults: scoringRules, sets: z.array(ruleSetView) });

  r.get("/api/scoring-rules", {
    schema: { tags: ["publicity"], summary: "Every version of the points table, newest first, the one in force today marked; the defaults", response: { 200: overviewView } },
  }, async (req) => {
    const p = authorize(req, "publicity.read");
    if (!can(p, "publicity.scores") && !can(p, "publicity.manage") && !can(p, "publicity.configure")) throw AppError.forbidden();
    return overview();
  });

  r.post("/api/scoring-rules", {
    schema: {
      tags: ["publicity"], summary: "Save a new version starting validFrom (after the latest); the open one ends the day before",
      body: ruleSetBody, response: { 201: z.object({ id: z.number(), previousEndsOn: z.string().nullable() }).merge(overviewView), 400: errorBody, 409: errorBody },
    },
  }, async (req, reply) => {
    const p = authorize(req, "publicity.configure");
    const { id, closedPrevious } = addRuleSet(db, actorOf(p), req.body, Date.now(), req.ip);
    return reply.code(201).send({ id, previousEndsOn: closedPrevious, ...overview() });
  });
}
