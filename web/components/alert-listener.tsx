// Alerts arriving while Tingfeng is open in this browser: the in-page notice on any page but 预警 (which shows
// its own; a click opens 预警), and this browser's chosen tone and desktop notification, from one tab only.
import { useEffect, useRef } from "react";
import { App } from "antd";
import { useLocation, useNavigate } from "react-router-dom";
import { pageOfPath } from "../app/access";
import { useT } from "../locales/i18n";
import { notifyAlert } from "../lib/alert-notify";
import { subscribeAlerts } from "../lib/alert-stream";

/** Listens to the browser's shared alert stream; renders nothing. Mount it once, for roles that read alerts. */
export function AlertListener() {
  const t = useT();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const onAlertsPage = pageOfPath(useLocation().pathname) === "alerts";
  // Read when an alert arrives, so that moving between pages does not reopen the stream.
  const current = useRef({ t, notification, navigate, onAlertsPage });
  current.current = { t, notification, navigate, onAlertsPage };

  useEffect(
    () =>
      subscribeAlerts((m, leader) => {
        const { t, notification, navigate, onAlertsPage } = current.current;
        // A delivered report (报告) arrives on the same channel: it opens the report, not the alert ledger.
        const report = m.kind === "report";
        const heading = t(report ? "alerts.reportDelivered" : "alerts.new", { title: m.title });
        const target = report && m.url ? new URL(m.url, window.location.origin).pathname : "/alerts";
        if (!onAlertsPage || report)
          notification.open({
            message: heading, description: m.reason, type: report ? "info" : m.severity === "major" ? "error" : "warning",
            onClick: () => navigate(target), props: { "data-testid": "alert-notice" } as Record<string, string>,
          });
        // One tone and one desktop notification per browser, however many tabs are open.
        if (leader) notifyAlert(m, heading);
      }),
    [],
  );
  return null;
}
