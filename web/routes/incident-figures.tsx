// The figures of an incident period (items, negative share, peak hour, sources, alerts), shown with its summary.
import { Descriptions } from "antd";
import type { IncidentFiguresView } from "../../src/shared/incidents-api";
import { EMPTY, formatTime } from "../lib/format";
import { useT } from "../locales/i18n";

/** Props of IncidentFigures. */
export interface IncidentFiguresProps { figures: IncidentFiguresView }

/** The figures as a small description list. */
export function IncidentFigures({ figures: f }: IncidentFiguresProps) {
  const t = useT();
  const share = f.negativeShare === null
    ? EMPTY
    : t("incident.fig.negativeValue", { pct: Math.round(f.negativeShare * 1000) / 10, neg: f.negative, all: f.analysed });
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} title={t("incident.figures")} data-testid="incident-figures">
      <Descriptions.Item label={t("incident.fig.period")} span={2}>{`${formatTime(f.from)} ~ ${formatTime(f.to)}`}</Descriptions.Item>
      <Descriptions.Item label={t("incident.fig.items")}>
        <span data-testid="incident-fig-items">{f.items}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t("incident.fig.negative")}>{share}</Descriptions.Item>
      <Descriptions.Item label={t("incident.fig.peak")}>
        {f.peakHour ? t("incident.fig.peakValue", { at: formatTime(f.peakHour.at), n: f.peakHour.items }) : EMPTY}
      </Descriptions.Item>
      <Descriptions.Item label={t("incident.fig.alerts")}>{f.alerts}</Descriptions.Item>
      <Descriptions.Item label={t("incident.fig.sources")} span={2}>
        {f.sourceCount === 0
          ? EMPTY
          : t("incident.fig.sourcesValue", {
            count: t("incident.fig.sourceCount", { n: f.sourceCount }),
            list: f.sources.map((s) => `${s.name} ${s.items}`).join(t("incident.listSep")),
          })}
      </Descriptions.Item>
      <Descriptions.Item label={t("incident.fig.polled")}>{f.polledSources}</Descriptions.Item>
    </Descriptions>
  );
}
