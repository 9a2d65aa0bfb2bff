// Response and body schemas of the analysis API (mirroring src/shared/analysis-api.ts).
import { z } from "zod";
import { name, text } from "./text-fields";
import { RISK_LEVELS, SENTIMENT_LABELS, USER_WORD_KINDS } from "../shared/analysis-api";

const span = z.object({ field: z.enum(["title", "text"]), start: z.number(), end: z.number() });
/** BurstView. */
export const burstView = z.object({
  flag: z.boolean(), lastHour: z.number(), baseline: z.number(), ratio: z.number().nullable(), z: z.number(), reasons: z.array(z.string()),
});
/** ItemAnalysisView. */
export const itemAnalysisView = z.object({
  sentiment: z.object({ label: z.enum(SENTIMENT_LABELS), score: z.number(), corrected: z.boolean() }),
  keywords: z.array(z.string()),
  dupGroup: z.string().nullable(),
  repostCount: z.number(),
  isOriginal: z.boolean(),
  eventId: z.number().nullable(),
  eventTitle: z.string().nullable(),
  watches: z.array(z.object({ id: z.number(), name: z.string(), spans: z.array(span) })),
});
/** RepostGroupView. */
export const repostGroupView = z.object({
  dupGroup: z.string(),
  size: z.number(),
  first: z.object({ itemId: z.number(), title: z.string(), sourceName: z.string(), author: z.string().nullable(), publishedAt: z.string().nullable() }),
  sources: z.array(z.object({ name: z.string(), count: z.number() })),
  timeline: z.array(z.object({ hour: z.string(), source: z.string(), count: z.number() })),
  members: z.array(z.object({ itemId: z.number(), title: z.string(), sourceName: z.string(), publishedAt: z.string().nullable(), url: z.string().nullable() })),
});
/** WatchView. */
export const watchView = z.object({
  id: z.number(), name: z.string(), query: z.string(), enabled: z.boolean(), matchCount: z.number(), matchesToday: z.number(),
  burst: burstView.nullable(), createdAt: z.string(), updatedAt: z.string(),
});
/** WatchPreview. */
export const watchPreview = z.object({
  scanned: z.number(), matched: z.number(),
  items: z.array(z.object({ id: z.number(), title: z.string(), text: z.string(), sourceName: z.string(), publishedAt: z.string().nullable(), spans: z.array(span) })),
});
const risk = z.object({ level: z.enum(RISK_LEVELS), suggested: z.enum(RISK_LEVELS), overridden: z.boolean(), score: z.number(), reasons: z.array(z.string()) });
/** EventSummaryView. */
export const eventSummaryView = z.object({
  id: z.number(), title: z.string(), firstAt: z.string(), lastAt: z.string(), size: z.number(),
  sentimentMix: z.object({ neg: z.number(), neu: z.number(), pos: z.number() }), topKeywords: z.array(z.string()), risk, burst: burstView.nullable(),
});
/** EventDetailView. */
export const eventDetailView = eventSummaryView.extend({
  sources: z.array(z.object({ name: z.string(), count: z.number() })),
  volume: z.array(z.object({ hour: z.string(), count: z.number() })),
  keywords: z.array(z.object({ word: z.string(), weight: z.number() })),
  items: z.array(z.object({
    id: z.number(), title: z.string(), sourceName: z.string(), publishedAt: z.string().nullable(),
    sentiment: z.enum(SENTIMENT_LABELS).nullable(), dupGroup: z.string().nullable(), url: z.string().nullable(),
  })),
});
/** UserWordView. */
export const userWordView = z.object({ id: z.number(), word: z.string(), kind: z.enum(USER_WORD_KINDS), createdAt: z.string() });
/** SentimentModelView. */
export const sentimentModelView = z.object({
  active: z.object({
    id: z.number(), createdAt: z.string(), examples: z.number(), source: z.enum(["corrections", "file"]), holdoutAccuracy: z.number().nullable(),
  }).nullable(),
  corrections: z.number(),
});
/** Body of a watch create. */
export const watchBody = z.object({
  name: name(100),
  query: text(4000, { multiline: true }).pipe(z.string().min(1)),
  enabled: z.boolean().default(true),
});
