// One way to surface a failed request: field messages next to their inputs, plus a toast.
import { useCallback } from "react";
import { App } from "antd";
import type { FormInstance } from "antd";
import { ApiRequestError, NETWORK_ERROR } from "../api/client";
import { toApiError } from "../api/hooks";
import { useI18n, type I18n } from "../locales/i18n";

/**
 * The text a person should read for `error`: the server's message (written in the UI's language, which the
 * client sends), or ours when the server is unreachable or answered without a JSON error (a proxy's page).
 */
export function errorText(error: unknown, { t }: Pick<I18n, "t">): string {
  const apiError = toApiError(error);
  if (apiError.code === NETWORK_ERROR) return t("common.networkError");
  const status = /^http_(\d+)$/.exec(apiError.code);
  return status ? t("common.httpError", { status: status[1] }) : apiError.message;
}

/** Puts the server's per-field messages on the form's fields; returns how many were set. */
export function applyFieldErrors(form: FormInstance, error: unknown): number {
  if (!(error instanceof ApiRequestError)) return 0;
  const entries = Object.entries(error.fields);
  form.setFields(entries.map(([name, message]) => ({ name, errors: [message] })));
  return entries.length;
}

/** Returns `report(error, form?)`, which marks form fields from a validation error and shows a toast. */
export function useReportError(): (error: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  const i18n = useI18n();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form) applyFieldErrors(form, error);
      void message.error(errorText(error, i18n));
    },
    [message, i18n],
  );
}
