// A small modal asking for a reason (不予受理, 退回, 查看联系方式); the server requires 2–500 characters.
import { useState } from "react";
import { Form, Input, Modal } from "antd";
import type { ButtonProps } from "antd";
import { useT } from "../locales/i18n";
import { required } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";

/** Asks for a reason and hands it to `onSubmit`; closes when that resolves. */
export function BoardReasonModal(props: { open: boolean; title: string; label: string; onClose: () => void; onSubmit: (reason: string) => Promise<void> }) {
  const { open, title, label, onClose, onSubmit } = props;
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      await onSubmit(reason.trim());
      form.resetFields();
      onClose();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: saving, "data-testid": "board-reason-ok" } as ButtonProps} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={label} rules={[required(t, label), { min: 2, message: t("validation.required", { field: label }) }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="board-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
