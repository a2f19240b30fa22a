/** The 「资金构成（子项目）」 data set (fund-items). */
import type { DatasetSpec } from "../types.ts";
import { col, money, programme, region, text } from "./columns.ts";

export const fundItems: DatasetSpec = {
  name: "fund-items",
  table: "programme_fund_items",
  zh: "资金构成（子项目）",
  en: "Funds by sub-item",
  description: "项目资金构成：各子项目名称与实际金额（苏州自评表「项目资金构成」）",
  descriptionEn:
    "How the programme's funds are made up: each sub-project's name and actual amount (the Suzhou self-evaluation form's fund composition table)",
  sheet: "资金构成",
  columns: [
    region("项目所属地区", "苏州市"),
    programme,
    col(
      "item",
      "item",
      ["子项目名称", "子项目", "明细项目"],
      "Sub-item",
      text(200),
      true,
      "",
      "技术研究专项经费",
    ),
    col("amount", "amount_yuan", ["实际金额", "金额"], "Amount", money, true, "默认万元", "144"),
  ],
  naturalKey: ["region", "programme", "item"],
};
