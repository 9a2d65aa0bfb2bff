// /api/alerts: the ledger with each alert's delivery states, acknowledgement, and the live stream of
// in-app messages (SSE) for open browsers.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { recordAudit } from "../../store/audit";
import { countAlerts, listAlerts, type DeliveryRow } from "../../store/alerts";
import { channelNames } from "../../store/alert-config";
import { raiseAlert } from "../../alerts/triggers";
import { subscribeLive } from "../../alerts/live";
import { acknowledge } from "../../alerts/ack";
import { ALERT_SEVERITIES, type AlertSeverity } from "../../alerts/channels/types";
import type { AlertsTable } from "../../db/schema";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams, queryTime } from "../schemas";
import { alertView, raiseBody } from "../alert-schemas";
import { iso } from "../../shared/iso";

const HEARTBEAT_MS = 25_000;

function present(a: AlertsTable & { deliveries: DeliveryRow[] }): z.infer<typeof alertView> {
  return {
    id: a.id, ruleId: a.rule_id, severity: a.severity as AlertSeverity, title: a.title, reason: a.reason, itemId: a.item_id, foldedInto: a.folded_into,
    publishedAt: iso(a.published_at), fetchedAt: iso(a.fetched_at), analysedAt: iso(a.analysed_at), createdAt: iso(a.created_at)!,
    acknowledgedAt: iso(a.acknowledged_at), acknowledgedBy: a.acknowledged_by,
    eventId: a.event_id ?? null, sourceId: a.source_id ?? null, note: a.note ?? null, raisedBy: a.raised_by ?? null,
    deliveries: a.deliveries.map((d) => ({
      channelId: d.channel_id, state: d.state as "pending" | "sent" | "failed", attempts: d.attempts, lastError: d.last_error,
      sentAt: iso(d.sent_at), nextAt: d.state === "pending" ? iso(d.next_at) : null,
    })),
  };
}

/** Alert ledger routes. */
export async function alertRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  // Open streams, ended when the server closes (an open SSE response would hold app.close() forever).
  const streams = new Set<() => void>();
  app.addHook("onClose", async () => {
    for (const end of streams) end();
  });

  r.get("/api/alerts", {
    schema: {
      tags: ["alerts"], summary: "Newest alerts with the delivery state per channel, and how many match (raised between from and to, severity, id)",
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(500).default(50), before: z.coerce.number().int().positive().optional(),
        from: queryTime, to: queryTime, severity: z.enum(ALERT_SEVERITIES).optional(), id: z.coerce.number().int().positive().optional(),
      }),
      response: { 200: z.object({ alerts: z.array(alertView), total: z.number() }) },
    },
  }, async (req) => {
    authorize(req, "alerts.read");
    const { limit, before, ...filter } = req.query;
    return { alerts: listAlerts(db, limit, before, filter).map(present), total: countAlerts(db, filter) };
  });

  r.post("/api/alerts", {
    schema: {
      tags: ["alerts"], summary: "A monitor raises an alert on an item or an event by hand", body: raiseBody,
      response: { 201: alertView, 400: errorBody },
    },
  }, async (req, reply) => {
    const p = authorize(req, "alerts.raise");
    const b = req.body;
    if ((b.itemId == null) === (b.eventId == null)) throw AppError.validation({ itemId: "alerts.raise_subject" });
    const known = new Set(channelNames(db).map((c) => c.id));
    const unknown = (b.channelIds ?? []).filter((id) => !known.has(id));
    if (unknown.length) throw AppError.validation({ channelIds: { code: "alerts.unknown_channel", params: { ids: unknown.join(", ") } } });
    const id = db.tx(() => {
      const id = raiseAlert(db, { ...b, channelIds: b.channelIds && [...new Set(b.channelIds)], note: b.note || null, by: { id: p.id, username: p.username } });
      if (id == null) throw AppError.validation(b.itemId != null ? { itemId: "alerts.unknown_item" } : { eventId: "alerts.unknown_event" });
      recordAudit(db, {
        actor: actorOf(p), action: "alert.raise", targetType: "alert", targetId: id,
        summary: { itemId: b.itemId ?? null, eventId: b.eventId ?? null, severity: b.severity, note: b.note ?? null, channelIds: b.channelIds ?? null }, ip: req.ip,
      });
      return id;
    });
    return reply.code(201).send(present(listAlerts(db, 1, id + 1)[0]));
  });

  r.get("/api/alerts/channels", {
    schema: {
      tags: ["alerts"], summary: "Enabled channels by name, for raising an alert",
      response: { 200: z.object({ channels: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string() })) }) },
    },
  }, async (req) => {
    authorize(req, "alerts.raise");
    return { channels: channelNames(db) };
  });

  r.post("/api/alerts/:id/ack", {
    schema: { tags: ["alerts"], params: idParams, response: { 200: alertView.pick({ id: true, acknowledgedAt: true, acknowledgedBy: true }), 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "alerts.ack");
    const a = acknowledge(db, req.params.id, actorOf(p), "app", req.ip);
    return { id: a.id, acknowledgedAt: iso(a.acknowledged_at), acknowledgedBy: a.acknowledged_by };
  });

  r.get("/api/alerts/stream", {
    schema: { tags: ["alerts"], summary: "Server-sent events: one `alert` event per in-app message" },
  }, async (req, reply) => {
    authorize(req, "alerts.read");
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" });
    res.write(": 听风预警\n\n");
    const unsubscribe = subscribeLive((m) => res.write(`event: alert\nid: ${m.id}\ndata: ${JSON.stringify(m)}\n\n`), req.auth!.user.id);
    const beat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
    const end = () => {
      clearInterval(beat);
      unsubscribe();
      streams.delete(end);
      if (!res.writableEnded) res.end();
    };
    streams.add(end);
    req.raw.on("close", end);
  });
}
