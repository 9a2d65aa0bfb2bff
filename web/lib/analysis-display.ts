// How analysis values look: colours and message keys of sentiment and risk, and sentiment-mix shares.
import type { RiskLevel, SentimentLabel } from "../../src/shared/analysis-api";
import type { MessageKey } from "../locales/zh-CN";

/** Tag colour of each sentiment: negative red, neutral plain, positive green. */
export const SENTIMENT_COLORS: Record<SentimentLabel, string> = { neg: "red", neu: "default", pos: "green" };

/** Bar and chart colour of each sentiment (antd's red, grey and green). */
export const SENTIMENT_FILLS: Record<SentimentLabel, string> = { neg: "#ff4d4f", neu: "#bfbfbf", pos: "#52c41a" };

/** Tag colour of each risk level: 一般 blue, 较大 orange, 重大 red. */
export const RISK_COLORS: Record<RiskLevel, string> = { general: "blue", significant: "orange", major: "red" };

/** Message key naming a sentiment. */
export function sentimentKey(label: SentimentLabel): MessageKey {
  return `sentiment.${label}`;
}

/** Message key naming a risk level. */
export function riskKey(level: RiskLevel): MessageKey {
  return `risk.${level}`;
}

/** One sentiment's share of a mix. */
export interface MixShare {
  label: SentimentLabel;
  count: number;
  percent: number;
}

/** Shares of a sentiment mix in whole percents that add up to 100 (largest remainder); all 0 when empty. */
export function mixShares(mix: Record<SentimentLabel, number>): MixShare[] {
  const labels: SentimentLabel[] = ["neg", "neu", "pos"];
  const counts = labels.map((label) => Math.max(0, mix[label] || 0));
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return labels.map((label) => ({ label, count: 0, percent: 0 }));
  const exact = counts.map((n) => (n * 100) / total);
  const percents = exact.map(Math.floor);
  let left = 100 - percents.reduce((sum, n) => sum + n, 0);
  const byRemainder = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }));
  byRemainder.sort((a, b) => b.rest - a.rest);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    percents[index] += 1;
    left -= 1;
  }
  return labels.map((label, index) => ({ label, count: counts[index], percent: percents[index] }));
}

/** A sentiment score (-1 … 1: sign the lean, size how sure) as text with a sign, e.g. "+0.42". */
export function formatScore(score: number): string {
  if (!Number.isFinite(score)) return "0.00";
  return `${score > 0 ? "+" : ""}${score.toFixed(2)}`;
}
