// Reply templates (回应模板) per category, shared by every unit or one unit's; a card of the
// official-accounts page. Drafters pick them in a case's 回应 panel.
import { useEffect, useMemo, useState } from "react";
import { App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, TreeSelect, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import type { UnitView } from "../../src/shared/api";
import type { ReplyTemplateView } from "../../src/shared/replies-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { useUser } from "../app/session";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { buildUnitTree } from "../lib/unit-tree";
import { required } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";

interface TemplateForm { category: string; title: string; text: string; unitId?: number | null }

/** The reply templates card. */
export function ReplyTemplatesCard({ units }: { units: UnitView[] }) {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const report = useReportError();
  const templates = useApi<{ templates: ReplyTemplateView[] }>("/api/reply-templates", { keepPrevious: true });
  const tree = useMemo(() => buildUnitTree(units), [units]);
  const [editing, setEditing] = useState<ReplyTemplateView | "new">();
  const [form] = Form.useForm<TemplateForm>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    // A spokesperson keeps their own unit's templates; shared ones are the admins'.
    if (editing === "new") form.setFieldsValue({ unitId: user.role === "admin" ? null : user.unitId });
    else form.setFieldsValue({ ...editing });
  }, [editing, form, user]);

  const save = async (v: TemplateForm) => {
    setSaving(true);
    try {
      const body = { category: v.category.trim(), title: v.title.trim(), text: v.text.trim(), unitId: v.unitId ?? null };
      if (editing === "new") await api.post("/api/reply-templates", body);
      else if (editing) await api.patch(`/api/reply-templates/${editing.id}`, body);
      void message.success(t("common.saved"));
      setEditing(undefined);
      templates.reload();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (tpl: ReplyTemplateView) => {
    try {
      await api.delete(`/api/reply-templates/${tpl.id}`);
      void message.success(t("common.deleted"));
      templates.reload();
    } catch (caught) {
      report(caught);
    }
  };

  const columns: TableColumnsType<ReplyTemplateView> = [
    { title: t("templates.category"), dataIndex: "category", width: 120 },
    { title: t("templates.name"), dataIndex: "title", width: 200 },
    { title: t("templates.text"), dataIndex: "text", render: (text: string) => <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 420 }}>{text}</Typography.Text> },
    { title: t("templates.unit"), dataIndex: "unitName", width: 140, render: (n: string | null) => n ?? t("templates.shared") },
    {
      title: t("common.actions"),
      key: "actions",
      width: 160,
      render: (_, tpl) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing(tpl)}>{t("common.edit")}</Button>
          <Popconfirm title={t("common.confirmDelete", { name: tpl.title })} onConfirm={() => remove(tpl)}>
            <Button type="link" danger>{t("common.delete")}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t("templates.card")}
      extra={<Button icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="template-new">{t("templates.add")}</Button>}
    >
      {templates.error && !templates.data ? (
        <LoadFailed error={templates.error} onRetry={templates.reload} />
      ) : (
        <Table<ReplyTemplateView> rowKey="id" size="small" loading={templates.loading && !templates.data} dataSource={templates.data?.templates ?? []} columns={columns} pagination={false} />
      )}
      <Modal open={!!editing} title={editing === "new" ? t("templates.new") : t("templates.edit")} onCancel={() => setEditing(undefined)} footer={null} forceRender>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Space wrap>
            <Form.Item name="category" label={t("templates.category")} rules={[required(t, t("templates.category"))]}>
              <Input maxLength={50} style={{ width: 160 }} data-testid="template-category" />
            </Form.Item>
            <Form.Item name="title" label={t("templates.name")} rules={[required(t, t("templates.name"))]}>
              <Input maxLength={100} style={{ width: 260 }} data-testid="template-title" />
            </Form.Item>
          </Space>
          <Form.Item name="unitId" label={t("templates.unit")}>
            <TreeSelect allowClear treeDefaultExpandAll treeData={tree} placeholder={t("templates.shared")} />
          </Form.Item>
          <Form.Item name="text" label={t("templates.text")} rules={[required(t, t("templates.text"))]}>
            <Input.TextArea rows={6} maxLength={5000} data-testid="template-text" />
          </Form.Item>
          <Space style={{ width: "100%", justifyContent: "flex-end" }}>
            <Button onClick={() => setEditing(undefined)}>{t("common.cancel")}</Button>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="template-save">{t("common.save")}</Button>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
