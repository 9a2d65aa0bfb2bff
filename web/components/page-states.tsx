// Whole-page placeholders: loading, failed, forbidden and not found.
import { Button, Result, Spin } from "antd";
import { Link } from "react-router-dom";
import type { ApiRequestError } from "../api/client";
import { useI18n, useT } from "../locales/i18n";
import { errorText } from "../lib/use-report-error";

/** A centred spinner for lazy routes and first loads. */
export function PageSpinner() {
  return (
    <div className="page-spinner">
      <Spin size="large" />
    </div>
  );
}

/** A failed load with the server's message and a retry button. */
export function LoadFailed({ error, onRetry }: { error: ApiRequestError; onRetry: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Result
      status="warning"
      title={t("common.loadFailed")}
      subTitle={errorText(error, i18n)}
      extra={<Button onClick={onRetry}>{t("common.retry")}</Button>}
    />
  );
}

/** Shown when the user's role may not open the page. */
export function Forbidden() {
  const t = useT();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t("common.forbidden")}
      extra={<Link to="/">{t("common.backHome")}</Link>}
    />
  );
}

/** Shown for an unknown route (or a 404 from the API). */
export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t("common.notFound")}
      extra={<Link to="/">{t("common.backHome")}</Link>}
    />
  );
}
