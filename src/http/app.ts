// Builds the Fastify app: security headers, sessions + CSRF, OpenAPI, the JSON API and the built UI.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from "fastify";
import { logSerializers } from "./logger";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "./context";
import { installErrorHandlers } from "./errors";
import { installAuth } from "./auth-hook";
import { registerRoutes } from "./routes";
import { createAlertRuntime } from "../alerts/runtime";
import { installWriteWait } from "./write-wait";
import { createUserLimits } from "./user-limits";
import { ReadPool } from "../jobs/read-pool";

/** Where `vite build` writes the UI. */
export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its CSS-in-JS into <style> tags.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The board's proof-of-work widget runs its hashing in workers made from blob: URLs of its own code.
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export { redactUrl } from "./logger";

/** Options for tests and the CLI; `webRoot` (default webDist) is where the built UI is read from. */
export interface BuildOptions {
  logger?: boolean | { level: string; stream?: { write(line: string): void } }; serveWeb?: boolean; webRoot?: string;
  /** The server's logger (serve passes the one its jobs write to); takes the place of `logger`. */
  loggerInstance?: FastifyBaseLogger;
}

/** Creates the app (not listening). */
export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.loggerInstance
      ? { loggerInstance: opts.loggerInstance }
      : { logger: opts.logger ? { ...(opts.logger === true ? {} : opts.logger), serializers: logSerializers } : false }),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // A POST that says JSON but sends nothing (curl -H 'content-type: application/json' -X POST …/fetch) has no
  // body rather than a malformed one; anything else goes to Fastify's own parser (prototype poisoning refused).
  const json = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) =>
    body === "" ? done(null, undefined) : json(req, body as string, done));
  const webRoot = opts.webRoot ?? webDist;
  const serveWeb = (opts.serveWeb ?? true) && existsSync(path.join(webRoot, "index.html"));
  let index: string | null = null;
  function readIndex(): string {
    index ??= readFileSync(path.join(webRoot, "index.html"), "utf8");
    return index;
  }
  // Before any plugin or route: a route takes the error handler in force when Fastify completes its
  // registration (in `after`), and the UI plugin's `await` used to complete every API route before this ran.
  installErrorHandlers(app, serveWeb ? readIndex : null);
  // One line per request with its id, route pattern (never the raw URL), status and duration.
  if (opts.loggerInstance || opts.logger) {
    app.addHook("onResponse", async (req, reply) => {
      req.log.info({ method: req.method, route: req.routeOptions.url ?? null, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, "request");
    });
  }

  app.addHook("onSend", async (_req, reply, payload) => {
    reply.header("content-security-policy", CSP);
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "no-referrer");
    reply.header("cross-origin-opener-policy", "same-origin");
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=()");
    if (deps.config.cookieSecure) reply.header("strict-transport-security", "max-age=31536000");
    return payload;
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: "Tingfeng API", description: "听风 — JSON API", version: deps.version },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "tf_session" } } },
    },
    transform: jsonSchemaTransform,
  });

  installAuth(app, deps);
  installWriteWait(app, deps);
  const reads = deps.reads ?? new ReadPool(deps.db, {
    threads: deps.config.readWorkers, budgetMs: deps.config.queryBudgetMs, burstMinItems: deps.config.burstMinItems,
  });
  if (!deps.reads) app.addHook("onClose", async () => reads.close());
  const alerts = deps.alerts ?? createAlertRuntime(deps.db, deps.config);
  if (!deps.alerts) app.addHook("onClose", async () => alerts.stop());
  await registerRoutes(app, { ...deps, reads, alerts, limits: createUserLimits(deps.config) });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  if (serveWeb) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", wildcard: false, index: false });
    app.get("/", { schema: { hide: true } }, async (_req, reply) =>
      reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(readIndex()));
    // The public message board is its own page, without login.
    let board: string | null = null;
    const sendBoard = async (_req: unknown, reply: FastifyReply) => {
      board ??= readFileSync(path.join(webRoot, "board.html"), "utf8");
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(board);
    };
    app.get("/board", { schema: { hide: true } }, sendBoard);
    app.get("/board/*", { schema: { hide: true } }, sendBoard);
    // The duty-room wall display (大屏): its own page, read with a display token instead of a login.
    let wall: string | null = null;
    app.get("/wall", { schema: { hide: true } }, async (_req, reply) => {
      wall ??= readFileSync(path.join(webRoot, "wall.html"), "utf8");
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(wall);
    });
  }
  return app;
}
