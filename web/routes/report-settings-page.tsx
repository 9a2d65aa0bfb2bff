// Report settings (/report-settings, administrators): templates per kind, delivery schedules, and the
// generation history.
import { Card, Tabs } from "antd";
import { useSearchParams } from "react-router-dom";
import { useT } from "../locales/i18n";
import { ReportRunsSection } from "./report-runs-section";
import { ReportSchedulesSection } from "./report-schedules-section";
import { ReportTemplatesSection } from "./report-templates-section";

const TABS = ["templates", "schedules", "runs"] as const;

/** The /report-settings page; the tab is kept in `?tab=`. */
export function ReportSettingsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((k) => k === params.get("tab")) ?? "templates";
  return (
    <Card title={t("menu.reportSettings")}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: "templates", label: t("reportSettings.templates"), children: <ReportTemplatesSection /> },
          { key: "schedules", label: t("reportSettings.schedules"), children: <ReportSchedulesSection onRan={() => setParams({ tab: "runs" }, { replace: true })} /> },
          { key: "runs", label: t("reportSettings.runs"), children: <ReportRunsSection /> },
        ]}
      />
    </Card>
  );
}
