// Language context: the chosen language, kept in localStorage, and the `t()` lookup for components.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { MessageKey } from "./zh-CN";
import { MESSAGES, toLang, translate, type Lang, type MessageParams } from "./translate";
import { setRequestLanguage } from "../api/client";

const STORAGE_KEY = "tingfeng.lang";

/** What `useI18n()` returns. */
export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLang(): Lang {
  try {
    return toLang(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be blocked by browser policy; the default language is still usable.
    return "zh-CN";
  }
}

/** Provides the language and `t()` to the tree below. */
export function I18nProvider({ children }: { children: ReactNode }) {
  // Set before the first render's requests go out (children's effects run before this provider's).
  const [lang, setLangState] = useState<Lang>(() => {
    const stored = readStoredLang();
    setRequestLanguage(stored);
    return stored;
  });

  useEffect(() => {
    document.documentElement.lang = lang;
    dayjs.locale(lang === "zh-CN" ? "zh-cn" : "en");
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setRequestLanguage(next);
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisting the choice is acceptable; the switch still works for this tab.
    }
  }, []);

  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, params) => translate(MESSAGES[lang], key, params) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its setter and `t()`; must be used under I18nProvider. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("i18n: useI18n called outside I18nProvider");
  return value;
}

/** Shorthand for `useI18n().t`. */
export function useT(): I18n["t"] {
  return useI18n().t;
}
