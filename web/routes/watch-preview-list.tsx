// The watch editor's preview pane: how many recent items the query matches, and those items marked.
import { Alert, Empty, Spin, Typography } from "antd";
import { Link } from "react-router-dom";
import type { WatchPreviewState } from "../api/watch-preview";
import { HighlightExcerpt, HighlightText } from "../components/highlight-text";
import { useI18n } from "../locales/i18n";
import { formatTime } from "../lib/format";
import { fieldSpans } from "../lib/spans";
import { errorText } from "../lib/use-report-error";

/** Renders a preview state; parse errors are shown under the query field, not here. */
export function WatchPreviewList({ state }: { state: WatchPreviewState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { preview, error, loading } = state;

  let body;
  if (!state.query && !loading) body = <Typography.Text type="secondary">{t("watches.previewIdle")}</Typography.Text>;
  else if (error) body = <Alert type="warning" showIcon title={errorText(error, i18n)} />;
  else if (!preview) body = null;
  else if (preview.items.length === 0) body = <Empty description={t("watches.previewEmpty")} />;
  else {
    body = preview.items.map((item) => (
      <div key={item.id} className="preview-item" data-testid="watch-preview-item">
        <Link to={`/items/${item.id}`} target="_blank">
          <HighlightText text={item.title} spans={fieldSpans([item], "title")} />
        </Link>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.sourceName} · {formatTime(item.publishedAt)}
          </Typography.Text>
        </div>
        <Typography.Text style={{ fontSize: 13 }}>
          <HighlightExcerpt text={item.text} spans={fieldSpans([item], "text")} />
        </Typography.Text>
      </div>
    ));
  }

  return (
    <Spin spinning={loading}>
      {preview && !error && (
        <Typography.Paragraph strong data-testid="watch-preview-stats">
          {t("watches.previewStats", { scanned: preview.scanned, matched: preview.matched })}
        </Typography.Paragraph>
      )}
      <div className="preview-list">{body}</div>
    </Spin>
  );
}
