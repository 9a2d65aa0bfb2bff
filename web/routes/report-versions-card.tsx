// The issued versions of a report: version, number, issuer, time, checksum, the phone page and downloads.
import { Button, Card, Space, Table, Tooltip, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { MobileOutlined } from "@ant-design/icons";
import { Link } from "react-router-dom";
import { REPORT_FORMATS, type ReportVersionSummary } from "../../src/shared/report-types";
import { useT } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { rowTestId } from "../lib/table-rows";

/** Download links of one file in every format. */
export function ExportButtons({ base, testId }: { base: string; testId: string }) {
  return (
    <Space.Compact>
      {REPORT_FORMATS.map((format) => (
        <Button key={format} size="small" href={`${base}?format=${format}`} data-testid={`${testId}-${format}`}>
          {format.toUpperCase()}
        </Button>
      ))}
    </Space.Compact>
  );
}

/** The versions table. */
export function ReportVersionsCard({ versions }: { versions: ReportVersionSummary[] }) {
  const t = useT();
  const columns: TableColumnsType<ReportVersionSummary> = [
    { title: t("reports.version"), dataIndex: "version", width: 90, render: (n: number) => t("reports.versionN", { n }) },
    { title: t("reports.number"), dataIndex: "number", width: 150 },
    { title: t("reports.issuedBy"), dataIndex: "issuedBy", width: 110, render: (v: string | null) => v ?? "—" },
    { title: t("reports.issuedAt"), dataIndex: "issuedAt", width: 150, render: formatTime },
    {
      title: t("reports.sha"), dataIndex: "sha256", width: 130,
      render: (sha: string) => <Tooltip title={sha}><Typography.Text code>{sha.slice(0, 12)}</Typography.Text></Tooltip>,
    },
    {
      title: t("common.actions"), key: "actions",
      render: (_, v) => (
        <Space wrap>
          <Link to={`/m/reports/${v.id}`} data-testid={`version-phone-${v.version}`}><MobileOutlined /> {t("reports.openPhone")}</Link>
          <ExportButtons base={`/api/report-versions/${v.id}/export`} testId={`version-export-${v.version}`} />
        </Space>
      ),
    },
  ];
  return (
    <Card size="small" title={t("reports.versions")} style={{ marginTop: 16 }}>
      <Table<ReportVersionSummary>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 760 }}
        dataSource={[...versions].sort((a, b) => b.version - a.version)}
        columns={columns}
        locale={{ emptyText: t("reports.noVersions") }}
        onRow={rowTestId("version-row")}
        data-testid="report-versions"
      />
    </Card>
  );
}
