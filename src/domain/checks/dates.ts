/** Dates and years: data dates in the evaluation year, documents of the right year, stages in order. */
import type { RuleContext } from "./context.ts";

const DATED = [
  { dataset: "budget-execution", field: "asOf" },
  { dataset: "allocations", field: "asOf" },
  { dataset: "plan-actual", field: "asOf" },
] as const;

const DATASET_ZH: Record<string, string> = {
  "budget-execution": "预算执行",
  allocations: "资金下达与支出",
  "plan-actual": "计划与完成",
};

/** A data-collection date outside the year being evaluated. */
export function checkAsOfYear(c: RuleContext): void {
  for (const { dataset, field } of DATED) {
    for (const row of c.rows(dataset)) {
      const date = row.values[field];
      if (!date || Number(date.slice(0, 4)) === c.data.year) continue;
      c.add("date.as-of-year", {
        dataset,
        row,
        field,
        message: {
          zh: `${c.regionName(row.regionCode)}「${DATASET_ZH[dataset]}」数据截止日期为 ${date}，不在评价年度 ${c.data.year} 年内`,
          en: `${c.regionName(row.regionCode)}: ${dataset} is dated ${date}, outside the evaluated year ${c.data.year}`,
        },
        figures: { date, year: String(c.data.year) },
      });
    }
  }
}

/** 〔2023〕 in 粤财建〔2023〕77号; also [2023] and （2023）. */
const DOCUMENT_YEAR = /[〔[（(【](\d{4})[〕\]）)】]/;

/**
 * A funding document or issue date of the evaluated year or the year before (funds are often
 * issued in advance, 提前下达); anything else does not fit.
 */
export function checkDocumentYears(c: RuleContext): void {
  const year = c.data.year;
  for (const row of c.rows("funds")) {
    const fromDocument = DOCUMENT_YEAR.exec(row.values.document ?? "")?.[1];
    const candidates = [
      {
        field: "document",
        y: fromDocument ? Number(fromDocument) : undefined,
        text: row.values.document,
      },
      {
        field: "issuedOn",
        y: row.values.issuedOn ? Number(row.values.issuedOn.slice(0, 4)) : undefined,
        text: row.values.issuedOn,
      },
    ];
    for (const { field, y, text } of candidates) {
      if (y === undefined || y === year || y === year - 1) continue;
      c.add("date.document-year", {
        dataset: "funds",
        row,
        field,
        message: {
          zh: `${c.regionName(row.regionCode)}资金下达文件「${text}」为 ${y} 年，与评价年度 ${year} 年不符（应为当年或上年提前下达）`,
          en: `${c.regionName(row.regionCode)}: funding document "${text}" is of ${y}, not of ${year} or the year before`,
        },
        figures: { documentYear: String(y), year: String(year) },
      });
    }
  }
}

export const STAGE_DATES = [
  { key: "approvedOn", zh: "立项" },
  { key: "tenderedOn", zh: "招标" },
  { key: "startedOn", zh: "开工" },
  { key: "acceptedOn", zh: "竣工验收" },
  { key: "settledOn", zh: "结算审核" },
  { key: "auditedOn", zh: "决算审计" },
] as const;

/** The date a status needs, and the status a date contradicts. */
const STATUS_NEEDS: Record<string, { key: string; zh: string } | undefined> = {
  "in-progress": STAGE_DATES[2],
  completed: STAGE_DATES[2],
  accepted: STAGE_DATES[3],
  settled: STAGE_DATES[4],
  audited: STAGE_DATES[5],
};
const STATUS_ZH: Record<string, string> = {
  planned: "未开工",
  "in-progress": "在建",
  completed: "已竣工",
  accepted: "已验收",
  settled: "已结算",
  audited: "已决算",
};

/** Community stage dates in their order (开工 not before 立项, 竣工验收 not before 开工 …) and the status. */
export function checkStageDates(c: RuleContext): void {
  for (const row of c.rows("communities")) {
    const v = row.values;
    // The last stage with a date, and its date (no object per stage: a national year has 55,000 rows).
    let previous: (typeof STAGE_DATES)[number] | undefined;
    let previousDate = "";
    for (const stage of STAGE_DATES) {
      const date = v[stage.key];
      if (!date) continue;
      if (previous && date < previousDate) {
        c.add("date.stage-order", {
          dataset: "communities",
          row,
          field: stage.key,
          message: {
            zh: `「${v.name}」${stage.zh}日期 ${date} 早于${previous.zh}日期 ${previousDate}`,
            en: `"${v.name}": ${stage.key} ${date} is before ${previous.key} ${previousDate}`,
          },
          figures: { [stage.key]: date, [previous.key]: previousDate },
        });
      }
      previous = stage;
      previousDate = date;
    }
    const status = v.status;
    if (!status) continue;
    const needs = STATUS_NEEDS[status];
    const started = v.startedOn;
    if (needs && !v[needs.key]) {
      c.add("date.status", {
        dataset: "communities",
        row,
        field: needs.key,
        message: {
          zh: `「${v.name}」状态为“${STATUS_ZH[status]}”，却没有${needs.zh}日期`,
          en: `"${v.name}" is ${status} but has no ${needs.key} date`,
        },
        figures: { status: STATUS_ZH[status] ?? status },
      });
    } else if (status === "planned" && started) {
      c.add("date.status", {
        dataset: "communities",
        row,
        field: "status",
        message: {
          zh: `「${v.name}」状态为“未开工”，却已有开工日期 ${started}`,
          en: `"${v.name}" is not started but has a start date ${started}`,
        },
        figures: { status: "未开工", startedOn: started },
      });
    }
  }
}
