// User dictionary (用户词典): local place names, organisations and terms; plus the sentiment model panel.
import { useState } from "react";
import { App, Button, Card, Col, Form, Input, Popconfirm, Row, Select, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { USER_WORD_KINDS, type UserWordKind, type UserWordView } from "../../src/shared/analysis-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { canAnalyse } from "../app/access";
import { useUser } from "../app/session";
import { Forbidden, LoadFailed } from "../components/page-states";
import { useT } from "../locales/i18n";
import type { MessageKey } from "../locales/zh-CN";
import { formatTime } from "../lib/format";
import { required } from "../lib/rules";
import { useReportError } from "../lib/use-report-error";
import { SentimentModelPanel } from "./sentiment-model-panel";

const KIND_COLORS: Record<UserWordKind, string> = { place: "cyan", org: "blue", term: "purple" };

function kindKey(kind: UserWordKind): MessageKey {
  return `dictionary.kind.${kind}`;
}

interface WordValues {
  word: string;
  kind: UserWordKind;
}

/** The /dictionary page. */
export function DictionaryPage() {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const editor = canAnalyse(useUser().role);
  const [form] = Form.useForm<WordValues>();
  const [busy, setBusy] = useState(false);
  const { data, error, loading, reload } = useApi<{ words: UserWordView[] }>("/api/dictionary", { keepPrevious: true });

  const add = async (values: WordValues) => {
    setBusy(true);
    try {
      await api.post<UserWordView>("/api/dictionary", { word: values.word.trim(), kind: values.kind });
      void message.success(t("dictionary.added"));
      form.resetFields(["word"]);
      reload();
    } catch (caught) {
      report(caught, form);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (word: UserWordView) => {
    try {
      await api.delete(`/api/dictionary/${word.id}`);
      void message.success(t("common.deleted"));
      reload();
    } catch (caught) {
      report(caught);
    }
  };

  const columns: TableColumnsType<UserWordView> = [
    { title: t("dictionary.word"), dataIndex: "word" },
    {
      title: t("dictionary.kind"),
      dataIndex: "kind",
      width: 110,
      render: (kind: UserWordKind) => <Tag color={KIND_COLORS[kind]}>{t(kindKey(kind))}</Tag>,
    },
    { title: t("dictionary.createdAt"), dataIndex: "createdAt", width: 160, render: formatTime },
  ];
  if (editor) {
    columns.push({
      title: t("common.actions"),
      key: "actions",
      width: 90,
      render: (_, word) => (
        <Popconfirm title={t("common.confirmDelete", { name: word.word })} onConfirm={() => remove(word)}>
          <Button type="link" danger data-testid="dictionary-delete">
            {t("common.delete")}
          </Button>
        </Popconfirm>
      ),
    });
  }

  if (error?.status === 403 && !data) return <Forbidden />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card title={t("menu.dictionary")}>
          <Typography.Paragraph type="secondary">{t("dictionary.hint")}</Typography.Paragraph>
          {editor && (
            <Form<WordValues>
              form={form}
              layout="inline"
              initialValues={{ kind: "place" }}
              onFinish={(values) => void add(values)}
              style={{ marginBottom: 16, rowGap: 8 }}
            >
              <Form.Item name="word" rules={[required(t, t("dictionary.word"))]}>
                <Input placeholder={t("dictionary.word")} maxLength={100} data-testid="dictionary-word" />
              </Form.Item>
              <Form.Item name="kind">
                <Select<UserWordKind>
                  options={USER_WORD_KINDS.map((kind) => ({ value: kind, label: t(kindKey(kind)) }))}
                  style={{ width: 120 }}
                  data-testid="dictionary-kind"
                />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<PlusOutlined />}
                loading={busy}
                data-testid="dictionary-add"
              >
                {t("dictionary.add")}
              </Button>
            </Form>
          )}
          {error && !data ? (
            <LoadFailed error={error} onRetry={reload} />
          ) : (
            <Table<UserWordView>
              rowKey="id"
              size="small"
              loading={loading && !data}
              dataSource={data?.words ?? []}
              columns={columns}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <SentimentModelPanel editor={editor} />
      </Col>
    </Row>
  );
}
