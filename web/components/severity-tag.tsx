// A severity (一般 / 较大 / 重大) as a coloured tag: alerts, cases and incidents show it the same way.
import { Tag } from "antd";
import type { Severity } from "../../src/shared/alerts-api";
import { useT } from "../locales/i18n";
import { RISK_COLORS } from "../lib/analysis-display";

/** 一般 blue / 较大 orange / 重大 red. */
export function SeverityTag({ severity }: { severity: Severity }) {
  const t = useT();
  return <Tag color={RISK_COLORS[severity]}>{t(`alerts.severity.${severity}`)}</Tag>;
}
