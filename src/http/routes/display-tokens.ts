// /api/display-tokens: admins issue wall-display tokens (shown once, stored as a hash), list and revoke
// them. Creation and revocation are audited by name; the token never reaches the audit log.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { recordAudit } from "../../store/audit";
import { getDisplayToken, insertDisplayToken, listDisplayTokens, revokeDisplayToken, type DisplayTokenRow } from "../../store/display-tokens";
import { hashDisplayToken, newDisplayToken } from "../../displays/token";
import { publishDisplayRevoked } from "../../displays/live";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams } from "../schemas";
import { displayTokenBody, displayTokenCreated, displayTokenView } from "../wall-schemas";
import { iso } from "../../shared/iso";
import type { DisplayTokenView } from "../../shared/wall-api";

function present(t: DisplayTokenRow): DisplayTokenView {
  return { id: t.id, name: t.name, createdAt: iso(t.created_at), revokedAt: iso(t.revoked_at), lastSeenAt: iso(t.last_seen_at), createdBy: t.created_by_name };
}

/** Display token routes (admins). */
export async function displayTokenRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;

  r.get("/api/display-tokens", {
    schema: { tags: ["wall"], summary: "Wall display tokens (never the tokens themselves)", response: { 200: z.object({ tokens: z.array(displayTokenView) }) } },
  }, async (req) => {
    authorize(req, "displays.manage");
    return { tokens: listDisplayTokens(db).map(present) };
  });

  r.post("/api/display-tokens", {
    schema: {
      tags: ["wall"], summary: "Issue a wall display token; the token and the wall's address are shown only in this answer",
      body: displayTokenBody, response: { 201: displayTokenCreated, 400: errorBody },
    },
  }, async (req, reply) => {
    const p = authorize(req, "displays.manage");
    const token = newDisplayToken();
    const id = db.tx(() => {
      const id = insertDisplayToken(db, req.body.name, hashDisplayToken(token), p.id);
      recordAudit(db, { actor: actorOf(p), action: "display_token.create", targetType: "display_token", targetId: id, summary: { name: req.body.name }, ip: req.ip });
      return id;
    });
    void reply.header("cache-control", "no-store");
    // In the fragment, the token stays in the browser: it is in no request line, proxy log or Referer.
    return reply.code(201).send({ id, name: req.body.name, token, url: `${config.publicUrl}/wall#t=${token}` });
  });

  r.delete("/api/display-tokens/:id", {
    schema: { tags: ["wall"], summary: "Revoke a wall display token (its open streams close)", params: idParams, response: { 200: displayTokenView, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "displays.manage");
    const t = getDisplayToken(db, req.params.id);
    if (!t) throw AppError.notFound("display token");
    const changed = db.tx(() => {
      const changed = revokeDisplayToken(db, t.id);
      if (changed) recordAudit(db, { actor: actorOf(p), action: "display_token.revoke", targetType: "display_token", targetId: t.id, summary: { name: t.name }, ip: req.ip });
      return changed;
    });
    if (changed) publishDisplayRevoked(db, t.id);
    return present(listDisplayTokens(db).find((x) => x.id === t.id)!);
  });
}
