// The "发预警" dialog: a monitor raises an alert on an item (the ledger's row action) or an event (the
// event page), choosing severity, channels (none: every enabled one) and a note. POST /api/alerts.
import { useState } from "react";
import { App, Form, Input, Modal, Select } from "antd";
import { SEVERITIES, type Severity } from "../../src/shared/alerts-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { useT } from "../locales/i18n";
import { useReportError } from "../lib/use-report-error";

/** What an alert is raised on: one item or one event, with its title for the dialog's heading. */
export type RaiseSubject = { itemId: number; title: string } | { eventId: number; title: string };

type RaiseForm = { severity: Severity; channelIds: number[]; note?: string };

/** The dialog; open while `subject` is set. */
export function RaiseAlertModal({ subject, onClose }: { subject: RaiseSubject | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<RaiseForm>();
  const [busy, setBusy] = useState(false);
  const channels = useApi<{ channels: { id: number; name: string }[] }>(subject ? "/api/alerts/channels" : null);

  const submit = async (v: RaiseForm) => {
    if (!subject) return;
    setBusy(true);
    try {
      const on = "itemId" in subject ? { itemId: subject.itemId } : { eventId: subject.eventId };
      await api.post("/api/alerts", { ...on, severity: v.severity, note: v.note?.trim() || undefined, channelIds: v.channelIds.length ? v.channelIds : undefined });
      void message.success(t("alerts.raised"));
      form.resetFields();
      onClose();
    } catch (caught) {
      report(caught, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={subject !== null}
      title={t("alerts.raiseTitle", { title: subject?.title ?? "" })}
      okText={t("alerts.raise")}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      data-testid="raise-alert-modal"
    >
      <Form form={form} layout="vertical" initialValues={{ severity: "significant", channelIds: [] }} onFinish={(v) => void submit(v)}>
        <Form.Item name="severity" label={t("alerts.severity")}>
          <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`alerts.severity.${s}`) }))} data-testid="raise-severity" />
        </Form.Item>
        <Form.Item name="channelIds" label={t("alerts.channels")} extra={t("alerts.raiseChannelsHint")}>
          <Select mode="multiple" options={(channels.data?.channels ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="note" label={t("alerts.note")}>
          <Input.TextArea maxLength={500} rows={3} data-testid="raise-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
