// 任务指标 card: a year's quotas as a grid (unit × level floor × period); set or change one, 0 removes it.
import { useState } from "react";
import { App, Button, Card, Empty, Form, InputNumber, Modal, Select, Space, Table, TreeSelect, Typography } from "antd";
import type { TableColumnsType } from "antd";
import type { UnitView } from "../../src/shared/api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { buildUnitTree } from "../lib/unit-tree";
import { requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import { vocabOptions, LevelTag } from "./placement-labels";
import type { OutletLevel } from "../../src/shared/publicity-types";

interface QuotaView { id: number; year: number; unitId: number; unitName: string | null; minLevel: OutletLevel; period: string; count: number }
interface Row { key: string; unitId: number; unitName: string; minLevel: OutletLevel; byPeriod: Record<string, number> }
interface Values { unitId: number; minLevel: string; period: string; count: number }

const PERIODS = ["year", "q1", "q2", "q3", "q4", ...Array.from({ length: 12 }, (_, i) => `m${String(i + 1).padStart(2, "0")}`)];

/** The quotas card of the publicity settings page. */
export function PublicitySettingsQuotas() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const quotas = useApi<{ quotas: QuotaView[] }>(`/api/quotas?year=${year}`, { keepPrevious: true });
  const units = useApi<{ units: UnitView[] }>("/api/units");

  const periodLabel = (p: string) =>
    p === "year" ? t("pubScoring.period.year") : p.startsWith("q") ? t("pubScoring.period.quarter", { n: p.slice(1) }) : t("pubScoring.period.month", { n: Number(p.slice(1)) });

  const rows = new Map<string, Row>();
  for (const q of quotas.data?.quotas ?? []) {
    const key = `${q.unitId}:${q.minLevel}`;
    const row = rows.get(key) ?? { key, unitId: q.unitId, unitName: q.unitName ?? String(q.unitId), minLevel: q.minLevel, byPeriod: {} };
    row.byPeriod[q.period] = q.count;
    rows.set(key, row);
  }
  const used = PERIODS.filter((p) => p === "year" || [...rows.values()].some((r) => r.byPeriod[p] !== undefined));

  const edit = (v: Partial<Values>) => {
    form.resetFields();
    form.setFieldsValue({ period: "year", ...v });
    setOpen(true);
  };
  const save = async (v: Values) => {
    setSaving(true);
    try {
      await api.put("/api/quotas", { ...v, year });
      void message.success(t("common.saved"));
      setOpen(false);
      quotas.reload();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<Row> = [
    { title: t("pubScoring.unit"), dataIndex: "unitName" },
    { title: t("pubScoring.minLevel"), dataIndex: "minLevel", render: (l: OutletLevel) => <LevelTag t={t} level={l} /> },
    ...used.map((p) => ({
      title: periodLabel(p), key: p, align: "right" as const,
      render: (_: unknown, r: Row) => (
        <Button type="link" size="small" onClick={() => edit({ unitId: r.unitId, minLevel: r.minLevel, period: p, count: r.byPeriod[p] ?? 0 })} data-testid={`quota-cell-${r.key}-${p}`}>
          {r.byPeriod[p] ?? "—"}
        </Button>
      ),
    })),
  ];

  return (
    <Card
      title={t("pubScoring.quotas")}
      extra={
        <Space>
          <Select value={year} style={{ width: 100 }} onChange={setYear} options={Array.from({ length: 5 }, (_, i) => ({ value: thisYear + 1 - i, label: String(thisYear + 1 - i) }))} data-testid="quota-year" />
          <Button onClick={() => edit({})} data-testid="quota-new">{t("pubScoring.setQuota")}</Button>
        </Space>
      }
    >
      {quotas.error && !quotas.data ? (
        <LoadFailed error={quotas.error} onRetry={quotas.reload} />
      ) : rows.size === 0 ? (
        <Empty description={t("pubScoring.noQuotas")} />
      ) : (
        <Table<Row> rowKey="key" size="small" dataSource={[...rows.values()]} columns={columns} pagination={false} scroll={{ x: true }} />
      )}
      <Modal open={open} title={t("pubScoring.setQuota")} onCancel={() => setOpen(false)} footer={null} forceRender>
        <Form form={form} name="quota" layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="unitId" label={t("pubScoring.unit")} rules={[requiredChoice(t, t("pubScoring.unit"))]}>
            <TreeSelect treeDefaultExpandAll showSearch treeNodeFilterProp="title" treeData={buildUnitTree(units.data?.units ?? [])} data-testid="quota-unit" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="minLevel" label={t("pubScoring.minLevel")} rules={[requiredChoice(t, t("pubScoring.minLevel"))]}>
              <Select style={{ width: 160 }} options={vocabOptions(t, "level")} data-testid="quota-level" />
            </Form.Item>
            <Form.Item name="period" label={t("pubScoring.period")} rules={[requiredChoice(t, t("pubScoring.period"))]}>
              <Select style={{ width: 140 }} options={PERIODS.map((p) => ({ value: p, label: periodLabel(p) }))} data-testid="quota-period" />
            </Form.Item>
            <Form.Item name="count" label={t("pubScoring.count")} rules={[requiredChoice(t, t("pubScoring.count"))]}>
              <InputNumber min={0} max={100000} precision={0} data-testid="quota-count" />
            </Form.Item>
          </Space>
          <Typography.Paragraph type="secondary">{t("pubScoring.quotaHint")}</Typography.Paragraph>
          <Space style={{ width: "100%", justifyContent: "flex-end" }}>
            <Button onClick={() => setOpen(false)}>{t("common.cancel")}</Button>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="quota-save">{t("common.save")}</Button>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
