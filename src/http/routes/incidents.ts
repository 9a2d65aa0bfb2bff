// Incident mode (24 小时值守) on an event: start, extend or change the interval, log, close; the banner's list.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import type { IncidentsTable } from "../../db/schema";
import type { Db } from "../../db/connection";
import type { AlertSeverity } from "../../alerts/channels/types";
import { INCIDENT_MAX_HOURS, type IncidentDetailView, type IncidentView } from "../../shared/incidents-api";
import { recordAudit } from "../../store/audit";
import { getEvent } from "../../store/events";
import {
  activeIncidents, addIncidentLog, incidentAlerts, closeIncident, eventIncidents, getIncident, incidentFigures, incidentLog, openIncidentForEvent,
  startIncident, updateIncident,
} from "../../store/incidents";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { closeBody, incidentDetailView, incidentView, noteBody, startBody, updateBody } from "../incident-schemas";
import { iso } from "../../shared/iso";
import { HOUR_MS } from "../../analyse/bursts";


function present(db: Db, r: IncidentsTable, now: number, eventTitle?: string): IncidentView {
  return {
    id: r.id, eventId: r.event_id, eventTitle: eventTitle ?? getEvent(db, r.event_id)?.title ?? "", startedAt: iso(r.started_at),
    startedBy: r.started_by, until: iso(r.until), pollSeconds: r.poll_seconds, escalateMinutes: r.escalate_minutes,
    closedAt: r.closed_at === null ? null : iso(r.closed_at), closedBy: r.closed_by, summary: r.summary,
    active: r.closed_at === null && r.until > now,
  };
}

function detail(db: Db, r: IncidentsTable, now: number): IncidentDetailView {
  const f = incidentFigures(db, r, now);
  return {
    ...present(db, r, now),
    log: incidentLog(db, r.id).map((l) => ({ id: l.id, at: iso(l.at), userId: l.user_id, userName: l.username, kind: l.kind, text: l.text })),
    alerts: incidentAlerts(db, r, now).map((a) => ({ id: a.id, severity: a.severity as AlertSeverity, title: a.title, createdAt: iso(a.created_at) })),
    figures: {
      ...f, from: iso(f.from), to: iso(f.to), negativeShare: f.analysed ? f.negative / f.analysed : null,
      peakHour: f.peakHour && { at: iso(f.peakHour.at), items: f.peakHour.items },
    },
  };
}

/** The incident to change, or 404; 409 when it is closed. */
function openIncident(db: Db, id: number): IncidentsTable {
  const inc = getIncident(db, id);
  if (!inc) throw AppError.notFound("incident");
  if (inc.closed_at !== null) throw AppError.conflict("incident.closed");
  return inc;
}

/** Incident routes. */
export async function incidentRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const audit = (req: { ip: string }, p: Parameters<typeof actorOf>[0], action: string, id: number, summary: Record<string, unknown>) =>
    recordAudit(db, { actor: actorOf(p), action, targetType: "incident", targetId: id, summary, ip: req.ip });

  r.get("/api/incidents/active", {
    schema: { tags: ["incidents"], summary: "Incidents in force now (the banner)", response: { 200: z.object({ incidents: z.array(incidentView) }) } },
  }, async (req) => {
    authorize(req, "incidents.banner");
    const now = Date.now();
    return { incidents: activeIncidents(db, now).map((i) => present(db, i, now, i.event_title)) };
  });

  r.get("/api/events/:id/incidents", {
    schema: { tags: ["incidents"], params: idParams, response: { 200: z.object({ incidents: z.array(incidentView) }), 404: errorBody } },
  }, async (req) => {
    authorize(req, "incidents.read");
    const ev = getEvent(db, req.params.id);
    if (!ev) throw AppError.notFound("event");
    const now = Date.now();
    return { incidents: eventIncidents(db, ev.id).map((i) => present(db, i, now, ev.title)) };
  });

  r.get("/api/incidents/:id", {
    schema: { tags: ["incidents"], params: idParams, response: { 200: incidentDetailView, 404: errorBody } },
  }, async (req) => {
    authorize(req, "incidents.read");
    const inc = getIncident(db, req.params.id);
    if (!inc) throw AppError.notFound("incident");
    return detail(db, inc, Date.now());
  });

  r.post("/api/events/:id/incident", {
    schema: { tags: ["incidents"], params: idParams, body: startBody, response: { 201: incidentDetailView, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "incidents.manage");
    const ev = getEvent(db, req.params.id);
    if (!ev) throw AppError.notFound("event");
    if (ev.merged_into !== null) throw AppError.conflict("incident.event_merged", { id: ev.merged_into });
    const now = Date.now();
    const { hours, pollSeconds, escalateMinutes } = req.body;
    const id = db.tx(() => {
      const open = openIncidentForEvent(db, ev.id);
      if (open) throw AppError.conflict("incident.already_open", { id: open.id });
      const id = startIncident(db, { eventId: ev.id, userId: p.id, until: now + hours * HOUR_MS, pollSeconds, escalateMinutes }, now);
      audit(req, p, "incident.start", id, { eventId: ev.id, hours, pollSeconds, escalateMinutes });
      return id;
    });
    // Its sources may be due at once.
    deps.scheduler?.wake();
    return reply.code(201).send(detail(db, getIncident(db, id)!, now));
  });

  r.patch("/api/incidents/:id", {
    schema: { tags: ["incidents"], params: idParams, body: updateBody, response: { 200: incidentDetailView, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const p = authorize(req, "incidents.manage");
    const now = Date.now();
    const { extendHours, pollSeconds, escalateMinutes } = req.body;
    db.tx(() => {
      const inc = openIncident(db, req.params.id);
      const until = extendHours === undefined ? undefined : Math.max(inc.until, now) + extendHours * HOUR_MS;
      if (until !== undefined && until > now + INCIDENT_MAX_HOURS * HOUR_MS) {
        throw AppError.validation({ extendHours: { code: "incident.too_long", params: { hours: INCIDENT_MAX_HOURS } } });
      }
      updateIncident(db, inc, { until, pollSeconds, escalateMinutes }, p.id, now);
      audit(req, p, "incident.update", inc.id, { eventId: inc.event_id, ...req.body, ...(until === undefined ? {} : { until: iso(until) }) });
    });
    deps.scheduler?.wake();
    return detail(db, getIncident(db, req.params.id)!, now);
  });

  r.post("/api/incidents/:id/log", {
    schema: { tags: ["incidents"], params: idParams, body: noteBody, response: { 201: incidentDetailView, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "incidents.note");
    const now = Date.now();
    const text = req.body.text.trim();
    db.tx(() => {
      const inc = openIncident(db, req.params.id);
      const entry = addIncidentLog(db, inc.id, { userId: p.id, kind: "note", text }, now);
      audit(req, p, "incident.log", inc.id, { eventId: inc.event_id, entry, length: text.length });
    });
    return reply.code(201).send(detail(db, getIncident(db, req.params.id)!, now));
  });

  r.post("/api/incidents/:id/close", {
    schema: { tags: ["incidents"], params: idParams, body: closeBody, response: { 200: incidentDetailView, 400: errorBody, 404: errorBody, 409: errorBody } },
  }, async (req) => {
    const p = authorize(req, "incidents.manage");
    const now = Date.now();
    const summary = req.body.summary.trim();
    db.tx(() => {
      const inc = openIncident(db, req.params.id);
      closeIncident(db, inc.id, p.id, summary, now);
      audit(req, p, "incident.close", inc.id, { eventId: inc.event_id, length: summary.length });
    });
    return detail(db, getIncident(db, req.params.id)!, now);
  });
}
