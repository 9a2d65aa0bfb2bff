// Case configuration: routing rules (→ owner unit), deadline policies and the calendar's holidays
// and make-up working days. Read by whoever triages; written by administrators, audited.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { recordAudit } from "../../store/audit";
import { getUnit, unitNames } from "../../store/units";
import {
  deleteRoutingRule, getRoutingRule, insertRoutingRule, listCaseDeadlines, listCalendarDays, listRoutingRules, replaceCalendarDays,
  updateRoutingRule, upsertCaseDeadline,
} from "../../store/case-config";
import { matchRules } from "../../cases/routing";
import { routingRulesOf } from "../../cases/commands";
import type { RoutingRulesTable } from "../../db/schema";
import type { CaseSeverity } from "../../cases/workflow";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams, text } from "../schemas";
import { patchOf } from "../patch-schema";
import { calendarDayBody, calendarDayView, deadlineBody, deadlineView, routingRuleBody, routingRuleView } from "../case-schemas";
import type { LimitUnit } from "../../shared/working-calendar";

function present(r: RoutingRulesTable, names: Map<number, string>): z.infer<typeof routingRuleView> {
  return {
    id: r.id, name: r.name, kind: r.kind as "keyword" | "place" | "category", terms: JSON.parse(r.terms) as string[], unitId: r.unit_id,
    unitName: names.get(r.unit_id) ?? null, priority: r.priority, enabled: !!r.enabled,
  };
}

/** Case configuration routes. */
export async function caseConfigRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const names = () => unitNames(db);

  r.get("/api/routing-rules", {
    schema: { tags: ["cases"], response: { 200: z.object({ rules: z.array(routingRuleView) }) } },
  }, async (req) => {
    authorize(req, "cases.manage");
    const n = names();
    return { rules: listRoutingRules(db).map((x) => present(x, n)) };
  });

  r.post("/api/routing-rules", {
    schema: { tags: ["cases"], body: routingRuleBody, response: { 201: routingRuleView, 400: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "cases.configure");
    if (!getUnit(db, req.body.unitId)) throw AppError.validation({ unitId: "cases.unknown_unit" });
    const id = db.tx(() => {
      const id = insertRoutingRule(db, req.body);
      recordAudit(db, { actor: actorOf(p), action: "routing_rule.create", targetType: "routing_rule", targetId: id, summary: { ...req.body }, ip: req.ip });
      return id;
    });
    return reply.code(201).send(present(getRoutingRule(db, id)!, names()));
  });

  r.patch("/api/routing-rules/:id", {
    schema: { tags: ["cases"], params: idParams, body: patchOf(routingRuleBody), response: { 200: routingRuleView, 400: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "cases.configure");
    const old = getRoutingRule(db, req.params.id);
    if (!old) throw AppError.notFound("routing rule");
    const given = Object.fromEntries(Object.entries(req.body).filter(([, v]) => v !== undefined));
    const next = { ...present(old, names()), ...given };
    if (!getUnit(db, next.unitId)) throw AppError.validation({ unitId: "cases.unknown_unit" });
    db.tx(() => {
      updateRoutingRule(db, old.id, next);
      recordAudit(db, { actor: actorOf(p), action: "routing_rule.update", targetType: "routing_rule", targetId: old.id, summary: given, ip: req.ip });
    });
    return present(getRoutingRule(db, old.id)!, names());
  });

  r.delete("/api/routing-rules/:id", {
    schema: { tags: ["cases"], params: idParams, response: { 204: z.null(), 404: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "cases.configure");
    const old = getRoutingRule(db, req.params.id);
    if (!old) throw AppError.notFound("routing rule");
    db.tx(() => {
      deleteRoutingRule(db, old.id);
      recordAudit(db, { actor: actorOf(p), action: "routing_rule.delete", targetType: "routing_rule", targetId: old.id, summary: { name: old.name }, ip: req.ip });
    });
    return reply.code(204).send(null);
  });

  // Which rules a text would match, best first: the "why this unit" of the triage form.
  r.post("/api/routing-rules/suggest", {
    schema: {
      tags: ["cases"],
      body: z.object({ title: text(500), text: text(20_000, { multiline: true }).default(""), category: text(50).nullable().default(null) }),
      response: { 200: z.object({ matches: z.array(z.object({ unitId: z.number(), ruleId: z.number(), ruleName: z.string(), term: z.string(), kind: z.string() })) }) },
    },
  }, async (req) => {
    authorize(req, "cases.manage");
    return { matches: matchRules(routingRulesOf(db), req.body) };
  });

  r.get("/api/case-deadlines", {
    schema: { tags: ["cases"], response: { 200: z.object({ deadlines: z.array(deadlineView) }) } },
  }, async (req) => {
    authorize(req, "cases.read");
    return {
      deadlines: listCaseDeadlines(db).map((d) => ({
        severity: d.severity as CaseSeverity, category: d.category, feedbackAmount: d.feedback_amount, feedbackUnit: d.feedback_unit as LimitUnit,
        replyAmount: d.reply_amount, replyUnit: d.reply_unit as LimitUnit,
      })),
    };
  });

  r.put("/api/case-deadlines", {
    schema: { tags: ["cases"], body: deadlineBody, response: { 204: z.null(), 400: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "cases.configure");
    const d = req.body;
    db.tx(() => {
      upsertCaseDeadline(db, {
        severity: d.severity, category: d.category.trim(), feedback_amount: d.feedbackAmount, feedback_unit: d.feedbackUnit,
        reply_amount: d.replyAmount, reply_unit: d.replyUnit,
      });
      recordAudit(db, { actor: actorOf(p), action: "case_deadline.set", targetType: "case_deadline", targetId: `${d.severity}/${d.category}`, summary: { ...d }, ip: req.ip });
    });
    return reply.code(204).send(null);
  });

  const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

  r.get("/api/calendar/:year", {
    schema: { tags: ["cases"], params: yearParams, response: { 200: z.object({ days: z.array(calendarDayView) }) } },
  }, async (req) => {
    authorize(req, "cases.read");
    const y = req.params.year;
    return { days: listCalendarDays(db, `${y}-01-01`, `${y}-12-31`) };
  });

  // A year's holiday notice at once: the listed days replace that year's exceptions.
  r.put("/api/calendar/:year", {
    schema: { tags: ["cases"], params: yearParams, body: z.object({ days: z.array(calendarDayBody).max(366) }), response: { 204: z.null(), 400: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "cases.configure");
    const y = String(req.params.year);
    const wrong = req.body.days.filter((d) => !d.date.startsWith(`${y}-`));
    if (wrong.length) throw AppError.validation({ days: { code: "cases.bad_calendar_date", params: { year: y } } });
    db.tx(() => {
      replaceCalendarDays(db, `${y}-01-01`, `${y}-12-31`, req.body.days);
      recordAudit(db, { actor: actorOf(p), action: "calendar.set", targetType: "calendar", targetId: y, summary: { days: req.body.days.length }, ip: req.ip });
    });
    return reply.code(204).send(null);
  });
}
