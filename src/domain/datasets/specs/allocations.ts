/** The 「资金下达与支出」 data set (allocations). */
import type { DatasetSpec } from "../types.ts";
import { col, money, programme, region } from "./columns.ts";

export const allocations: DatasetSpec = {
  name: "allocations",
  table: "fund_allocations",
  zh: "资金下达与支出",
  en: "Allocation and spend by region",
  description: "项目资金按下级地区下达、到位与支出，截至某一日期（广东表2-2）",
  descriptionEn:
    "Programme funds issued to, received by and spent by each subregion, as of a date (Guangdong table 2-2)",
  sheet: "资金下达与支出",
  columns: [
    region("下级地区或本级（如「省本级」填本省）", "汕头市"),
    programme,
    col(
      "asOf",
      "as_of",
      ["截止日期", "数据截止日期"],
      "As of",
      { type: "date" },
      true,
      "如 2024-12-31",
      "2024-12-31",
    ),
    col(
      "budget",
      "budget_yuan",
      ["预算指标", "下达资金", "预算数"],
      "Budget",
      money,
      true,
      "默认万元",
      "3378",
    ),
    col("arrived", "arrived_yuan", ["到位资金", "到位数"], "Arrived", money, false, "", "3378"),
    col("spent", "spent_yuan", ["实际支出", "实际支出数"], "Spent", money, true, "", "152.93"),
    col(
      "publishedSpendRate",
      "published_spend_rate",
      ["支出率"],
      "Spend rate (published)",
      { type: "percent" },
      false,
      "报表中填报的支出率，可空；系统另行计算核对",
      "4.53%",
    ),
  ],
  naturalKey: ["region", "programme", "asOf"],
};
