// Prometheus metrics (prom-client): one registry per process. Events are counted where they happen
// (ingest, alert delivery, HTTP); what the database knows (analysis lag, its size) is read when scraped,
// from the database the server bound with `bindMetricsDatabase`. Names follow Prometheus conventions.
import { statSync } from "node:fs";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Db } from "../db/connection";
import { analysisLag } from "../store/analysis";

/** The process's metrics registry (what GET /metrics prints). */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "tingfeng_", eventLoopMonitoringPrecision: 20 });

/** Entries a source's fetch returned (before de-duplication). */
export const itemsFetched = new Counter({ name: "tingfeng_items_fetched_total", help: "Entries returned by source fetches", labelNames: ["source_id"], registers: [registry] });
/** New items stored in the ledger. */
export const itemsStored = new Counter({ name: "tingfeng_items_stored_total", help: "New items stored in the ledger", labelNames: ["source_id"], registers: [registry] });
/** Failed fetches by stored failure code. */
export const fetchErrors = new Counter({ name: "tingfeng_fetch_errors_total", help: "Failed source fetches by failure code", labelNames: ["source_id", "code"], registers: [registry] });
/** From an alert being raised to its delivery on a channel. */
export const alertDeliverySeconds = new Histogram({
  name: "tingfeng_alert_delivery_seconds", help: "Seconds from an alert being raised to its delivery, per channel",
  labelNames: ["channel_id"], buckets: [0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600], registers: [registry],
});
/** HTTP request duration by route pattern (never the raw URL: ids and tokens stay out). */
export const httpSeconds = new Histogram({
  name: "tingfeng_http_request_duration_seconds", help: "HTTP request duration by method, route pattern and status",
  labelNames: ["method", "route", "status_code"], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
});

let bound: { db: Db; file: string } | null = null;

/** Binds the database whose lag and size are reported (the server's). */
export function bindMetricsDatabase(db: Db, file: string): void {
  bound = { db, file };
}

/** Sum of the SQLite file and its WAL, in bytes. */
function databaseBytes(file: string): number {
  let n = 0;
  for (const f of [file, `${file}-wal`]) {
    try {
      n += statSync(f).size;
    } catch {
      // No WAL right after a checkpoint, or an in-memory database.
    }
  }
  return n;
}

new Gauge({
  name: "tingfeng_analysis_lag_items", help: "Items stored but not analysed yet", registers: [registry],
  collect() {
    if (bound) this.set(analysisLag(bound.db).items);
  },
});
new Gauge({
  name: "tingfeng_analysis_lag_seconds", help: "Age of the oldest item waiting for analysis (0 when none waits)", registers: [registry],
  collect() {
    if (!bound) return;
    const oldest = analysisLag(bound.db).oldestFetchedAt;
    this.set(oldest === null ? 0 : Math.max(0, (Date.now() - oldest) / 1000));
  },
});
new Gauge({
  name: "tingfeng_database_bytes", help: "Size of the SQLite database and its WAL", registers: [registry],
  collect() {
    if (bound) this.set(databaseBytes(bound.file));
  },
});
