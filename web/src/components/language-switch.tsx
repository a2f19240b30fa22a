/** 中文 / English switch; the choice is remembered in localStorage. */
import { Segmented } from "antd";
import { useI18n } from "../i18n/i18n-context.tsx";
import { isLocale } from "../i18n/locale.ts";

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented
      data-testid="lang-switch"
      aria-label={t("lang.label")}
      size="small"
      value={locale}
      options={[
        { label: t("lang.zh"), value: "zh-CN" },
        { label: t("lang.en"), value: "en-US" },
      ]}
      onChange={(value) => {
        if (isLocale(value)) setLocale(value);
      }}
    />
  );
}
