// One collected item in full, with triage buttons. Its text is hostile input: text nodes only.
import { useState } from "react";
import { App, Button, Card, Descriptions, Space, Typography } from "antd";
import { ArrowLeftOutlined, LinkOutlined } from "@ant-design/icons";
import { useLocation, useNavigate, useParams } from "react-router-dom";
import type { ItemStatus, ItemView } from "../../src/shared/api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed, NotFound, PageSpinner } from "../components/page-states";
import { StatusTag } from "../components/status-tag";
import { canTriage } from "../app/access";
import { useUser } from "../app/session";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";
import { EMPTY, formatTime } from "../lib/format";
import { useReportError } from "../lib/use-report-error";

const ACTIONS: { status: ItemStatus; label: MessageKey }[] = [
  { status: "seen", label: "item.markSeen" },
  { status: "ignored", label: "item.ignore" },
  { status: "new", label: "item.restore" },
];

/** Only http(s) links are offered; a `javascript:` URL from a hostile feed must not become a link. */
function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The /items/:id page. */
export function ItemDetailPage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const report = useReportError();
  const triage = canTriage(useUser().role);
  const [busy, setBusy] = useState<ItemStatus>();
  const { data: item, error, reload } = useApi<ItemView>(`/api/items/${encodeURIComponent(id ?? "")}`);

  if (!item) {
    if (error?.status === 404) return <NotFound />;
    return error ? <LoadFailed error={error} onRetry={reload} /> : <PageSpinner />;
  }

  const setStatus = async (status: ItemStatus) => {
    setBusy(status);
    try {
      await api.patch(`/api/items/${item.id}`, { status });
      void message.success(t("item.statusChanged"));
      reload();
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(undefined);
    }
  };

  // Opened from a shared link there is no history entry to return to.
  const goBack = () => (location.key === "default" ? navigate("/items") : navigate(-1));
  const href = safeHref(item.url);
  return (
    <Card>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={goBack} style={{ paddingLeft: 0 }}>
        {t("item.back")}
      </Button>
      <Typography.Title level={3} data-testid="item-title">
        {item.title}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("items.col.source")}>{item.sourceName}</Descriptions.Item>
        <Descriptions.Item label={t("items.col.author")}>{item.author ?? EMPTY}</Descriptions.Item>
        <Descriptions.Item label={t("items.col.status")}>
          <StatusTag status={item.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t("items.col.published")}>{formatTime(item.publishedAt)}</Descriptions.Item>
        <Descriptions.Item label={t("items.col.fetched")}>{formatTime(item.fetchedAt)}</Descriptions.Item>
        <Descriptions.Item label={t("item.link")}>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow" data-testid="item-url">
              <LinkOutlined /> {item.url}
            </a>
          ) : (
            (item.url ?? EMPTY)
          )}
        </Descriptions.Item>
      </Descriptions>
      <Space style={{ marginBottom: 24 }}>
        {ACTIONS.filter((action) => triage && action.status !== item.status).map((action) => (
          <Button key={action.status} loading={busy === action.status} onClick={() => void setStatus(action.status)}>
            {t(action.label)}
          </Button>
        ))}
      </Space>
      <div className="item-text" data-testid="item-text" style={{ whiteSpace: "pre-wrap" }}>
        {item.text}
      </div>
    </Card>
  );
}
