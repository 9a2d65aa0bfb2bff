// The banner every signed-in page shows while an incident (24 小时值守) is in force: the event, since
// when and until when, with a link to the event for those who may open it. Polled every 30 s.
import { Alert } from "antd";
import { Link } from "react-router-dom";
import type { IncidentView } from "../../src/shared/incidents-api";
import { useApi } from "../api/hooks";
import { canOpen } from "../app/access";
import { useUser } from "../app/session";
import { formatTime } from "../lib/format";
import { useOnIncidentsChanged } from "../lib/incidents";
import { useT } from "../locales/i18n";

const POLL_MS = 30_000;

/** One line per incident in force; nothing when there is none (or the list cannot be read). */
export function IncidentBanner() {
  const t = useT();
  const events = canOpen(useUser().role, "events");
  const { data, reload } = useApi<{ incidents: IncidentView[] }>("/api/incidents/active", { refreshMs: POLL_MS, keepPrevious: true });
  useOnIncidentsChanged(reload);
  const incidents = data?.incidents.filter((i) => i.active) ?? [];
  if (!incidents.length) return null;
  return (
    <div className="incident-banners no-print" data-testid="incident-banner">
      {incidents.map((i) => (
        <Alert
          key={i.id}
          banner
          type="error"
          showIcon
          title={t("incident.banner", { title: i.eventTitle || `#${i.eventId}`, from: formatTime(i.startedAt), until: formatTime(i.until) })}
          action={events ? <Link to={`/events/${i.eventId}`} data-testid="incident-banner-link">{t("incident.banner.open")}</Link> : undefined}
        />
      ))}
    </div>
  );
}
