// The leader's phone page (/cases/:id/instruct): the memo's facts in one column (summary, items,
// spread, triage opinion, proposed handling) and a textarea with a 批示 button that takes the
// case's instruct step.
import { useState, type ReactNode } from "react";
import { Alert, Button, Card, Input, Space, Tag, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import type { CaseMemoResponse } from "../../src/shared/case-stats-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed, NotFound, PageSpinner } from "../components/page-states";
import { useT } from "../locales/i18n";
import { useReportError } from "../lib/use-report-error";
import { safeHref } from "../lib/safe-href";

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId} style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{children}</div>
    </div>
  );
}

/** The /cases/:id/instruct page. */
export function CaseInstructPage() {
  const t = useT();
  const report = useReportError();
  const id = Number(useParams().id);
  const { data: m, error, reload } = useApi<CaseMemoResponse>(Number.isInteger(id) && id > 0 ? `/api/cases/${id}/memo` : null);
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  if (error?.status === 404) return <NotFound />;
  if (error && !m) return <LoadFailed error={error} onRetry={reload} />;
  if (!m) return <PageSpinner />;

  const submit = async () => {
    if (!text.trim()) return setMissing(true);
    setBusy(true);
    try {
      await api.post(`/api/cases/${id}/steps`, { kind: "instruct", text: text.trim() });
      setText("");
      reload();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 640, margin: "0 auto" }}>
      <Card
        size="small"
        title={<span style={{ whiteSpace: "normal" }} data-testid="instruct-title">{m.title}</span>}
        extra={<Tag data-testid="instruct-state">{m.stateLabel}</Tag>}
      >
        {m.number ? <Section title={t("instruct.number")}>{m.number}</Section> : null}
        <Section title={t("instruct.summary")}>{m.summary || t("instruct.none")}</Section>
        <Section title={t("instruct.items")} testId="instruct-items">
          {m.items.length ? (
            <ol style={{ paddingLeft: 20, margin: 0 }}>
              {m.items.map((i) => (
                <li key={i.id}>
                  {safeHref(i.url) ? <a href={safeHref(i.url) ?? undefined} target="_blank" rel="noreferrer">{i.title}</a> : i.title}
                  <Typography.Text type="secondary">
                    {" "}（{i.sourceName}{i.publishedAt ? `，${i.publishedAt}` : ""}）
                  </Typography.Text>
                </li>
              ))}
            </ol>
          ) : t("instruct.none")}
        </Section>
        <Section title={t("instruct.spread")}>{m.spread.text}</Section>
        <Section title={t("instruct.triage")} testId="instruct-triage">{m.triageOpinion ?? t("instruct.none")}</Section>
        <Section title={t("instruct.handling")}>{m.proposedHandling}</Section>
      </Card>
      <Card size="small" title={t("instruct.title")} style={{ marginTop: 12 }}>
        {m.instruction ? <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="instruct-given" message={t("instruct.given", { text: m.instruction })} /> : null}
        {m.canInstruct ? (
          <Space direction="vertical" style={{ width: "100%" }}>
            <label htmlFor="instruct-text">{t("instruct.text")}</label>
            <Input.TextArea
              id="instruct-text"
              data-testid="instruct-text"
              value={text}
              status={missing ? "error" : undefined}
              onChange={(e) => { setText(e.target.value); setMissing(false); }}
              placeholder={t("instruct.placeholder")}
              autoSize={{ minRows: 5, maxRows: 12 }}
              maxLength={2000}
            />
            {missing ? <Typography.Text type="danger">{t("instruct.required")}</Typography.Text> : null}
            <Button type="primary" size="large" block loading={busy} onClick={submit} data-testid="instruct-submit">
              {t("instruct.submit")}
            </Button>
          </Space>
        ) : m.instruction ? null : (
          <Typography.Text type="secondary">{t("instruct.notNow", { state: m.stateLabel })}</Typography.Text>
        )}
        <div style={{ marginTop: 12 }}>
          <Link to={`/cases/${id}`}>{t("instruct.back")}</Link>
        </div>
      </Card>
    </div>
  );
}
