/** The 「计划与完成」 data set (plan-actual). */
import type { DatasetSpec } from "../types.ts";
import { col, measureColumns, oneOf, region } from "./columns.ts";
import { STAGES } from "./vocabularies.ts";

export const planActual: DatasetSpec = {
  name: "plan-actual",
  table: "plan_actuals",
  zh: "计划与完成",
  en: "Plan vs actual",
  description: "改造任务计划与实际完成：小区、楼栋、户、建筑面积、配建养老服务设施，分开工与竣工",
  descriptionEn:
    "Renovation tasks planned and done: communities, buildings, households, floor area and elderly-care facilities, for works started and completed",
  sheet: "计划与完成",
  columns: [
    region("地区", "汕头市"),
    col("stage", "stage", ["阶段", "类型"], "Stage", oneOf(STAGES), true, "开工 / 竣工", "开工"),
    ...measureColumns("plan", "计划", "Planned"),
    ...measureColumns("actual", "实际", "Actual"),
    col(
      "asOf",
      "as_of",
      ["截止日期", "数据截止日期"],
      "As of",
      { type: "date" },
      false,
      "",
      "2024-12-31",
    ),
  ],
  naturalKey: ["region", "stage", "asOf"],
};
