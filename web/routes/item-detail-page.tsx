// One collected item in full, with triage buttons. Its text is hostile input: text nodes only.
import { useState } from "react";
import { App, Button, Card, Descriptions, Space, Typography } from "antd";
import { ArrowLeftOutlined, LinkOutlined } from "@ant-design/icons";
import { useLocation, useNavigate, useParams } from "react-router-dom";
import type { ItemStatus, ItemView } from "../../src/shared/api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { HighlightText } from "../components/highlight-text";
import { LoadFailed, NotFound, PageSpinner } from "../components/page-states";
import { StatusTag } from "../components/status-tag";
import { canTriage } from "../app/access";
import { useUser } from "../app/session";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";
import { EMPTY, formatTime } from "../lib/format";
import { safeHref } from "../lib/safe-href";
import { fieldSpans } from "../lib/spans";
import { useReportError } from "../lib/use-report-error";
import { ItemAnalysisPanel } from "./item-analysis-panel";

const ACTIONS: { status: ItemStatus; label: MessageKey }[] = [
  { status: "seen", label: "item.markSeen" },
  { status: "ignored", label: "item.ignore" },
  { status: "new", label: "item.restore" },
];

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
  // Only http(s) links are offered; a `javascript:` URL from a hostile feed must not become a link.
  const href = safeHref(item.url);
  const watches = item.analysis?.watches;
  return (
    <Card>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={goBack} style={{ paddingLeft: 0 }}>
        {t("item.back")}
      </Button>
      <Typography.Title level={3} data-testid="item-title">
        <HighlightText text={item.title} spans={fieldSpans(watches, "title")} />
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("items.col.source")}>{item.sourceName}</Descriptions.Item>
        <Descriptions.Item label={t("items.col.author")}>{item.author ?? EMPTY}</Descriptions.Item>
        <Descriptions.Item label={t("items.col.status")}>
          <StatusTag status={item.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t("item.triaged")}>
          <span data-testid="item-triaged">
            {item.triagedAt
              ? t(item.triagedBy ? "triage.by" : "triage.byUnknown", { user: item.triagedBy ?? "", time: formatTime(item.triagedAt) })
              : t("triage.untouched")}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t("items.col.published")}>{formatTime(item.publishedAt)}</Descriptions.Item>
        <Descriptions.Item label={t("items.col.fetched")}>{formatTime(item.fetchedAt)}</Descriptions.Item>
        <Descriptions.Item label={t("item.link")}>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="item-link-url" data-testid="item-url">
              <LinkOutlined /> {item.url}
            </a>
          ) : (
            (item.url ?? EMPTY)
          )}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 24 }}>
        {ACTIONS.filter((action) => triage && action.status !== item.status).map((action) => (
          <Button key={action.status} loading={busy === action.status} onClick={() => void setStatus(action.status)}>
            {t(action.label)}
          </Button>
        ))}
      </Space>
      <ItemAnalysisPanel item={item} onChanged={reload} />
      <div className="item-text" data-testid="item-text" style={{ whiteSpace: "pre-wrap" }}>
        <HighlightText text={item.text} spans={fieldSpans(watches, "text")} />
      </div>
    </Card>
  );
}
