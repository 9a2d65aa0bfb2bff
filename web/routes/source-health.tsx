// A source's fetch health: last success, and the last error in red with its failure count.
import { Space, Tooltip, Typography } from "antd";
import type { SourceView } from "../../src/shared/api";
import { useI18n } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { sourceErrorText } from "../lib/source-error";

/** Health cell of the sources table. */
export function SourceHealth({ source }: { source: SourceView }) {
  const { t, lang } = useI18n();
  const lastSuccess = source.lastSuccessAt ? formatTime(source.lastSuccessAt) : t("sources.never");
  const error = sourceErrorText(source, lang);
  return (
    <Space orientation="vertical" size={0}>
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
