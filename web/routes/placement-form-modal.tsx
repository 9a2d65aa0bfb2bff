// The 登记刊发 / edit form: outlet, genre, slot, date, unit, a dynamic list of authors with shares, featured,
// link and note. Shows the computed points after saving.
import { useEffect, useState } from "react";
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, TreeSelect, Typography } from "antd";
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import type { UnitView } from "../../src/shared/api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { useT } from "../locales/i18n";
import { buildUnitTree } from "../lib/unit-tree";
import { httpUrl, required, requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import { vocabLabel, vocabOptions, type OutletView, type PlacementView } from "./placement-labels";

interface Values {
  title: string; outletId: number; genre: string; slot: string; publishedOn: Dayjs; unitId: number; featured: boolean; link?: string; note?: string;
  authors: { name: string; share?: number | null; correspondentId?: number | null }[];
}

/** The placement form in a modal; `editing` null = new. */
export function PlacementFormModal({ open, editing, onClose, onSaved }: { open: boolean; editing: PlacementView | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { modal } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const outlets = useApi<{ outlets: OutletView[] }>(open ? "/api/outlets" : null);
  const units = useApi<{ units: UnitView[] }>(open ? "/api/units" : null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        title: editing.title, outletId: editing.outletId, genre: editing.genre, slot: editing.slot, publishedOn: dayjs(editing.publishedOn),
        unitId: editing.unitId, featured: editing.featured, link: editing.link, note: editing.note,
        authors: editing.authors.map((a) => ({ name: a.name, share: a.share, correspondentId: a.correspondentId })),
      });
    }
  }, [open, editing, form]);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      const body = {
        title: v.title.trim(), outletId: v.outletId, genre: v.genre, slot: v.slot, publishedOn: v.publishedOn.format("YYYY-MM-DD"), unitId: v.unitId,
        featured: !!v.featured, link: (v.link ?? "").trim(), note: v.note ?? "",
        authors: v.authors.map((a) => ({ name: a.name.trim(), share: a.share ?? null, correspondentId: a.correspondentId ?? null })),
      };
      const saved = editing
        ? await api.patch<{ points: number; placement: PlacementView }>(`/api/placements/${editing.id}`, body)
        : await api.post<{ points: number; placement: PlacementView }>("/api/placements", body);
      onSaved();
      onClose();
      modal.success({
        title: t("common.saved"),
        content: <span data-testid="placement-saved-points">{t("pubScoring.savedPoints", { points: saved.points, rules: saved.placement.ruleSetName ?? t("pubScoring.defaultRules") })}</span>,
      });
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  const outletOptions = (outlets.data?.outlets ?? [])
    .filter((o) => o.active || o.id === editing?.outletId)
    .map((o) => ({ value: o.id, label: `${o.name} · ${vocabLabel(t, "level", o.level)} · ${vocabLabel(t, "medium", o.medium)}` }));

  return (
    <Modal open={open} title={editing ? t("pubScoring.editPlacement") : t("pubScoring.register")} onCancel={onClose} footer={null} width={680} forceRender>
      <Form form={form} name="placement" layout="vertical" onFinish={(v) => void save(v)}
        initialValues={{ slot: "none", genre: "news", featured: false, publishedOn: dayjs(), authors: [{ name: "" }] }}>
        <Form.Item name="title" label={t("pubScoring.title")} rules={[required(t, t("pubScoring.title"))]}>
          <Input maxLength={300} data-testid="placement-title" />
        </Form.Item>
        <Form.Item name="outletId" label={t("pubScoring.outlet")} rules={[requiredChoice(t, t("pubScoring.outlet"))]}>
          <Select showSearch optionFilterProp="label" options={outletOptions} loading={outlets.loading} data-testid="placement-outlet" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="genre" label={t("pubScoring.genre")} rules={[requiredChoice(t, t("pubScoring.genre"))]}>
            <Select style={{ width: 140 }} options={vocabOptions(t, "genre")} data-testid="placement-genre" />
          </Form.Item>
          <Form.Item name="slot" label={t("pubScoring.slot")}>
            <Select style={{ width: 160 }} options={vocabOptions(t, "slot")} data-testid="placement-slot" />
          </Form.Item>
          <Form.Item name="publishedOn" label={t("pubScoring.publishedOn")} rules={[requiredChoice(t, t("pubScoring.publishedOn"))]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), "day")} data-testid="placement-date" />
          </Form.Item>
        </Space>
        <Form.Item name="unitId" label={t("pubScoring.unit")} rules={[requiredChoice(t, t("pubScoring.unit"))]}>
          <TreeSelect treeDefaultExpandAll showSearch treeNodeFilterProp="title" treeData={buildUnitTree(units.data?.units ?? [])} data-testid="placement-unit" />
        </Form.Item>
        <Typography.Text>{t("pubScoring.authors")}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t("pubScoring.sharesHint")}</Typography.Paragraph>
        <Form.List name="authors">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, "name"]} rules={[required(t, t("pubScoring.authorName"))]}>
                    <Input placeholder={t("pubScoring.authorName")} maxLength={50} data-testid={`placement-author-name-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, "share"]}>
                    <InputNumber placeholder={t("pubScoring.share")} min={0.01} max={1} step={0.1} data-testid={`placement-author-share-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, "correspondentId"]} hidden><InputNumber /></Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} data-testid={`placement-author-remove-${i}`} />}
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Form.Item style={{ marginBottom: 8 }}>
                <Button type="dashed" onClick={() => add({ name: "" })} icon={<PlusOutlined />} data-testid="placement-author-add">{t("pubScoring.addAuthor")}</Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Form.Item name="featured" valuePropName="checked">
          <Checkbox data-testid="placement-featured">{t("pubScoring.featured")}</Checkbox>
        </Form.Item>
        <Form.Item name="link" label={t("pubScoring.link")} rules={[httpUrl(t)]}>
          <Input maxLength={2000} placeholder="https://" data-testid="placement-link" />
        </Form.Item>
        <Form.Item name="note" label={t("pubScoring.note")}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="placement-note" />
        </Form.Item>
        <Space style={{ width: "100%", justifyContent: "flex-end" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="placement-save">{t("common.save")}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
