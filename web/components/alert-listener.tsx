// Alerts arriving while another page is open: the in-page notice (a click opens 预警) and this browser's tone
// and desktop notification. The alerts page listens on its own, so this listener closes its stream there.
import { useEffect } from "react";
import { App } from "antd";
import { useLocation, useNavigate } from "react-router-dom";
import { pageOfPath } from "../app/access";
import { useT } from "../locales/i18n";
import { notifyAlert, type LiveAlert } from "../lib/alert-notify";

/** Listens to GET /api/alerts/stream outside the alerts page; renders nothing. Mount it for roles that read alerts. */
export function AlertListener() {
  const t = useT();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const onAlertsPage = pageOfPath(useLocation().pathname) === "alerts";

  useEffect(() => {
    if (onAlertsPage) return;
    const source = new EventSource("/api/alerts/stream");
    source.addEventListener("alert", (event) => {
      const m = JSON.parse((event as MessageEvent<string>).data) as LiveAlert;
      const heading = t("alerts.new", { title: m.title });
      notification.open({
        message: heading, description: m.reason, type: m.severity === "major" ? "error" : "warning",
        onClick: () => navigate("/alerts"), props: { "data-testid": "alert-notice" } as Record<string, string>,
      });
      notifyAlert(m, heading);
    });
    return () => source.close();
  }, [onAlertsPage, notification, navigate, t]);
  return null;
}
