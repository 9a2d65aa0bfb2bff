// Report templates (报告设置 → 模板): per kind, the title, issuing unit, red header, the sections that appear
// (checked in document order) and which template is the kind's default.
import { useState } from "react";
import { App, Button, Checkbox, Form, Input, Modal, Popconfirm, Segmented, Space, Switch, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { REPORT_KINDS, REPORT_SECTIONS, type ReportKind, type ReportTemplate } from "../../src/shared/report-types";
import { api, withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { required, requiredChoice } from "../lib/rules";
import { rowTestId } from "../lib/table-rows";
import { useReportError } from "../lib/use-report-error";

type TemplateForm = Omit<ReportTemplate, "id" | "kind">;

/** `keys` in the kind's document order (a checkbox group returns them in click order). */
export function inSectionOrder(kind: ReportKind, keys: readonly string[]): string[] {
  return REPORT_SECTIONS[kind].map((s) => s.key).filter((key) => keys.includes(key));
}

/** The templates tab. */
export function ReportTemplatesSection() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const [kind, setKind] = useState<ReportKind>("daily");
  const templates = useApi<{ templates: ReportTemplate[] }>(withQuery("/api/report-templates", { kind }), { keepPrevious: true });
  const [form] = Form.useForm<TemplateForm>();
  // undefined: closed; null: adding; a template: editing it.
  const [editing, setEditing] = useState<ReportTemplate | null>();
  const [saving, setSaving] = useState(false);
  const titles = new Map(REPORT_SECTIONS[kind].map((s) => [s.key, s.title]));

  const open = (tpl: ReportTemplate | null) => {
    setEditing(tpl);
    form.setFieldsValue(tpl ?? {
      name: "", title: t(`reports.kind.${kind}`), issuingUnit: "", redHeader: true, sections: REPORT_SECTIONS[kind].map((s) => s.key), isDefault: false,
    });
  };
  const save = async (v: TemplateForm) => {
    setSaving(true);
    try {
      const body = { ...v, sections: inSectionOrder(kind, v.sections) };
      if (editing) await api.patch(`/api/report-templates/${editing.id}`, body);
      else await api.post("/api/report-templates", { ...body, kind });
      setEditing(undefined);
      void message.success(t("common.saved"));
      templates.reload();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };
  const remove = async (tpl: ReportTemplate) => {
    try {
      await api.delete(`/api/report-templates/${tpl.id}`);
      void message.success(t("common.deleted"));
      templates.reload();
    } catch (caught) {
      report(caught);
    }
  };

  const columns: TableColumnsType<ReportTemplate> = [
    {
      title: t("reportSettings.template.name"), dataIndex: "name",
      render: (name: string, tpl) => <Space size={4}>{name}{tpl.isDefault ? <Tag color="blue">{t("reportSettings.template.default")}</Tag> : null}</Space>,
    },
    { title: t("reportSettings.template.title"), dataIndex: "title" },
    { title: t("reports.issuingUnit"), dataIndex: "issuingUnit" },
    { title: t("reports.redHeader"), dataIndex: "redHeader", width: 70, render: (v: boolean) => (v ? "✓" : "—") },
    { title: t("reportSettings.template.sections"), dataIndex: "sections", render: (keys: string[]) => keys.map((k) => titles.get(k) ?? k).join("、") },
    {
      title: t("common.actions"), key: "actions", width: 140,
      render: (_, tpl) => (
        <Space>
          <Button size="small" type="link" onClick={() => open(tpl)}>{t("common.edit")}</Button>
          <Popconfirm title={t("common.confirmDelete", { name: tpl.name })} onConfirm={() => void remove(tpl)}>
            <Button size="small" type="link" danger>{t("common.delete")}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }}>
        <Segmented value={kind} onChange={(k) => setKind(k as ReportKind)} options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)} data-testid="template-new">{t("reportSettings.template.new")}</Button>
      </Space>
      {templates.error && !templates.data ? (
        <LoadFailed error={templates.error} onRetry={templates.reload} />
      ) : (
        <Table<ReportTemplate>
          rowKey="id" size="small" pagination={false} scroll={{ x: 800 }} loading={templates.loading && !templates.data}
          dataSource={templates.data?.templates ?? []} columns={columns} onRow={rowTestId("template-row")}
        />
      )}
      <Modal
        open={editing !== undefined}
        title={t(editing ? "reportSettings.template.edit" : "reportSettings.template.new")}
        onCancel={() => setEditing(undefined)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        forceRender
      >
        <Form<TemplateForm> form={form} name="report-template" layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="name" label={t("reportSettings.template.name")} rules={[required(t, t("reportSettings.template.name"))]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="title" label={t("reportSettings.template.title")} rules={[required(t, t("reportSettings.template.title"))]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="issuingUnit" label={t("reports.issuingUnit")}>
            <Input maxLength={200} />
          </Form.Item>
          <Space size="large">
            <Form.Item name="redHeader" label={t("reports.redHeader")} valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="isDefault" label={t("reportSettings.template.isDefault")} valuePropName="checked"><Switch /></Form.Item>
          </Space>
          <Form.Item name="sections" label={t("reportSettings.template.sections")} rules={[requiredChoice(t, t("reportSettings.template.sections"))]}>
            <Checkbox.Group style={{ display: "flex", flexDirection: "column", gap: 4 }} options={REPORT_SECTIONS[kind].map((s, i) => ({ value: s.key, label: `${i + 1}. ${s.title}` }))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
