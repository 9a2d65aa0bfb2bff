// Add or edit a source; server validation messages land next to their fields.
import { useEffect, useState } from "react";
import { Button, Form, Input, InputNumber, Modal, Space, Switch } from "antd";
import type { SourceView } from "../../src/shared/api";
import { api } from "../api/client";
import { useT } from "../locales/i18n";
import { httpUrl, intRange, required } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";

/** Longest interval offered: one week. */
const MAX_INTERVAL = 7 * 24 * 3600;

interface SourceValues {
  name: string;
  url: string;
  intervalSeconds: number;
  priority: number;
  enabled: boolean;
}

/** Props of SourceFormModal: `source` undefined = closed, null = new, a SourceView = edit it. */
export interface SourceFormModalProps {
  source: SourceView | null | undefined;
  onClose: () => void;
  onSaved: () => void;
}

/** The add/edit dialog for sources. */
export function SourceFormModal({ source, onClose, onSaved }: SourceFormModalProps) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<SourceValues>();
  const [busy, setBusy] = useState(false);
  const open = source !== undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(source ?? { intervalSeconds: 300, priority: 3, enabled: true });
  }, [open, source, form]);

  const submit = async (values: SourceValues) => {
    setBusy(true);
    const body = {
      name: values.name.trim(),
      url: values.url.trim(),
      intervalSeconds: values.intervalSeconds,
      priority: values.priority,
    };
    try {
      if (source) await api.patch(`/api/sources/${source.id}`, { ...body, enabled: values.enabled });
      else await api.post("/api/sources", { ...body, kind: "rss" });
      onSaved();
    } catch (caught) {
      report(caught, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t(source ? "sources.edit" : "sources.add")}
      onCancel={onClose}
      footer={null}
      forceRender
    >
      <Form<SourceValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="name" label={t("sources.name")} rules={[required(t, t("sources.name"))]}>
          <Input maxLength={200} data-testid="source-name" />
        </Form.Item>
        <Form.Item
          name="url"
          label={t("sources.url")}
          extra={t("sources.urlHint")}
          rules={[required(t, t("sources.url")), httpUrl(t)]}
        >
          <Input placeholder="https://" data-testid="source-url" />
        </Form.Item>
        <Space size="large" align="start">
          <Form.Item
            name="intervalSeconds"
            label={t("sources.interval")}
            rules={[
              { required: true, message: t("validation.required", { field: t("sources.interval") }) },
              intRange(t, 30, MAX_INTERVAL),
            ]}
          >
            <InputNumber min={30} max={MAX_INTERVAL} step={60} precision={0} data-testid="source-interval" />
          </Form.Item>
          <Form.Item name="priority" label={t("sources.priority")} rules={[intRange(t, 1, 5)]}>
            <InputNumber min={1} max={5} precision={0} data-testid="source-priority" />
          </Form.Item>
          {source && (
            <Form.Item name="enabled" label={t("sources.enabled")} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Space>
        <Space style={{ width: "100%", justifyContent: "flex-end" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="source-submit">
            {t("common.save")}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
