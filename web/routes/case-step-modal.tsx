// The form of one case step: the fields the step needs (研判: severity, category, unit; 交办: lead and
// co-handling units; 延时: the new deadline; most steps: a text).
import { useEffect, useMemo, useState } from "react";
import { Button, DatePicker, Form, Input, Modal, Select, Space, TreeSelect } from "antd";
import type { Dayjs } from "dayjs";
import type { UnitView } from "../../src/shared/api";
import { SEVERITIES } from "../../src/shared/alerts-api";
import type { CaseDetail } from "../../src/shared/cases-api";
import { api } from "../api/client";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";
import { buildUnitTree } from "../lib/unit-tree";
import { required, requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";

const NEEDS_TEXT = new Set(["instruct", "reply", "return", "close", "reopen", "comment", "extend"]);
const LABELLED = new Set([...NEEDS_TEXT, "triage"]);
const HAS_TEXT = new Set([...NEEDS_TEXT, "triage", "escalate", "assign", "accept"]);

interface Values { text?: string; severity?: string; category?: string; unitId?: number; coUnitIds?: number[]; until?: Dayjs }

/** The modal for step `kind` on case `c` (closed when kind is undefined). */
export function CaseStepModal(props: { c: CaseDetail; kind: string | undefined; units: UnitView[]; onClose: () => void; onDone: (c: CaseDetail) => void }) {
  const { c, kind, units, onClose, onDone } = props;
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const tree = useMemo(() => buildUnitTree(units), [units]);

  useEffect(() => {
    if (!kind) return;
    form.resetFields();
    form.setFieldsValue({
      severity: c.severity ?? undefined, category: c.category ?? undefined, unitId: c.unitId ?? c.suggestion?.unitId, coUnitIds: c.coUnitIds,
    });
  }, [kind, c, form]);

  const submit = async (v: Values) => {
    if (!kind) return;
    setSaving(true);
    try {
      const body: Record<string, unknown> = { kind };
      if (v.text?.trim()) body.text = v.text.trim();
      if (kind === "triage") Object.assign(body, { severity: v.severity, category: v.category?.trim() || undefined, unitId: v.unitId });
      if (kind === "assign") Object.assign(body, { unitId: v.unitId, coUnitIds: v.coUnitIds ?? [] });
      if (v.until) body.until = v.until.toISOString();
      onDone(await api.post<CaseDetail>(`/api/cases/${c.id}/steps`, body));
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  const textLabel = kind && LABELLED.has(kind) ? t(`cases.textLabel.${kind}` as MessageKey) : t("cases.text");
  return (
    <Modal open={!!kind} title={kind ? t(`cases.step.${kind}` as MessageKey) : ""} onCancel={onClose} footer={null} forceRender>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {kind === "triage" ? (
          <Space wrap>
            <Form.Item name="severity" label={t("cases.severity")} rules={[requiredChoice(t, t("cases.severity"))]}>
              <Select style={{ width: 120 }} data-testid="case-step-severity" options={SEVERITIES.map((s) => ({ value: s, label: t(`alerts.severity.${s}`) }))} />
            </Form.Item>
            <Form.Item name="category" label={t("cases.category")}>
              <Input maxLength={50} style={{ width: 140 }} />
            </Form.Item>
          </Space>
        ) : null}
        {kind === "triage" || kind === "assign" ? (
          <Form.Item name="unitId" label={t("cases.unit")} rules={[requiredChoice(t, t("cases.unit"))]}>
            <TreeSelect treeDefaultExpandAll treeData={tree} data-testid="case-step-unit" />
          </Form.Item>
        ) : null}
        {kind === "assign" ? (
          <Form.Item name="coUnitIds" label={t("cases.coUnits")}>
            <TreeSelect multiple treeDefaultExpandAll treeData={tree} />
          </Form.Item>
        ) : null}
        {kind === "extend" || kind === "approve_extension" ? (
          <Form.Item name="until" label={t("cases.until")} rules={[requiredChoice(t, t("cases.until"))]}>
            <DatePicker showTime format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        ) : null}
        {kind && HAS_TEXT.has(kind) ? (
          <Form.Item name="text" label={textLabel} rules={NEEDS_TEXT.has(kind) ? [required(t, textLabel)] : []}>
            <Input.TextArea rows={4} maxLength={20000} data-testid="case-step-text" />
          </Form.Item>
        ) : null}
        <Space style={{ width: "100%", justifyContent: "flex-end" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="case-step-submit">
            {t("common.save")}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
