// Pure locale helpers: the language list, message lookup and `{param}` interpolation.
import { en } from "./en";
import { zhCN, type MessageKey, type Messages } from "./zh-CN";

/** Languages the UI ships, Simplified Chinese first. */
export const LANGS = ["zh-CN", "en"] as const;
/** One of LANGS. */
export type Lang = (typeof LANGS)[number];

/** Message tables by language. */
export const MESSAGES: Record<Lang, Messages> = { "zh-CN": zhCN, en };

/** Each language's name written in that language, for the switch in the header. */
export const LANG_NAMES: Record<Lang, string> = { "zh-CN": "简体中文", en: "English" };

/** Parameters substituted into `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** Looks up `key` in `messages` and fills its `{name}` placeholders; unknown placeholders stay. */
export function translate(messages: Messages, key: MessageKey, params?: MessageParams): string {
  const template = messages[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Narrows a stored string to a known language, falling back to Simplified Chinese. */
export function toLang(value: string | null | undefined): Lang {
  return LANGS.find((lang) => lang === value) ?? "zh-CN";
}
