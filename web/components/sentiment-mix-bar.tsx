// A thin stacked bar of an event's negative / neutral / positive shares.
import { Tooltip } from "antd";
import type { SentimentLabel } from "../../src/shared/analysis-api";
import { useT } from "../locales/i18n";
import { mixShares, SENTIMENT_FILLS, sentimentKey } from "../lib/analysis-display";

/** The mix as a 100%-wide bar; counts and percents in the tooltip. */
export function SentimentMixBar({ mix, width = 120 }: { mix: Record<SentimentLabel, number>; width?: number }) {
  const t = useT();
  const shares = mixShares(mix);
  const tip = shares.map((share) => (
    <div key={share.label}>
      {t(sentimentKey(share.label))} {share.count} ({share.percent}%)
    </div>
  ));
  return (
    <Tooltip title={tip}>
      <div className="mix-bar" style={{ width }} data-testid="sentiment-mix">
        {shares
          .filter((share) => share.percent > 0)
          .map((share) => (
            <span key={share.label} style={{ width: `${share.percent}%`, background: SENTIMENT_FILLS[share.label] }} />
          ))}
      </div>
    </Tooltip>
  );
}
