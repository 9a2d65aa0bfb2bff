// Zod schemas of the incident routes (incident mode, 24 小时值守).
import { z } from "zod";
import { INCIDENT_DEFAULT_POLL_SECONDS, INCIDENT_MAX_HOURS, INCIDENT_NOTE_MAX, INCIDENT_SUMMARY_MAX } from "../shared/incidents-api";
import { ALERT_SEVERITIES } from "../alerts/channels/types";
import { text } from "./text-fields";

const hours = z.number().int().min(1).max(INCIDENT_MAX_HOURS);
// 1–10 minutes: short enough to follow an incident, long enough to stay polite to the sites polled.
const pollSeconds = z.number().int().min(60).max(600);
const escalateMinutes = z.number().int().min(1).max(240);

/** POST /api/events/:id/incident. */
export const startBody = z.strictObject({
  hours: hours.default(24), pollSeconds: pollSeconds.default(INCIDENT_DEFAULT_POLL_SECONDS), escalateMinutes: escalateMinutes.nullable().default(null),
});

/** PATCH /api/incidents/:id: extend by some hours (from its end, or from now once expired), change the interval or timer. */
export const updateBody = z.strictObject({ extendHours: hours.optional(), pollSeconds: pollSeconds.optional(), escalateMinutes: escalateMinutes.nullable().optional() });

/** POST /api/incidents/:id/log. */
export const noteBody = z.strictObject({ text: text(INCIDENT_NOTE_MAX, { multiline: true }).refine((v) => v.trim().length > 0, "field.invalid") });

/** POST /api/incidents/:id/close. */
export const closeBody = z.strictObject({ summary: text(INCIDENT_SUMMARY_MAX, { multiline: true }).refine((v) => v.trim().length > 0, "field.invalid") });

/** IncidentView. */
export const incidentView = z.object({
  id: z.number(), eventId: z.number(), eventTitle: z.string(), startedAt: z.string(), startedBy: z.number().nullable(), until: z.string(),
  pollSeconds: z.number(), escalateMinutes: z.number().nullable(), closedAt: z.string().nullable(), closedBy: z.number().nullable(),
  summary: z.string().nullable(), active: z.boolean(),
});

/** IncidentLogView. */
export const incidentLogView = z.object({
  id: z.number(), at: z.string(), userId: z.number().nullable(), userName: z.string().nullable(),
  kind: z.enum(["note", "started", "extended", "interval", "escalation", "closed"]), text: z.string(),
});

/** IncidentFiguresView. */
export const incidentFiguresView = z.object({
  from: z.string(), to: z.string(), items: z.number(), negative: z.number(), analysed: z.number(), negativeShare: z.number().nullable(),
  peakHour: z.object({ at: z.string(), items: z.number() }).nullable(), sources: z.array(z.object({ name: z.string(), items: z.number() })),
  sourceCount: z.number(), alerts: z.number(), polledSources: z.number(),
});

/** IncidentAlertView. */
export const incidentAlertView = z.object({ id: z.number(), severity: z.enum(ALERT_SEVERITIES), title: z.string(), createdAt: z.string() });

/** IncidentDetailView. */
export const incidentDetailView = incidentView.extend({ log: z.array(incidentLogView), alerts: z.array(incidentAlertView), figures: incidentFiguresView });
