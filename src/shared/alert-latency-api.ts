// Alert latency API types (GET /api/alerts/latency) shared by the server and the web UI.

/** p50/p95 in ms (nearest rank) over `n` delivered alerts; null when there were none. */
export interface LatencyFiguresView { n: number; p50: number | null; p95: number | null }

/** One channel's delivery latency and outcomes over the window. */
export interface ChannelLatencyView {
  id: number; name: string; kind: string; enabled: boolean;
  /** Alerts delivered (folded alerts counted with their carrier). */
  sent: number;
  /** Messages sent (a folded message counts once). */
  messages: number;
  failed: number;
  pending: number;
  fetchedToDelivered: LatencyFiguresView;
  publishedToDelivered: LatencyFiguresView;
  createdToDelivered: LatencyFiguresView;
}

/** GET /api/alerts/latency. */
export interface AlertLatencyView { hours: number; since: string; channels: ChannelLatencyView[] }

/** The window's default and largest length, in hours. */
export const LATENCY_HOURS_DEFAULT = 24;
/** The largest window the API accepts (a week). */
export const LATENCY_HOURS_MAX = 168;
