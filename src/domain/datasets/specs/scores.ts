/** The 「评分表」 data set (scores). */
import type { DatasetSpec } from "../types.ts";
import { col, points, programme, region, text } from "./columns.ts";

export const scores: DatasetSpec = {
  name: "scores",
  table: "published_scores",
  zh: "评分表",
  en: "Indicator scores",
  description:
    "绩效评价指标评分表：各级指标的分值、得分与评分理由；只填一级指标的行是该组的小计（驻马店、杭州附表）",
  descriptionEn:
    "Performance evaluation score table: each indicator's points, score and grounds; a row with only a level-1 indicator is that group's subtotal (the Zhumadian and Hangzhou annexes)",
  sheet: "评分表",
  columns: [
    region("评价对象地区", "驻马店市"),
    programme,
    col("level1", "level1", ["一级指标"], "Level 1", text(100), true, "", "产出效益"),
    col(
      "level2",
      "level2",
      ["二级指标"],
      "Level 2",
      text(100),
      false,
      "空行表示一级指标小计",
      "改造户数计划完成率",
    ),
    col("indicator", "indicator", ["三级指标"], "Level 3", text(200), false, "", ""),
    col("points", "points", ["分值", "权重"], "Points", points, false, "", "15"),
    col(
      "score",
      "score",
      ["得分", "自评分", "评价得分", "市县评价得分", "评分"],
      "Score",
      points,
      false,
      "",
      "15",
    ),
    col(
      "reason",
      "reason",
      ["评分理由", "得分理由"],
      "Reason",
      text(2000),
      false,
      "",
      "2020年计划改造户数33224户，已开工户数33623户，开工率101.2%。",
    ),
  ],
  naturalKey: ["region", "programme", "level1", "level2", "indicator"],
};
