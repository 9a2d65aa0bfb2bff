// Operations endpoints: /api/ready (readiness: the database takes writes, analysis keeps up, the scheduler
// runs) and /metrics (Prometheus text). /metrics answers a loopback request that did not come through a
// proxy without a token; any other request needs `Authorization: Bearer TINGFENG_METRICS_TOKEN`.
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { writeLockFree } from "../../db/write-lock";
import { analysisLag } from "../../store/analysis";
import { bindMetricsDatabase, httpSeconds, registry } from "../../ops/metrics";
import { AppError } from "../../errors";
import type { RouteDeps } from "../context";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** True for a request from this machine that no proxy forwarded. */
function fromLoopback(req: FastifyRequest): boolean {
  const forwarded = req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined || req.headers["x-real-ip"] !== undefined;
  return !forwarded && LOOPBACK.has(req.socket.remoteAddress ?? "");
}

/** True when the request carries the configured bearer token. */
function hasToken(req: FastifyRequest, token: string | undefined): boolean {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
  if (!token || !m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const check = z.object({ ok: z.boolean(), detail: z.string() });

/** /api/ready and /metrics; also times every request for the HTTP histogram. */
export async function opsRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  bindMetricsDatabase(db, db.sqlite.name);
  app.addHook("onResponse", async (req, reply) => {
    httpSeconds.observe({ method: req.method, route: req.routeOptions.url ?? "unmatched", status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  r.get("/api/ready", {
    schema: {
      tags: ["system"], summary: "Readiness: the database takes writes, analysis keeps up, the scheduler runs (503 when not)",
      response: { 200: z.object({ ready: z.boolean(), checks: z.object({ database: check, analysis: check, scheduler: check }) }), 503: z.object({ ready: z.boolean(), checks: z.object({ database: check, analysis: check, scheduler: check }) }) },
    },
  }, async (_req, reply) => {
    let database: z.infer<typeof check>;
    try {
      database = writeLockFree(db) ? { ok: true, detail: "writable" } : { ok: true, detail: "writable (another writer is busy)" };
    } catch (err) {
      database = { ok: false, detail: `not writable: ${(err as { code?: string }).code ?? "error"}` };
    }
    const lag = analysisLag(db);
    const lagSeconds = lag.oldestFetchedAt === null ? 0 : Math.round((Date.now() - lag.oldestFetchedAt) / 1000);
    const analysis = { ok: lagSeconds <= config.readyMaxLagSeconds, detail: `${lag.items} items waiting, oldest ${lagSeconds} s (bound ${config.readyMaxLagSeconds} s)` };
    const s = deps.scheduler?.status();
    const stale = s?.lastTickAt != null && Date.now() - s.lastTickAt > Math.max(60_000, config.schedulerTickMs * 5);
    const scheduler = !s ? { ok: false, detail: "not started in this process" } : !s.running ? { ok: false, detail: "stopped" } : stale ? { ok: false, detail: `no tick since ${new Date(s.lastTickAt!).toISOString()}` } : { ok: true, detail: "running" };
    const ready = database.ok && analysis.ok && scheduler.ok;
    return reply.code(ready ? 200 : 503).send({ ready, checks: { database, analysis, scheduler } });
  });

  r.get("/metrics", { schema: { hide: true } }, async (req, reply) => {
    if (!fromLoopback(req) && !hasToken(req, config.metricsToken)) throw new AppError(403, "auth.forbidden");
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
