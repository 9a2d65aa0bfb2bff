// /api/events: event list and pages, and the analysts' corrections (merge, split, title, risk).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/connection";
import type { EventsTable } from "../../db/schema";
import { AppError } from "../../errors";
import { RISK_LEVELS, type EventDetailView, type EventSummaryView, type RiskLevel, type SentimentLabel } from "../../shared/analysis-api";
import { eventMembers, eventSources, eventVolume, getEvent, listEvents } from "../../store/events";
import { burstEnd } from "../../analyse/bursts";
import { eventBurst } from "../../monitor/refresh-events";
import { mergeEvents, overrideRisk, renameEvent, splitEvent } from "../../monitor/events";
import { actorOf, authorize, type AppDeps } from "../context";
import { errorBody, idParams, name } from "../schemas";
import { eventDetailView, eventSummaryView } from "../analysis-schemas";

const iso = (ms: number) => new Date(ms).toISOString();

function parse<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function summary(db: Db, e: EventsTable, now: number): EventSummaryView {
  const keywords = parse<{ word: string }[]>(e.keywords, []);
  const b = eventBurst(db, e.id, now);
  const suggested = e.risk_level as RiskLevel;
  return {
    id: e.id, title: e.title || keywords.slice(0, 3).map((k) => k.word).join("·") || `#${e.id}`,
    firstAt: iso(e.first_at), lastAt: iso(e.last_at), size: e.size,
    sentimentMix: { neg: e.neg, neu: e.neu, pos: e.pos }, topKeywords: keywords.slice(0, 5).map((k) => k.word),
    risk: {
      level: (e.risk_override as RiskLevel | null) ?? suggested, suggested, overridden: e.risk_override !== null,
      score: e.risk_score, reasons: parse<string[]>(e.risk_reasons, []),
    },
    burst: { flag: b.flag, lastHour: b.lastHour, baseline: b.baseline, ratio: b.ratio, z: b.z, reasons: b.reasons },
  };
}

function detail(db: Db, id: number): EventDetailView {
  const e = getEvent(db, id);
  if (!e || e.merged_into) throw AppError.notFound("event");
  const now = Date.now();
  const members = eventMembers(db, id, 1000);
  return {
    ...summary(db, e, now),
    sources: eventSources(db, id),
    // On the burst's hour edges at the same moment, so the badge's figures are the chart's points.
    volume: eventVolume(db, id, burstEnd(now)).map((v) => ({ hour: iso(v.hour), count: v.count })),
    keywords: parse<{ word: string; weight: number }[]>(e.keywords, []),
    items: members.map((m) => ({
      id: m.id, title: m.title, sourceName: m.source_name, publishedAt: iso(m.t),
      sentiment: (m.sentiment as SentimentLabel | null) ?? null, dupGroup: m.dup_group, url: m.url,
    })),
  };
}

/** Event routes. */
export async function eventRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const who = (req: { ip: string }, p: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(p), ip: req.ip });

  r.get("/api/events", {
    schema: {
      tags: ["events"], summary: "Events, most recently active first",
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(20), offset: z.coerce.number().int().min(0).max(100_000).default(0),
        risk: z.enum(RISK_LEVELS).optional(), q: z.string().max(100).optional(),
      }),
      response: { 200: z.object({ events: z.array(eventSummaryView), total: z.number() }), 400: errorBody },
    },
  }, async (req) => {
    authorize(req, "analysis.read");
    const { rows, total } = listEvents(db, { ...req.query, q: req.query.q?.trim() || undefined });
    const now = Date.now();
    return { events: rows.map((e) => summary(db, e, now)), total };
  });

  r.get("/api/events/:id", {
    schema: { tags: ["events"], params: idParams, response: { 200: eventDetailView, 404: errorBody } },
  }, async (req) => {
    authorize(req, "analysis.read");
    return detail(db, req.params.id);
  });

  r.patch("/api/events/:id", {
    schema: { tags: ["events"], params: idParams, body: z.object({ title: name(200) }), response: { 200: eventDetailView, 404: errorBody } },
  }, async (req) => {
    const p = authorize(req, "analysis.write");
    renameEvent(db, req.params.id, req.body.title, who(req, p));
    return detail(db, req.params.id);
  });

  r.post("/api/events/:id/merge", {
    schema: {
      tags: ["events"], summary: "Merge another event into this one", params: idParams,
      body: z.object({ eventId: z.number().int().positive() }), response: { 200: eventDetailView, 400: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "analysis.write");
    mergeEvents(db, deps.analysis?.analyser, req.params.id, req.body.eventId, who(req, p));
    return detail(db, req.params.id);
  });

  r.post("/api/events/:id/split", {
    schema: {
      tags: ["events"], summary: "Move items of this event into a new event", params: idParams,
      body: z.object({ itemIds: z.array(z.number().int().positive()).min(1).max(5000) }),
      response: { 200: z.object({ eventId: z.number() }), 400: errorBody, 404: errorBody, 409: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "analysis.write");
    return { eventId: splitEvent(db, deps.analysis?.analyser, req.params.id, req.body.itemIds, who(req, p)) };
  });

  r.post("/api/events/:id/risk", {
    schema: {
      tags: ["events"], summary: "Override the suggested risk level (null returns to the suggestion)", params: idParams,
      body: z.object({ level: z.enum(RISK_LEVELS).nullable() }), response: { 200: eventDetailView, 404: errorBody, 409: errorBody },
    },
  }, async (req) => {
    const p = authorize(req, "analysis.write");
    overrideRisk(db, req.params.id, req.body.level, who(req, p));
    return detail(db, req.params.id);
  });
}
