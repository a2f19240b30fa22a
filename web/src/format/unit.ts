/**
 * A unit as the reader's language writes it. Data sets and frameworks name units in Chinese (万元,
 * 平方米, 户); English shows the same unit in words. One convention everywhere: a unit follows its
 * figure or heading in parentheses — "Floor area (m²)", "18,860 (10k yuan)".
 */
import type { Locale } from "../i18n/locale.ts";

const EN: Record<string, string> = {
  元: "yuan",
  百元: "100 yuan",
  千元: "1,000 yuan",
  万元: "10k yuan",
  亿元: "100m yuan",
  平方米: "m²",
  万平方米: "10k m²",
  分: "points",
  户: "households",
  "户（套）": "households (flats)",
  个: "units",
  项: "items",
  栋: "buildings",
  "栋（幢）": "buildings",
  天: "days",
  份: "questionnaires",
  人: "people",
  "%": "%",
};

export function unitText(unit: string | null | undefined, locale: Locale): string {
  if (!unit) return "";
  if (locale === "zh-CN") return unit;
  return EN[unit] ?? unit;
}

/** A heading with its unit: 建筑面积（平方米） / Floor area (m²). */
export function withUnit(label: string, unit: string | null | undefined, locale: Locale): string {
  // 个 only counts: "Communities", not "Communities (units)".
  const word = unit === "个" && locale === "en-US" ? "" : unitText(unit, locale);
  if (!word) return label;
  return locale === "zh-CN" ? `${label}（${word}）` : `${label} (${word})`;
}
