// The items ledger: search with filters, one item, triage status, XLSX export.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { getItem, setItemStatus } from "../../store/items";
import type { ItemFilter } from "../../store/item-search";
import { recordAudit } from "../../store/audit";
import { AppError } from "../../errors";
import { actorOf, authorize, type RouteDeps } from "../context";
import { presentItem } from "../presenters";
import { errorBody, idParams, itemView, queryTime } from "../schemas";
import { ITEM_STATUSES } from "../../shared/api";
import { localDate } from "../../shared/working-calendar";
import { SENTIMENT_LABELS } from "../../shared/analysis-api";
import { loadItemContext } from "../../store/analysis";
import { correctSentiment } from "../../store/sentiment";
import { refreshEvents } from "../../monitor/refresh-events";

const filterQuery = z.object({
  q: z.string().max(200).optional(),
  sourceId: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? undefined : [v].flat().flatMap((s) => s.split(",")).filter(Boolean).map(Number)))
    .refine((v) => v === undefined || v.every((n) => Number.isInteger(n) && n > 0), "source.ids"),
  from: queryTime,
  to: queryTime,
  status: z.enum(ITEM_STATUSES).optional(),
  collapse: z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true"),
  eventId: z.coerce.number().int().positive().optional(),
  watchId: z.coerce.number().int().positive().optional(),
  // "none": items not yet analysed (a report's 未分析 figure links here).
  sentiment: z.enum([...SENTIMENT_LABELS, "none"]).optional(),
});
const pageQuery = filterQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

function toFilter(q: z.output<typeof filterQuery>): ItemFilter {
  return {
    q: q.q?.trim() || undefined, sourceIds: q.sourceId, from: q.from, to: q.to, status: q.status,
    collapse: q.collapse, eventId: q.eventId, watchId: q.watchId, sentiment: q.sentiment,
  };
}

/** The filter as an audit row records it: only the parts that were set. */
function filterSummary(f: ItemFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== false));
}

/** Most rows one export may hold. */
const EXPORT_MAX = 50_000;

/** /api/items routes. */
export async function itemRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, reads, limits, config } = deps;

  r.get("/api/items", {
    schema: {
      tags: ["items"], summary: "Search the ledger, newest first", querystring: pageQuery,
      response: { 200: z.object({ items: z.array(itemView), total: z.number(), capped: z.boolean() }), 400: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "items.read");
    const { rows, total, capped, ctx } = await limits.search.run(p.id, () =>
      reads.run("ledgerPage", [toFilter(req.query), req.query.limit, req.query.offset]));
    return { items: rows.map((row) => presentItem(row, ctx)), total, capped };
  });

  r.get("/api/items/export.xlsx", {
    schema: { tags: ["items"], summary: `Export a search result as XLSX (at most ${EXPORT_MAX} rows)`, querystring: filterQuery },
  }, async (req, reply) => {
    const p = authorize(req, "items.export");
    const filter = toFilter(req.query);
    const body = await limits.export.run(p.id, async () => {
      const { rows, file } = await reads.run("ledgerXlsx", [filter, EXPORT_MAX, config.timeZone], config.exportBudgetMs);
      recordAudit(db, { actor: actorOf(p), action: "items.export", targetType: "items", targetId: null, summary: { format: "xlsx", filter: filterSummary(filter), rows }, ip: req.ip });
      // A thread's answer arrives as a plain Uint8Array.
      return Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    });
    const stamp = localDate(Date.now(), config.timeZone); // the office's day, not UTC's or the server's
    reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="items-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`舆情台账-${stamp}.xlsx`)}`);
    return reply.send(body);
  });

  r.get("/api/items/:id", {
    schema: { tags: ["items"], params: idParams, response: { 200: itemView, 404: errorBody } },
  }, async (req) => {
    authorize(req, "items.read");
    const it = getItem(db, req.params.id);
    if (!it) throw AppError.notFound("item");
    return presentItem(it, loadItemContext(db, [it]));
  });

  r.patch("/api/items/:id", {
    schema: {
      tags: ["items"], summary: "Set the triage status", params: idParams,
      body: z.object({ status: z.enum(ITEM_STATUSES) }), response: { 200: itemView, 404: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "items.triage");
    const it = db.tx(() => {
      const before = getItem(db, req.params.id);
      if (!before) throw AppError.notFound("item");
      setItemStatus(db, before.id, req.body.status, p.id);
      recordAudit(db, { actor: actorOf(p), action: "item.status", targetType: "item", targetId: before.id, summary: { from: before.status, to: req.body.status }, ip: req.ip });
      return getItem(db, before.id)!;
    });
    return presentItem(it, loadItemContext(db, [it]));
  });

  r.post("/api/items/:id/sentiment", {
    schema: {
      tags: ["items"], summary: "Correct an item's sentiment (kept, and used to train the deployment's model)", params: idParams,
      body: z.object({ label: z.enum(SENTIMENT_LABELS) }), response: { 200: itemView, 404: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "analysis.write");
    const it = db.tx(() => {
      const before = getItem(db, req.params.id);
      if (!before) throw AppError.notFound("item");
      const { previous } = correctSentiment(db, before.id, req.body.label, p.id);
      if (before.event_id) refreshEvents(db, [before.event_id], Date.now());
      recordAudit(db, { actor: actorOf(p), action: "item.sentiment", targetType: "item", targetId: before.id, summary: { from: previous, to: req.body.label }, ip: req.ip });
      return getItem(db, before.id)!;
    });
    return presentItem(it, loadItemContext(db, [it]));
  });
}
