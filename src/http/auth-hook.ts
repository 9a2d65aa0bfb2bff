// Resolves the session cookie on each request and enforces the CSRF header on state changes.
import type { FastifyInstance } from "fastify";
import { timingSafeEqual } from "node:crypto";
import { resolveSession } from "../accounts/sessions";
import { AppError } from "../errors";
import type { AppDeps } from "./context";

/** Name of the session cookie. */
export const SESSION_COOKIE = "tf_session";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Adds `request.auth` and the CSRF check. */
export function installAuth(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (req) => {
    req.auth = null;
    // Decide on the route the router matched, not the raw URL: "/%61pi/auth/logout" is routed to
    // "/api/auth/logout" and must be checked like it. Unmatched URLs (undefined) go to the 404 handler.
    const route = req.routeOptions.url;
    if (!route?.startsWith("/api/")) return;
    // The public board's routes act for no one: no session is resolved, so no CSRF token is asked of a
    // member of the public (or of a signed-in colleague using the public form).
    if (route.startsWith("/api/public/")) return;
    // The wall display reads with a display token, not a session (GET only; checked by its routes).
    if (route.startsWith("/api/wall/")) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const s = resolveSession(deps.db, token);
      if (s) req.auth = { principal: s.principal, user: s.user, csrfToken: s.csrfToken, sessionId: s.sessionId };
    }
    // Login starts a session and so has no token yet; it is protected by SameSite cookies instead.
    if (req.auth && !SAFE.has(req.method) && route !== "/api/auth/login") {
      const header = req.headers["x-csrf-token"];
      if (typeof header !== "string" || !sameToken(header, req.auth.csrfToken)) {
        throw AppError.of(403, "auth.csrf");
      }
    }
  });
}
