// The 「启动24小时值守」 button of an event page and its dialog (duration, fetch interval, escalation timer).
// Shown to monitors and admins while the event has no open incident.
import { useCallback, useState } from "react";
import { Alert, App, Button, Form, InputNumber, Modal, Select } from "antd";
import { AlertOutlined } from "@ant-design/icons";
import {
  INCIDENT_DEFAULT_POLL_SECONDS, INCIDENT_HOURS, INCIDENT_POLL_SECONDS, type IncidentView,
} from "../../src/shared/incidents-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { canAnalyse } from "../app/access";
import { useUser } from "../app/session";
import { notifyIncidentsChanged, useOnIncidentsChanged } from "../lib/incidents";
import { useReportError } from "../lib/use-report-error";
import { useT } from "../locales/i18n";

interface StartForm { hours: number; pollSeconds: number; escalateMinutes?: number | null }

/** Props of IncidentStartButton. */
export interface IncidentStartButtonProps { eventId: number }

/** The button (nothing for other roles, or while an incident is open) and its dialog. */
export function IncidentStartButton({ eventId }: IncidentStartButtonProps) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const manager = canAnalyse(useUser().role);
  const { data, reload } = useApi<{ incidents: IncidentView[] }>(manager ? `/api/events/${eventId}/incidents` : null);
  useOnIncidentsChanged(reload);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<StartForm>();

  const start = useCallback(async (values: StartForm) => {
    setBusy(true);
    try {
      await api.post(`/api/events/${eventId}/incident`, { ...values, escalateMinutes: values.escalateMinutes ?? null });
      void message.success(t("incident.started"));
      setOpen(false);
      notifyIncidentsChanged();
    } catch (caught) {
      report(caught, form);
    } finally {
      setBusy(false);
    }
  }, [eventId, form, message, report, t]);

  if (!manager || !data || data.incidents.some((i) => i.closedAt === null)) return null;
  return (
    <>
      <Button size="small" danger icon={<AlertOutlined />} onClick={() => setOpen(true)} data-testid="incident-start">
        {t("incident.start")}
      </Button>
      <Modal
        open={open}
        title={t("incident.start.title")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t("incident.start.ok")}
        okButtonProps={{ loading: busy, danger: true, "data-testid": "incident-start-submit" }}
        cancelText={t("common.cancel")}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t("incident.start.hint")} style={{ marginBottom: 16 }} />
        <Form<StartForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ hours: 24, pollSeconds: INCIDENT_DEFAULT_POLL_SECONDS }}
          onFinish={(values) => void start(values)}
        >
          <Form.Item name="hours" label={t("incident.hours")}>
            <Select options={INCIDENT_HOURS.map((n) => ({ value: n, label: t("incident.hoursOption", { n }) }))} data-testid="incident-hours" />
          </Form.Item>
          <Form.Item name="pollSeconds" label={t("incident.poll")}>
            <Select options={INCIDENT_POLL_SECONDS.map((s) => ({ value: s, label: t("incident.pollOption", { n: s / 60 }) }))} />
          </Form.Item>
          <Form.Item name="escalateMinutes" label={t("incident.escalate")}>
            <InputNumber min={1} max={240} precision={0} suffix={t("incident.minutes")} placeholder={t("incident.escalatePlaceholder")} style={{ width: "100%" }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
