// Audit log (审计日志): who did what and when, filtered and paginated, exportable as CSV.
import { useEffect, useState } from "react";
import { Button, Card, DatePicker, Input, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { DownloadOutlined, SearchOutlined } from "@ant-design/icons";
import dayjs from "dayjs";
import type { AuditEntryView, AuditPage as AuditPageView } from "../../src/shared/api";
import { withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { EMPTY, formatTime } from "../lib/format";
import { useSearchState } from "../lib/use-search-state";

const KEYS = ["actor", "action", "targetType", "from", "to", "page"] as const;
const PAGE_SIZE = 50;
const TEXT_FILTERS = ["actor", "action", "targetType"] as const;

/** The /audit page. */
export function AuditPage() {
  const t = useT();
  const [filters, update] = useSearchState(KEYS);
  const [draft, setDraft] = useState({ actor: filters.actor, action: filters.action, targetType: filters.targetType });
  useEffect(
    () => setDraft({ actor: filters.actor, action: filters.action, targetType: filters.targetType }),
    [filters.actor, filters.action, filters.targetType],
  );
  const page = Math.max(1, Number.parseInt(filters.page, 10) || 1);
  const { actor, action, targetType, from, to } = filters;
  const query = { actor, action, targetType, from, to };
  const { data, error, loading, reload } = useApi<AuditPageView>(
    withQuery("/api/audit", { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    { keepPrevious: true },
  );
  const apply = () => update({ ...draft, page: "" });
  const range: [dayjs.Dayjs, dayjs.Dayjs] | null = from && to ? [dayjs(from), dayjs(to)] : null;

  const columns: TableColumnsType<AuditEntryView> = [
    { title: t("audit.at"), dataIndex: "at", width: 150, render: formatTime },
    {
      title: t("audit.actor"),
      dataIndex: "actorName",
      width: 120,
      render: (name: string | null) => name ?? t("audit.system"),
    },
    { title: t("audit.action"), dataIndex: "action", width: 150 },
    {
      title: t("audit.target"),
      key: "target",
      width: 140,
      render: (_, entry) => `${entry.targetType}${entry.targetId === null ? "" : ` #${entry.targetId}`}`,
    },
    {
      title: t("audit.summary"),
      dataIndex: "summary",
      render: (summary: string) => <Typography.Text ellipsis={{ tooltip: summary }}>{summary}</Typography.Text>,
    },
    { title: t("audit.ip"), dataIndex: "ip", width: 130, render: (ip: string | null) => ip ?? EMPTY },
  ];

  return (
    <Card title={t("menu.audit")}>
      <Space wrap size="middle" style={{ marginBottom: 16 }}>
        {TEXT_FILTERS.map((key) => (
          <Input
            key={key}
            allowClear
            placeholder={t(`audit.${key}`)}
            value={draft[key]}
            onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
            onPressEnter={apply}
            style={{ width: 160 }}
          />
        ))}
        <DatePicker.RangePicker
          value={range}
          onChange={(dates) => {
            const [start, end] = dates ?? [];
            update({
              from: start?.startOf("day").toISOString() ?? "",
              to: end?.endOf("day").toISOString() ?? "",
              page: "",
            });
          }}
        />
        <Button type="primary" icon={<SearchOutlined />} onClick={apply}>
          {t("common.search")}
        </Button>
        <Button icon={<DownloadOutlined />} href={withQuery("/api/audit/export.csv", query)}>
          {t("audit.export")}
        </Button>
      </Space>
      {error && !data ? (
        <LoadFailed error={error} onRetry={reload} />
      ) : (
        <Table<AuditEntryView>
          rowKey="id"
          size="small"
          loading={loading && !data}
          dataSource={data?.entries ?? []}
          columns={columns}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t("common.total", { n: total }),
            onChange: (next) => update({ page: String(next) }),
          }}
        />
      )}
    </Card>
  );
}
