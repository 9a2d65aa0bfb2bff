// 登记采访申请: the unit asked, the outlet (on file, or by name), the reporter with press card and contact,
// the topic, the time and the people asked for.
import { useEffect, useMemo, useState } from "react";
import { Button, DatePicker, Form, Input, Modal, Select, Space, TreeSelect } from "antd";
import type { Dayjs } from "dayjs";
import type { UnitView } from "../../src/shared/api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { useT } from "../locales/i18n";
import { buildUnitTree } from "../lib/unit-tree";
import { required, requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";

interface Values {
  unitId: number; outletId?: number; outletName?: string; reporter: string; pressCard?: string; contact?: string; topic: string;
  requestedFor?: Dayjs | null; peopleAsked?: string;
}

/** The modal. */
export function InterviewNewModal(props: { open: boolean; units: UnitView[]; onClose: () => void; onCreated: () => void }) {
  const { open, units, onClose, onCreated } = props;
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const tree = useMemo(() => buildUnitTree(units), [units]);
  const outlets = useApi<{ outlets: { id: number; name: string }[] }>(open ? "/api/outlets" : null);
  const outletId = Form.useWatch("outletId", form);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await api.post("/api/interviews", {
        unitId: v.unitId, outletId: v.outletId ?? null, outletName: v.outletId ? undefined : v.outletName?.trim(), reporter: v.reporter.trim(),
        pressCard: v.pressCard ?? "", contact: v.contact ?? "", topic: v.topic.trim(), requestedFor: v.requestedFor ? v.requestedFor.toISOString() : null,
        peopleAsked: v.peopleAsked ?? "",
      });
      onCreated();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t("interviews.add")} onCancel={onClose} footer={null} forceRender width={640}>
      <Form form={form} name="interview" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="unitId" label={t("interviews.unit")} rules={[requiredChoice(t, t("interviews.unit"))]}>
          <TreeSelect treeDefaultExpandAll treeData={tree} data-testid="interview-unit" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="outletId" label={t("interviews.outlet")}>
            <Select
              allowClear showSearch optionFilterProp="label" style={{ width: 240 }}
              options={(outlets.data?.outlets ?? []).map((o) => ({ value: o.id, label: o.name }))} data-testid="interview-outlet"
            />
          </Form.Item>
          {outletId ? null : (
            <Form.Item name="outletName" label={t("interviews.outletName")} rules={[required(t, t("interviews.outletName"))]}>
              <Input maxLength={100} style={{ width: 240 }} data-testid="interview-outlet-name" />
            </Form.Item>
          )}
        </Space>
        <Space wrap align="start">
          <Form.Item name="reporter" label={t("interviews.reporter")} rules={[required(t, t("interviews.reporter"))]}>
            <Input maxLength={100} style={{ width: 160 }} data-testid="interview-reporter" />
          </Form.Item>
          <Form.Item name="pressCard" label={t("interviews.pressCard")}>
            <Input maxLength={50} style={{ width: 180 }} data-testid="interview-press-card" />
          </Form.Item>
          <Form.Item name="contact" label={t("interviews.contact")}>
            <Input maxLength={100} style={{ width: 180 }} data-testid="interview-contact" />
          </Form.Item>
        </Space>
        <Form.Item name="topic" label={t("interviews.topic")} rules={[required(t, t("interviews.topic"))]}>
          <Input maxLength={300} data-testid="interview-topic" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="requestedFor" label={t("interviews.requestedFor")}>
            <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" data-testid="interview-requested-for" />
          </Form.Item>
          <Form.Item name="peopleAsked" label={t("interviews.peopleAsked")}>
            <Input maxLength={300} style={{ width: 300 }} data-testid="interview-people" />
          </Form.Item>
        </Space>
        <Space style={{ width: "100%", justifyContent: "flex-end" }}>
          <Button onClick={onClose} data-testid="interview-cancel-form">{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="interview-save">{t("common.save")}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
