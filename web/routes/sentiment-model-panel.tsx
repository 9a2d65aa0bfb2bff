// The 情感模型 card: the active model, how many corrections analysts have made, and retraining.
import { useState } from "react";
import { App, Button, Card, Descriptions, Typography } from "antd";
import type { SentimentModelView } from "../../src/shared/analysis-api";
import { api } from "../api/client";
import { useApi } from "../api/hooks";
import { LoadFailed, PageSpinner } from "../components/page-states";
import { useT } from "../locales/i18n";
import { EMPTY, formatTime } from "../lib/format";
import { useReportError } from "../lib/use-report-error";

/** Model info and, for `editor`s, 「用纠正数据重新训练」 (the server answers 400 when there are too few). */
export function SentimentModelPanel({ editor }: { editor: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const { data, error, reload } = useApi<SentimentModelView>("/api/sentiment/model");
  const [trained, setTrained] = useState<SentimentModelView>();
  const [busy, setBusy] = useState(false);
  const model = trained ?? data;

  const train = async () => {
    setBusy(true);
    try {
      setTrained(await api.post<SentimentModelView>("/api/sentiment/train"));
      void message.success(t("model.trained"));
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (!model) body = error ? <LoadFailed error={error} onRetry={reload} /> : <PageSpinner />;
  else {
    const active = model.active;
    body = (
      <>
        <Descriptions size="small" column={1} bordered data-testid="sentiment-model">
          <Descriptions.Item label={t("model.active")}>{active ? `#${active.id}` : t("model.none")}</Descriptions.Item>
          {active && (
            <>
              <Descriptions.Item label={t("model.source")}>{t(`model.source.${active.source}`)}</Descriptions.Item>
              <Descriptions.Item label={t("model.examples")}>{active.examples}</Descriptions.Item>
              <Descriptions.Item label={t("model.accuracy")}>
                {active.holdoutAccuracy === null ? EMPTY : `${(active.holdoutAccuracy * 100).toFixed(1)}%`}
              </Descriptions.Item>
              <Descriptions.Item label={t("model.createdAt")}>{formatTime(active.createdAt)}</Descriptions.Item>
            </>
          )}
          <Descriptions.Item label={t("model.corrections")}>
            <span data-testid="sentiment-corrections">{model.corrections}</span>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t("model.trainHint")}
        </Typography.Paragraph>
        {editor && (
          <Button type="primary" loading={busy} onClick={() => void train()} data-testid="sentiment-train">
            {t("model.train")}
          </Button>
        )}
      </>
    );
  }
  return <Card title={t("model.title")}>{body}</Card>;
}
