/** The 「满意度调查结果」 data set (satisfaction). */
import type { DatasetSpec } from "../types.ts";
import { col, count, region, text } from "./columns.ts";

export const satisfaction: DatasetSpec = {
  name: "satisfaction",
  table: "satisfaction_results",
  zh: "满意度调查结果",
  en: "Satisfaction results",
  description: "居民满意度调查汇总：有效问卷数与满意度（问卷功能上线前的汇总数据）",
  descriptionEn:
    "Residents' satisfaction survey totals: valid questionnaires and satisfaction rate (totals from before the survey feature)",
  sheet: "满意度",
  columns: [
    region("地区", "杭州市"),
    col(
      "validResponses",
      "valid_responses",
      ["有效问卷数", "有效问卷"],
      "Valid questionnaires",
      count,
      false,
      "份",
      "458",
    ),
    col(
      "satisfied",
      "satisfied",
      ["满意人数", "满意问卷数"],
      "Satisfied",
      count,
      false,
      "满意与基本满意的问卷数，可空",
      "",
    ),
    col(
      "rate",
      "rate",
      ["满意度", "综合满意度", "服务对象满意度"],
      "Satisfaction rate",
      { type: "percent" },
      true,
      "如 82.75%",
      "82.75%",
    ),
    col("method", "method", ["调查方式"], "Method", text(200), false, "", "微信公开征集、现场调查"),
    col(
      "surveyedOn",
      "surveyed_on",
      ["调查日期", "调查截止日期"],
      "Surveyed on",
      { type: "date" },
      false,
      "",
      "2021-06-30",
    ),
  ],
  naturalKey: ["region"],
};
