/** The app's providers: locale, antd theme and messages, session, router. */
import { App as AntdApp, ConfigProvider } from "antd";
import { RouterProvider } from "react-router";
import { SessionProvider } from "./auth/session-context.tsx";
import { antdLocaleOf } from "./i18n/antd-locale.ts";
import { I18nProvider, useI18n } from "./i18n/i18n-context.tsx";
import { router } from "./router.tsx";
import { theme } from "./theme.ts";

function LocalizedApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={antdLocaleOf(locale)} theme={theme}>
      <AntdApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntdApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocalizedApp />
    </I18nProvider>
  );
}
