/** A scorecard as JSON: decimal strings with the framework's declared precision, texts in one language. */
import { formatByPolicy, formatPercent, formatPlain } from "../decimal.ts";
import { textIn } from "../frameworks/index.ts";
import type { Scorecard } from "./scorecard.ts";

export interface ScorecardJson {
  framework: { code: string; name: string; version: string; year: number };
  subject?: string;
  points: string;
  total: string;
  /** 得分率 in percent with two decimals: "98.10". */
  rate: string;
  grade: string;
  groups: {
    code: string;
    name: string;
    level: number;
    points: string;
    score: string;
    rate: string;
  }[];
  indicators: {
    code: string;
    name: string;
    group: string | null;
    points: string;
    score: string;
    rate: string;
    reason: string;
    note?: string;
    trace: { op: string; expr: string; value: string }[];
  }[];
}

export function scorecardToJson(card: Scorecard): ScorecardJson {
  const { locale, rounding } = card;
  const label = locale === "en-US" && card.grade.en ? card.grade.en : card.grade.label;
  return {
    framework: {
      code: card.framework.code,
      name: textIn(card.framework.name, locale),
      version: card.framework.version,
      year: card.framework.year,
    },
    ...(card.subject !== undefined ? { subject: textIn(card.subject, locale) } : {}),
    points: formatPlain(card.points),
    total: formatByPolicy(card.total, rounding.total),
    rate: formatPercent(card.rate),
    grade: label,
    groups: card.groups.map((g) => ({
      code: g.code,
      name: textIn(g.name, locale),
      level: g.level,
      points: formatPlain(g.points),
      score: formatByPolicy(g.score, rounding.group),
      rate: formatPercent(g.rate),
    })),
    indicators: card.indicators.map((i) => ({
      code: i.code,
      name: textIn(i.name, locale),
      group: i.parent,
      points: formatPlain(i.points),
      score: formatByPolicy(i.score, i.rounding),
      rate: formatPercent(i.score.div(i.points)),
      reason: i.reason,
      ...(i.note !== undefined ? { note: textIn(i.note, locale) } : {}),
      trace: i.trace.map((s) => ({ op: s.op, expr: s.expr, value: s.value })),
    })),
  };
}
