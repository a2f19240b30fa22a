/** Holds the chosen locale and gives components `t(key, params)`. */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { setApiLanguage } from "../api/client.ts";
import { applyDayjsLocale } from "./antd-locale.ts";
import { acceptLanguageOf, type Locale, readStoredLocale, storeLocale } from "./locale.ts";
import { type Translate, translator } from "./translate.ts";

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function applyLocale(locale: Locale): void {
  setApiLanguage(acceptLanguageOf(locale));
  applyDayjsLocale(locale);
  document.documentElement.lang = locale;
  document.title = translator(locale)("app.documentTitle");
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = readStoredLocale();
    applyLocale(initial);
    return initial;
  });

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    applyLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, setLocale, t: translator(locale) }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n needs an I18nProvider");
  return value;
}
