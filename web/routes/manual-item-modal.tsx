// 手工录入: a monitor pastes a text or a link (fetched and extracted by the server) into the ledger.
import { useState } from "react";
import { App, Button, Form, Input, Modal, Typography, type ButtonProps } from "antd";
import { EditOutlined } from "@ant-design/icons";
import type { ItemView } from "../../src/shared/api";
import { requestWithStatus } from "../api/client";
import { useT } from "../locales/i18n";
import { httpUrl } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";

interface ManualValues { url?: string; text?: string; title?: string }

/** Props of ManualItemButton. */
export interface ManualItemButtonProps { onAdded: () => void }

/** The 手工录入 button and its dialog. */
export function ManualItemButton({ onAdded }: ManualItemButtonProps) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<ManualValues>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (values: ManualValues) => {
    const body = { url: values.url?.trim() || undefined, text: values.text?.trim() || undefined, title: values.title?.trim() || undefined };
    setBusy(true);
    try {
      // 201 = new, 200 = already in the ledger.
      const { status, body: item } = await requestWithStatus<ItemView>("POST", "/api/items/manual", body);
      void (status === 201 ? message.success(t("manual.created")) : message.info(t("manual.existing", { title: item.title })));
      form.resetFields();
      setOpen(false);
      onAdded();
    } catch (caught) {
      report(caught, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="manual-open">{t("manual.open")}</Button>
      <Modal
        open={open} title={t("manual.title")} onCancel={() => setOpen(false)} onOk={() => form.submit()}
        okText={t("manual.submit")} okButtonProps={{ loading: busy, "data-testid": "manual-submit" } as ButtonProps} width={640} destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t("manual.intro")}</Typography.Paragraph>
        <Form form={form} name="manual-item" layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="url" label={t("manual.url")} extra={t("manual.urlHint")} rules={[httpUrl(t)]}>
            <Input maxLength={2048} placeholder="https://" data-testid="manual-url" />
          </Form.Item>
          <Form.Item name="title" label={t("manual.itemTitle")} extra={t("manual.itemTitleHint")}>
            <Input maxLength={1000} data-testid="manual-title" />
          </Form.Item>
          <Form.Item
            name="text" label={t("manual.text")} dependencies={["url"]}
            rules={[({ getFieldValue }) => ({
              validator: async (_, v: unknown) => {
                const url = String(getFieldValue("url") ?? "").trim();
                if (!url && !(typeof v === "string" && v.trim())) throw new Error(t("manual.needOne"));
              },
            })]}
          >
            <Input.TextArea rows={8} maxLength={200_000} data-testid="manual-text" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
