// Login, logout, the current session, and changing one's own password.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { LoginLimiter } from "../../accounts/rate-limit";
import { dummyHash, verifyPassword } from "../../accounts/passwords";
import { endSession, startSession } from "../../accounts/sessions";
import { assertPasswordPolicy, updateUserAccount } from "../../accounts/commands";
import { MIN_PASSWORD_LENGTH } from "../../accounts/password-policy";
import { getUserByName } from "../../store/users";
import { recordAudit, updateAuditSummary } from "../../store/audit";
import { AppError } from "../../errors";
import { actorOf, authorize, type AppDeps } from "../context";
import { SESSION_COOKIE } from "../auth-hook";
import { presentUser } from "../presenters";
import { errorBody, text, userView } from "../schemas";

const sessionBody = z.object({ csrfToken: z.string(), user: userView });

/** 429 for too many sign-in or password attempts, with Retry-After (the window's end) like the other 429s. */
class AttemptsLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "auth.rate_limited", undefined, undefined, { minutes: Math.ceil(retryAfterSeconds / 60) });
  }
}

/** /api/auth/* routes. */
export async function authRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  // Shared by sign-in and password change: both let someone test a password.
  const limiter = new LoginLimiter(config.loginMaxAttempts, config.loginWindowSeconds * 1000);
  const ttlMs = config.sessionTtlHours * 3_600_000;

  /** Refuses (429) an attempt over a limit; the window's refused attempts are one audit row, kept up to date. */
  function refuseWhenLimited(req: FastifyRequest, username: string): void {
    const refusal = limiter.check(username, req.ip);
    if (!refusal) return;
    const { scope, window } = refusal;
    const summary = { username, limit: scope, refused: window.refused, until: new Date(window.resetAt).toISOString() };
    db.tx(() => {
      if (window.auditId === null) {
        window.auditId = recordAudit(db, { actor: null, action: "auth.login_blocked", targetType: "user", targetId: null, summary, ip: req.ip });
      } else updateAuditSummary(db, window.auditId, summary);
    });
    const seconds = Math.max(1, Math.ceil((window.resetAt - Date.now()) / 1000));
    throw new AttemptsLimited(seconds);
  }

  r.post("/api/auth/login", {
    schema: {
      tags: ["auth"], summary: "Sign in; sets the session cookie and returns the CSRF token",
      body: z.object({ username: text(64).pipe(z.string().trim().min(1)), password: z.string().min(1).max(256) }),
      response: { 200: sessionBody, 401: errorBody, 429: errorBody },
    },
  }, async (req, reply) => {
    const { username, password } = req.body;
    refuseWhenLimited(req, username);
    const user = getUserByName(db, username);
    const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), password);
    if (!user || !ok || user.disabled) {
      limiter.fail(username, req.ip);
      db.tx(() => recordAudit(db, { actor: null, action: "auth.login_failed", targetType: "user", targetId: user?.id ?? null, summary: { username }, ip: req.ip }));
      throw AppError.of(401, "auth.invalid");
    }
    limiter.succeed(username, req.ip);
    const s = db.tx(() => {
      const started = startSession(db, user.id, req.ip, ttlMs);
      recordAudit(db, { actor: { id: user.id, username: user.username, role: user.role, unitId: user.unit_id }, action: "auth.login", targetType: "user", targetId: user.id, summary: "login", ip: req.ip });
      return started;
    });
    reply.setCookie(SESSION_COOKIE, s.token, {
      path: "/", httpOnly: true, sameSite: "strict", secure: config.cookieSecure, maxAge: Math.floor(ttlMs / 1000),
    });
    return { csrfToken: s.csrfToken, user: presentUser(user) };
  });

  r.post("/api/auth/logout", { schema: { tags: ["auth"], summary: "Sign out" } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    // The auth hook resolved the cookie (the route is matched on its routed path, so every spelling of this URL
    // gets here signed in): a live session is ended and audited; an unknown or expired cookie is only cleared.
    if (token && req.auth) {
      const auth = req.auth;
      db.tx(() => {
        endSession(db, token);
        recordAudit(db, { actor: actorOf(auth.principal), action: "auth.logout", targetType: "user", targetId: auth.user.id, summary: "logout", ip: req.ip });
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.code(204).send();
  });

  r.get("/api/auth/me", {
    schema: { tags: ["auth"], summary: "The current session", response: { 200: sessionBody, 401: errorBody } },
  }, async (req) => {
    if (!req.auth) throw AppError.unauthenticated();
    return { csrfToken: req.auth.csrfToken, user: presentUser(req.auth.user) };
  });

  r.post("/api/auth/password", {
    schema: {
      tags: ["auth"], summary: "Change one's own password (ends other sessions)",
      body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: text(256).pipe(z.string().min(MIN_PASSWORD_LENGTH)) }),
    },
  }, async (req, reply) => {
    if (!req.auth) throw AppError.unauthenticated();
    const { username } = req.auth.user;
    refuseWhenLimited(req, username);
    if (!(await verifyPassword(req.auth.user.password_hash, req.body.currentPassword))) {
      limiter.fail(username, req.ip);
      db.tx(() => recordAudit(db, { actor: actorOf(req.auth!.principal), action: "auth.password_failed", targetType: "user", targetId: req.auth!.user.id, summary: { username }, ip: req.ip }));
      throw AppError.validation({ currentPassword: "auth.wrong_current_password" });
    }
    limiter.succeed(username, req.ip);
    authorize(req, "dashboard.read");
    await assertPasswordPolicy(req.body.newPassword, username, "newPassword");
    await updateUserAccount(db, actorOf(req.auth.principal), req.auth.user.id, { password: req.body.newPassword }, req.ip);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.code(204).send();
  });
}
