// An event's member items; admins and monitors can select some and split them off as a new event.
import { useState } from "react";
import { App, Button, Card, Popconfirm, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { Link, useNavigate } from "react-router-dom";
import type { EventDetailView } from "../../src/shared/analysis-api";
import { api } from "../api/client";
import { canAnalyse } from "../app/access";
import { useUser } from "../app/session";
import { useT } from "../locales/i18n";
import { SENTIMENT_COLORS, sentimentKey } from "../lib/analysis-display";
import { EMPTY, formatTime } from "../lib/format";
import { rowTestId } from "../lib/table-rows";
import { useReportError } from "../lib/use-report-error";

type Member = EventDetailView["items"][number];

/** Props of EventMembers. */
export interface EventMembersProps {
  event: EventDetailView;
  onChanged: () => void;
}

/** The members table with selection and 「拆分为新事件」. */
export function EventMembers({ event, onChanged }: EventMembersProps) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const report = useReportError();
  const editor = canAnalyse(useUser().role);
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);

  const split = async () => {
    setBusy(true);
    try {
      const result = await api.post<{ eventId: number }>(`/api/events/${event.id}/split`, { itemIds: selected });
      void message.success(t("event.splitDone"));
      setSelected([]);
      onChanged();
      navigate(`/events/${result.eventId}`);
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<Member> = [
    {
      title: t("items.col.title"),
      dataIndex: "title",
      render: (_, item) => <Link to={`/items/${item.id}`}>{item.title}</Link>,
    },
    // On a phone the title keeps the width; source and time come back on wider screens.
    { title: t("items.col.source"), dataIndex: "sourceName", width: 160, responsive: ["sm"] },
    { title: t("items.col.published"), dataIndex: "publishedAt", width: 160, responsive: ["md"], render: formatTime },
    {
      title: t("items.col.sentiment"),
      dataIndex: "sentiment",
      width: 90,
      render: (_, item) =>
        item.sentiment ? <Tag color={SENTIMENT_COLORS[item.sentiment]}>{t(sentimentKey(item.sentiment))}</Tag> : EMPTY,
    },
  ];

  // Splitting every member off would leave an empty event; the server refuses it, so the UI does too.
  const canSplit = selected.length > 0 && selected.length < event.size;
  return (
    <Card
      title={t("event.items", { n: event.items.length })}
      extra={
        editor && (
          <Popconfirm
            title={t("event.splitConfirm", { n: selected.length })}
            onConfirm={() => split()}
            disabled={!canSplit}
            okButtonProps={{ "data-testid": "event-split-confirm" }}
          >
            <Button disabled={!canSplit} loading={busy} data-testid="event-split">
              {t("event.split")}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Table<Member>
        rowKey="id"
        size="small"
        dataSource={event.items}
        columns={columns}
        onRow={rowTestId("event-item")}
        rowSelection={
          editor
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(Number)),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
        pagination={event.items.length > 20 ? { pageSize: 20, showSizeChanger: true } : false}
      />
    </Card>
  );
}
