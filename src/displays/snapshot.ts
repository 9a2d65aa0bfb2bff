// The wall display's snapshot: the store's figures over the last 24 hours in the shape the page draws.
import type { Db } from "../db/connection";
import { wallAlerts, wallCases, wallTopEvents, wallVolume } from "../store/wall";
import { WALL_BUCKET_MINUTES, WALL_BUCKETS, type WallSnapshot } from "../shared/wall-api";
import type { Severity } from "../shared/alerts-api";
import { RISK_LEVELS, type RiskLevel } from "../shared/analysis-api";
import { iso } from "../shared/iso";

const BUCKET_MS = WALL_BUCKET_MINUTES * 60_000;
const SENTIMENTS = new Set(["neg", "neu", "pos"]);
const TOP_EVENTS = 6;
const NEWEST_ALERTS = 10;
const MOST_OVERDUE = 5;

/** Buckets aligned to whole 10 minutes, the last one holding `now`: [from, to). */
export function wallWindow(now: number): { from: number; to: number } {
  const to = Math.floor(now / BUCKET_MS) * BUCKET_MS + BUCKET_MS;
  return { from: to - WALL_BUCKETS * BUCKET_MS, to };
}

/** Everything the wall shows at `now`, for the display named `display`. */
export function wallSnapshot(db: Db, display: string, now = Date.now()): WallSnapshot {
  const { from, to } = wallWindow(now);
  const counts = new Array<number>(WALL_BUCKETS).fill(0);
  const sentiment = { neg: 0, neu: 0, pos: 0, none: 0 };
  for (const r of wallVolume(db, from, to, BUCKET_MS)) {
    counts[r.bucket] += r.n;
    sentiment[r.sentiment && SENTIMENTS.has(r.sentiment) ? (r.sentiment as "neg" | "neu" | "pos") : "none"] += r.n;
  }
  const hour = 60 / WALL_BUCKET_MINUTES;
  const cases = wallCases(db, now, MOST_OVERDUE);
  return {
    generatedAt: iso(now),
    display,
    volume: {
      from: iso(from), bucketMinutes: WALL_BUCKET_MINUTES, counts,
      total24h: counts.reduce((a, b) => a + b, 0), lastHour: counts.slice(-hour).reduce((a, b) => a + b, 0),
    },
    sentiment,
    topEvents: wallTopEvents(db, from, to, TOP_EVENTS).map((e) => {
      const analysed = e.neg + e.neu + e.pos;
      return {
        id: e.id, title: e.title, items24h: e.n, size: e.size,
        risk: (RISK_LEVELS as readonly string[]).includes(e.risk) ? (e.risk as RiskLevel) : "general",
        negShare: analysed ? e.neg / analysed : null,
      };
    }),
    alerts: wallAlerts(db, NEWEST_ALERTS).map((a) => ({
      id: a.id, severity: a.severity as Severity, title: a.title, createdAt: iso(a.created_at), acknowledged: a.acknowledged_at != null,
    })),
    cases: {
      open: cases.open, overdue: cases.overdue,
      mostOverdue: cases.rows.map((c) => ({ id: c.id, title: c.title, unitName: c.unit_name, deadline: iso(c.deadline) })),
    },
  };
}
