// Backups (数据备份, admins): the backup folder's archives with size and contents, a warning when the last
// good backup is older than a day, and "back up now". Restoring is done on the server (tingfeng restore).
import { useState } from "react";
import { Alert, App, Button, Card, Descriptions, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { CloudDownloadOutlined } from "@ant-design/icons";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { EMPTY, formatBytes, formatTime } from "../lib/format";
import { useReportError } from "../lib/use-report-error";

interface BackupRow { name: string; bytes: number; createdAt: string; scheduled: boolean; schemaVersion: number | null; version: string | null; items: number | null; attachments: number | null }
interface Backups { dir: string; atTime: string; keep: number; running: boolean; lastGoodAt: string | null; stale: boolean; backups: BackupRow[] }

/** The /backups page. */
export function BackupsPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const data = useApi<Backups>("/api/backups", { keepPrevious: true });
  const [running, setRunning] = useState(false);

  const runNow = async () => {
    setRunning(true);
    try {
      const b = await api.post<BackupRow>("/api/backups", {});
      void message.success(t("backups.done", { name: b.name }));
      data.reload();
    } catch (caught) {
      report(caught);
    } finally {
      setRunning(false);
    }
  };

  const columns: TableColumnsType<BackupRow> = [
    { title: t("backups.name"), dataIndex: "name", render: (n: string, b) => <>{n} {b.scheduled ? <Tag>{t("backups.scheduled")}</Tag> : <Tag color="blue">{t("backups.manual")}</Tag>}</> },
    { title: t("backups.createdAt"), dataIndex: "createdAt", render: formatTime },
    { title: t("backups.size"), dataIndex: "bytes", render: formatBytes, align: "right" },
    { title: t("backups.items"), dataIndex: "items", render: (v: number | null) => v ?? EMPTY, align: "right" },
    { title: t("backups.attachments"), dataIndex: "attachments", render: (v: number | null) => v ?? EMPTY, align: "right" },
    { title: t("backups.schema"), dataIndex: "schemaVersion", render: (v: number | null, b) => (v === null ? t("backups.noManifest") : `${v}（${b.version ?? ""}）`) },
  ];

  const d = data.data;
  return (
    <Card
      title={t("menu.backups")}
      extra={<Button type="primary" icon={<CloudDownloadOutlined />} loading={running || !!d?.running} onClick={() => void runNow()} data-testid="backup-now">{t("backups.now")}</Button>}
    >
      {data.error && !d ? (
        <LoadFailed error={data.error} onRetry={data.reload} />
      ) : (
        <>
          {d?.stale ? (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="backup-stale"
              title={d.lastGoodAt ? t("backups.staleSince", { time: formatTime(d.lastGoodAt) }) : t("backups.none")} />
          ) : null}
          {d ? (
            <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t("backups.dir")}><Typography.Text code>{d.dir}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label={t("backups.at")}>{d.atTime === "off" ? t("backups.off") : d.atTime}</Descriptions.Item>
              <Descriptions.Item label={t("backups.keep")}>{d.keep}</Descriptions.Item>
            </Descriptions>
          ) : null}
          <Table<BackupRow> rowKey="name" size="small" loading={data.loading && !d} dataSource={d?.backups ?? []} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="backup-table" />
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>{t("backups.restoreHint")}</Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
