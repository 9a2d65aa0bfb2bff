// The "new case" form: title, summary, the items it is about, and optionally severity and owner unit
// (with both, the case starts triaged). Opened from the cases page, or from the ledger with items.
import { useEffect, useMemo, useState } from "react";
import { Button, Form, Input, Modal, Select, Space, TreeSelect } from "antd";
import type { UnitView } from "../../src/shared/api";
import { SEVERITIES } from "../../src/shared/alerts-api";
import type { CaseDetail } from "../../src/shared/cases-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { useT } from "../locales/i18n";
import { buildUnitTree } from "../lib/unit-tree";
import { required } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";

interface Values { title: string; summary?: string; itemIds?: string; severity?: string; unitId?: number; category?: string }

/** Parses "12, 15 18" into item ids (invalid parts dropped). */
export function parseItemIds(text: string | undefined): number[] {
  return [...new Set((text ?? "").split(/[\s,，、]+/).map(Number).filter((n) => Number.isInteger(n) && n > 0))];
}

/** What a new case starts from: its title and items, and the event or alert it was opened from. */
export interface CaseDraft { title?: string; itemIds?: number[]; eventId?: number; alertId?: number }

/** The modal; `initial` pre-fills it (e.g. the ledger's selected items). */
export function NewCaseModal(props: { open: boolean; onClose: () => void; onCreated: (id: number) => void; initial?: CaseDraft }) {
  const { open, onClose, onCreated, initial } = props;
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const units = useApi<{ units: UnitView[] }>(open ? "/api/units" : null);
  const tree = useMemo(() => buildUnitTree(units.data?.units ?? []), [units.data]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ title: initial?.title ?? "", itemIds: (initial?.itemIds ?? []).join(", ") });
  }, [open, initial, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const body = {
        title: v.title.trim(), summary: v.summary?.trim() || undefined, itemIds: parseItemIds(v.itemIds), severity: v.severity,
        unitId: v.unitId, category: v.category?.trim() || undefined, eventId: initial?.eventId, alertId: initial?.alertId,
      };
      const created = await api.post<CaseDetail>("/api/cases", body);
      onCreated(created.id);
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t("cases.new")} onCancel={onClose} footer={null} forceRender>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label={t("cases.title")} rules={[required(t, t("cases.title"))]}>
          <Input maxLength={200} data-testid="case-title" />
        </Form.Item>
        <Form.Item name="summary" label={t("cases.summary")}>
          <Input.TextArea rows={3} maxLength={20000} />
        </Form.Item>
        <Form.Item name="itemIds" label={t("cases.itemIds")}>
          <Input data-testid="case-item-ids" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="severity" label={t("cases.severity")}>
            <Select allowClear style={{ width: 120 }} options={SEVERITIES.map((s) => ({ value: s, label: t(`alerts.severity.${s}`) }))} />
          </Form.Item>
          <Form.Item name="unitId" label={t("cases.unit")}>
            <TreeSelect allowClear treeDefaultExpandAll style={{ width: 220 }} treeData={tree} />
          </Form.Item>
          <Form.Item name="category" label={t("cases.category")}>
            <Input maxLength={50} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Space style={{ width: "100%", justifyContent: "flex-end" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="case-submit">
            {t("common.save")}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
