// Zod schemas of GET /api/alerts/latency.
import { z } from "zod";
import { LATENCY_HOURS_DEFAULT, LATENCY_HOURS_MAX } from "../shared/alert-latency-api";

/** The window: the last `hours` hours (1–168, default 24). */
export const latencyQuery = z.object({
  hours: z.coerce.number().int().min(1).max(LATENCY_HOURS_MAX).default(LATENCY_HOURS_DEFAULT),
});

const figures = z.object({ n: z.number(), p50: z.number().nullable(), p95: z.number().nullable() });

/** The answer: per channel, p50/p95 in ms and the delivery outcome counts. */
export const latencyView = z.object({
  hours: z.number(),
  since: z.string(),
  channels: z.array(z.object({
    id: z.number(), name: z.string(), kind: z.string(), enabled: z.boolean(),
    sent: z.number(), messages: z.number(), failed: z.number(), pending: z.number(),
    fetchedToDelivered: figures, publishedToDelivered: figures, createdToDelivered: figures,
  })),
});
