/** The column kinds and column builders the data-set specs are written with. */
import type { ColumnKind, ColumnSpec, EnumValue } from "../types.ts";

export const money: ColumnKind = {
  type: "quantity",
  family: "money",
  defaultUnit: "万元",
  scale: 2,
  min: "0",
};
/** Money that may be negative: budget adjustments (调减). */
export const signedMoney: ColumnKind = {
  type: "quantity",
  family: "money",
  defaultUnit: "万元",
  scale: 2,
};
export const areaWan: ColumnKind = {
  type: "quantity",
  family: "area",
  defaultUnit: "万平方米",
  scale: 2,
  min: "0",
};
export const areaM2: ColumnKind = {
  type: "quantity",
  family: "area",
  defaultUnit: "平方米",
  scale: 2,
  min: "0",
};
export const count: ColumnKind = { type: "integer", min: 0 };
/** Indicator points and scores (分), two decimals as the seeds print them. */
export const points: ColumnKind = {
  type: "quantity",
  family: "points",
  defaultUnit: "分",
  scale: 2,
  min: "0",
};
export const text = (maxLength: number): ColumnKind => ({ type: "text", maxLength });
export const oneOf = (values: readonly EnumValue[], multi = false): ColumnKind => ({
  type: "enum",
  values,
  multi,
});

export const region = (note: string, example: string): ColumnSpec => ({
  key: "region",
  db: "region_code",
  zh: ["地区", "地市", "区县", "行政区划", "地区代码"],
  en: "Region",
  kind: { type: "region" },
  required: true,
  note,
  example,
});

export const programme: ColumnSpec = {
  key: "programme",
  db: "programme_id",
  zh: ["项目名称", "项目", "资金名称"],
  en: "Programme",
  kind: { type: "programme" },
  required: true,
  note: "须与「项目」表中同年度的项目名称一致",
  example: "2024年城镇老旧小区改造专项资金",
};

export const col = (
  key: string,
  db: string,
  zh: string | readonly string[],
  en: string,
  kind: ColumnKind,
  required: boolean,
  note: string,
  example: string,
): ColumnSpec => ({
  key,
  db,
  zh: typeof zh === "string" ? [zh] : zh,
  en,
  kind,
  required,
  note,
  example,
});

export const measureColumns = (side: "plan" | "actual", zhSide: string, enSide: string) => [
  col(
    `${side}Communities`,
    `${side}_communities`,
    [`${zhSide}小区数`, `${zhSide}小区`],
    `${enSide} communities`,
    count,
    false,
    "个",
    side === "plan" ? "75" : "124",
  ),
  col(
    `${side}Buildings`,
    `${side}_buildings`,
    [`${zhSide}楼栋数`, `${zhSide}幢数`, `${zhSide}楼栋`],
    `${enSide} buildings`,
    count,
    false,
    "栋（幢）",
    side === "plan" ? "538" : "926",
  ),
  col(
    `${side}Households`,
    `${side}_households`,
    [`${zhSide}户数`, `${zhSide}套数`, `${zhSide}户`],
    `${enSide} households`,
    count,
    false,
    "户（套）",
    side === "plan" ? "19136" : "32562",
  ),
  col(
    `${side}Area`,
    `${side}_area_m2`,
    [`${zhSide}建筑面积`, `${zhSide}改造面积`, `${zhSide}建筑面积数`],
    `${enSide} floor area`,
    areaWan,
    false,
    "默认万平方米，表头可注明（平方米）",
    side === "plan" ? "166.88" : "284.28",
  ),
  col(
    `${side}ElderlyArea`,
    `${side}_elderly_area_m2`,
    [`${zhSide}配建养老服务设施面积`, `${zhSide}养老服务设施面积`],
    `${enSide} elderly-care service facility area`,
    areaM2,
    false,
    "默认平方米",
    side === "plan" ? "63120" : "62395",
  ),
];
