// The 培训班 tab: training classes with their attendees; the office adds, edits (attendees chosen from the
// roster, part hours per person) and deletes them.
import { useEffect, useState } from "react";
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tooltip } from "antd";
import type { TableColumnsType } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { PlusOutlined } from "@ant-design/icons";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { required, requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import type { CorrespondentView, TrainingView } from "./correspondent-types";

interface Values { heldOn: Dayjs; topic: string; organiser?: string; place?: string; hours: number; attendeeIds?: number[]; partHours?: Record<string, number | null> }

/** The tab; `people` are the roster entries the reader may see, `office` may change classes. */
export function TrainingTab(props: { people: CorrespondentView[]; office: boolean }) {
  const { people, office } = props;
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const list = useApi<{ trainings: TrainingView[] }>("/api/trainings", { keepPrevious: true });
  const [editing, setEditing] = useState<TrainingView | null | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch("attendeeIds", form) ?? [];
  const names = new Map(people.map((p) => [p.id, t("trainings.personUnit", { name: p.name, unit: p.unitName ?? "" })]));

  useEffect(() => {
    if (editing === undefined) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        heldOn: dayjs(editing.heldOn), topic: editing.topic, organiser: editing.organiser, place: editing.place, hours: editing.hours,
        attendeeIds: editing.attendees.map((a) => a.correspondentId),
        partHours: Object.fromEntries(editing.attendees.map((a) => [String(a.correspondentId), a.hours])),
      });
    }
  }, [editing, form]);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      const body = { heldOn: v.heldOn.format("YYYY-MM-DD"), topic: v.topic.trim(), organiser: v.organiser ?? "", place: v.place ?? "", hours: v.hours };
      const ids = v.attendeeIds ?? [];
      const saved = editing
        ? await api.patch<TrainingView>(`/api/trainings/${editing.id}`, body)
        : await api.post<TrainingView>("/api/trainings", { ...body, attendeeIds: [] });
      const part = v.partHours ?? {};
      await api.put(`/api/trainings/${saved.id}/attendees`, {
        attendees: ids.map((correspondentId) => ({ correspondentId, hours: part[String(correspondentId)] ?? null })),
      });
      setEditing(undefined);
      void message.success(t("common.saved"));
      list.reload();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (c: TrainingView) => {
    try {
      await api.delete(`/api/trainings/${c.id}`);
      list.reload();
    } catch (caught) {
      report(caught);
    }
  };

  const columns: TableColumnsType<TrainingView> = [
    { title: t("trainings.heldOn"), dataIndex: "heldOn", width: 110 },
    { title: t("trainings.topic"), dataIndex: "topic" },
    { title: t("trainings.organiser"), dataIndex: "organiser" },
    { title: t("trainings.place"), dataIndex: "place" },
    { title: t("trainings.hours"), dataIndex: "hours", width: 70 },
    {
      title: t("trainings.attendees"), key: "attendees",
      render: (_, c) => (
        <Tooltip title={c.attendees.map((a) => a.name).join("、")}>{t("trainings.attendeeCount", { n: c.attendees.length })}</Tooltip>
      ),
    },
    ...(office ? [{
      title: t("common.actions"), key: "actions", width: 130,
      render: (_: unknown, c: TrainingView) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(c)} data-testid={`training-edit-${c.id}`}>{t("common.edit")}</Button>
          <Popconfirm title={t("common.confirmDelete", { name: c.topic })} onConfirm={() => void remove(c)} okButtonProps={{ danger: true }}>
            <Button type="link" size="small" danger data-testid={`training-delete-${c.id}`}>{t("common.delete")}</Button>
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];

  return (
    <>
      {office ? (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="training-new">{t("trainings.add")}</Button>
        </Space>
      ) : null}
      {list.error && !list.data ? (
        <LoadFailed error={list.error} onRetry={list.reload} />
      ) : (
        <Table<TrainingView> rowKey="id" size="small" loading={list.loading && !list.data} dataSource={list.data?.trainings ?? []} columns={columns} />
      )}
      <Modal open={editing !== undefined} title={t(editing ? "trainings.edit" : "trainings.add")} onCancel={() => setEditing(undefined)} footer={null} forceRender width={640}>
        <Form form={form} name="training" layout="vertical" onFinish={(v) => void save(v)}>
          <Space wrap align="start">
            <Form.Item name="heldOn" label={t("trainings.heldOn")} rules={[requiredChoice(t, t("trainings.heldOn"))]}>
              <DatePicker data-testid="training-date" />
            </Form.Item>
            <Form.Item name="hours" label={t("trainings.hours")} rules={[requiredChoice(t, t("trainings.hours"))]}>
              <InputNumber min={0} max={1000} step={0.5} data-testid="training-hours" />
            </Form.Item>
          </Space>
          <Form.Item name="topic" label={t("trainings.topic")} rules={[required(t, t("trainings.topic"))]}>
            <Input maxLength={200} data-testid="training-topic" />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="organiser" label={t("trainings.organiser")}>
              <Input maxLength={100} style={{ width: 240 }} data-testid="training-organiser" />
            </Form.Item>
            <Form.Item name="place" label={t("trainings.place")}>
              <Input maxLength={100} style={{ width: 240 }} data-testid="training-place" />
            </Form.Item>
          </Space>
          <Form.Item name="attendeeIds" label={t("trainings.attendees")}>
            <Select mode="multiple" optionFilterProp="label" options={people.map((p) => ({ value: p.id, label: names.get(p.id) }))} data-testid="training-attendees" />
          </Form.Item>
          {chosen.length ? (
            <Form.Item label={t("trainings.partHours")}>
              <Space wrap>
                {chosen.map((id) => (
                  <Form.Item key={id} name={["partHours", String(id)]} noStyle>
                    <InputNumber min={0} max={1000} step={0.5} addonBefore={names.get(id) ?? id} placeholder={t("trainings.fullHours")} data-testid={`training-part-${id}`} />
                  </Form.Item>
                ))}
              </Space>
            </Form.Item>
          ) : null}
          <Space style={{ width: "100%", justifyContent: "flex-end" }}>
            <Button onClick={() => setEditing(undefined)} data-testid="training-cancel">{t("common.cancel")}</Button>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="training-save">{t("common.save")}</Button>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
