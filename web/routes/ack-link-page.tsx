// /a/:id?e=&s=: the page a signed link in an alert message opens (after sign-in): the alert and one 确认 button.
// A bad or expired signature shows the server's message (in Chinese by default) and nothing else.
import { useState } from "react";
import { Button, Card, Result, Space, Tag, Typography } from "antd";
import { Link, useParams, useSearchParams } from "react-router-dom";
import type { AckLinkAlertView } from "../../src/shared/duty-api";
import { api, withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { PageSpinner } from "../components/page-states";
import { useI18n } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { errorText, useReportError } from "../lib/use-report-error";
import { SeverityTag } from "../components/severity-tag";


/** The ack link page. */
export function AckLinkPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const report = useReportError();
  const { id } = useParams();
  const [params] = useSearchParams();
  const q = { e: params.get("e") ?? "", s: params.get("s") ?? "" };
  const { data, error, reload } = useApi<AckLinkAlertView>(withQuery(`/api/alerts/${Number(id)}/link`, q));
  const [busy, setBusy] = useState(false);

  if (error) return <Result status="warning" title={t("ackLink.title")} subTitle={<span data-testid="ack-link-error">{errorText(error, i18n)}</span>} extra={<Link to="/alerts">{t("ackLink.toList")}</Link>} />;
  if (!data) return <PageSpinner />;
  const confirm = async () => {
    setBusy(true);
    try {
      await api.post(`/api/alerts/${data.id}/link-ack`, q);
      reload();
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t("ackLink.title")} style={{ maxWidth: 640 }}>
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Space wrap>
          <SeverityTag severity={data.severity} />
          <Typography.Text type="secondary">{formatTime(data.createdAt)}</Typography.Text>
        </Space>
        <Typography.Title level={5} style={{ margin: 0 }}>{data.title}</Typography.Title>
        <Typography.Text type="secondary">{data.reason}</Typography.Text>
        {data.acknowledgedAt ? (
          <Tag color="green" data-testid="ack-link-done">
            {t("ackLink.done", { time: formatTime(data.acknowledgedAt), by: data.acknowledgedByName ? ` · ${data.acknowledgedByName}` : "" })}
          </Tag>
        ) : (
          <Button type="primary" size="large" block loading={busy} data-testid="ack-link-confirm" onClick={() => void confirm()}>{t("ackLink.confirm")}</Button>
        )}
        <Typography.Text type="secondary">{t("ackLink.expires", { time: formatTime(data.expiresAt) })}</Typography.Text>
      </Space>
    </Card>
  );
}
