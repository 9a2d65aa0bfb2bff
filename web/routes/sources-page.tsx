// Sources (信息源): list with health, add/edit dialog, delete and "fetch now".
import { useState } from "react";
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { SourceKind, SourceView } from "../../src/shared/api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useI18n } from "../locales/i18n";
import { sourceErrorText } from "../lib/source-error";
import { formatTime } from "../lib/format";
import { useReportError } from "../lib/use-report-error";
import { SourceFormModal } from "./source-form-modal";
import { SourceHealth } from "./source-health";
import { ImportButton, isFileSource } from "./import-modal";

/** Answer of POST /api/sources/:id/fetch. */
interface FetchResult {
  inserted: number;
  error?: string;
  errorCode?: string;
}

/** The /sources page. */
export function SourcesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const { data, error, loading, reload } = useApi<{ sources: SourceView[] }>("/api/sources", {
    keepPrevious: true,
  });
  const [editing, setEditing] = useState<SourceView | null>();
  const [fetching, setFetching] = useState<number>();

  const fetchNow = async (source: SourceView) => {
    setFetching(source.id);
    try {
      const result = await api.post<FetchResult>(`/api/sources/${source.id}/fetch`);
      if (result.error) {
        const error = sourceErrorText({ lastError: result.error, lastErrorCode: result.errorCode ?? null }, lang);
        void message.error(t("sources.fetchFailed", { error: error ?? result.error }));
      }
      else void message.success(t("sources.fetchResult", { n: result.inserted }));
      reload();
    } catch (caught) {
      report(caught);
    } finally {
      setFetching(undefined);
    }
  };

  const remove = async (source: SourceView) => {
    try {
      await api.delete(`/api/sources/${source.id}`);
      void message.success(t("common.deleted"));
      reload();
    } catch (caught) {
      report(caught);
    }
  };

  const columns: TableColumnsType<SourceView> = [
    { title: t("sources.name"), dataIndex: "name", width: 140 },
    {
      title: t("sources.kind"),
      dataIndex: "kind",
      width: 70,
      render: (kind: SourceKind) => <Tag>{t(`sources.kind.${kind}`)}</Tag>,
    },
    {
      title: t("sources.url"),
      dataIndex: "url",
      width: 200,
      ellipsis: true,
      render: (url: string, source) =>
        isFileSource(source) ? (
          <Typography.Text type="secondary">{t("import.placeholderUrl")}</Typography.Text>
        ) : (
          <Typography.Text copyable={{ text: url }}>{url}</Typography.Text>
        ),
    },
    {
      title: t("sources.intervalShort"),
      dataIndex: "intervalSeconds",
      width: 90,
      render: (n: number) => t("sources.seconds", { n }),
    },
    { title: t("sources.priority"), dataIndex: "priority", width: 80 },
    {
      title: t("sources.enabled"),
      dataIndex: "enabled",
      width: 70,
      render: (on: boolean) => <Tag color={on ? "green" : "default"}>{t(on ? "common.yes" : "common.no")}</Tag>,
    },
    { title: t("sources.health"), key: "health", width: 280, render: (_, source) => <SourceHealth source={source} /> },
    { title: t("sources.nextFetch"), dataIndex: "nextFetchAt", width: 150, render: formatTime },
    { title: t("sources.itemCount"), dataIndex: "itemCount", width: 90, align: "right" },
    {
      title: t("common.actions"),
      key: "actions",
      width: 120,
      fixed: "end",
      render: (_, source) => (
        <Space orientation="vertical" size={0} align="start">
          {!isFileSource(source) && (
            <Button type="link" loading={fetching === source.id} onClick={() => void fetchNow(source)}>
              {t("sources.fetchNow")}
            </Button>
          )}
          {!isFileSource(source) && (
            <Button type="link" onClick={() => setEditing(source)}>
              {t("common.edit")}
            </Button>
          )}
          <Popconfirm title={t("common.confirmDelete", { name: source.name })} onConfirm={() => remove(source)}>
            <Button type="link" danger>
              {t("common.delete")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t("menu.sources")}
      extra={
        <Space>
          <ImportButton onImported={reload} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="source-add">
            {t("sources.add")}
          </Button>
        </Space>
      }
    >
      {error && !data ? (
        <LoadFailed error={error} onRetry={reload} />
      ) : (
        <Table<SourceView>
          rowKey="id"
          loading={loading && !data}
          dataSource={data?.sources ?? []}
          columns={columns}
          scroll={{ x: 1240 }}
        />
      )}
      <SourceFormModal
        source={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void message.success(t("common.saved"));
          reload();
        }}
      />
    </Card>
  );
}
