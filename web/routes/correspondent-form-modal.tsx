// Add or edit a roster entry (通讯员): unit, name, position, phone, kind, recommendation, duties, status, date.
import { useEffect, useMemo, useState } from "react";
import { Button, DatePicker, Form, Input, Modal, Select, Space, TreeSelect } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { UnitView } from "../../src/shared/api";
import { api } from "../api/client";
import { useT } from "../locales/i18n";
import { buildUnitTree } from "../lib/unit-tree";
import { required, requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import { CORRESPONDENT_KINDS, CORRESPONDENT_STATUSES, type CorrespondentView } from "./correspondent-types";

interface Values {
  unitId: number; name: string; position?: string; phone?: string; kind: string; recommendedBy?: string; duties?: string; status: string; joinedOn?: Dayjs | null;
}

/** The modal; `editing` is the entry to edit, or null to add one. */
export function CorrespondentFormModal(props: { open: boolean; editing: CorrespondentView | null; units: UnitView[]; onClose: () => void; onSaved: () => void }) {
  const { open, editing, units, onClose, onSaved } = props;
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const tree = useMemo(() => buildUnitTree(units), [units]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        unitId: editing.unitId, name: editing.name, position: editing.position, phone: editing.phone ?? "", kind: editing.kind,
        recommendedBy: editing.recommendedBy, duties: editing.duties, status: editing.status, joinedOn: editing.joinedOn ? dayjs(editing.joinedOn) : null,
      });
    } else form.setFieldsValue({ kind: "correspondent", status: "active" });
  }, [open, editing, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body = {
        unitId: v.unitId, name: v.name.trim(), position: v.position ?? "", phone: v.phone ?? "", kind: v.kind, recommendedBy: v.recommendedBy ?? "",
        duties: v.duties ?? "", status: v.status, joinedOn: v.joinedOn ? v.joinedOn.format("YYYY-MM-DD") : null,
      };
      if (editing) await api.patch(`/api/correspondents/${editing.id}`, body);
      else await api.post("/api/correspondents", body);
      onSaved();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t(editing ? "roster.edit" : "roster.add")} onCancel={onClose} footer={null} forceRender width={640}>
      <Form form={form} name="correspondent" layout="vertical" onFinish={(v) => void submit(v)}>
        <Space wrap align="start">
          <Form.Item name="unitId" label={t("roster.unit")} rules={[requiredChoice(t, t("roster.unit"))]}>
            <TreeSelect treeDefaultExpandAll style={{ width: 240 }} treeData={tree} data-testid="correspondent-unit" />
          </Form.Item>
          <Form.Item name="name" label={t("roster.name")} rules={[required(t, t("roster.name"))]}>
            <Input maxLength={50} style={{ width: 160 }} data-testid="correspondent-name" />
          </Form.Item>
          <Form.Item name="position" label={t("roster.position")}>
            <Input maxLength={100} style={{ width: 160 }} data-testid="correspondent-position" />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="phone" label={t("roster.phone")}>
            <Input maxLength={30} style={{ width: 160 }} data-testid="correspondent-phone" />
          </Form.Item>
          <Form.Item name="kind" label={t("roster.kind")} rules={[requiredChoice(t, t("roster.kind"))]}>
            <Select style={{ width: 120 }} options={CORRESPONDENT_KINDS.map((k) => ({ value: k, label: t(`roster.kind.${k}`) }))} data-testid="correspondent-kind" />
          </Form.Item>
          <Form.Item name="status" label={t("roster.status")} rules={[requiredChoice(t, t("roster.status"))]}>
            <Select style={{ width: 120 }} options={CORRESPONDENT_STATUSES.map((s) => ({ value: s, label: t(`roster.status.${s}`) }))} data-testid="correspondent-status" />
          </Form.Item>
          <Form.Item name="joinedOn" label={t("roster.joinedOn")}>
            <DatePicker data-testid="correspondent-joined" />
          </Form.Item>
        </Space>
        <Form.Item name="recommendedBy" label={t("roster.recommendedBy")}>
          <Input maxLength={100} data-testid="correspondent-recommended" />
        </Form.Item>
        <Form.Item name="duties" label={t("roster.duties")}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="correspondent-duties" />
        </Form.Item>
        <Space style={{ width: "100%", justifyContent: "flex-end" }}>
          <Button onClick={onClose} data-testid="correspondent-cancel">{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="correspondent-save">{t("common.save")}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
