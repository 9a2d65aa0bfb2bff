// A report's status as the list and the editor show it.
import { Space, Tag, Typography } from "antd";
import type { ReportSummary } from "../../src/shared/report-types";
import { useT } from "../locales/i18n";

/** 草稿 / 已签发, the number and version, and a mark when the draft changed after the last issue. */
export function ReportStatus({ report }: { report: Pick<ReportSummary, "status" | "number" | "version" | "changedSinceIssue"> }) {
  const t = useT();
  return (
    <Space size={4} wrap data-testid="report-status">
      <Tag color={report.status === "issued" ? "green" : "default"}>{t(`reports.status.${report.status}`)}</Tag>
      {report.number ? <span>{report.number}</span> : null}
      {report.version ? <Typography.Text type="secondary">{t("reports.versionN", { n: report.version })}</Typography.Text> : null}
      {report.changedSinceIssue ? <Tag color="orange">{t("reports.changed")}</Tag> : null}
    </Space>
  );
}
