// One way to surface a failed request: field messages next to their inputs, plus a toast.
import { useCallback } from "react";
import { App } from "antd";
import type { FormInstance } from "antd";
import { ApiRequestError, NETWORK_ERROR } from "../api/client";
import { toApiError } from "../api/hooks";
import { useI18n, type I18n } from "../locales/i18n";
import type { Lang } from "../locales/translate";
import { localMessage } from "./server-message";

/** The text a person should read for `error`: the server's message, or ours when it is unreachable. */
export function errorText(error: unknown, { t, lang }: Pick<I18n, "t" | "lang">): string {
  const apiError = toApiError(error);
  return apiError.code === NETWORK_ERROR ? t("common.networkError") : localMessage(apiError.message, lang);
}

/** Puts the server's per-field messages on the form's fields; returns how many were set. */
export function applyFieldErrors(form: FormInstance, error: unknown, lang: Lang): number {
  if (!(error instanceof ApiRequestError)) return 0;
  const entries = Object.entries(error.fields);
  form.setFields(entries.map(([name, message]) => ({ name, errors: [localMessage(message, lang)] })));
  return entries.length;
}

/** Returns `report(error, form?)`, which marks form fields from a validation error and shows a toast. */
export function useReportError(): (error: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  const i18n = useI18n();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form) applyFieldErrors(form, error, i18n.lang);
      void message.error(errorText(error, i18n));
    },
    [message, i18n],
  );
}
