// Watches (监测方案): saved queries with match counts, today's matches and burst flags; add/edit/delete.
import { useState } from "react";
import { App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { Link } from "react-router-dom";
import type { WatchView } from "../../src/shared/analysis-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { canAnalyse } from "../app/access";
import { useUser } from "../app/session";
import { BurstBadge } from "../components/analysis-badges";
import { Forbidden, LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { rowTestId } from "../lib/table-rows";
import { useReportError } from "../lib/use-report-error";
import { WatchEditorModal } from "./watch-editor-modal";

/** The /watches page. */
export function WatchesPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const editor = canAnalyse(useUser().role);
  const { data, error, loading, reload } = useApi<{ watches: WatchView[] }>("/api/watches", {
    keepPrevious: true,
    refreshMs: 60_000,
  });
  const [editing, setEditing] = useState<WatchView | null>();
  const [toggling, setToggling] = useState<number>();

  const setEnabled = async (watch: WatchView, enabled: boolean) => {
    setToggling(watch.id);
    try {
      await api.patch(`/api/watches/${watch.id}`, { enabled });
      reload();
    } catch (caught) {
      report(caught);
    } finally {
      setToggling(undefined);
    }
  };

  const remove = async (watch: WatchView) => {
    try {
      await api.delete(`/api/watches/${watch.id}`);
      void message.success(t("common.deleted"));
      reload();
    } catch (caught) {
      report(caught);
    }
  };

  const columns: TableColumnsType<WatchView> = [
    {
      title: t("watches.name"),
      dataIndex: "name",
      width: 200,
      render: (_, watch) => (
        <Space size={4}>
          <span data-testid="watch-row-name">{watch.name}</span>
          <BurstBadge burst={watch.burst} />
        </Space>
      ),
    },
    {
      title: t("watches.query"),
      dataIndex: "query",
      ellipsis: true,
      render: (query: string) => <Typography.Text code>{query}</Typography.Text>,
    },
    {
      title: t("watches.enabled"),
      dataIndex: "enabled",
      width: 80,
      render: (on: boolean, watch) =>
        editor ? (
          <Switch
            size="small"
            checked={on}
            loading={toggling === watch.id}
            onChange={(next) => void setEnabled(watch, next)}
          />
        ) : (
          <Tag color={on ? "green" : "default"}>{t(on ? "common.yes" : "common.no")}</Tag>
        ),
    },
    { title: t("watches.matchesToday"), dataIndex: "matchesToday", width: 90, align: "right" },
    {
      title: t("watches.matchCount"),
      dataIndex: "matchCount",
      width: 100,
      align: "right",
      render: (n: number, watch) => (
        <Link to={`/items?watchId=${watch.id}`} title={t("watches.viewItems")} data-testid="watch-match-count">
          {n}
        </Link>
      ),
    },
    { title: t("watches.updatedAt"), dataIndex: "updatedAt", width: 150, render: formatTime },
  ];
  if (editor) {
    columns.push({
      title: t("common.actions"),
      key: "actions",
      width: 130,
      render: (_, watch) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing(watch)} data-testid="watch-edit">
            {t("common.edit")}
          </Button>
          <Popconfirm title={t("common.confirmDelete", { name: watch.name })} onConfirm={() => remove(watch)}>
            <Button type="link" danger>
              {t("common.delete")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  if (error?.status === 403 && !data) return <Forbidden />;
  return (
    <Card
      title={t("menu.watches")}
      extra={
        editor && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="watch-add">
            {t("watches.add")}
          </Button>
        )
      }
    >
      {error && !data ? (
        <LoadFailed error={error} onRetry={reload} />
      ) : (
        <Table<WatchView>
          rowKey="id"
          loading={loading && !data}
          dataSource={data?.watches ?? []}
          columns={columns}
          scroll={{ x: 960 }}
          onRow={rowTestId("watch-row")}
        />
      )}
      <WatchEditorModal
        watch={editing}
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
