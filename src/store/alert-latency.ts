// Alert latency per channel (预警送达时延): how long alerts raised in a window took to reach each
// channel, as nearest-rank p50/p95 computed in SQL, with the delivery outcome counts.
import type { Db } from "../db/connection";

/** p50/p95 (ms, nearest rank) over `n` delivered alerts; null when none. */
export interface LatencyFigures { n: number; p50: number | null; p95: number | null }

/** One channel's latency and delivery outcome over the window. */
export interface ChannelLatency {
  id: number; name: string; kind: string; enabled: boolean;
  /** Alerts delivered (folded alerts counted with their carrier's delivery). */
  sent: number;
  /** Messages sent: delivery rows in state sent (a folded message counts once). */
  messages: number;
  /** Alerts whose delivery failed for good. */
  failed: number;
  /** Alerts whose delivery is still pending (retrying, or held by folding or quiet hours). */
  pending: number;
  fetchedToDelivered: LatencyFigures;
  publishedToDelivered: LatencyFigures;
  createdToDelivered: LatencyFigures;
}

const METRICS = { fetched: "fetchedToDelivered", published: "publishedToDelivered", created: "createdToDelivered" } as const;
type Metric = keyof typeof METRICS;

// `s`: each alert of the window with its channel's delivery. An alert folded into a carrier has no
// delivery rows of its own; it reached the channel when its carrier's message did, so it takes the
// carrier's row (the ledger shows it the same way).
const SAMPLES = `
  SELECT d.channel_id, a.id AS alert_id, d.alert_id AS carrier_id, d.state, d.sent_at,
    a.fetched_at, a.published_at, a.created_at
  FROM alerts a JOIN alert_deliveries d ON d.alert_id = coalesce(a.folded_into, a.id)
  WHERE a.created_at >= ? AND a.created_at <= ?`;

// Latencies of the sent samples per metric. Published → delivered skips items without a published
// time and future-dated ones (a feed's clock ahead of ours would give a negative latency).
// Nearest rank: the value at 1-based rank ceil(p·n/100), written (p·n + 99) / 100 in integer division
// so it runs on SQLite and PostgreSQL alike.
const PERCENTILES = `
  WITH s AS (${SAMPLES}),
  v AS (
    SELECT channel_id, 'fetched' AS metric, sent_at - fetched_at AS ms FROM s WHERE state = 'sent' AND fetched_at IS NOT NULL
    UNION ALL
    SELECT channel_id, 'published', sent_at - published_at FROM s WHERE state = 'sent' AND published_at IS NOT NULL AND published_at <= sent_at
    UNION ALL
    SELECT channel_id, 'created', sent_at - created_at FROM s WHERE state = 'sent'
  ),
  r AS (
    SELECT channel_id, metric, ms,
      row_number() OVER (PARTITION BY channel_id, metric ORDER BY ms) AS rn,
      count(*) OVER (PARTITION BY channel_id, metric) AS n
    FROM v
  )
  SELECT channel_id, metric, max(n) AS n,
    max(CASE WHEN rn = (50 * n + 99) / 100 THEN ms END) AS p50,
    max(CASE WHEN rn = (95 * n + 99) / 100 THEN ms END) AS p95
  FROM r GROUP BY channel_id, metric`;

const COUNTS = `
  WITH s AS (${SAMPLES})
  SELECT channel_id,
    sum(CASE WHEN state = 'sent' THEN 1 ELSE 0 END) AS sent,
    count(DISTINCT CASE WHEN state = 'sent' THEN carrier_id END) AS messages,
    sum(CASE WHEN state = 'failed' THEN 1 ELSE 0 END) AS failed,
    sum(CASE WHEN state = 'pending' THEN 1 ELSE 0 END) AS pending
  FROM s GROUP BY channel_id`;

/**
 * Latency per channel of the alerts raised in the `hours` before `now` (by the alert's creation time):
 * fetched → delivered, published → delivered and created → delivered, each p50/p95 in ms over the
 * delivered alerts, and how many were sent, failed or are pending. Every channel is listed (zeros when
 * it had nothing); deliveries to deleted channels are left out. An alert folded into a carrier is
 * delivered when its carrier is: it uses the carrier's delivery `sent_at`.
 */
export function alertLatency(db: Db, hours: number, now = Date.now()): ChannelLatency[] {
  const since = now - hours * 3_600_000;
  const channels = db.prepare("SELECT id, name, kind, enabled FROM alert_channels ORDER BY id").all() as
    { id: number; name: string; kind: string; enabled: number }[];
  const counts = new Map(
    (db.prepare(COUNTS).all(since, now) as { channel_id: number; sent: number; messages: number; failed: number; pending: number }[])
      .map((c) => [c.channel_id, c]),
  );
  const figures = new Map<string, LatencyFigures>();
  for (const p of db.prepare(PERCENTILES).all(since, now) as { channel_id: number; metric: Metric; n: number; p50: number; p95: number }[])
    figures.set(`${p.channel_id}:${p.metric}`, { n: p.n, p50: p.p50, p95: p.p95 });
  const fig = (id: number, m: Metric) => figures.get(`${id}:${m}`) ?? { n: 0, p50: null, p95: null };
  return channels.map((c) => {
    const k = counts.get(c.id);
    return {
      id: c.id, name: c.name, kind: c.kind, enabled: !!c.enabled,
      sent: k?.sent ?? 0, messages: k?.messages ?? 0, failed: k?.failed ?? 0, pending: k?.pending ?? 0,
      fetchedToDelivered: fig(c.id, "fetched"), publishedToDelivered: fig(c.id, "published"), createdToDelivered: fig(c.id, "created"),
    };
  });
}
