// Login, logout, the current session, and changing one's own password.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { FailureLimiter } from "../../accounts/rate-limit";
import { dummyHash, verifyPassword } from "../../accounts/passwords";
import { endSession, startSession } from "../../accounts/sessions";
import { updateUserAccount } from "../../accounts/commands";
import { getUserByName } from "../../store/users";
import { recordAudit } from "../../store/audit";
import { AppError } from "../../errors";
import { actorOf, authorize, type AppDeps } from "../context";
import { SESSION_COOKIE } from "../auth-hook";
import { presentUser } from "../presenters";
import { errorBody, userView } from "../schemas";

const sessionBody = z.object({ csrfToken: z.string(), user: userView });
const INVALID = "用户名或密码错误 / wrong username or password";

/** /api/auth/* routes. */
export async function authRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const limiter = new FailureLimiter(config.loginMaxAttempts, config.loginWindowSeconds * 1000);
  const ttlMs = config.sessionTtlHours * 3_600_000;

  r.post("/api/auth/login", {
    schema: {
      tags: ["auth"], summary: "Sign in; sets the session cookie and returns the CSRF token",
      body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
      response: { 200: sessionBody, 401: errorBody, 429: errorBody },
    },
  }, async (req, reply) => {
    const { username, password } = req.body;
    const keys = [`ip:${req.ip}`, `user:${username.toLowerCase()}`];
    if (keys.some((k) => limiter.blocked(k))) {
      throw new AppError(429, "auth.rate_limited", "尝试次数过多，请稍后再试 / too many attempts, try again later");
    }
    const user = getUserByName(db, username);
    const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), password);
    if (!user || !ok || user.disabled) {
      keys.forEach((k) => limiter.fail(k));
      db.tx(() => recordAudit(db, { actor: null, action: "auth.login_failed", targetType: "user", targetId: user?.id ?? null, summary: { username }, ip: req.ip }));
      throw new AppError(401, "auth.invalid", INVALID);
    }
    keys.forEach((k) => limiter.reset(k));
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
    if (token) {
      db.tx(() => {
        endSession(db, token);
        if (req.auth) recordAudit(db, { actor: actorOf(req.auth.principal), action: "auth.logout", targetType: "user", targetId: req.auth.user.id, summary: "logout", ip: req.ip });
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
      body: z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(8).max(256) }),
    },
  }, async (req, reply) => {
    if (!req.auth) throw AppError.unauthenticated();
    if (!(await verifyPassword(req.auth.user.password_hash, req.body.currentPassword))) {
      throw AppError.validation({ currentPassword: "当前密码不正确 / current password is wrong" });
    }
    authorize(req, "dashboard.read");
    await updateUserAccount(db, actorOf(req.auth.principal), req.auth.user.id, { password: req.body.newPassword }, req.ip);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.code(204).send();
  });
}
