// Incident mode (24 小时值守) API types shared by the server and the web UI (no node:* imports).

/** Durations offered when starting an incident, in hours (the API takes any whole number up to MAX). */
export const INCIDENT_HOURS = [6, 12, 24, 72] as const;
/** The longest an incident may run from now, in hours (start or extension). */
export const INCIDENT_MAX_HOURS = 168;
/** Polling intervals offered, in seconds (1–5 minutes); the default is 2 minutes. */
export const INCIDENT_POLL_SECONDS = [60, 120, 180, 300] as const;
/** The default polling interval of an incident's sources. */
export const INCIDENT_DEFAULT_POLL_SECONDS = 120;
/** Longest log entry and closing summary, in characters. */
export const INCIDENT_NOTE_MAX = 2000;
/** Longest closing summary, in characters. */
export const INCIDENT_SUMMARY_MAX = 5000;

/** Kinds of incident log entries; all but `note` are written by the system (their text is JSON parameters). */
export type IncidentLogKindName = "note" | "started" | "extended" | "interval" | "escalation" | "closed";

/** An incident as the banner and the event page show it. */
export interface IncidentView {
  id: number; eventId: number; eventTitle: string; startedAt: string; startedBy: number | null; until: string; pollSeconds: number;
  escalateMinutes: number | null; closedAt: string | null; closedBy: number | null; summary: string | null;
  /** True while it is open and `until` lies ahead (its sources are polled at `pollSeconds`). */
  active: boolean;
}

/** One log entry (处置日志); automatic entries carry JSON parameters in `text`. */
export interface IncidentLogView { id: number; at: string; userId: number | null; userName: string | null; kind: IncidentLogKindName; text: string }

/** Figures of the incident period (start to close, or to now while open). */
export interface IncidentFiguresView {
  from: string; to: string; items: number; negative: number; analysed: number; negativeShare: number | null;
  peakHour: { at: string; items: number } | null; sources: { name: string; items: number }[]; sourceCount: number; alerts: number;
  polledSources: number;
}

/** An alert raised on the event during the incident (shown in its log). */
export interface IncidentAlertView { id: number; severity: "general" | "significant" | "major"; title: string; createdAt: string }

/** GET /api/incidents/:id. */
export interface IncidentDetailView extends IncidentView { log: IncidentLogView[]; alerts: IncidentAlertView[]; figures: IncidentFiguresView }
