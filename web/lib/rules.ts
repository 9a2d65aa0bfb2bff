// Client-side form rules with messages in the active language; the server re-validates everything.
import type { FormRule } from "antd";
import type { I18n } from "../locales/i18n";

/** A required-field rule naming the field. */
export function required(t: I18n["t"], field: string): FormRule {
  return { required: true, whitespace: true, message: t("validation.required", { field }) };
}

/** A required rule for a choice (select, tree select, date): no whitespace check, which only strings pass. */
export function requiredChoice(t: I18n["t"], field: string): FormRule {
  return { required: true, message: t("validation.required", { field }) };
}

/** Whether `text` is an absolute http(s) URL. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** An http(s) URL rule; an empty value is left to `required`. */
export function httpUrl(t: I18n["t"]): FormRule {
  return {
    validator: async (_, value: unknown) => {
      if (typeof value === "string" && value.trim() !== "" && !isHttpUrl(value.trim())) {
        throw new Error(t("validation.url"));
      }
    },
  };
}

/** A whole-number range rule. */
export function intRange(t: I18n["t"], min: number, max: number): FormRule {
  return {
    validator: async (_, value: unknown) => {
      if (value === undefined || value === null || value === "") return;
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        throw new Error(t("validation.range", { min, max }));
      }
    },
  };
}
