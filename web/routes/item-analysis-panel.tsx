// The analysis of one item on its page: sentiment (with correction), keywords, event, watches, reposts.
import { useEffect, useState } from "react";
import { Descriptions, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import type { ItemView } from "../../src/shared/api";
import { canAnalyse } from "../app/access";
import { useUser } from "../app/session";
import { RepostCount, RepostDrawer } from "../components/repost-drawer";
import { SentimentCorrect, SentimentTag } from "../components/sentiment-tag";
import { WatchTags } from "../components/watch-tags";
import { useT } from "../locales/i18n";
import { EMPTY } from "../lib/format";

/** Props of ItemAnalysisPanel; `onChanged` reloads the item after a correction. */
export interface ItemAnalysisPanelProps {
  item: ItemView;
  onChanged: () => void;
}

/** A bordered summary of `item.analysis`, or a note that the item is not analysed yet. */
export function ItemAnalysisPanel({ item, onChanged }: ItemAnalysisPanelProps) {
  const t = useT();
  const editor = canAnalyse(useUser().role);
  const [group, setGroup] = useState<string | null>(null);
  // Following a copy's link from the drawer opens another item on this same page: close the drawer.
  useEffect(() => setGroup(null), [item.id]);
  const analysis = item.analysis;
  if (!analysis) {
    return (
      <Typography.Paragraph type="secondary" data-testid="item-analysis">
        {t("item.notAnalysed")}
      </Typography.Paragraph>
    );
  }

  return (
    <>
      <Descriptions
        size="small"
        bordered
        title={t("item.analysis")}
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 24 }}
        data-testid="item-analysis"
      >
        <Descriptions.Item label={t("items.col.sentiment")}>
          <Space size={4}>
            <SentimentTag sentiment={analysis.sentiment} />
            {editor && <SentimentCorrect itemId={item.id} current={analysis.sentiment.label} onCorrected={onChanged} />}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("item.event")}>
          {analysis.eventId === null ? (
            EMPTY
          ) : (
            <Link to={`/events/${analysis.eventId}`} data-testid="item-event">
              {analysis.eventTitle ?? t("item.eventLink", { id: analysis.eventId })}
            </Link>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t("item.keywords")}>
          {analysis.keywords.length === 0
            ? EMPTY
            : analysis.keywords.map((word) => (
                <Tag key={word} data-testid="item-keyword">
                  {word}
                </Tag>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={t("item.reposts")}>
          <Space size={4}>
            {analysis.isOriginal && analysis.repostCount > 0 && <Tag color="gold">{t("reposts.first")}</Tag>}
            <RepostCount analysis={analysis} onOpen={setGroup} />
            {!analysis.repostCount && EMPTY}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("item.watches")} span={2}>
          {analysis.watches.length ? <WatchTags watches={analysis.watches} /> : EMPTY}
        </Descriptions.Item>
      </Descriptions>
      <RepostDrawer group={group} onClose={() => setGroup(null)} />
    </>
  );
}
