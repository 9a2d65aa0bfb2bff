// Add or edit a watch: name and query on the left with the syntax help, the live preview on the right.
import { useEffect, useState } from "react";
import { Button, Col, Collapse, Form, Input, Modal, Row, Space, Switch, Typography } from "antd";
import type { WatchView } from "../../src/shared/analysis-api";
import { api, ApiRequestError } from "../api/client";
import { useWatchPreview } from "../api/watch-preview";
import { useI18n } from "../locales/i18n";
import { required } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import { WatchPreviewList } from "./watch-preview-list";
import { WatchQueryHelp } from "./watch-query-help";

interface WatchValues {
  name: string;
  query: string;
  enabled: boolean;
}

/** Props of WatchEditorModal: `watch` undefined = closed, null = new, a WatchView = edit it. */
export interface WatchEditorModalProps {
  watch: WatchView | null | undefined;
  onClose: () => void;
  onSaved: () => void;
}

/** The watch editor dialog; query errors (live or on save) appear under the query field. */
export function WatchEditorModal({ watch, onClose, onSaved }: WatchEditorModalProps) {
  const { t } = useI18n();
  const report = useReportError();
  const [form] = Form.useForm<WatchValues>();
  const [busy, setBusy] = useState(false);
  // A save rejected for its query: the message applies while the query is unchanged.
  const [rejected, setRejected] = useState<{ query: string; message: string }>();
  const open = watch !== undefined;
  const query: string = Form.useWatch("query", form) ?? "";
  const preview = useWatchPreview(open ? query : "");

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(watch ?? { name: "", query: "", enabled: true });
    setRejected(undefined);
  }, [open, watch, form]);

  // The last preview's parse error stays up while the next keystrokes settle, so it does not flicker.
  const liveError = query.trim() ? preview.queryError : undefined;
  const savedError = rejected?.query === query ? rejected.message : undefined;
  const queryError = liveError ?? savedError;

  const submit = async (values: WatchValues) => {
    setBusy(true);
    const body = { name: values.name.trim(), query: values.query.trim(), enabled: values.enabled };
    try {
      if (watch) await api.patch(`/api/watches/${watch.id}`, body);
      else await api.post("/api/watches", body);
      onSaved();
    } catch (caught) {
      if (caught instanceof ApiRequestError && caught.fields.query) {
        setRejected({ query: values.query, message: caught.fields.query });
      }
      report(caught, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t(watch ? "watches.edit" : "watches.add")}
      onCancel={onClose}
      footer={null}
      width={1100}
      forceRender
    >
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Form<WatchValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
            <Form.Item name="name" label={t("watches.name")} rules={[required(t, t("watches.name"))]}>
              <Input maxLength={100} data-testid="watch-name" />
            </Form.Item>
            <Form.Item
              name="query"
              label={t("watches.query")}
              rules={[required(t, t("watches.query"))]}
              validateStatus={queryError ? "error" : undefined}
              help={
                queryError ? <span data-testid="watch-query-error">{queryError}</span> : undefined
              }
            >
              <Input.TextArea
                rows={4}
                maxLength={4000}
                placeholder={t("watches.queryPlaceholder")}
                className="query-input"
                data-testid="watch-query"
              />
            </Form.Item>
            <Form.Item name="enabled" label={t("watches.enabled")} valuePropName="checked">
              <Switch data-testid="watch-enabled" />
            </Form.Item>
            <Space style={{ width: "100%", justifyContent: "flex-end", marginBottom: 16 }}>
              <Button onClick={onClose}>{t("common.cancel")}</Button>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="watch-submit">
                {t("common.save")}
              </Button>
            </Space>
          </Form>
          <Collapse
            size="small"
            defaultActiveKey={["help"]}
            items={[{ key: "help", label: t("watches.help"), children: <WatchQueryHelp /> }]}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t("watches.preview")}</Typography.Title>
          <WatchPreviewList state={preview} />
        </Col>
      </Row>
    </Modal>
  );
}
