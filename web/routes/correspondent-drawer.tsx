// A person's record (通讯员档案): training classes with total hours, recognitions (the office adds and
// removes them) and the published pieces they are an author of.
import { useState } from "react";
import { Button, DatePicker, Descriptions, Drawer, Form, Input, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { OUTLET_LEVELS, type OutletLevel } from "../../src/shared/publicity-types";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import { required, requiredChoice } from "../lib/rules";
import { EMPTY } from "../lib/format";
import { useReportError } from "../lib/use-report-error";
import { STATUS_COLORS, type CorrespondentDetail } from "./correspondent-types";

/** The drawer of person `id` (null: closed); `office` may add and remove recognitions. */
export function CorrespondentDrawer(props: { id: number | null; office: boolean; onClose: () => void }) {
  const { id, office, onClose } = props;
  const t = useT();
  const report = useReportError();
  const person = useApi<CorrespondentDetail>(id === null ? null : `/api/correspondents/${id}`);
  const [form] = Form.useForm<{ awardedOn: Dayjs; title: string; issuer?: string }>();
  const d = person.data;

  const addRecognition = async (v: { awardedOn: Dayjs; title: string; issuer?: string }) => {
    try {
      await api.post(`/api/correspondents/${id}/recognitions`, { awardedOn: v.awardedOn.format("YYYY-MM-DD"), title: v.title.trim(), issuer: v.issuer ?? "" });
      form.resetFields();
      person.reload();
    } catch (caught) {
      report(caught, form);
    }
  };
  const removeRecognition = async (rid: number) => {
    try {
      await api.delete(`/api/correspondents/${id}/recognitions/${rid}`);
      person.reload();
    } catch (caught) {
      report(caught);
    }
  };

  return (
    <Drawer open={id !== null} onClose={onClose} width={720} title={d ? `${t("roster.detail")} · ${d.name}` : t("roster.detail")} data-testid="correspondent-drawer">
      {person.error && !d ? <LoadFailed error={person.error} onRetry={person.reload} /> : null}
      {d ? (
        <Space direction="vertical" style={{ width: "100%" }} size="large">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t("roster.unit")}>{d.unitName ?? EMPTY}</Descriptions.Item>
            <Descriptions.Item label={t("roster.kind")}>{t(`roster.kind.${d.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t("roster.position")}>{d.position || EMPTY}</Descriptions.Item>
            <Descriptions.Item label={t("roster.status")}><Tag color={STATUS_COLORS[d.status]}>{t(`roster.status.${d.status}`)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t("roster.phone")}>{d.phone || EMPTY}</Descriptions.Item>
            <Descriptions.Item label={t("roster.joinedOn")}>{d.joinedOn ?? EMPTY}</Descriptions.Item>
            <Descriptions.Item label={t("roster.recommendedBy")} span={2}>{d.recommendedBy || EMPTY}</Descriptions.Item>
            <Descriptions.Item label={t("roster.duties")} span={2}>{d.duties || EMPTY}</Descriptions.Item>
          </Descriptions>

          <div>
            <Typography.Title level={5}>{t("roster.trainingRecord")}</Typography.Title>
            <Typography.Text data-testid="correspondent-total-hours">{t("roster.totalHours", { n: d.training.totalHours })}</Typography.Text>
            <Table size="small" rowKey="id" pagination={false} dataSource={d.training.classes} locale={{ emptyText: t("roster.none") }} columns={[
              { title: t("trainings.heldOn"), dataIndex: "heldOn", width: 110 },
              { title: t("trainings.topic"), dataIndex: "topic" },
              { title: t("trainings.organiser"), dataIndex: "organiser" },
              { title: t("trainings.hours"), dataIndex: "hours", width: 70 },
            ]} />
          </div>

          <div>
            <Typography.Title level={5}>{t("roster.recognitions")}</Typography.Title>
            <Table size="small" rowKey="id" pagination={false} dataSource={d.recognitions} locale={{ emptyText: t("roster.none") }} columns={[
              { title: t("roster.awardedOn"), dataIndex: "awardedOn", width: 110 },
              { title: t("roster.recognitionTitle"), dataIndex: "title" },
              { title: t("roster.issuer"), dataIndex: "issuer" },
              ...(office ? [{
                title: t("common.actions"), key: "actions", width: 80,
                render: (_: unknown, r: { id: number; title: string }) => (
                  <Popconfirm title={t("common.confirmDelete", { name: r.title })} onConfirm={() => void removeRecognition(r.id)}>
                    <Button type="link" danger size="small" data-testid={`recognition-remove-${r.id}`}>{t("common.delete")}</Button>
                  </Popconfirm>
                ),
              }] : []),
            ]} />
            {office ? (
              <Form form={form} name="recognition" layout="inline" style={{ marginTop: 8 }} onFinish={(v) => void addRecognition(v)}>
                <Form.Item name="awardedOn" rules={[requiredChoice(t, t("roster.awardedOn"))]}>
                  <DatePicker placeholder={t("roster.awardedOn")} data-testid="recognition-date" />
                </Form.Item>
                <Form.Item name="title" rules={[required(t, t("roster.recognitionTitle"))]}>
                  <Input maxLength={200} placeholder={t("roster.recognitionTitle")} data-testid="recognition-title" />
                </Form.Item>
                <Form.Item name="issuer">
                  <Input maxLength={100} placeholder={t("roster.issuer")} data-testid="recognition-issuer" />
                </Form.Item>
                <Button htmlType="submit" data-testid="recognition-add">{t("roster.recognitionAdd")}</Button>
              </Form>
            ) : null}
          </div>

          <div>
            <Typography.Title level={5}>{t("roster.placements")}</Typography.Title>
            <Table size="small" rowKey="id" pagination={false} dataSource={d.placements} locale={{ emptyText: t("roster.none") }} columns={[
              { title: t("roster.publishedOn"), dataIndex: "publishedOn", width: 110 },
              { title: t("roster.placementTitle"), dataIndex: "title" },
              {
                title: t("roster.outlet"), dataIndex: "outlet",
                render: (o: string, p) => (OUTLET_LEVELS.includes(p.outletLevel as OutletLevel) ? `${o} · ${t(`roster.level.${p.outletLevel as OutletLevel}`)}` : o),
              },
              { title: t("roster.share"), dataIndex: "share", width: 80, render: (s: number) => `${Math.round(s * 100)}%` },
            ]} />
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}
