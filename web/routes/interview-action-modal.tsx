// One office action on an interview request that needs a form: approve (optional reason), decline and
// cancel (reason required), schedule (time, place, who accompanies).
import { useEffect, useState } from "react";
import { Button, DatePicker, Form, Input, Modal, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { api } from "../api/client";
import { useT } from "../locales/i18n";
import { required, requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import type { InterviewView } from "./correspondent-types";

/** Actions that open this modal. */
export type FormAction = "approve" | "decline" | "cancel" | "schedule";

interface Values { reason?: string; scheduledAt?: Dayjs; place?: string; accompaniedBy?: string }

/** The modal for `action` on `request` (null: closed). */
export function InterviewActionModal(props: { request: InterviewView | null; action: FormAction | null; onClose: () => void; onDone: () => void }) {
  const { request, action, onClose, onDone } = props;
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!request || !action) return;
    form.resetFields();
    if (action === "schedule") {
      form.setFieldsValue({
        scheduledAt: request.scheduledAt ? dayjs(request.scheduledAt) : request.requestedFor ? dayjs(request.requestedFor) : undefined,
        place: request.place, accompaniedBy: request.accompaniedBy,
      });
    }
  }, [request, action, form]);

  const submit = async (v: Values) => {
    if (!request || !action) return;
    setSaving(true);
    try {
      const body = action === "schedule"
        ? { scheduledAt: v.scheduledAt!.toISOString(), place: v.place?.trim(), accompaniedBy: v.accompaniedBy ?? "" }
        : { reason: v.reason?.trim() || undefined };
      await api.post(`/api/interviews/${request.id}/${action}`, body);
      onDone();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  const needsReason = action === "decline" || action === "cancel";
  return (
    <Modal open={!!request && !!action} title={action ? t(`interviews.${action}`) : ""} onCancel={onClose} footer={null} forceRender>
      <Form form={form} name="interview-action" layout="vertical" onFinish={(v) => void submit(v)}>
        {action === "approve" || needsReason ? (
          <Form.Item name="reason" label={t("interviews.reason")} rules={needsReason ? [required(t, t("interviews.reason"))] : []}>
            <Input.TextArea rows={3} maxLength={500} data-testid="interview-reason" />
          </Form.Item>
        ) : null}
        {action === "schedule" ? (
          <>
            <Form.Item name="scheduledAt" label={t("interviews.scheduledAt")} rules={[requiredChoice(t, t("interviews.scheduledAt"))]}>
              <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" data-testid="interview-scheduled-at" />
            </Form.Item>
            <Form.Item name="place" label={t("interviews.place")} rules={[required(t, t("interviews.place"))]}>
              <Input maxLength={200} data-testid="interview-place" />
            </Form.Item>
            <Form.Item name="accompaniedBy" label={t("interviews.accompaniedBy")}>
              <Input maxLength={200} data-testid="interview-accompanied" />
            </Form.Item>
          </>
        ) : null}
        <Space style={{ width: "100%", justifyContent: "flex-end" }}>
          <Button onClick={onClose} data-testid="interview-action-cancel">{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" danger={action === "decline" || action === "cancel"} loading={saving} data-testid="interview-action-save">
            {action ? t(`interviews.${action}`) : ""}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
