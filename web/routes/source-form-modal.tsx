// Add or edit a source (feed, html list page, JSON API) and test its settings before saving;
// server validation messages land next to their fields.
import { useEffect, useState } from "react";
import { Button, Form, Input, InputNumber, Modal, Select, Space, Switch, type FormInstance } from "antd";
import type { SourceKind, SourcePreview, SourceSettings, SourceView } from "../../src/shared/api";
import { ApiRequestError, api } from "../api/client";
import { useT } from "../locales/i18n";
import { httpUrl, intRange, required } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import { HtmlSourceFields, JsonSourceFields } from "./source-kind-fields";
import { SourcePreviewTable } from "./source-preview";

/** Longest interval offered: one week. */
const MAX_INTERVAL = 7 * 24 * 3600;
/** Kinds this dialog creates (imports and manual entries have their own pages). */
const FORM_KINDS = ["rss", "html", "json"] as const satisfies readonly SourceKind[];

interface SourceValues extends SourceSettings {
  name: string;
  kind: SourceKind;
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

const blankToUndefined = <T extends object>(o: T | undefined): T | undefined =>
  o && (Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "string" && v.trim() === "" ? undefined : v])) as T);

/** The kind settings of the form values, as the API takes them. */
function settingsOf(v: SourceValues): SourceSettings {
  if (v.kind === "html") {
    // "" (not undefined) for a cleared setting, so that an edit clears it.
    return { selectors: blankToUndefined(v.selectors), timeFormat: v.timeFormat ?? "", pages: v.pages, nextPage: v.nextPage ?? "", pageUrlPattern: v.pageUrlPattern ?? "" };
  }
  if (v.kind === "json") return { mapping: blankToUndefined(v.mapping), timeFormat: v.timeFormat ?? "" };
  return {};
}

/** The add/edit dialog for sources. */
export function SourceFormModal({ source, onClose, onSaved }: SourceFormModalProps) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<SourceValues>();
  const [busy, setBusy] = useState(false);
  const [testing, setTesting] = useState(false);
  const [preview, setPreview] = useState<SourcePreview | null>(null);
  const kind = Form.useWatch("kind", form) ?? source?.kind ?? "rss";
  const open = source !== undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setPreview(null);
    form.setFieldsValue(source ?? { kind: "rss", intervalSeconds: 300, priority: 3, enabled: true, pages: 1 });
  }, [open, source, form]);

  // Server field names are dot paths ("selectors.item"); the form's are arrays.
  const fail = (caught: unknown) => {
    report(caught);
    if (caught instanceof ApiRequestError) (form as FormInstance).setFields(Object.entries(caught.fields).map(([name, message]) => ({ name: name.split("."), errors: [message] })));
  };

  const submit = async (values: SourceValues) => {
    setBusy(true);
    const body = {
      name: values.name.trim(),
      url: values.url.trim(),
      intervalSeconds: values.intervalSeconds,
      priority: values.priority,
      ...settingsOf(values),
    };
    try {
      if (source) await api.patch(`/api/sources/${source.id}`, { ...body, enabled: values.enabled });
      else await api.post("/api/sources", { ...body, kind: values.kind });
      onSaved();
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const test = async () => {
    let values: SourceValues;
    try {
      values = await form.validateFields(["url", ["selectors", "item"], ["selectors", "title"], ["selectors", "link"], ["mapping", "list"], ["mapping", "title"], "pages"]) as SourceValues;
    } catch {
      return;
    }
    const all = { ...form.getFieldsValue(true), ...values } as SourceValues;
    setTesting(true);
    try {
      setPreview(await api.post<SourcePreview>("/api/sources/preview", { kind: all.kind, url: all.url.trim(), ...settingsOf(all) }));
    } catch (caught) {
      fail(caught);
    } finally {
      setTesting(false);
    }
  };

  return (
    <Modal open={open} title={t(source ? "sources.edit" : "sources.add")} onCancel={onClose} footer={null} forceRender width={kind === "rss" ? 520 : 900}>
      <Form<SourceValues> form={form} name="source-form" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="kind" label={t("sources.kind")}>
          <Select disabled={!!source} data-testid="source-kind" onChange={() => setPreview(null)}
            options={FORM_KINDS.map((k) => ({ value: k, label: t(`sources.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t("sources.name")} rules={[required(t, t("sources.name"))]}>
          <Input maxLength={200} data-testid="source-name" />
        </Form.Item>
        <Form.Item
          name="url"
          label={t("sources.url")}
          extra={t(kind === "html" ? "sources.urlHint.html" : kind === "json" ? "sources.urlHint.json" : "sources.urlHint")}
          rules={[required(t, t("sources.url")), httpUrl(t)]}
        >
          <Input placeholder="https://" data-testid="source-url" />
        </Form.Item>
        {kind === "html" && <HtmlSourceFields />}
        {kind === "json" && <JsonSourceFields />}
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
        {preview && <SourcePreviewTable preview={preview} />}
        <Space style={{ width: "100%", justifyContent: "flex-end", marginTop: 12 }}>
          {kind !== "rss" && (
            <Button onClick={() => void test()} loading={testing} data-testid="source-preview-button">
              {t("sources.preview")}
            </Button>
          )}
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="source-submit">
            {t("common.save")}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
