// An event's incident (24 小时值守) on its page: state and settings, extension and interval, the log (处置日志)
// with a note box, closing with a summary (结束总结), and the period's figures; printable with the page.
import { useCallback, useEffect, useState } from "react";
import { App, Button, Card, Descriptions, Input, List, Modal, Select, Space, Tag, Typography } from "antd";
import { PrinterOutlined } from "@ant-design/icons";
import type { Role } from "../../src/shared/api";
import {
  INCIDENT_HOURS, INCIDENT_NOTE_MAX, INCIDENT_POLL_SECONDS, INCIDENT_SUMMARY_MAX, type IncidentAlertView, type IncidentDetailView,
  type IncidentLogView, type IncidentView,
} from "../../src/shared/incidents-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { canAnalyse } from "../app/access";
import { useUser } from "../app/session";
import { formatTime } from "../lib/format";
import { logEntryText, notifyIncidentsChanged, useOnIncidentsChanged } from "../lib/incidents";
import { useReportError } from "../lib/use-report-error";
import { useT } from "../locales/i18n";
import { IncidentFigures } from "./incident-figures";
import { SeverityTag } from "../components/severity-tag";

/** Who writes in an incident's log (mirrors `incidents.note`). */
const canNote = (role: Role) => role === "admin" || role === "monitor" || role === "leader";


/** A line of the log: an entry, or an alert raised on the event meanwhile. */
interface TimelineRow { key: string; at: string; entry?: IncidentLogView; alert?: IncidentAlertView }

/** The log and the incident's alerts in time order. */
function timeline(inc: IncidentDetailView): TimelineRow[] {
  const rows: TimelineRow[] = [
    ...inc.log.map((entry) => ({ key: `l${entry.id}`, at: entry.at, entry })),
    ...inc.alerts.map((alert) => ({ key: `a${alert.id}`, at: alert.createdAt, alert })),
  ];
  return rows.sort((a, b) => a.at.localeCompare(b.at));
}

/** Props of EventIncidentPanel. */
export interface EventIncidentPanelProps { eventId: number }

