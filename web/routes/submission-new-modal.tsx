// The "新建稿件" modal: kind, title, text, event date, unit (office staff choose; unit staff default to
// their own) and intended outlets (from /api/outlets; an empty list when that is unavailable).
import { useMemo, useState } from "react";
import { Button, Form, Input, Modal, Select, Space } from "antd";
import type { UnitView } from "../../src/shared/api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { useUser } from "../app/session";
import { useT } from "../locales/i18n";
import { required, requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import type { SubmissionDetail } from "./submission-types";

interface Values { kind: "news" | "info"; title: string; body: string; eventDate: string; unitId?: number; outletIds?: number[] }

/** Outlets as offered: whatever /api/outlets answers with, or none. */
export function useOutletOptions(): { value: number; label: string }[] {
  const outlets = useApi<{ outlets?: { id: number; name: string }[] } | { id: number; name: string }[]>("/api/outlets");
  return useMemo(() => {
    const d = outlets.data;
    const list = Array.isArray(d) ? d : (d?.outlets ?? []);
    return list.map((o) => ({ value: o.id, label: o.name }));
  }, [outlets.data]);
}

/** The modal; `onCreated` gets the new draft. */
export function NewSubmissionModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (s: SubmissionDetail) => void }) {
  const t = useT();
  const user = useUser();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const outlets = useOutletOptions();
  const units = useApi<{ units: UnitView[] }>(user.unitId == null ? "/api/units" : null);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      const s = await api.post<SubmissionDetail>("/api/submissions", { ...v, title: v.title.trim(), outletIds: v.outletIds ?? [] });
      form.resetFields();
      onCreated(s);
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t("sub.new")} onCancel={onClose} footer={null} width={720} forceRender>
      <Form form={form} name="submission-new" layout="vertical" initialValues={{ kind: "news" }} onFinish={(v) => void save(v)}>
        <Space wrap align="start">
          <Form.Item name="kind" label={t("sub.kind")} rules={[requiredChoice(t, t("sub.kind"))]}>
            <Select style={{ width: 160 }} data-testid="sub-kind" options={[{ value: "news", label: t("sub.kind.news") }, { value: "info", label: t("sub.kind.info") }]} />
          </Form.Item>
          <Form.Item name="eventDate" label={t("sub.eventDate")} rules={[required(t, t("sub.eventDate"))]}>
            <Input type="date" style={{ width: 180 }} data-testid="sub-event-date" />
          </Form.Item>
          {user.unitId == null ? (
            <Form.Item name="unitId" label={t("sub.unit")} rules={[requiredChoice(t, t("sub.unit"))]}>
              <Select style={{ width: 220 }} showSearch optionFilterProp="label" data-testid="sub-unit" options={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          ) : null}
        </Space>
        <Form.Item name="title" label={t("sub.title")} rules={[required(t, t("sub.title"))]}>
          <Input maxLength={200} data-testid="sub-title" />
        </Form.Item>
        <Form.Item name="body" label={t("sub.body")} rules={[required(t, t("sub.body"))]}>
          <Input.TextArea rows={10} maxLength={50000} data-testid="sub-body" />
        </Form.Item>
        <Form.Item name="outletIds" label={t("sub.outlets")}>
          <Select mode="multiple" options={outlets} notFoundContent={t("sub.noOutlets")} optionFilterProp="label" data-testid="sub-outlets" />
        </Form.Item>
        <Space style={{ width: "100%", justifyContent: "flex-end" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="sub-save">{t("common.save")}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
