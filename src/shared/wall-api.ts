// Wall display (大屏) API types shared by the server and the web UI (no node:* imports).
import type { Severity } from "./alerts-api";
import type { RiskLevel } from "./analysis-api";

/** A display token as the admin list shows it (never the token itself). */
export interface DisplayTokenView {
  id: number; name: string; createdAt: string; revokedAt: string | null; lastSeenAt: string | null; createdBy: string | null;
}

/** The answer to creating a display token: the token and the wall's address, shown once. */
export interface DisplayTokenCreated { id: number; name: string; token: string; url: string }

/** How long one bucket of the wall's volume line is. */
export const WALL_BUCKET_MINUTES = 10;
/** How many buckets the volume line has (24 h). */
export const WALL_BUCKETS = (24 * 60) / WALL_BUCKET_MINUTES;

/** One event among the most active of the last 24 h. */
export interface WallEvent {
  id: number; title: string; items24h: number; size: number; risk: RiskLevel;
  /** Negative items over analysed items of the whole event (null when none is analysed). */
  negShare: number | null;
}

/** One of the newest alerts. */
export interface WallAlert { id: number; severity: Severity; title: string; createdAt: string; acknowledged: boolean }

/** One overdue open case. */
export interface WallCase { id: number; title: string; unitName: string | null; deadline: string | null }

/** What the wall shows (GET /api/wall/snapshot and each `snapshot` event of the stream). */
export interface WallSnapshot {
  generatedAt: string;
  /** The display token's name (e.g. "值班室大屏"). */
  display: string;
  /** Items per WALL_BUCKET_MINUTES by publication time (else fetch time), oldest first; the last bucket is the current one. */
  volume: { from: string; bucketMinutes: number; counts: number[]; total24h: number; lastHour: number };
  /** Items of the last 24 h by sentiment (`none`: not analysed yet). */
  sentiment: { neg: number; neu: number; pos: number; none: number };
  topEvents: WallEvent[];
  alerts: WallAlert[];
  cases: { open: number; overdue: number; mostOverdue: WallCase[] };
}
