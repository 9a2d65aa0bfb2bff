// /api/cases: open a case, list and read cases (unit staff only their units'), and take steps.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { can, unitScope, type Action } from "../../accounts/policies";
import { caseCoUnits, caseItemIds, caseSteps, getCase, listCases } from "../../store/cases";
import { storedItemIds } from "../../store/analysis";
import { getUnit, unitNames } from "../../store/units";
import { getEvent } from "../../store/events";
import { getAlert } from "../../store/alerts";
import { openCase, takeStep, isOverdueAt } from "../../cases/commands";
import { officeCalendar } from "../../cases/calendar";
import { CASE_STATES, CASE_STEPS, nextSteps, type CaseSeverity, type CaseState, type CaseStepKind } from "../../cases/workflow";
import type { CasesTable } from "../../db/schema";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { caseBody, caseListQuery, caseSummaryView, caseView, stepBody } from "../case-schemas";
import type { Db } from "../../db/connection";
import { iso } from "../../shared/iso";
import { visibleCase } from "../case-access";


/** Who may take each step (a handler only on their own unit's case: see cases.handle). */
const STEP_ACTION: Record<CaseStepKind, Action> = {
  triage: "cases.manage", escalate: "cases.manage", assign: "cases.manage", return: "cases.manage", close: "cases.manage", reopen: "cases.manage",
  instruct: "cases.instruct", approve_extension: "cases.instruct",
  accept: "cases.handle", reply: "cases.handle", extend: "cases.handle",
  comment: "cases.read",
};

function summaryOf(c: CasesTable, coUnitIds: number[], unitNames: Map<number, string>, now: number): z.infer<typeof caseSummaryView> {
  const state = c.state as CaseState;
  return {
    id: c.id, title: c.title, state, stateLabel: CASE_STATES[state].zh, open: CASE_STATES[state].type === "open",
    severity: c.severity as CaseSeverity | null, category: c.category, unitId: c.unit_id, unitName: c.unit_id == null ? null : unitNames.get(c.unit_id) ?? null,
    coUnitIds, origin: c.origin, feedbackDueAt: iso(c.feedback_due_at), replyDueAt: iso(c.reply_due_at),
    overdue: !!c.overdue || isOverdueAt(c, now), repliedAt: iso(c.replied_at), closedAt: iso(c.closed_at), createdAt: iso(c.created_at)!,
    updatedAt: iso(c.updated_at)!,
  };
}


function fullView(db: Db, c: CasesTable, coUnitIds: number[], now = Date.now()): z.infer<typeof caseView> {
  return {
    ...summaryOf(c, coUnitIds, unitNames(db), now),
    summary: c.summary, eventId: c.event_id, alertId: c.alert_id, itemIds: caseItemIds(db, c.id),
    suggestion: c.suggested_by ? (JSON.parse(c.suggested_by) as z.infer<typeof caseView>["suggestion"]) : null,
    nextSteps: nextSteps(c.state as CaseState),
    timeline: caseSteps(db, c.id).map((s) => ({
      id: s.id, at: iso(s.at)!, userId: s.user_id, userName: s.user_name, kind: s.kind, fromState: s.from_state, toState: s.to_state, text: s.text,
      data: JSON.parse(s.data) as Record<string, unknown>,
    })),
  };
}

function checkUnit(db: Db, field: string, id: number | undefined): void {
  if (id !== undefined && !getUnit(db, id)) throw AppError.validation({ [field]: "cases.unknown_unit" });
}

/** Case routes. */
export async function caseRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const ipOf = (req: FastifyRequest) => req.ip;

  r.post("/api/cases", {
    schema: { tags: ["cases"], body: caseBody, response: { 201: caseView, 400: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "cases.create");
    const b = req.body;
    const itemIds = [...new Set(b.itemIds)];
    const present = new Set(storedItemIds(db, itemIds));
    const missing = itemIds.filter((i) => !present.has(i));
    if (missing.length) throw AppError.validation({ itemIds: { code: "cases.unknown_items", params: { ids: missing.join(", ") } } });
    checkUnit(db, "unitId", b.unitId);
    if (b.eventId !== undefined && !getEvent(db, b.eventId)) throw AppError.validation({ eventId: "alerts.unknown_event" });
    if (b.alertId !== undefined && !getAlert(db, b.alertId)) throw AppError.validation({ alertId: "cases.unknown_alert" });
    const id = openCase(db, officeCalendar(db, config), {
      title: b.title, summary: b.summary, itemIds, severity: b.severity, category: b.category, unitId: b.unitId,
      origin: b.alertId ? "alert" : b.eventId ? "event" : itemIds.length ? "items" : "manual", eventId: b.eventId, alertId: b.alertId,
    }, actorOf(p), ipOf(req));
    return reply.code(201).send(fullView(db, getCase(db, id)!, []));
  });

  r.get("/api/cases", {
    schema: { tags: ["cases"], querystring: caseListQuery, response: { 200: z.object({ cases: z.array(caseSummaryView), total: z.number() }) } },
  }, async (req) => {
    const p = authorize(req, "cases.read");
    const { overdue, ...q } = req.query;
    const now = Date.now();
    const { rows, total } = listCases(db, { units: unitScope(p), ...q, overdueAt: overdue === undefined ? undefined : overdue === "1" ? now : Date.parse(overdue) });
    const names = unitNames(db);
    return { cases: rows.map((c) => summaryOf(c, caseCoUnits(db, c.id), names, now)), total };
  });

  r.get("/api/cases/:id", {
    schema: { tags: ["cases"], params: idParams, response: { 200: caseView, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "cases.read");
    const { c, coUnitIds } = visibleCase(db, p, req.params.id);
    return fullView(db, c, coUnitIds);
  });

  r.post("/api/cases/:id/steps", {
    schema: { tags: ["cases"], params: idParams, body: stepBody, response: { 200: caseView, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const p = authorize(req, "cases.read");
    const { c, coUnitIds } = visibleCase(db, p, req.params.id);
    const step = req.body;
    if (!can(p, STEP_ACTION[step.kind], { unitId: c.unit_id, coUnitIds })) throw AppError.forbidden();
    checkUnit(db, "unitId", step.unitId);
    for (const u of step.coUnitIds ?? []) checkUnit(db, "coUnitIds", u);
    if (step.until !== undefined && step.until <= Date.now()) throw AppError.validation({ until: "cases.until_in_past" });
    const out = takeStep(db, officeCalendar(db, config), c.id, step, actorOf(p), ipOf(req), Date.now(), config);
    if (!out.ok) {
      if (out.code === "cases.step_needs_field") throw AppError.validation({ [out.field ?? "kind"]: "cases.step_needs_field" });
      if (out.code === "cases.not_found") throw AppError.notFound("case");
      throw AppError.conflict(out.code, { state: CASE_STATES[c.state as CaseState].zh, step: CASE_STEPS[step.kind].zh });
    }
    return fullView(db, out.caseRow, caseCoUnits(db, c.id));
  });
}
