/** antd and dayjs locale data for each app locale. */
import type { Locale as AntdLocale } from "antd/es/locale";
import enUSAntd from "antd/locale/en_US";
import zhCNAntd from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { Locale } from "./locale.ts";

const ANTD: Record<Locale, AntdLocale> = { "zh-CN": zhCNAntd, "en-US": enUSAntd };
const DAYJS: Record<Locale, string> = { "zh-CN": "zh-cn", "en-US": "en" };

export function antdLocaleOf(locale: Locale): AntdLocale {
  return ANTD[locale];
}

/** dayjs keeps its locale globally; date pickers read month and weekday names from it. */
export function applyDayjsLocale(locale: Locale): void {
  dayjs.locale(DAYJS[locale]);
}
