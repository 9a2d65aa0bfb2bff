// /api/watches: watch CRUD with burst figures, and a live preview for the watch editor.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors";
import { recordAudit } from "../../store/audit";
import { deleteWatch, getWatch, insertWatch, listWatches, updateWatch, type WatchRow } from "../../store/watches";
import { findWatchMatches, validateQuery } from "../../monitor/watches";
import { insertWatchMatches } from "../../store/watches";
import { watchBurst } from "../../monitor/refresh-events";
import { patchOf } from "../patch-schema";
import { reloadRules } from "../../alerts/outbox";
import type { WatchView } from "../../shared/analysis-api";
import { actorOf, authorize, type RouteDeps } from "../context";
import { errorBody, idParams, text } from "../schemas";
import { watchBody, watchPreview, watchView } from "../analysis-schemas";
import type { Db } from "../../db/connection";
import { iso } from "../../shared/iso";


function dayStart(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

function present(db: Db, w: WatchRow, now: number): WatchView {
  const b = watchBurst(db, w.id, now);
  return {
    id: w.id, name: w.name, query: w.query, enabled: !!w.enabled, matchCount: w.match_count, matchesToday: w.matches_today,
    burst: { flag: b.flag, lastHour: b.lastHour, baseline: b.baseline, ratio: b.ratio, z: b.z, reasons: b.reasons },
    createdAt: iso(w.created_at), updatedAt: iso(w.updated_at),
  };
}

function viewOf(db: Db, id: number): WatchView {
  const now = Date.now();
  const w = listWatches(db, dayStart(now)).find((x) => x.id === id);
  if (!w) throw AppError.notFound("watch");
  return present(db, w, now);
}

/** Watch routes. */
export async function watchRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, reads, limits } = deps;

  r.get("/api/watches", {
    schema: { tags: ["watches"], summary: "Watches with match counts and burst flags", response: { 200: z.object({ watches: z.array(watchView) }) } },
  }, async (req) => {
    authorize(req, "analysis.read");
    const now = Date.now();
    return { watches: listWatches(db, dayStart(now)).map((w) => present(db, w, now)) };
  });

  r.post("/api/watches/preview", {
    schema: {
      tags: ["watches"], summary: "Matches of a query among recent items (the editor's live preview)",
      body: z.object({ query: text(4000, { multiline: true }).pipe(z.string().min(1)), limit: z.number().int().min(1).max(100).default(20) }),
      response: { 200: watchPreview, 400: errorBody },
    },
  }, async (req) => {
    const user = authorize(req, "analysis.read");
    const p = await limits.preview.run(user.id, () => reads.run("previewQuery", [req.body.query, req.body.limit]));
    return {
      scanned: p.scanned, matched: p.matched,
      items: p.items.map((i) => ({
        id: i.id, title: i.title, text: i.text, sourceName: i.source_name,
        publishedAt: i.published_at == null ? null : iso(i.published_at), spans: i.spans,
      })),
    };
  });

  r.post("/api/watches", {
    schema: { tags: ["watches"], body: watchBody, response: { 201: watchView, 400: errorBody } },
  }, async (req, reply) => {
    const p = authorize(req, "analysis.write");
    validateQuery(req.body.query);
    // The back-fill's scan of recent items runs on the read pool; its matches are stored with the watch.
    const found = req.body.enabled ? await reads.run("findWatchMatches", [req.body.query]) : [];
    const id = db.tx(() => {
      const id = insertWatch(db, { ...req.body, createdBy: p.id });
      insertWatchMatches(db, id, found);
      recordAudit(db, { actor: actorOf(p), action: "watch.create", targetType: "watch", targetId: id, summary: { name: req.body.name, query: req.body.query }, ip: req.ip });
      return id;
    });
    deps.analysis?.reload();
    reloadRules(db);
    return reply.code(201).send(viewOf(db, id));
  });

  r.patch("/api/watches/:id", {
    schema: { tags: ["watches"], params: idParams, body: patchOf(watchBody), response: { 200: watchView, 400: errorBody, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "analysis.write");
    if (req.body.query !== undefined) validateQuery(req.body.query);
    const current = getWatch(db, req.params.id);
    const willScan = !!current && req.body.query !== undefined && req.body.query !== current.query && (req.body.enabled ?? !!current.enabled);
    const found = willScan ? await reads.run("findWatchMatches", [req.body.query!]) : null;
    db.tx(() => {
      const before = getWatch(db, req.params.id);
      if (!before) throw AppError.notFound("watch");
      const queryChanged = req.body.query !== undefined && req.body.query !== before.query;
      updateWatch(db, before.id, { ...req.body, query: queryChanged ? req.body.query : undefined });
      const after = getWatch(db, before.id)!;
      if (queryChanged && after.enabled) insertWatchMatches(db, after.id, found ?? findWatchMatches(db, after.query));
      recordAudit(db, {
        actor: actorOf(p), action: "watch.update", targetType: "watch", targetId: before.id,
        summary: { before: { name: before.name, query: before.query, enabled: !!before.enabled }, after: req.body }, ip: req.ip,
      });
    });
    deps.analysis?.reload();
    reloadRules(db);
    return viewOf(db, req.params.id);
  });

  r.delete("/api/watches/:id", {
    schema: { tags: ["watches"], params: idParams },
  }, async (req, reply) => {
    const p = authorize(req, "analysis.write");
    db.tx(() => {
      const before = getWatch(db, req.params.id);
      if (!before) throw AppError.notFound("watch");
      deleteWatch(db, before.id);
      recordAudit(db, { actor: actorOf(p), action: "watch.delete", targetType: "watch", targetId: before.id, summary: { name: before.name, query: before.query }, ip: req.ip });
    });
    deps.analysis?.reload();
    reloadRules(db);
    return reply.code(204).send();
  });
}
