// The top of an event page: editable title, span and size, risk with its override, burst, merge.
import { useState } from "react";
import { App, Button, Descriptions, Select, Space, Typography } from "antd";
import { Link, useNavigate } from "react-router-dom";
import { RISK_LEVELS, type EventDetailView, type RiskLevel } from "../../src/shared/analysis-api";
import { api } from "../api/client";
import { canAnalyse, canOpenCases } from "../app/access";
import { useUser } from "../app/session";
import { BurstBadge, RiskTag, useRiskLines } from "../components/analysis-badges";
import { SentimentMixBar } from "../components/sentiment-mix-bar";
import { useT } from "../locales/i18n";
import { riskKey } from "../lib/analysis-display";
import { formatTime } from "../lib/format";
import { useReportError } from "../lib/use-report-error";
import { EventMergeModal } from "./event-merge-modal";
import { IncidentStartButton } from "./incident-start-button";
import { RaiseAlertModal } from "./raise-alert-modal";
import { NewCaseModal, type CaseDraft } from "./case-new-modal";

/** Props of EventHeader; `onChanged` reloads the event after an edit. */
export interface EventHeaderProps {
  event: EventDetailView;
  onChanged: () => void;
}

/** Title (editable by admins and monitors), figures, risk controls and the merge dialog. */
export function EventHeader({ event, onChanged }: EventHeaderProps) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const role = useUser().role;
  const editor = canAnalyse(role);
  const navigate = useNavigate();
  const [caseDraft, setCaseDraft] = useState<CaseDraft | null>(null);
  const [merging, setMerging] = useState(false);
  const [raising, setRaising] = useState(false);
  const [busy, setBusy] = useState(false);
  const riskLines = useRiskLines(event.risk);

  const mutate = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      void message.success(done);
      onChanged();
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  };

  const rename = (text: string) => {
    const title = text.trim();
    if (!title || title === event.title) return;
    void mutate(() => api.patch(`/api/events/${event.id}`, { title }), t("event.renamed"));
  };
  // A 专报 drafted from the event's members; the report editor opens on it.
  const specialReport = async () => {
    setBusy(true);
    try {
      const res = await api.post<{ report: { id: number } }>("/api/reports", { kind: "special", eventId: event.id });
      navigate(`/reports/${res.report.id}`);
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  };
  const setRisk = (level: RiskLevel | null) =>
    void mutate(() => api.post(`/api/events/${event.id}/risk`, { level }), t("event.riskChanged"));

  return (
    <>
      <Typography.Title
        level={3}
        editable={editor ? { onChange: rename, maxLength: 200 } : false}
        data-testid="event-title"
      >
        {event.title}
      </Typography.Title>
      <Space wrap size="middle" style={{ marginBottom: 16 }}>
        <RiskTag risk={event.risk} />
        <BurstBadge burst={event.burst} />
        {editor && (
          <Select<RiskLevel>
            size="small"
            placeholder={t("risk.override")}
            value={event.risk.overridden ? event.risk.level : undefined}
            onChange={(level) => setRisk(level)}
            options={RISK_LEVELS.map((level) => ({ value: level, label: t(riskKey(level)) }))}
            disabled={busy}
            style={{ width: 150 }}
            data-testid="event-risk-select"
          />
        )}
        {editor && event.risk.overridden && (
          <Button size="small" onClick={() => setRisk(null)} disabled={busy} data-testid="event-risk-restore">
            {t("risk.restore")}
          </Button>
        )}
        {editor && (
          <Button size="small" onClick={() => setMerging(true)} data-testid="event-merge">
            {t("event.merge")}
          </Button>
        )}
        <IncidentStartButton eventId={event.id} />
        {editor && (
          <Button size="small" danger onClick={() => setRaising(true)} data-testid="event-raise-alert">
            {t("alerts.raise")}
          </Button>
        )}
        {editor && (
          <Button size="small" onClick={specialReport} disabled={busy} data-testid="event-special-report">
            {t("event.specialReport")}
          </Button>
        )}
        {canOpenCases(role) && (
          <Button size="small" type="primary" onClick={() => setCaseDraft({ title: event.title, eventId: event.id })} data-testid="event-open-case">
            {t("cases.openCase")}
          </Button>
        )}
        <Link to={`/items?eventId=${event.id}`} data-testid="event-items-link">
          {t("event.viewItems")}
        </Link>
      </Space>
      <div data-testid="event-risk-reasons" style={{ marginBottom: 16 }}>
        <Typography.Text strong>{t("risk.reasons")}</Typography.Text>
        <ul style={{ margin: "4px 0 0", paddingLeft: 20 }}>
          {riskLines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      </div>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t("events.col.span")}>
          {t("events.span", { from: formatTime(event.firstAt), to: formatTime(event.lastAt) })}
        </Descriptions.Item>
        <Descriptions.Item label={t("events.col.size")}>{event.size}</Descriptions.Item>
        <Descriptions.Item label={t("events.col.sentiment")}>
          <SentimentMixBar mix={event.sentimentMix} width={160} />
        </Descriptions.Item>
      </Descriptions>
      <RaiseAlertModal subject={raising ? { eventId: event.id, title: event.title } : null} onClose={() => setRaising(false)} />
      <NewCaseModal
        open={caseDraft !== null}
        initial={caseDraft ?? undefined}
        onClose={() => setCaseDraft(null)}
        onCreated={(id) => navigate(`/cases/${id}`)}
      />
      <EventMergeModal
        open={merging}
        target={event}
        onClose={() => setMerging(false)}
        onMerged={() => {
          setMerging(false);
          onChanged();
        }}
      />
    </>
  );
}
