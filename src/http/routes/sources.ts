// Sources: list with health, add (feeds, html list pages, JSON APIs), test settings, edit, delete, fetch now.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { deleteSource, getSource, insertSource, listSources, setIntervalOverride, updateSource } from "../../store/sources";
import { forgetDeletedItems } from "../../monitor/events";
import { refreshEvents } from "../../monitor/refresh-events";
import { recordAudit } from "../../store/audit";
import { AppError } from "../../errors";
import { pollSource, previewSource } from "../../jobs/poll-source";
import { actorOf, authorize, type AppDeps } from "../context";
import { presentSource } from "../presenters";
import { sourceActivity } from "../../store/source-activity";
import { HEALTH_ORDER, sourceHealth } from "../../ingest/health";
import { errorBody, idParams, isCleanText, name, sourcePreviewView, sourceView } from "../schemas";
import { patchOf } from "../patch-schema";
import { configFor, kindFields, patchedConfig } from "./source-body";
import { storedConfig } from "../../ingest/kinds/config";
import { POLLED_SOURCE_KINDS, SOURCE_KINDS } from "../../shared/api";
import { isIpLiteral, isUrlPermittedBeforeLookup, parseAllowList } from "../../ingest";
import { DbBusy } from "../write-wait";

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => isCleanText(v), "field.bad_text")
  .superRefine((v, ctx) => {
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      return void ctx.addIssue({ code: "custom", message: "source.url" });
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") ctx.addIssue({ code: "custom", message: "source.url" });
    // Refused here, before anything is stored or audited, so that no credential lands in either.
    else if (u.username || u.password) ctx.addIssue({ code: "custom", message: "fetch.credentials_in_url" });
  });

const sourceFields = {
  name: name(100),
  url: httpUrl,
  intervalSeconds: z.number().int().min(30).max(7 * 86400),
  priority: z.number().int().min(1).max(5),
  enabled: z.boolean(),
};
const createBody = z.object({
  ...sourceFields,
  ...kindFields,
  kind: z.enum(SOURCE_KINDS).default("rss"),
  intervalSeconds: sourceFields.intervalSeconds.default(300),
  priority: sourceFields.priority.default(3),
  enabled: sourceFields.enabled.default(true),
});
const patchBody = patchOf(z.object({ ...sourceFields, ...kindFields }));
// The preview takes the create body; a name is not needed to test selectors.
const previewBody = createBody.extend({ name: sourceFields.name.optional() });

const isPolledKind = (kind: string): boolean => (POLLED_SOURCE_KINDS as readonly string[]).includes(kind);

