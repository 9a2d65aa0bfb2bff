// The "test this source" result: what the settings extract right now, as a table of plain text.
import { Alert, Space, Table, Typography, type TableColumnsType } from "antd";
import type { SourcePreview, SourcePreviewItem } from "../../src/shared/api";
import { useI18n } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { sourceErrorText } from "../lib/source-error";

/** Shows a preview's entries, warnings and failure. */
export function SourcePreviewTable({ preview }: { preview: SourcePreview }) {
  const { t, lang } = useI18n();
  const columns: TableColumnsType<SourcePreviewItem> = [
    { title: t("sources.preview.title"), dataIndex: "title", width: 220,
      render: (title: string, row) => (row.url ? <Typography.Link href={row.url} target="_blank" rel="noopener noreferrer">{title}</Typography.Link> : title) },
    { title: t("sources.preview.time"), dataIndex: "publishedAt", width: 150, render: (v: string | null) => (v ? formatTime(v) : "—") },
    { title: t("sources.preview.text"), dataIndex: "text", ellipsis: true },
  ];
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="source-preview">
      {preview.error && <Alert type="error" showIcon message={sourceErrorText({ lastError: preview.error, lastErrorCode: preview.errorCode ?? null }, lang)} />}
      {preview.warnings.map((w) => <Alert key={w} type="warning" showIcon message={w} />)}
      {!preview.error && <Typography.Text type="secondary">{t("sources.preview.pages", { pages: preview.pages, n: preview.items.length })}</Typography.Text>}
      <Table<SourcePreviewItem> size="small" rowKey={(r) => `${r.url ?? ""}|${r.title}`} columns={columns} dataSource={preview.items}
        pagination={false} scroll={{ y: 300 }} locale={{ emptyText: t("sources.preview.empty") }} />
    </Space>
  );
}
