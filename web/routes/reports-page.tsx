// Reports (报告): the list of drafts and issued reports with kind and status filters, and "新建报告"
// for those who may write them.
import { useMemo, useState } from "react";
import { Button, Card, Select, Space, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { Link, useNavigate } from "react-router-dom";
import { REPORT_KINDS, type ReportKind, type ReportSummary } from "../../src/shared/report-types";
import { withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { canWriteReports } from "../app/access";
import { useUser } from "../app/session";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { rowTestId } from "../lib/table-rows";
import { useSearchState } from "../lib/use-search-state";
import { NewReportModal } from "./report-new-modal";
import { ReportStatus } from "../components/report-status";

const PAGE = 50;

/** The /reports page. */
export function ReportsPage() {
  const t = useT();
  const user = useUser();
  const navigate = useNavigate();
  const [{ kind, status, page: pageText }, update] = useSearchState(["kind", "status", "page"]);
  const [creating, setCreating] = useState(false);
  const page = Number(pageText) || 1;
  const path = useMemo(() => withQuery("/api/reports", { kind, status, limit: PAGE, offset: (page - 1) * PAGE }), [kind, status, page]);
  const { data, error, loading, reload } = useApi<{ reports: ReportSummary[]; total: number }>(path, { keepPrevious: true, refreshMs: 60_000 });

  const columns: TableColumnsType<ReportSummary> = [
    { title: t("reports.kind"), dataIndex: "kind", width: 140, render: (k: ReportKind) => <Tag color="blue">{t(`reports.kind.${k}`)}</Tag> },
    { title: t("reports.docTitle"), dataIndex: "title", render: (title: string, r) => <Link to={`/reports/${r.id}`}>{title}</Link> },
    { title: t("reports.period"), dataIndex: "periodLabel", width: 200 },
    { title: t("reports.status"), key: "status", width: 260, render: (_, r) => <ReportStatus report={r} /> },
    { title: t("reports.updatedAt"), dataIndex: "updatedAt", width: 150, render: formatTime },
  ];

  return (
    <Card
      title={t("menu.reports")}
      extra={
        canWriteReports(user.role) ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="report-new">
            {t("reports.new")}
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t("reports.kind")}
          value={kind || undefined}
          onChange={(v?: string) => update({ kind: v, page: null })}
          options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))}
          data-testid="reports-kind-filter"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("reports.status")}
          value={status || undefined}
          onChange={(v?: string) => update({ status: v, page: null })}
          options={(["draft", "issued"] as const).map((s) => ({ value: s, label: t(`reports.status.${s}`) }))}
          data-testid="reports-status-filter"
        />
      </Space>
      {error && !data ? (
        <LoadFailed error={error} onRetry={reload} />
      ) : (
        <Table<ReportSummary>
          rowKey="id"
          loading={loading && !data}
          dataSource={data?.reports ?? []}
          columns={columns}
          scroll={{ x: 800 }}
          locale={{ emptyText: t("reports.empty") }}
          onRow={rowTestId("report-row")}
          pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, showSizeChanger: false, onChange: (p) => update({ page: p }) }}
        />
      )}
      <NewReportModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/reports/${id}`)} />
    </Card>
  );
}
