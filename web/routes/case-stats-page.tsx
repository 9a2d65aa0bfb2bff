// Case statistics (/case-stats, 季度汇总): figures per lead unit for a period picked from presets or
// two dates, with the definitions printed under the table and an XLSX download of the same figures. The period
// (and the moment deadlines are judged at, from a report's link) lives in the URL, so a link opens its figures.
import { Button, Card, Input, Select, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import type { CaseStatFigures, CaseStatsResponse } from "../../src/shared/case-stats-api";
import { useApi } from "../api/hooks";
import { withQuery } from "../api/client";
import { useUser } from "../app/session";
import { LoadFailed } from "../components/page-states";
import { useI18n } from "../locales/i18n";
import { useSearchParams } from "react-router-dom";
import { caseStatsApiQuery } from "../../src/shared/list-links";
import { formatTime } from "../lib/format";
import { LinkFilterTags } from "../components/link-filter-tags";

type Line = CaseStatFigures & { key: string; unitName: string };

const pct = (r: number | null) => (r == null ? "—" : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);

/** The /case-stats page. */
export function CaseStatsPage() {
  const { t, lang } = useI18n();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const query = caseStatsApiQuery(params);
  const at = query.get("at");
  // A new period is judged now: the report's moment belonged to its own period.
  const setPeriod = (p: { from: string; to: string }) => setParams({ from: p.from, to: p.to });
  const { data, error, loading, reload } = useApi<CaseStatsResponse>(withQuery("/api/cases/stats", Object.fromEntries(query)), { keepPrevious: true });
  if (error && !data) return <LoadFailed error={error} onRetry={reload} />;

  const preset = data?.presets.find((p) => p.from === data.from && p.to === data.to)?.key ?? "custom";
  const lines: Line[] = data ? [...data.units.map((u) => ({ ...u, key: String(u.unitId) })), { ...data.total, key: "total", unitName: t("caseStats.total") }] : [];
  const columns: TableColumnsType<Line> = [
    { title: t("caseStats.unit"), dataIndex: "unitName", render: (v: string, l) => (l.key === "total" ? <strong>{v}</strong> : v) },
    { title: t("caseStats.cases"), dataIndex: "cases", align: "right" },
    { title: t("caseStats.replied"), dataIndex: "replied", align: "right" },
    { title: t("caseStats.repliedRate"), dataIndex: "repliedRate", align: "right", render: pct },
    { title: t("caseStats.onTime"), dataIndex: "onTime", align: "right" },
    { title: t("caseStats.openPastDue"), dataIndex: "openPastDue", align: "right" },
    { title: t("caseStats.onTimeRate"), dataIndex: "onTimeRate", align: "right", render: pct },
    { title: t("caseStats.median"), dataIndex: "medianHoursToReply", align: "right", render: (v: number | null) => v ?? "—" },
    { title: t("caseStats.overdue"), dataIndex: "overdue", align: "right" },
  ];
  const setDate = (key: "from" | "to", value: string) => data && setPeriod({ from: data.from, to: data.to, [key]: value });

  return (
    <Card
      title={t("caseStats.title")}
      extra={
        <Button icon={<DownloadOutlined />} href={data ? withQuery("/api/cases/stats.xlsx", { from: data.from, to: data.to, at }) : undefined} disabled={!data} data-testid="case-stats-download">
          {t("caseStats.download")}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t("caseStats.period")}</span>
        <Select
          style={{ width: 180 }}
          value={preset}
          data-testid="case-stats-preset"
          options={[...(data?.presets ?? []).map((p) => ({ value: p.key, label: p.label })), { value: "custom", label: t("caseStats.custom") }]}
          onChange={(key) => {
            const p = data?.presets.find((x) => x.key === key);
            if (p) setPeriod({ from: p.from, to: p.to });
          }}
        />
        <Input type="date" aria-label="from" value={data?.from ?? ""} onChange={(e) => e.target.value && setDate("from", e.target.value)} style={{ width: 160 }} />
        <span>—</span>
        <Input type="date" aria-label="to" value={data?.to ?? ""} onChange={(e) => e.target.value && setDate("to", e.target.value)} style={{ width: 160 }} />
        <LinkFilterTags
          filters={at ? [{ key: "at", label: t("links.judgedAt", { at: formatTime(at) }), keys: ["at"] }] : []}
          onClear={() => setParams((prev) => {
            const next = new URLSearchParams(prev);
            next.delete("at");
            return next;
          })}
        />
      </Space>
      {user.role === "handler" || user.role === "contributor" ? <Typography.Paragraph type="secondary">{t("caseStats.scoped")}</Typography.Paragraph> : null}
      <Table<Line>
        data-testid="case-stats-table"
        size="small"
        rowKey="key"
        loading={loading}
        columns={columns}
        dataSource={data && data.units.length ? lines : []}
        locale={{ emptyText: t("caseStats.empty") }}
        pagination={false}
        scroll={{ x: true }}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("caseStats.definitions")}
      </Typography.Title>
      <ul data-testid="case-stats-definitions">
        {(data?.definitions ?? []).map((d) => (
          <li key={d.key}>
            <Typography.Text type="secondary">{lang === "en" ? d.en : d.zh}</Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}
