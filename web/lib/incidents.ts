// Incident mode in the UI: a page-wide "incidents changed" signal (the banner, the event's panel and its
// start button reload at once instead of on their next poll) and the text of log entries.
import { useEffect } from "react";
import type { IncidentLogView } from "../../src/shared/incidents-api";
import type { I18n } from "../locales/i18n";
import { formatTime } from "./format";

const CHANGED = "tingfeng:incidents-changed";

/** Tells every listener on the page that an incident was started, changed or closed. */
export function notifyIncidentsChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** Calls `reload` whenever an incident changes on this page. */
export function useOnIncidentsChanged(reload: () => void): void {
  useEffect(() => {
    window.addEventListener(CHANGED, reload);
    return () => window.removeEventListener(CHANGED, reload);
  }, [reload]);
}

type Params = { until?: number; pollSeconds?: number; sources?: number; escalateMinutes?: number | null };

/** The text of a log entry: a user's note as written, a system entry from its parameters. */
export function logEntryText(entry: IncidentLogView, t: I18n["t"]): string {
  if (entry.kind === "note") return entry.text;
  let p: Params = {};
  try {
    p = entry.text ? (JSON.parse(entry.text) as Params) : {};
  } catch {
    // A malformed entry shows its kind alone.
  }
  const until = p.until === undefined ? "" : formatTime(new Date(p.until).toISOString());
  const minutes = p.pollSeconds === undefined ? "" : String(Math.round(p.pollSeconds / 60));
  switch (entry.kind) {
    case "started":
      return t("incident.kind.started", { until, minutes, sources: p.sources ?? 0 });
    case "extended":
      return t("incident.kind.extended", { until, sources: p.sources ?? 0 });
    case "interval":
      return t("incident.kind.interval", { minutes });
    case "escalation":
      return t("incident.kind.escalation", {
        value: p.escalateMinutes ? t("incident.escalateAfter", { n: p.escalateMinutes }) : t("incident.none"),
      });
    case "closed":
      return t("incident.kind.closed");
  }
}
