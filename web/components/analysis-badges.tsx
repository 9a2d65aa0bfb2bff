// Risk level and burst badges with their reasons in a tooltip ("中文 / English" reasons show one half).
import { Tag, Tooltip } from "antd";
import type { BurstView, EventSummaryView } from "../../src/shared/analysis-api";
import { useI18n } from "../locales/i18n";
import { RISK_COLORS, riskKey } from "../lib/analysis-display";
import { localMessage } from "../lib/server-message";

function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <>
      {lines.map((line, index) => (
        <div key={index}>{line}</div>
      ))}
    </>
  );
}

/** The score, the suggestion and the reasons of a risk level, one line each, in the UI's language. */
export function useRiskLines(risk: EventSummaryView["risk"]): string[] {
  const { t, lang } = useI18n();
  const suggested = t(riskKey(risk.suggested));
  return [
    t("risk.score", { score: Math.round(risk.score * 100) / 100 }),
    risk.overridden ? t("risk.overridden", { level: suggested }) : t("risk.suggested", { level: suggested }),
    ...(risk.reasons.length ? risk.reasons.map((reason) => localMessage(reason, lang)) : [t("risk.noReasons")]),
  ];
}

/** 一般 / 较大 / 重大, coloured; the tooltip gives the score, the suggestion and the reasons. */
export function RiskTag({ risk, testId = "event-risk" }: { risk: EventSummaryView["risk"]; testId?: string }) {
  const { t } = useI18n();
  const lines = useRiskLines(risk);
  return (
    <Tooltip title={<Lines lines={lines} />}>
      <Tag color={RISK_COLORS[risk.level]} data-testid={testId} data-level={risk.level}>
        {t(riskKey(risk.level))}
        {risk.overridden && " *"}
      </Tag>
    </Tooltip>
  );
}

/**
 * A red 「突增」 when the burst flag is up (nothing otherwise). The tooltip quotes the counts of the
 * hours the event chart shows (last point, mean of the 12 before it), then the server's other reasons
 * (its first reason states the same counts).
 */
export function BurstBadge({ burst }: { burst: BurstView | null | undefined }) {
  const { t, lang } = useI18n();
  if (!burst?.flag) return null;
  const lines = [
    t("burst.detail", { n: burst.lastHour, baseline: burst.baseline.toFixed(1) }),
    ...(burst.ratio === null ? [] : [t("burst.ratio", { ratio: burst.ratio.toFixed(1) })]),
    ...burst.reasons.slice(1).map((r) => localMessage(r, lang)),
  ];
  return (
    <Tooltip title={<Lines lines={lines} />}>
      <Tag color="red" data-testid="burst-badge">
        {t("burst.flag")}
      </Tag>
    </Tooltip>
  );
}