/** The panel of the event's newest incident (or one picked from its history); nothing when it never had one. */
export function EventIncidentPanel({ eventId }: EventIncidentPanelProps) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const role = useUser().role;
  const manager = canAnalyse(role);
  const list = useApi<{ incidents: IncidentView[] }>(`/api/events/${eventId}/incidents`);
  const [picked, setPicked] = useState<number>();
  const incidents = list.data?.incidents ?? [];
  const id = picked ?? incidents[0]?.id;
  const detail = useApi<IncidentDetailView>(id === undefined ? null : `/api/incidents/${id}`, { refreshMs: 60_000, keepPrevious: true });
  const { reload: reloadList } = list;
  const { reload: reloadDetail } = detail;
  const reloadAll = useCallback(() => {
    setPicked(undefined);
    reloadList();
    reloadDetail();
  }, [reloadList, reloadDetail]);
  useOnIncidentsChanged(reloadAll);
  const [note, setNote] = useState("");
  const [closing, setClosing] = useState(false);
  const [summary, setSummary] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => setNote(""), [id]);

  const inc = detail.data;
  if (!inc || !incidents.length) return null;
  const open = inc.closedAt === null;

  const send = async (run: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      await run();
      void message.success(done);
      notifyIncidentsChanged();
      return true;
    } catch (caught) {
      report(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const patch = (body: Record<string, number>, done: string) => void send(() => api.patch(`/api/incidents/${inc.id}`, body), done);
  const addNote = async () => {
    if (!note.trim()) return;
    if (await send(() => api.post(`/api/incidents/${inc.id}/log`, { text: note }), t("incident.noteAdded"))) setNote("");
  };
  const close = async () => {
    if (await send(() => api.post(`/api/incidents/${inc.id}/close`, { summary }), t("incident.closedOk"))) {
      setClosing(false);
      setSummary("");
    }
  };

  const state = !open ? "closed" : inc.active ? "active" : "expired";
  return (
    <Card
      className="incident-panel"
      data-testid="incident-panel"
      title={
        <Space>
          {t("incident.panel")}
          <Tag color={state === "active" ? "red" : state === "expired" ? "orange" : "default"} data-testid="incident-state">
            {t(`incident.state.${state}`)}
          </Tag>
        </Space>
      }
      extra={
        <Space className="no-print">
          {incidents.length > 1 && (
            <Select
              size="small"
              value={inc.id}
              onChange={setPicked}
              aria-label={t("incident.history")}
              options={incidents.map((i) => ({ value: i.id, label: `${formatTime(i.startedAt)} #${i.id}` }))}
              style={{ width: 200 }}
            />
          )}
          <Button size="small" icon={<PrinterOutlined />} onClick={() => window.print()}>{t("incident.print")}</Button>
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t("incident.startedAt")}>{formatTime(inc.startedAt)}</Descriptions.Item>
        <Descriptions.Item label={open ? t("incident.until") : t("incident.closedAt")}>
          <span data-testid="incident-until">{formatTime(open ? inc.until : inc.closedAt)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("incident.poll")}>
          {t("incident.pollEvery", { n: inc.pollSeconds / 60 })}
          {inc.escalateMinutes !== null && <> · {t("incident.escalateAfter", { n: inc.escalateMinutes })}</>}
        </Descriptions.Item>
      </Descriptions>
      {open && manager && (
        <Space wrap className="no-print" style={{ marginBottom: 16 }}>
          <Select<number>
            size="small"
            placeholder={t("incident.extend")}
            value={null}
            disabled={busy}
            onChange={(n) => patch({ extendHours: n }, t("incident.extended"))}
            options={INCIDENT_HOURS.map((n) => ({ value: n, label: `+${t("incident.hoursOption", { n })}` }))}
            style={{ width: 140 }}
            data-testid="incident-extend"
          />
          <Select<number>
            size="small"
            aria-label={t("incident.changeInterval")}
            value={inc.pollSeconds}
            disabled={busy}
            onChange={(s) => patch({ pollSeconds: s }, t("incident.intervalChanged"))}
            options={INCIDENT_POLL_SECONDS.map((s) => ({ value: s, label: t("incident.pollOption", { n: s / 60 }) }))}
            style={{ width: 140 }}
          />
          <Button size="small" danger onClick={() => setClosing(true)} data-testid="incident-close">{t("incident.close")}</Button>
        </Space>
      )}
      {!open && (
        <div style={{ marginBottom: 16 }} data-testid="incident-summary">
          <Typography.Title level={5}>{t("incident.summary")}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{inc.summary}</Typography.Paragraph>
        </div>
      )}
      <IncidentFigures figures={inc.figures} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t("incident.log")}</Typography.Title>
      <List<TimelineRow>
        size="small"
        dataSource={timeline(inc)}
        rowKey="key"
        locale={{ emptyText: t("incident.logEmpty") }}
        data-testid="incident-log"
        renderItem={(row) => (
          <List.Item>
            <Space align="start">
              <Typography.Text type="secondary">{formatTime(row.at)}</Typography.Text>
              {row.entry ? (
                <>
                  <Typography.Text strong>{row.entry.userName ?? t("incident.system")}</Typography.Text>
                  <Typography.Text style={{ whiteSpace: "pre-wrap" }} type={row.entry.kind === "note" ? undefined : "secondary"}>
                    {logEntryText(row.entry, t)}
                  </Typography.Text>
                </>
              ) : (
                row.alert && (
                  <span data-testid="incident-log-alert">
                    <SeverityTag severity={row.alert.severity} />
                    {t("incident.alertRaised", { title: row.alert.title })}
                  </span>
                )
              )}
            </Space>
          </List.Item>
        )}
      />
      {open && canNote(role) && (
        <Space.Compact className="no-print" style={{ width: "100%", marginTop: 8 }}>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={INCIDENT_NOTE_MAX}
            autoSize={{ minRows: 1, maxRows: 6 }}
            placeholder={t("incident.notePlaceholder")}
            data-testid="incident-note"
          />
          <Button type="primary" onClick={() => void addNote()} loading={busy} disabled={!note.trim()} data-testid="incident-note-add">
            {t("incident.addNote")}
          </Button>
        </Space.Compact>
      )}
      <Modal
        open={closing}
        title={t("incident.closeTitle")}
        onCancel={() => setClosing(false)}
        onOk={() => void close()}
        okText={t("incident.close")}
        okButtonProps={{ danger: true, loading: busy, disabled: !summary.trim(), "data-testid": "incident-close-submit" }}
        cancelText={t("common.cancel")}
        destroyOnHidden
      >
        <Input.TextArea
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          maxLength={INCIDENT_SUMMARY_MAX}
          showCount
          autoSize={{ minRows: 5, maxRows: 14 }}
          placeholder={t("incident.summaryPlaceholder")}
          aria-label={t("incident.summary")}
          data-testid="incident-summary-input"
        />
      </Modal>
    </Card>
  );
}
