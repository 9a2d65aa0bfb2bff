// Create, rename or move a unit; a unit cannot be moved under itself or its own sub-units.
import { useEffect, useMemo, useState } from "react";
import { Button, Form, Input, Modal, Space, TreeSelect } from "antd";
import type { UnitView } from "../../src/shared/api";
import { api } from "../api/client";
import { useT } from "../locales/i18n";
import { required } from "../lib/rules";
import { buildUnitTree, pruneTree, subtreeIds } from "../lib/unit-tree";
import { useReportError } from "../lib/use-report-error";

interface UnitValues {
  name: string;
  parentId?: number;
}

/** What the dialog edits: a new unit under `parentId`, or an existing `unit`. */
export type UnitDraft = { kind: "new"; parentId: number | null } | { kind: "edit"; unit: UnitView };

/** Props of UnitFormModal; `draft` undefined = closed. */
export interface UnitFormModalProps {
  draft: UnitDraft | undefined;
  units: readonly UnitView[];
  onClose: () => void;
  onSaved: () => void;
}

/** The create/edit dialog for units. */
export function UnitFormModal({ draft, units, onClose, onSaved }: UnitFormModalProps) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<UnitValues>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!draft) return;
    form.resetFields();
    const parentId = draft.kind === "new" ? draft.parentId : draft.unit.parentId;
    form.setFieldsValue({ name: draft.kind === "edit" ? draft.unit.name : "", parentId: parentId ?? undefined });
  }, [draft, form]);

  const parentChoices = useMemo(() => {
    const tree = buildUnitTree(units);
    return draft?.kind === "edit" ? pruneTree(tree, subtreeIds(units, draft.unit.id)) : tree;
  }, [units, draft]);

  const submit = async (values: UnitValues) => {
    if (!draft) return;
    setBusy(true);
    const body = { name: values.name.trim(), parentId: values.parentId ?? null };
    try {
      if (draft.kind === "edit") await api.patch(`/api/units/${draft.unit.id}`, body);
      else await api.post("/api/units", body);
      onSaved();
    } catch (caught) {
      report(caught, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={draft !== undefined}
      title={t(draft?.kind === "edit" ? "units.edit" : "units.add")}
      onCancel={onClose}
      footer={null}
      forceRender
    >
      <Form<UnitValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="name" label={t("units.name")} rules={[required(t, t("units.name"))]}>
          <Input maxLength={100} data-testid="unit-name" />
        </Form.Item>
        <Form.Item name="parentId" label={t("units.parent")}>
          <TreeSelect allowClear treeDefaultExpandAll treeData={parentChoices} placeholder={t("units.parentNone")} />
        </Form.Item>
        <Space style={{ width: "100%", justifyContent: "flex-end" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="unit-submit">
            {t("common.save")}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