/** /api/sources routes. */
export async function sourceRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const allowList = parseAllowList(deps.config.fetchAllowHosts);
  // An internal IP literal would only ever fail; say so on the form. Names are judged when fetched.
  const refuseInternalLiteral = (url: string | undefined): void => {
    if (url === undefined) return;
    const u = new URL(url);
    if (isIpLiteral(u.hostname) && !isUrlPermittedBeforeLookup(allowList, u)) throw AppError.validation({ url: "fetch.blocked_address" });
  };

  r.get("/api/sources", {
    schema: { tags: ["sources"], summary: "All sources with their health", response: { 200: z.object({ sources: z.array(sourceView) }) } },
  }, async (req) => {
    authorize(req, "sources.read");
    const now = Date.now();
    const activity = sourceActivity(db, now);
    const sources = listSources(db).map((row) => {
      const view = presentSource(row);
      const a = activity.get(row.id) ?? { itemsPerDay: [0, 0, 0, 0, 0, 0, 0], lastItemAt: null };
      const health = sourceHealth({
        kind: row.kind, enabled: !!row.enabled, errorCount: row.error_count, lastFetchedAt: row.last_fetched_at, lastSuccessAt: row.last_success_at,
        lastItemAt: a.lastItemAt, itemsPerDay: a.itemsPerDay, itemCount: row.item_count, now,
      });
      return { ...view, health, itemsPerDay: a.itemsPerDay };
    });
    // Broken sources first, then as they were added.
    sources.sort((x, y) => HEALTH_ORDER[x.health.level] - HEALTH_ORDER[y.health.level] || x.id - y.id);
    return { sources };
  });

  r.get("/api/sources/:id", {
    schema: { tags: ["sources"], params: idParams, response: { 200: sourceView, 404: errorBody } },
  }, async (req) => {
    authorize(req, "sources.read");
    const s = getSource(db, req.params.id);
    if (!s) throw AppError.notFound("source");
    return presentSource(s);
  });

  r.post("/api/sources", {
    schema: { tags: ["sources"], summary: "Add a feed source (any RSSHub route is one)", body: createBody, response: { 201: sourceView, 400: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "sources.write");
    // Import and manual sources are made by importing or entering items, never with a URL to poll.
    if (!isPolledKind(req.body.kind)) throw AppError.validation({ kind: "source.not_polled" });
    refuseInternalLiteral(req.body.url);
    const { name, kind, url, intervalSeconds, priority, enabled } = req.body;
    if (req.body.ignoreRobots) authorize(req, "sources.ignore_robots");
    const config = configFor(kind, req.body);
    const s = db.tx(() => {
      const created = insertSource(db, { name, kind, url, intervalSeconds, priority, enabled, config });
      recordAudit(db, { actor: actorOf(p), action: "source.create", targetType: "source", targetId: created.id, summary: req.body, ip: req.ip });
      return created;
    });
    deps.scheduler?.wake();
    return reply.code(201).send(presentSource(s));
  });

  r.post("/api/sources/preview", {
    schema: { tags: ["sources"], summary: "Test settings: what they extract right now (nothing saved)", body: previewBody, response: { 200: sourcePreviewView, 400: errorBody } },
  }, async (req) => {
    authorize(req, "sources.write");
    refuseInternalLiteral(req.body.url);
    if (req.body.ignoreRobots) authorize(req, "sources.ignore_robots");
    return previewSource(deps.config, req.body.kind, req.body.url, configFor(req.body.kind, req.body));
  });

  r.patch("/api/sources/:id", {
    schema: { tags: ["sources"], params: idParams, body: patchBody, response: { 200: sourceView, 400: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "sources.write");
    refuseInternalLiteral(req.body.url);
    const s = db.tx(() => {
      const before = getSource(db, req.params.id);
      if (!before) throw AppError.notFound("source");
      const config = patchedConfig(before.kind, before.config, req.body);
      // Only a change of the robots.txt override needs an administrator (a monitor may edit the rest).
      if (config && !!config.ignoreRobots !== !!(storedConfig(before.config) as { ignoreRobots?: unknown }).ignoreRobots) authorize(req, "sources.ignore_robots");
      const { name, url, intervalSeconds, priority, enabled } = req.body;
      updateSource(db, req.params.id, { name, url, intervalSeconds, priority, enabled, ...(config ? { config } : {}) });
      recordAudit(db, { actor: actorOf(p), action: "source.update", targetType: "source", targetId: req.params.id, summary: req.body, ip: req.ip });
      return getSource(db, req.params.id)!;
    });
    deps.scheduler?.wake();
    return presentSource(s);
  });

  r.delete("/api/sources/:id", { schema: { tags: ["sources"], params: idParams } }, async (req, reply) => {
    const p = authorize(req, "sources.write");
    db.tx(() => {
      const s = getSource(db, req.params.id);
      if (!s) throw AppError.notFound("source");
      const deleted = deleteSource(db, s.id);
      refreshEvents(db, [...deleted.itemsByEvent.keys()], Date.now());
      recordAudit(db, { actor: actorOf(p), action: "source.delete", targetType: "source", targetId: s.id, summary: { name: s.name, url: s.url, items: s.item_count }, ip: req.ip });
      // Last: the live analyser cannot take back a change if a statement after it failed.
      forgetDeletedItems(db, deps.analysis?.analyser, deleted);
    });
    return reply.code(204).send();
  });

  r.post("/api/sources/:id/fetch", {
    schema: {
      tags: ["sources"], summary: "Fetch this source now", params: idParams,
      response: { 200: z.object({ inserted: z.number(), error: z.string().optional(), errorCode: z.string().optional() }), 400: errorBody, 404: errorBody, 503: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "sources.write");
    const s = getSource(db, req.params.id);
    if (!s) throw AppError.notFound("source");
    // Polling one would only fail as a bad config, count as an error and fire source alerts.
    if (!isPolledKind(s.kind)) throw AppError.badRequest("source.not_polled");
    const result = await pollSource(db, deps.config, s);
    // Another process held the database past the busy timeout: nothing was recorded, so say so (503, Retry-After).
    if (result.busy) throw new DbBusy();
    if (result.inserted) deps.analysis?.wake();
    db.tx(() => recordAudit(db, { actor: actorOf(p), action: "source.fetch", targetType: "source", targetId: s.id, summary: { ...result }, ip: req.ip }));
    return result.error ? { inserted: result.inserted, error: result.error, errorCode: result.errorCode } : { inserted: result.inserted };
  });

  // A temporary interval ("poll every 60 s for the next 24 hours"), e.g. while an incident is followed; it
  // ends by itself at its expiry (the scheduler compares the time), or when cleared.
  r.post("/api/sources/:id/interval-override", {
    schema: {
      tags: ["sources"], summary: "Poll this source at another interval until a moment", params: idParams,
      body: z.object({ intervalSeconds: z.number().int().min(30).max(86_400), hours: z.number().min(0.25).max(168) }),
      response: { 200: sourceView, 404: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "sources.write");
    const s = getSource(db, req.params.id);
    if (!s) throw AppError.notFound("source");
    const until = Date.now() + Math.round(req.body.hours * 3_600_000);
    db.tx(() => {
      setIntervalOverride(db, s.id, { seconds: req.body.intervalSeconds, until });
      recordAudit(db, { actor: actorOf(p), action: "source.interval_override", targetType: "source", targetId: s.id, summary: { ...req.body }, ip: req.ip });
    });
    deps.scheduler?.wake();
    return presentSource(getSource(db, s.id)!);
  });

  r.delete("/api/sources/:id/interval-override", {
    schema: { tags: ["sources"], summary: "End this source's interval override", params: idParams, response: { 200: sourceView, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "sources.write");
    const s = getSource(db, req.params.id);
    if (!s) throw AppError.notFound("source");
    db.tx(() => {
      setIntervalOverride(db, s.id, null);
      recordAudit(db, { actor: actorOf(p), action: "source.interval_override", targetType: "source", targetId: s.id, summary: { cleared: true }, ip: req.ip });
    });
    return presentSource(getSource(db, s.id)!);
  });
}
