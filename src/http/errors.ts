// Maps every failure to a JSON body {code, message, fields?} in the request's language; unknown errors
// become a generic 500 (never the internal code or text).
import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../errors";
import { formatMessage, pickLang, type MessageLang } from "../shared/messages";
import { issueMessage } from "./validation-messages";

/** True for SQLite's "database is busy/locked" errors (answered 503 `db.busy`). */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY_") || code === "SQLITE_LOCKED");
}

/** The language a request asked for (the web client sends its UI language), zh-CN by default. */
export function requestLang(req: FastifyRequest): MessageLang {
  return pickLang(req.headers["accept-language"]);
}

/** Installs the error and not-found handlers (JSON for /api; the SPA shell elsewhere). Call before any plugin. */
export function installErrorHandlers(app: FastifyInstance, spaIndex: (() => string | null) | null): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const lang = requestLang(req);
    const say = (code: string) => formatMessage(lang, code) ?? code;
    // A 429 or 503 that says when to come back; a write that waited past the busy timeout is a 503, not a 500.
    if (err instanceof AppError && "retryAfterSeconds" in err && typeof err.retryAfterSeconds === "number") reply.header("retry-after", String(err.retryAfterSeconds));
    if (isBusyError(err)) return reply.code(503).header("retry-after", "2").send({ code: "db.busy", message: say("db.busy") });
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, "request failed");
      return reply.code(err.status).send({ code: err.code, ...err.localise(lang) });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      const context = String(err.validationContext ?? "body");
      const input = (req as unknown as Record<string, unknown>)[context];
      for (const v of err.validation) {
        const key = v.instancePath.replace(/^\//, "").replace(/\//g, ".") || context;
        fields[key] ??= issueMessage(lang, v, input);
      }
      return reply.code(400).send({ code: "validation", message: say("validation"), fields });
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, "request failed");
      return reply.code(500).send({ code: "internal", message: say("internal") });
    }
    const code = status === 413 ? "payload_too_large" : status === 415 ? "unsupported_media_type" : "bad_request";
    return reply.code(status).send({ code, message: say(code) });
  });

  app.setNotFoundHandler((req, reply) => {
    const index = spaIndex?.();
    if (req.method === "GET" && !req.url.startsWith("/api") && index) {
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(index);
    }
    const message = formatMessage(requestLang(req), "route.not_found", { method: req.method, path: req.url.split("?")[0] });
    return reply.code(404).send({ code: "not_found", message });
  });
}
