// GET /api/alerts/latency: how fast alerts reached each channel (预警送达时延), for the dashboard and the
// alerts page. Readable by whoever may read the alert ledger (alerts.read). Runs on the read pool: a week of
// 30k alerts a day on two channels takes 1.7-3 s of SQLite window functions.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { authorize, type RouteDeps } from "../context";
import { latencyQuery, latencyView } from "../alert-latency-schema";

/** Alert latency route. */
export async function alertLatencyRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/alerts/latency", {
    schema: {
      tags: ["alerts"],
      summary: "Per channel, p50/p95 of fetched, published and created → delivered over the alerts of the last N hours",
      description:
        "Alerts raised in the window (by creation time). An alert folded into another's message is delivered when that " +
        "carrier is, so it takes the carrier's delivery time. Published → delivered skips items without a published time " +
        "and future-dated ones. Percentiles are nearest-rank, in milliseconds.",
      querystring: latencyQuery,
      response: { 200: latencyView },
    },
  }, async (req) => {
    authorize(req, "alerts.read");
    const now = Date.now();
    const { hours } = req.query;
    return { hours, since: new Date(now - hours * 3_600_000).toISOString(), channels: await deps.reads.run("alertLatency", [hours, now]) };
  });
}
