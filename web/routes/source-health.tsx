// A source's fetch health: last success, and the last error in red with its failure count.
import { Badge, Space, Tooltip, Typography } from "antd";
import type { SourceView } from "../../src/shared/api";
import { useI18n } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { sourceErrorText } from "../lib/source-error";

/** Health cell of the sources table. */
export function SourceHealth({ source }: { source: SourceView }) {
  const { t, lang } = useI18n();
  const lastSuccess = source.lastSuccessAt ? formatTime(source.lastSuccessAt) : t("sources.never");
  const error = sourceErrorText(source, lang);
  const level = source.health?.level;
  return (
    <Space orientation="vertical" size={0}>
      {level && (
        <Space size="small">
          <Tooltip title={source.health!.reasons.join("；") || undefined}>
            <Badge status={level === "red" ? "error" : level === "yellow" ? "warning" : "success"} text={t(`sources.health.${level}`)} data-testid="source-health" />
          </Tooltip>
          {source.itemsPerDay && <Sparkline values={source.itemsPerDay} label={t("sources.health.week")} />}
        </Space>
      )}
      {source.health?.reasons.length ? <Typography.Text type={level === "red" ? "danger" : "warning"}>{source.health.reasons.join("；")}</Typography.Text> : null}
      <Typography.Text type="secondary">
        {t("sources.lastSuccessAt", { time: lastSuccess })}
      </Typography.Text>
      {error && (
        <Tooltip title={error}>
          <Typography.Text type="danger" ellipsis style={{ maxWidth: 280 }} data-testid="source-error">
            {t("sources.lastErrorAt", { n: source.errorCount, error })}
          </Typography.Text>
        </Tooltip>
      )}
    </Space>
  );
}

/** Items per day over the week as a small line (no chart library: 7 points). */
function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const w = 70;
  const h = 18;
  const max = Math.max(1, ...values);
  const points = values.map((v, i) => `${((i / Math.max(1, values.length - 1)) * w).toFixed(1)},${(h - 1 - (v / max) * (h - 2)).toFixed(1)}`).join(" ");
  return (
    <Tooltip title={`${label}：${values.join(" / ")}`}>
      <svg width={w} height={h} role="img" aria-label={label} data-testid="source-sparkline">
        <polyline points={points} fill="none" stroke="#1677ff" strokeWidth={1.5} />
      </svg>
    </Tooltip>
  );
}
