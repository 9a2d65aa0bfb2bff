// The leader's phone page (/m/reports/:versionId): an issued version in one column (header, sections with
// their texts, figures and cited items; no charts), the instructions (批示) given on it, and for those who
// may instruct a textarea with a submit button. Links in delivered messages point here; after sign-in the
// login page returns to it.
import { useState } from "react";
import { App, Button, Card, Input, List, Space, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import type { ReportSection, ReportVersionDetail } from "../../src/shared/report-types";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { canInstructReports } from "../app/access";
import { useUser } from "../app/session";
import { LoadFailed, NotFound, PageSpinner } from "../components/page-states";
import { ReportBlocks } from "../components/report-blocks";
import { ReportDocHeader } from "../components/report-doc-header";
import { useT } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { useReportError } from "../lib/use-report-error";

/** Whether a section has anything to show on a phone, where charts are left out. */
function shownOnPhone(section: ReportSection): boolean {
  return section.text.trim() !== "" || section.blocks.some((b) => b.type !== "chart");
}

/** The /m/reports/:versionId page. */
export function ReportPhonePage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const user = useUser();
  const id = Number(useParams().versionId);
  const valid = Number.isInteger(id) && id > 0;
  const { data: v, error, reload } = useApi<ReportVersionDetail>(valid ? `/api/report-versions/${id}` : null);
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!valid || error?.status === 404) return <NotFound />;
  if (error && !v) return <LoadFailed error={error} onRetry={reload} />;
  if (!v) return <PageSpinner />;

  const submit = async () => {
    if (!text.trim()) return setMissing(true);
    setBusy(true);
    try {
      await api.post(`/api/report-versions/${id}/instructions`, { text: text.trim() });
      setText("");
      void message.success(t("reports.instruct.done"));
      reload();
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 720, margin: "0 auto" }}>
      <Card size="small" data-testid="phone-report">
        <ReportDocHeader content={v.content} />
        {v.content.sections.filter(shownOnPhone).map((section) => (
          <section key={section.key} data-testid={`phone-section-${section.key}`} style={{ marginBottom: 16 }}>
            <Typography.Title level={5}>{section.title}</Typography.Title>
            {section.text ? (
              <Typography.Paragraph style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{section.text}</Typography.Paragraph>
            ) : null}
            <ReportBlocks blocks={section.blocks} phone />
          </section>
        ))}
        <Typography.Text type="secondary">
          {t("reports.versionN", { n: v.version })} · {v.issuedBy ?? "—"} · {formatTime(v.issuedAt)}
        </Typography.Text>
      </Card>
      <Card size="small" title={t("reports.instructions")} style={{ marginTop: 12 }}>
        <List
          size="small"
          data-testid="phone-instructions"
          dataSource={v.instructions}
          locale={{ emptyText: t("reports.instruct.none") }}
          renderItem={(i) => (
            <List.Item key={i.id} data-testid="phone-instruction">
              <div style={{ width: "100%" }}>
                <Typography.Paragraph style={{ whiteSpace: "pre-wrap", wordBreak: "break-word", marginBottom: 4 }}>{i.text}</Typography.Paragraph>
                <Typography.Text type="secondary">{i.author ?? t("reports.instruct.anonymous")} · {formatTime(i.createdAt)}</Typography.Text>
              </div>
            </List.Item>
          )}
        />
        {canInstructReports(user.role) ? (
          <Space orientation="vertical" style={{ width: "100%", marginTop: 12 }}>
            <label htmlFor="report-instruct-text">{t("reports.instruct.write")}</label>
            <Input.TextArea
              id="report-instruct-text"
              data-testid="phone-instruct-text"
              value={text}
              status={missing ? "error" : undefined}
              onChange={(e) => { setText(e.target.value); setMissing(false); }}
              placeholder={t("reports.instruct.placeholder")}
              autoSize={{ minRows: 4, maxRows: 12 }}
              maxLength={2000}
            />
            {missing ? <Typography.Text type="danger">{t("reports.instruct.required")}</Typography.Text> : null}
            <Button type="primary" size="large" block loading={busy} onClick={() => void submit()} data-testid="phone-instruct-submit">
              {t("reports.instruct.submit")}
            </Button>
          </Space>
        ) : null}
        <div style={{ marginTop: 12 }}>
          <Link to={`/reports/${v.reportId}`}>{t("reports.openDraft")}</Link>
        </div>
      </Card>
    </div>
  );
}
