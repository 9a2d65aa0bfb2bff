// Maps every failure to a JSON body {code, message, fields?}; unknown errors become a generic 500.
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../errors";

/** What a client is told when the database stayed locked past the wait budget. */
export const DB_BUSY_MESSAGE = "数据库正忙（另一项写入正在进行），请稍后重试";

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY_") || code === "SQLITE_LOCKED");
}

/** Installs the error and not-found handlers (JSON for /api; the SPA shell elsewhere). */
export function installErrorHandlers(app: FastifyInstance, spaIndex: (() => string | null) | null): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    // A 429 or 503 that says when to come back; a write that waited past the busy timeout is a 503, not a 500.
    if (err instanceof AppError && "retryAfterSeconds" in err && typeof err.retryAfterSeconds === "number") reply.header("retry-after", String(err.retryAfterSeconds));
    if (isBusy(err)) return reply.code(503).header("retry-after", "2").send({ code: "db.busy", message: DB_BUSY_MESSAGE });
    if (err instanceof AppError) {
      return reply.code(err.status).send({ code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      for (const v of err.validation) {
        const key = v.instancePath.replace(/^\//, "").replace(/\//g, ".") || String(err.validationContext ?? "body");
        fields[key] ??= v.message ?? "invalid";
      }
      return reply.code(400).send({ code: "validation", message: "请检查输入 / please check the highlighted fields", fields });
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, "request failed");
      return reply.code(500).send({ code: "internal", message: "服务器内部错误 / internal server error" });
    }
    const code = status === 413 ? "payload_too_large" : status === 415 ? "unsupported_media_type" : "bad_request";
    return reply.code(status).send({ code, message: err.message });
  });

  app.setNotFoundHandler((req, reply) => {
    const index = spaIndex?.();
    if (req.method === "GET" && !req.url.startsWith("/api") && index) {
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(index);
    }
    return reply.code(404).send({ code: "not_found", message: `未找到 ${req.method} ${req.url.split("?")[0]} / route not found` });
  });
}
