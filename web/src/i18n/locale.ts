/** The locales the app speaks, how the choice is remembered and how it is told to the server. */
export const LOCALES = ["zh-CN", "en-US"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "zh-CN";
const STORAGE_KEY = "jixiao.locale";

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE; // storage can be blocked; the default is then fine
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage can be blocked; the choice then lasts for this page only
  }
}

/** The Accept-Language value the server understands for a locale. */
export function acceptLanguageOf(locale: Locale): string {
  return locale === "en-US" ? "en" : "zh-CN";
}
