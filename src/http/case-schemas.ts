// Zod schemas of the case routes (cases, their steps, routing rules, deadlines, the calendar).
import { z } from "zod";
import { CASE_SEVERITIES, CASE_STEPS, CASE_STATES, type CaseStepKind, type CaseState } from "../cases/workflow";
import { name, text, trimmedText } from "./text-fields";
import { queryTime } from "./schemas";

const STATES = Object.keys(CASE_STATES) as [CaseState, ...CaseState[]];
const STEPS = Object.keys(CASE_STEPS) as [CaseStepKind, ...CaseStepKind[]];
const ids = z.array(z.number().int().positive()).max(500);
const longText = trimmedText(20_000, { multiline: true });

/** A case as opened. */
export const caseBody = z.object({
  title: name(200),
  summary: longText.optional(),
  itemIds: ids.default([]),
  severity: z.enum(CASE_SEVERITIES).optional(),
  category: name(50).optional(),
  unitId: z.number().int().positive().optional(),
  eventId: z.number().int().positive().optional(),
  alertId: z.number().int().positive().optional(),
});

/** A step as asked for. */
export const stepBody = z.object({
  kind: z.enum(STEPS),
  text: longText.optional(),
  severity: z.enum(CASE_SEVERITIES).optional(),
  category: name(50).optional(),
  unitId: z.number().int().positive().optional(),
  coUnitIds: ids.max(50).optional(),
  until: z.iso.datetime({ offset: true }).transform((v) => Date.parse(v)).optional(),
});

/** One step on the timeline. */
export const stepView = z.object({
  id: z.number(), at: z.string(), userId: z.number().nullable(), userName: z.string(), kind: z.string(), fromState: z.string().nullable(),
  toState: z.string(), text: z.string().nullable(), data: z.record(z.string(), z.unknown()),
});

/** A case in lists. */
export const caseSummaryView = z.object({
  id: z.number(), title: z.string(), state: z.enum(STATES), stateLabel: z.string(), open: z.boolean(), severity: z.enum(CASE_SEVERITIES).nullable(),
  category: z.string().nullable(), unitId: z.number().nullable(), unitName: z.string().nullable(), coUnitIds: z.array(z.number()),
  origin: z.string(), feedbackDueAt: z.string().nullable(), replyDueAt: z.string().nullable(),
  /** The overdue flag fixed at the last step, or a deadline passed since. */
  overdue: z.boolean(), repliedAt: z.string().nullable(), closedAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});

/** A case with its timeline, items and the routing suggestion. */
export const caseView = caseSummaryView.extend({
  summary: z.string(), eventId: z.number().nullable(), alertId: z.number().nullable(), itemIds: z.array(z.number()),
  suggestion: z.object({ unitId: z.number(), ruleId: z.number(), ruleName: z.string(), term: z.string(), kind: z.string() }).nullable(),
  nextSteps: z.array(z.string()), timeline: z.array(stepView),
});

/** Case list filters. */
export const caseListQuery = z.object({
  state: z.enum(STATES).optional(),
  open: z.enum(["1", "0"]).transform((v) => v === "1").optional(),
  createdFrom: queryTime,
  createdTo: queryTime,
  closedFrom: queryTime,
  closedTo: queryTime,
  // Overdue now ("1") or at an ISO moment, as the digests count 超期在办 at their period's end.
  overdue: z.union([z.literal("1"), z.iso.datetime({ offset: true })]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A routing rule as written and shown. */
export const routingRuleBody = z.object({
  name: name(100),
  kind: z.enum(["keyword", "place", "category"]),
  terms: z.array(name(50)).min(1).max(200),
  unitId: z.number().int().positive(),
  priority: z.number().int().min(0).max(10_000).default(100),
  enabled: z.boolean().default(true),
});
/** A routing rule as the API shows it. */
export const routingRuleView = routingRuleBody.extend({ id: z.number(), unitName: z.string().nullable() });

const limitUnit = z.enum(["working_hours", "working_days", "hours", "days"]);
/** A deadline policy as shown (the response is not re-checked for clean text: a row stored earlier still reads). */
export const deadlineView = z.object({
  severity: z.enum(CASE_SEVERITIES), category: z.string().max(50),
  feedbackAmount: z.number().min(0).max(10_000), feedbackUnit: limitUnit, replyAmount: z.number().min(0).max(10_000), replyUnit: limitUnit,
});
/** A deadline policy as written. */
export const deadlineBody = deadlineView.extend({ category: text(50) });

/** A calendar exception day as shown. */
export const calendarDayView = z.object({
  date: z.iso.date(), kind: z.enum(["holiday", "workday"]), name: z.string().trim().max(50).default(""),
});
/** A calendar exception day as written. */
export const calendarDayBody = calendarDayView.extend({ name: trimmedText(50).default("") });
