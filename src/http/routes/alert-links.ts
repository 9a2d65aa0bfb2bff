// An alert's timeline (GET /api/alerts/:id/steps) and the signed, expiring acknowledgement link that
// messages carry (<publicUrl>/a/:id?e=&s=; the page reads GET /api/alerts/:id/link and acknowledges with
// POST /api/alerts/:id/link-ack). A link still needs a session: it proves the message, not the person.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { can, type Action } from "../../accounts/policies";
import { getAlert } from "../../store/alerts";
import { isRecipient, listSteps } from "../../store/alert-steps";
import { usernamesOf } from "../../store/users";
import { displayNames } from "../../store/duty";
import { ackLinkKey, checkAckLink } from "../../alerts/ack-link";
import { acknowledge } from "../../alerts/ack";
import type { AlertSeverity } from "../../alerts/channels/types";
import type { Db } from "../../db/connection";
import { actorOf, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { linkAlertView, linkQuery, stepView } from "../alert-timeline-schemas";
import { iso } from "../../shared/iso";


/** The principal when their role allows `action` or the alert was sent to them; else 401/403. */
function allowFor(db: Db, req: FastifyRequest, action: Action, alertId: number) {
  if (!req.auth) throw AppError.unauthenticated();
  const p = req.auth.principal;
  if (!can(p, action) && !isRecipient(db, alertId, p.id)) throw AppError.forbidden();
  return p;
}

/** Timeline and ack link routes. */
export async function alertLinkRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const key = ackLinkKey(deps.alerts.key);

  function checked(id: number, q: z.infer<typeof linkQuery>) {
    const verdict = checkAckLink(key, id, q.e, q.s, Date.now());
    if (verdict === "invalid") throw AppError.of(403, "alerts.link_invalid");
    if (verdict === "expired") throw AppError.of(410, "alerts.link_expired");
    const a = getAlert(db, id);
    if (!a) throw AppError.notFound("alert");
    return a;
  }

  r.get("/api/alerts/:id/steps", {
    schema: { tags: ["alerts"], summary: "An alert's timeline: created, delivered, escalated, acknowledged", params: idParams, response: { 200: z.object({ steps: z.array(stepView) }), 404: errorBody } },
  }, async (req) => {
    allowFor(db, req, "alerts.read", req.params.id);
    if (!getAlert(db, req.params.id)) throw AppError.notFound("alert");
    return {
      steps: listSteps(db, req.params.id).map((s) => ({
        at: iso(s.at), kind: s.kind as z.infer<typeof stepView>["kind"], userId: s.user_id, userName: s.user_name, note: s.note,
      })),
    };
  });

  r.get("/api/alerts/:id/link", {
    schema: { tags: ["alerts"], summary: "The alert behind a signed ack link (403 bad signature, 410 expired)", params: idParams, querystring: linkQuery, response: { 200: linkAlertView, 403: errorBody, 404: errorBody, 410: errorBody } },
  }, async (req) => {
    const a = checked(req.params.id, req.query);
    allowFor(db, req, "alerts.read", a.id);
    const by = a.acknowledged_by != null ? (displayNames(db, [a.acknowledged_by]).get(a.acknowledged_by) ?? usernamesOf(db, [a.acknowledged_by]).get(a.acknowledged_by) ?? null) : null;
    return {
      id: a.id, severity: a.severity as AlertSeverity, title: a.title, reason: a.reason, createdAt: iso(a.created_at),
      acknowledgedAt: a.acknowledged_at != null ? iso(a.acknowledged_at) : null, acknowledgedByName: by, expiresAt: iso(Number(req.query.e) * 1000),
    };
  });

  r.post("/api/alerts/:id/link-ack", {
    schema: { tags: ["alerts"], summary: "Acknowledges through a signed link (audited, on the timeline)", params: idParams, body: linkQuery, response: { 200: z.object({ id: z.number(), acknowledgedAt: z.string().nullable(), acknowledgedBy: z.number().nullable() }), 403: errorBody, 404: errorBody, 410: errorBody } },
  }, async (req) => {
    const a = checked(req.params.id, req.body);
    const p = allowFor(db, req, "alerts.ack", a.id);
    const after = acknowledge(db, a.id, actorOf(p), "link", req.ip);
    return { id: after.id, acknowledgedAt: after.acknowledged_at != null ? iso(after.acknowledged_at) : null, acknowledgedBy: after.acknowledged_by };
  });
}
