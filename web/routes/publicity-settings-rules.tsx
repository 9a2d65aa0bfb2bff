// 积分规则 card: the saved versions of the points table (the one in force marked), each viewable; a new
// version edits a copy of the current table (level × genre, slot and featured multipliers, adoption and
// instruction points, the reward formula) and starts on a chosen day. Saved versions are never changed.
import { useState } from "react";
import { App, Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { required, requiredChoice } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import { vocabLabel, type RuleSetView } from "./placement-labels";
import { ADOPTION_LEVELS, GENRES, OUTLET_LEVELS, SLOTS, type ScoringRules } from "../../src/shared/publicity-types";

interface Overview { today: string; inForceId: number | null; defaults: ScoringRules; sets: RuleSetView[] }
interface Values { name: string; validFrom: Dayjs; rules: ScoringRules }

/** The editor of one points table (read-only when `disabled`). */
function RulesEditor({ disabled }: { disabled?: boolean }) {
  const t = useT();
  const num = (name: (string | number)[], testid: string, max = 10000) => (
    <Form.Item name={["rules", ...name]} noStyle rules={[{ required: true, message: "" }]}>
      <InputNumber min={0} max={max} step={0.5} size="small" style={{ width: 76 }} disabled={disabled} data-testid={testid} />
    </Form.Item>
  );
  return (
    <>
      <Typography.Title level={5}>{t("pubScoring.baseTable")}</Typography.Title>
      <Table
        size="small" pagination={false} rowKey="level" dataSource={OUTLET_LEVELS.map((level) => ({ level }))}
        columns={[
          { title: t("pubScoring.level"), dataIndex: "level", render: (l: string) => vocabLabel(t, "level", l) },
          ...GENRES.map((g) => ({ title: vocabLabel(t, "genre", g), key: g, render: (_: unknown, r: { level: string }) => num(["base", r.level, g], `rules-base-${r.level}-${g}`) })),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t("pubScoring.slotMultiplier")} / {t("pubScoring.featuredMultiplier")}</Typography.Title>
      <Space wrap>
        {SLOTS.map((s) => <Space key={s} size={4}>{vocabLabel(t, "slot", s)}{num(["slotMultiplier", s], `rules-slot-${s}`, 100)}</Space>)}
        <Space size={4}>{t("pubScoring.featuredTag")}{num(["featuredMultiplier"], "rules-featured", 100)}</Space>
      </Space>
      {(["adoption", "instruction"] as const).map((k) => (
        <div key={k}>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t(`pubScoring.${k}`)}</Typography.Title>
          <Space wrap>{ADOPTION_LEVELS.map((l) => <Space key={l} size={4}>{vocabLabel(t, "level", l)}{num([k, l], `rules-${k}-${l}`)}</Space>)}</Space>
        </div>
      ))}
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t("pubScoring.reward")}</Typography.Title>
      <Space wrap>
        <Space size={4}>{t("pubScoring.perPoint")}{num(["reward", "perPoint"], "rules-per-point", 1_000_000)}</Space>
        <Space size={4}>{t("pubScoring.quotaMetBonus")}{num(["reward", "quotaMetBonus"], "rules-bonus", 100_000_000)}</Space>
        <Space size={4}>{t("pubScoring.cap")}{num(["reward", "cap"], "rules-cap", 100_000_000)}</Space>
      </Space>
    </>
  );
}

/** The scoring rules card of the publicity settings page. */
export function PublicitySettingsRules() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const data = useApi<Overview>("/api/scoring-rules");
  const [mode, setMode] = useState<"new" | RuleSetView | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();

  const open = (m: "new" | RuleSetView) => {
    const d = data.data;
    if (!d) return;
    const current = d.sets.find((s) => s.inForce) ?? d.sets[0];
    form.resetFields();
    if (m === "new") {
      const after = d.sets[0] ? dayjs(d.sets[0].validFrom).add(1, "day") : dayjs().startOf("year");
      form.setFieldsValue({ name: "", validFrom: after.isAfter(dayjs()) ? after : dayjs().add(1, "day"), rules: structuredClone(current?.rules ?? d.defaults) });
    } else {
      form.setFieldsValue({ name: m.name, validFrom: dayjs(m.validFrom), rules: m.rules });
    }
    setMode(m);
  };
  const save = async (v: Values) => {
    setSaving(true);
    try {
      await api.post("/api/scoring-rules", { name: v.name.trim(), validFrom: v.validFrom.format("YYYY-MM-DD"), rules: v.rules });
      void message.success(t("common.saved"));
      setMode(null);
      data.reload();
    } catch (caught) {
      report(caught, form);
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<RuleSetView> = [
    { title: t("pubScoring.versionName"), dataIndex: "name", render: (n: string, s) => <Space size={4}>{n}{s.inForce && <Tag color="green">{t("pubScoring.inForce")}</Tag>}</Space> },
    { title: t("pubScoring.validFrom"), dataIndex: "validFrom" },
    { title: t("pubScoring.validTo"), dataIndex: "validTo", render: (v: string | null) => v ?? t("pubScoring.openEnded") },
    { title: t("common.actions"), key: "a", width: 90, render: (_, s) => <Button type="link" onClick={() => open(s)} data-testid={`rules-view-${s.id}`}>{t("pubScoring.view")}</Button> },
  ];
  const viewing = mode !== null && mode !== "new";

  return (
    <Card title={t("pubScoring.rules")} extra={<Button onClick={() => open("new")} disabled={!data.data} data-testid="rules-new">{t("pubScoring.newVersion")}</Button>}>
      <Typography.Paragraph type="secondary">{t("pubScoring.rulesHint")}</Typography.Paragraph>
      {data.error && !data.data ? (
        <LoadFailed error={data.error} onRetry={data.reload} />
      ) : data.data && data.data.sets.length === 0 ? (
        <Alert type="info" showIcon title={t("pubScoring.noRulesSaved")} />
      ) : (
        <Table<RuleSetView> rowKey="id" size="small" loading={data.loading} dataSource={data.data?.sets ?? []} columns={columns} pagination={false} />
      )}
      <Modal open={mode !== null} title={viewing ? mode.name : t("pubScoring.newVersion")} onCancel={() => setMode(null)} footer={null} width={760} forceRender>
        <Form form={form} name="scoring-rules" layout="vertical" onFinish={(v) => void save(v)} disabled={viewing}>
          <Space wrap>
            <Form.Item name="name" label={t("pubScoring.versionName")} rules={[required(t, t("pubScoring.versionName"))]}>
              <Input maxLength={100} style={{ width: 260 }} data-testid="rules-name" />
            </Form.Item>
            <Form.Item name="validFrom" label={t("pubScoring.validFrom")} rules={[requiredChoice(t, t("pubScoring.validFrom"))]}>
              <DatePicker data-testid="rules-valid-from" />
            </Form.Item>
          </Space>
          <RulesEditor disabled={viewing} />
          {!viewing && (
            <Space style={{ width: "100%", justifyContent: "flex-end", marginTop: 16 }}>
              <Button onClick={() => setMode(null)} disabled={false}>{t("common.cancel")}</Button>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="rules-save">{t("common.save")}</Button>
            </Space>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
