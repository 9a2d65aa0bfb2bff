// 媒体库 card: the outlets with level, medium, hosts and how many placements name them; add, edit,
// deactivate, delete (refused by the server while a placement names the outlet).
import { useState } from "react";
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { required, requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import { LevelTag, vocabLabel, vocabOptions, type OutletView } from "./placement-labels";

interface Values { name: string; level: string; medium: string; hosts: string[]; active: boolean }

/** The outlets card of the publicity settings page. */
export function PublicitySettingsOutlets() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const outlets = useApi<{ outlets: OutletView[] }>("/api/outlets", { keepPrevious: true });
  const [editing, setEditing] = useState<OutletView | null | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();

  const open = (o: OutletView | null) => {
    setEditing(o);
    form.resetFields();
    form.setFieldsValue(o ? { name: o.name, level: o.level, medium: o.medium, hosts: o.hosts, active: o.active } : { hosts: [], active: true });
  };
  const save = async (v: Values) => {
    setSaving(true);
    try {
      const body = { ...v, name: v.name.trim(), hosts: (v.hosts ?? []).map((h) => h.trim()).filter(Boolean) };
      if (editing) await api.patch(`/api/outlets/${editing.id}`, body);
      else await api.post("/api/outlets", body);
      void message.success(t("common.saved"));
      setEditing(undefined);
      outlets.reload();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      outlets.reload();
    } catch (caught) {
      report(caught);
    }
  };

  const columns: TableColumnsType<OutletView> = [
    { title: t("pubScoring.outletName"), dataIndex: "name", render: (n: string, o) => <Space size={4}>{n}{!o.active && <Tag>{t("pubScoring.inactive")}</Tag>}</Space> },
    { title: t("pubScoring.level"), dataIndex: "level", render: (_, o) => <LevelTag t={t} level={o.level} /> },
    { title: t("pubScoring.medium"), dataIndex: "medium", render: (m: string) => vocabLabel(t, "medium", m) },
    { title: t("pubScoring.hosts"), dataIndex: "hosts", responsive: ["lg"], render: (h: string[]) => h.join(", ") || "—" },
    { title: t("pubScoring.placementCount"), dataIndex: "placements", width: 80, align: "right" },
    {
      title: t("common.actions"), key: "actions", width: 200,
      render: (_, o) => (
        <Space size={0}>
          <Button type="link" onClick={() => open(o)} data-testid={`outlet-edit-${o.id}`}>{t("common.edit")}</Button>
          <Button type="link" onClick={() => void act(() => api.patch(`/api/outlets/${o.id}`, { active: !o.active }))} data-testid={`outlet-toggle-${o.id}`}>
            {o.active ? t("pubScoring.deactivate") : t("pubScoring.activate")}
          </Button>
          <Popconfirm title={t("common.confirmDelete", { name: o.name })} onConfirm={() => act(() => api.delete(`/api/outlets/${o.id}`))} okButtonProps={{ danger: true }}>
            <Button type="link" danger data-testid={`outlet-delete-${o.id}`}>{t("common.delete")}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t("pubScoring.outlets")} extra={<Button icon={<PlusOutlined />} onClick={() => open(null)} data-testid="outlet-new">{t("pubScoring.addOutlet")}</Button>}>
      {outlets.error && !outlets.data ? (
        <LoadFailed error={outlets.error} onRetry={outlets.reload} />
      ) : (
        <Table<OutletView> rowKey="id" size="small" loading={outlets.loading && !outlets.data} dataSource={outlets.data?.outlets ?? []} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      )}
      <Modal open={editing !== undefined} title={editing ? t("pubScoring.editOutlet") : t("pubScoring.addOutlet")} onCancel={() => setEditing(undefined)} footer={null} forceRender>
        <Form form={form} name="outlet" layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="name" label={t("pubScoring.outletName")} rules={[required(t, t("pubScoring.outletName"))]}>
            <Input maxLength={100} data-testid="outlet-name" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="level" label={t("pubScoring.level")} rules={[requiredChoice(t, t("pubScoring.level"))]}>
              <Select style={{ width: 160 }} options={vocabOptions(t, "level")} data-testid="outlet-level" />
            </Form.Item>
            <Form.Item name="medium" label={t("pubScoring.medium")} rules={[requiredChoice(t, t("pubScoring.medium"))]}>
              <Select style={{ width: 160 }} options={vocabOptions(t, "medium")} data-testid="outlet-medium" />
            </Form.Item>
            <Form.Item name="active" label={t("pubScoring.active")} valuePropName="checked">
              <Switch data-testid="outlet-active" />
            </Form.Item>
          </Space>
          <Form.Item name="hosts" label={t("pubScoring.hosts")} extra={t("pubScoring.hostsHint")}>
            <Select mode="tags" tokenSeparators={[",", " ", "，"]} open={false} data-testid="outlet-hosts" />
          </Form.Item>
          <Space style={{ width: "100%", justifyContent: "flex-end" }}>
            <Button onClick={() => setEditing(undefined)}>{t("common.cancel")}</Button>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="outlet-save">{t("common.save")}</Button>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
