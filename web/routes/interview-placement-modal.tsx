// Follows an interview request to its published piece: link a placement already registered, or register
// it here (outlet, genre, date, authors) — either way the request becomes done.
import { useEffect, useState } from "react";
import { Button, DatePicker, Form, Input, Modal, Segmented, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { GENRES, SLOTS } from "../../src/shared/publicity-types";
import { api, withQuery } from "../api/client";
import { useApi } from "../api/hooks";
import { useT } from "../locales/i18n";
import { required, requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import type { CorrespondentView, InterviewView } from "./correspondent-types";

interface Values { placementId?: number; title?: string; outletId?: number; genre?: string; slot?: string; publishedOn?: Dayjs; link?: string; authors?: string[] }

/** The modal for `request` (null: closed). */
export function InterviewPlacementModal(props: { request: InterviewView | null; onClose: () => void; onDone: () => void }) {
  const { request, onClose, onDone } = props;
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const [saving, setSaving] = useState(false);
  const open = request !== null;
  const placements = useApi<{ placements: { id: number; title: string; outletName: string; publishedOn: string }[] }>(
    open ? withQuery("/api/placements", { unitId: request.unitId, limit: 200 }) : null,
  );
  const outlets = useApi<{ outlets: { id: number; name: string }[] }>(open ? "/api/outlets" : null);
  const people = useApi<{ correspondents: CorrespondentView[] }>(open ? "/api/correspondents" : null);

  useEffect(() => {
    if (!request) return;
    form.resetFields();
    setMode("existing");
    form.setFieldsValue({ title: request.topic, outletId: request.outletId ?? undefined, genre: "news", slot: "none", authors: [request.reporter] });
  }, [request, form]);

  const submit = async (v: Values) => {
    if (!request) return;
    setSaving(true);
    try {
      const byName = new Map((people.data?.correspondents ?? []).map((c) => [c.name, c.id]));
      const body = mode === "existing" ? { placementId: v.placementId } : {
        title: v.title?.trim(), outletId: v.outletId, genre: v.genre, slot: v.slot, publishedOn: v.publishedOn?.format("YYYY-MM-DD"), link: v.link?.trim() ?? "",
        authors: (v.authors ?? []).map((name) => ({ name, correspondentId: byName.get(name) ?? null })),
      };
      await api.post(`/api/interviews/${request.id}/placement`, body);
      onDone();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title={t("interviews.link")} onCancel={onClose} footer={null} forceRender width={600}>
      <Segmented
        style={{ marginBottom: 16 }} value={mode} onChange={(v) => setMode(v as "existing" | "new")} data-testid="interview-placement-mode"
        options={[{ value: "existing", label: t("interviews.linkExisting") }, { value: "new", label: t("interviews.linkNew") }]}
      />
      <Form form={form} name="interview-placement" layout="vertical" onFinish={(v) => void submit(v)}>
        {mode === "existing" ? (
          <Form.Item name="placementId" label={t("interviews.placement")} rules={[requiredChoice(t, t("interviews.placement"))]}>
            <Select
              showSearch optionFilterProp="label" data-testid="interview-placement-id"
              options={(placements.data?.placements ?? []).map((p) => ({ value: p.id, label: `${p.publishedOn} ${p.outletName}《${p.title}》` }))}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="title" label={t("roster.placementTitle")} rules={[required(t, t("roster.placementTitle"))]}>
              <Input maxLength={300} data-testid="interview-placement-title" />
            </Form.Item>
            <Space wrap align="start">
              <Form.Item name="outletId" label={t("interviews.outlet")} rules={[requiredChoice(t, t("interviews.outlet"))]}>
                <Select
                  showSearch optionFilterProp="label" style={{ width: 220 }} data-testid="interview-placement-outlet"
                  options={(outlets.data?.outlets ?? []).map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
              <Form.Item name="publishedOn" label={t("roster.publishedOn")} rules={[requiredChoice(t, t("roster.publishedOn"))]}>
                <DatePicker data-testid="interview-placement-date" />
              </Form.Item>
            </Space>
            <Space wrap align="start">
              <Form.Item name="genre" label={t("interviews.genre")} rules={[requiredChoice(t, t("interviews.genre"))]}>
                <Select style={{ width: 140 }} options={GENRES.map((g) => ({ value: g, label: t(`interviews.genre.${g}`) }))} data-testid="interview-placement-genre" />
              </Form.Item>
              <Form.Item name="slot" label={t("interviews.slot")}>
                <Select style={{ width: 140 }} options={SLOTS.map((s) => ({ value: s, label: t(`interviews.slot.${s}`) }))} data-testid="interview-placement-slot" />
              </Form.Item>
            </Space>
            <Form.Item name="link" label={t("interviews.pieceLink")}>
              <Input maxLength={2000} data-testid="interview-placement-link" />
            </Form.Item>
            <Form.Item name="authors" label={t("interviews.authors")} rules={[requiredChoice(t, t("interviews.authors"))]} extra={t("interviews.authorsHint")}>
              <Select mode="tags" options={(people.data?.correspondents ?? []).map((c) => ({ value: c.name, label: c.name }))} data-testid="interview-placement-authors" />
            </Form.Item>
          </>
        )}
        <Space style={{ width: "100%", justifyContent: "flex-end" }}>
          <Button onClick={onClose} data-testid="interview-placement-cancel">{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="interview-placement-save">{t("common.save")}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
