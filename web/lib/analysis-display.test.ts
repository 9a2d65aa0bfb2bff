import { describe, expect, it } from "vitest";
import { RISK_LEVELS, SENTIMENT_LABELS } from "../../src/shared/analysis-api";
import { en } from "../locales/en";
import { zhCN } from "../locales/zh-CN";
import { formatScore, mixShares, RISK_COLORS, riskKey, sentimentKey } from "./analysis-display";

describe("labels", () => {
  it("names risk levels 一般 / 较大 / 重大 and colours 重大 red", () => {
    expect(RISK_LEVELS.map((level) => zhCN[riskKey(level)])).toEqual(["一般", "较大", "重大"]);
    expect(RISK_COLORS.major).toBe("red");
    expect(RISK_LEVELS.every((level) => en[riskKey(level)].length > 0)).toBe(true);
  });

  it("names sentiments 负面 / 中性 / 正面", () => {
    expect(SENTIMENT_LABELS.map((label) => zhCN[sentimentKey(label)])).toEqual(["负面", "中性", "正面"]);
  });
});

describe("mixShares", () => {
  it("gives whole percents that add up to 100", () => {
    const shares = mixShares({ neg: 1, neu: 1, pos: 1 });
    expect(shares.map((share) => share.percent)).toEqual([34, 33, 33]);
    expect(mixShares({ neg: 2, neu: 5, pos: 0 }).map((share) => share.percent)).toEqual([29, 71, 0]);
  });

  it("is all zeros for an empty mix", () => {
    expect(mixShares({ neg: 0, neu: 0, pos: 0 }).map((share) => share.percent)).toEqual([0, 0, 0]);
  });
});

describe("formatScore", () => {
  it("signs positive scores and keeps two decimals", () => {
    expect([formatScore(0.4236), formatScore(-0.5), formatScore(0), formatScore(Number.NaN)]).toEqual([
      "+0.42",
      "-0.50",
      "0.00",
      "0.00",
    ]);
  });
});
