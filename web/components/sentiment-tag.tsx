// An item's sentiment as a coloured tag, and the analyst's correction dropdown.
import { useState } from "react";
import { App, Button, Dropdown, Tag, Tooltip } from "antd";
import type { MenuProps } from "antd";
import { DownOutlined } from "@ant-design/icons";
import { SENTIMENT_LABELS, type ItemAnalysisView, type SentimentLabel } from "../../src/shared/analysis-api";
import type { ItemView } from "../../src/shared/api";
import { api } from "../api/client";
import { useT } from "../locales/i18n";
import { formatScore, SENTIMENT_COLORS, sentimentKey } from "../lib/analysis-display";
import { useReportError } from "../lib/use-report-error";

/** 负面 red / 中性 plain / 正面 green, with the score (and whether an analyst set it) in a tooltip. */
export function SentimentTag({ sentiment }: { sentiment: ItemAnalysisView["sentiment"] | undefined }) {
  const t = useT();
  if (!sentiment) return <Tag data-testid="sentiment-tag">{t("sentiment.pending")}</Tag>;
  const tip = [t("sentiment.score", { score: formatScore(sentiment.score) })];
  if (sentiment.corrected) tip.push(t("sentiment.corrected"));
  return (
    <Tooltip title={tip.map((line) => <div key={line}>{line}</div>)}>
      <Tag color={SENTIMENT_COLORS[sentiment.label]} data-testid="sentiment-tag" data-label={sentiment.label}>
        {t(sentimentKey(sentiment.label))}
        {sentiment.corrected && " ✓"}
      </Tag>
    </Tooltip>
  );
}

/** Props of SentimentCorrect. */
export interface SentimentCorrectProps {
  itemId: number;
  current: SentimentLabel;
  onCorrected: (item: ItemView) => void;
}

/** A small 「纠正」 dropdown: 改为 负面 / 中性 / 正面; the correction is stored and used for training. */
export function SentimentCorrect({ itemId, current, onCorrected }: SentimentCorrectProps) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const [busy, setBusy] = useState(false);

  const correct = async (label: SentimentLabel) => {
    setBusy(true);
    try {
      const item = await api.post<ItemView>(`/api/items/${itemId}/sentiment`, { label });
      void message.success(t("sentiment.saved"));
      onCorrected(item);
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  };

  const items: MenuProps["items"] = SENTIMENT_LABELS.map((label) => ({
    key: label,
    disabled: label === current,
    label: (
      <span data-testid={`sentiment-correct-${label}`}>
        {t("sentiment.correctTo", { label: t(sentimentKey(label)) })}
      </span>
    ),
  }));

  return (
    <Dropdown
      trigger={["click"]}
      menu={{ items, onClick: ({ key }) => void correct(key as SentimentLabel) }}
    >
      <Button size="small" type="link" loading={busy} data-testid="sentiment-correct" style={{ padding: 0 }}>
        {t("sentiment.correct")} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
