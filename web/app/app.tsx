// Root component: language, antd theme and locale, session, router.
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { I18nProvider, useI18n } from "../locales/i18n";
import { AppRouter } from "./router";
import { SessionProvider } from "./session";

/** System fonts only: offices run on closed networks, so nothing is fetched from a font CDN. */
export const FONT_STACK = [
  "-apple-system",
  "BlinkMacSystemFont",
  '"PingFang SC"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"Helvetica Neue"',
  "Arial",
  "sans-serif",
].join(", ");

function Themed() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === "zh-CN" ? zhCN : enUS} theme={{ token: { fontFamily: FONT_STACK } }}>
      <AntApp>
        <SessionProvider>
          <AppRouter />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** The application. */
export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
