/** Declared performance targets against their actual values. */
import { Decimal } from "../decimal.ts";
import { pct, plain, type RuleContext, rate } from "./context.ts";

const COMPARATOR = /^(?:=|＝|≥|≧|>=|≤|≦|<=)\s*/;
/** Units a figure may carry after its number: "16个", "98%". */
const UNITS = [
  "%",
  "个",
  "户",
  "套",
  "栋",
  "幢",
  "期",
  "次",
  "项",
  "人",
  "元",
  "万元",
  "平方米",
  "万平方米",
  "份",
];

function split(text: string): { number: Decimal; suffix: string } | undefined {
  const t = text.normalize("NFKC").trim().replace(COMPARATOR, "");
  const m = /^(-?[\d,]+(?:\.\d+)?)\s*(.*)$/.exec(t);
  if (!m?.[1]) return undefined;
  const digits = m[1].replace(/,/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(digits)) return undefined;
  return { number: new Decimal(digits), suffix: (m[2] ?? "").trim() };
}

/** A target or actual text as a number: "1161", "=16个", "≥95%", "1,401.82"; undefined if it is not one. */
export function parseFigure(text: string | null | undefined, unit: string | null | undefined) {
  if (!text) return undefined;
  const parts = split(text);
  if (!parts) return undefined;
  if (parts.suffix === "" || parts.suffix === unit || UNITS.includes(parts.suffix)) {
    return parts.number;
  }
  return undefined;
}

const QUANTITATIVE = new Set(["gte", "lte", "eq"]);
const GRADE_ORDER = ["好", "较好", "一般", "较差", "差"];
const SIGN: Record<string, string> = { gte: "≥", lte: "≤", eq: "=" };

export function checkTargets(c: RuleContext): void {
  for (const row of c.rows("targets")) {
    const v = row.values;
    const name = v.indicator ?? "";
    const unit = v.unit ?? "";
    const comparison = v.comparison ?? "";
    const target = parseFigure(v.target, v.unit);
    const add = (code: string, field: string, zh: string, en: string, figures = {}) =>
      c.add(code, { dataset: "targets", row, field, message: { zh, en }, figures });

    if (QUANTITATIVE.has(comparison) && !target) {
      add(
        "target.kind-mismatch",
        "target",
        `「${name}」比较方式为“${SIGN[comparison]}”，目标值“${v.target}”却不是数值`,
        `"${name}": compared with ${SIGN[comparison]} but its target "${v.target}" is not a number`,
      );
      continue;
    }
    if (comparison === "qualitative" && split(v.target ?? "")) {
      add(
        "target.kind-mismatch",
        "target",
        `「${name}」为定性指标，目标值“${v.target}”却是数值`,
        `"${name}" is qualitative but its target "${v.target}" is a number`,
      );
      continue;
    }
    if (comparison === "yes-no" && v.target !== "是" && v.target !== "否") {
      add(
        "target.kind-mismatch",
        "target",
        `「${name}」为是/否指标，目标值应为“是”或“否”，表中为“${v.target}”`,
        `"${name}" is yes/no; its target "${v.target}" is neither`,
      );
      continue;
    }
    if (!v.actual) {
      add(
        "target.no-actual",
        "actual",
        `「${name}」目标值 ${v.target}${unit}，没有填报实际完成值`,
        `"${name}": target ${v.target}, no actual value`,
      );
      continue;
    }
    if (!QUANTITATIVE.has(comparison) || !target) {
      checkQualitative(c, row, comparison, name);
      continue;
    }
    const actual = parseFigure(v.actual, v.unit);
    if (!actual) {
      add(
        "target.actual-not-figure",
        "actual",
        `「${name}」为定量指标（目标值 ${SIGN[comparison]}${plain(target)}${unit}），实际完成值“${v.actual}”不是具体数值，无法计算完成率`,
        `"${name}" is quantitative (target ${SIGN[comparison]}${plain(target)}) but its actual "${v.actual}" is not a figure`,
        { actual: v.actual },
      );
      continue;
    }
    if (!v.unit && split(v.actual)?.suffix) {
      add(
        "target.unit-missing",
        "unit",
        `「${name}」目标值“${v.target}”没有计量单位，实际完成值却写作“${v.actual}”`,
        `"${name}": target "${v.target}" has no unit, the actual "${v.actual}" has one`,
      );
    }
    const r = rate(actual, target);
    const shown = r ? `，完成率 ${pct(r)}%` : "";
    const figures = {
      target: plain(target),
      actual: plain(actual),
      ...(r ? { rate: pct(r) } : {}),
    };
    const missed =
      (comparison === "gte" && actual.lt(target)) || (comparison === "lte" && actual.gt(target));
    if (missed) {
      add(
        "target.missed",
        "actual",
        `「${name}」目标值 ${SIGN[comparison]}${plain(target)}${unit}，实际完成 ${plain(actual)}${unit}${shown}，未完成目标（差 ${plain(target.minus(actual).abs())}${unit}）`,
        `"${name}": target ${SIGN[comparison]}${plain(target)}, actual ${plain(actual)} — missed by ${plain(target.minus(actual).abs())}`,
        figures,
      );
    } else if (comparison === "eq" && !actual.equals(target)) {
      add(
        "target.not-equal",
        "actual",
        `「${name}」目标值 =${plain(target)}${unit}，实际完成 ${plain(actual)}${unit}${shown}，与“=”目标不等`,
        `"${name}": target =${plain(target)}, actual ${plain(actual)}`,
        figures,
      );
    }
  }
}

function checkQualitative(
  c: RuleContext,
  row: import("./types.ts").CheckRow,
  comparison: string,
  name: string,
): void {
  const { target, actual } = row.values;
  if (!target || !actual) return;
  const worse =
    comparison === "yes-no"
      ? target === "是" && actual === "否"
      : GRADE_ORDER.indexOf(actual) > GRADE_ORDER.indexOf(target) &&
        GRADE_ORDER.includes(target) &&
        GRADE_ORDER.includes(actual);
  if (!worse) return;
  c.add("target.missed", {
    dataset: "targets",
    row,
    field: "actual",
    message: {
      zh: `「${name}」目标为“${target}”，实际为“${actual}”，未完成目标`,
      en: `"${name}": target "${target}", actual "${actual}" — missed`,
    },
    figures: { target, actual },
  });
}
