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

/** 一般 / 较大 / 重大, coloured; the tooltip gives the score, the suggestion and the reasons. */
export function RiskTag({ risk, testId = "event-risk" }: { risk: EventSummaryView["risk"]; testId?: string }) {
  const { t, lang } = useI18n();
  const suggested = t(riskKey(risk.suggested));
  const lines = [
    t("risk.score", { score: Math.round(risk.score * 100) / 100 }),
    risk.overridden ? t("risk.overridden", { level: suggested }) : t("risk.suggested", { level: suggested }),
    ...(risk.reasons.length ? risk.reasons.map((reason) => localMessage(reason, lang)) : [t("risk.noReasons")]),
  ];
  return (
    <Tooltip title={<Lines lines={lines} />}>
      <Tag color={RISK_COLORS[risk.level]} data-testid={testId} data-level={risk.level}>
        {t(riskKey(risk.level))}
        {risk.overridden && " *"}
      </Tag>
    </Tooltip>
  );
}

/** A red 「突增」 when the burst flag is up (nothing otherwise), with the figures and reasons in a tooltip. */
export function BurstBadge({ burst }: { burst: BurstView | null | undefined }) {
  const { t, lang } = useI18n();
  if (!burst?.flag) return null;
  const ratio = Number.isFinite(burst.ratio) ? Math.round(burst.ratio * 10) / 10 : "∞";
  const lines = [t("burst.detail", { n: burst.lastHour, ratio }), ...burst.reasons.map((r) => localMessage(r, lang))];
  return (
    <Tooltip title={<Lines lines={lines} />}>
      <Tag color="red" data-testid="burst-badge">
        {t("burst.flag")}
      </Tag>
    </Tooltip>
  );
}
