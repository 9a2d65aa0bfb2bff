// The review flows card (审核流程) of the publicity settings page: the default flow and per-unit flows
// (each step a name, a reviewer role and a scope), and the timeliness limit in working days.
import { useEffect, useState } from "react";
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from "antd";
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import type { UnitView } from "../../src/shared/api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";
import { required, requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import type { FlowStep, ReviewFlows } from "./submission-types";

const ROLES = ["handler", "monitor", "leader", "spokesperson", "contributor", "admin"] as const;

/** One flow's editor. */
function FlowEditor({ id, steps, onSave, onReset }: { id: string; steps: FlowStep[]; onSave: (steps: FlowStep[]) => Promise<void>; onReset?: () => void }) {
  const t = useT();
  const report = useReportError();
  const [form] = Form.useForm<{ steps: FlowStep[] }>();
  useEffect(() => form.setFieldsValue({ steps }), [form, steps]);
  return (
    <Form form={form} name={`review-flow-${id}`} initialValues={{ steps }} onFinish={(v) => void onSave(v.steps).catch((e: unknown) => report(e, form))}>
      <Form.List name="steps">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap>
                <Typography.Text>{i + 1}.</Typography.Text>
                <Form.Item name={[f.name, "name"]} rules={[required(t, t("flows.stepName"))]}><Input placeholder={t("flows.stepName")} maxLength={50} data-testid={`flow-${id}-name-${i}`} /></Form.Item>
                <Form.Item name={[f.name, "role"]} rules={[requiredChoice(t, t("flows.role"))]}>
                  <Select style={{ width: 200 }} data-testid={`flow-${id}-role-${i}`} options={ROLES.map((r) => ({ value: r, label: t(`flows.role.${r}` as MessageKey) }))} />
                </Form.Item>
                <Form.Item name={[f.name, "scope"]} rules={[requiredChoice(t, t("flows.scope"))]}>
                  <Select style={{ width: 120 }} data-testid={`flow-${id}-scope-${i}`} options={[{ value: "unit", label: t("flows.scope.unit") }, { value: "office", label: t("flows.scope.office") }]} />
                </Form.Item>
                {fields.length > 1 ? <MinusCircleOutlined title={t("flows.removeStep")} onClick={() => remove(f.name)} /> : null}
              </Space>
            ))}
            <Space>
              {fields.length < 6 ? <Button icon={<PlusOutlined />} onClick={() => add({ name: "", role: "monitor", scope: "office" })} data-testid={`flow-${id}-add`}>{t("flows.addStep")}</Button> : null}
              <Button type="primary" htmlType="submit" data-testid={`flow-${id}-save`}>{t("flows.save")}</Button>
              {onReset ? <Button danger onClick={onReset} data-testid={`flow-${id}-reset`}>{t("flows.resetUnit")}</Button> : null}
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}

/** The card (no props: it loads and saves on its own). */
export function ReviewFlowsCard() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const flows = useApi<ReviewFlows>("/api/review-flows");
  const units = useApi<{ units: UnitView[] }>("/api/units");
  const [adding, setAdding] = useState<number>();
  const [limit, setLimit] = useState<number | null>(null);
  if (flows.error && !flows.data) return <Card title={t("flows.title")}><LoadFailed error={flows.error} onRetry={flows.reload} /></Card>;
  const data = flows.data;

  const put = async (path: string, body: unknown) => {
    await api.put(path, body);
    void message.success(t("flows.saved"));
    flows.reload();
  };
  const reset = async (unitId: number) => {
    try {
      await api.delete(`/api/review-flows/${unitId}`);
      flows.reload();
    } catch (caught) {
      report(caught);
    }
  };
  const own = new Set(data?.units.map((u) => u.unitId));
  const extra = adding != null && !own.has(adding) ? [{ unitId: adding, unitName: units.data?.units.find((u) => u.id === adding)?.name ?? "", steps: data?.default.steps ?? [] }] : [];

  return (
    <Card title={t("flows.title")} loading={!data} data-testid="review-flows-card">
      {data ? (
        <Space direction="vertical" size={16} style={{ width: "100%" }}>
          <Space wrap>
            <span>{t("flows.limit")}</span>
            <InputNumber min={1} max={30} value={limit ?? data.submitWorkingDays} onChange={(v) => setLimit(v)} data-testid="flows-limit" />
            <Button onClick={() => void put("/api/review-flows/timeliness", { submitWorkingDays: limit ?? data.submitWorkingDays }).catch(report)} data-testid="flows-limit-save">{t("flows.saveLimit")}</Button>
            <Typography.Text type="secondary">{t("flows.limitHelp")}</Typography.Text>
          </Space>
          <Typography.Title level={5}>{t("flows.default")}</Typography.Title>
          <FlowEditor id="default" steps={data.default.steps} onSave={(steps) => put("/api/review-flows/default", { steps })} />
          <Typography.Title level={5}>{t("flows.unit")}</Typography.Title>
          {[...data.units, ...extra].map((u) => (
            <Card key={u.unitId} size="small" title={u.unitName}>
              <FlowEditor id={`u${u.unitId}`} steps={u.steps} onSave={(steps) => put(`/api/review-flows/${u.unitId}`, { steps })} onReset={own.has(u.unitId) ? () => void reset(u.unitId) : () => setAdding(undefined)} />
            </Card>
          ))}
          <Select style={{ width: 260 }} placeholder={t("flows.addUnit")} value={adding} onChange={setAdding} showSearch optionFilterProp="label" data-testid="flows-add-unit"
            options={(units.data?.units ?? []).filter((u) => !own.has(u.id)).map((u) => ({ value: u.id, label: u.name }))} />
        </Space>
      ) : null}
    </Card>
  );
}
