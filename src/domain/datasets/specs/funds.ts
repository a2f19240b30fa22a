/** The 「资金来源」 data set (funds). */
import type { DatasetSpec } from "../types.ts";
import { col, money, oneOf, programme, region, text } from "./columns.ts";
import { FUND_SOURCES } from "./vocabularies.ts";

export const funds: DatasetSpec = {
  name: "funds",
  table: "programme_funds",
  zh: "资金来源",
  en: "Funds by source",
  description: "项目资金按来源与层级：中央、省、市、县补助，地方配套，专项债，社会资本，居民出资等",
  descriptionEn:
    "Programme funds by source and level: central, provincial, municipal and county subsidies, local matching funds, special-purpose bonds, social capital, residents' contributions and more",
  sheet: "资金来源",
  columns: [
    region("资金所在地区", "杭州市"),
    programme,
    col(
      "source",
      "source",
      ["资金来源", "来源", "资金层级"],
      "Source",
      oneOf(FUND_SOURCES),
      true,
      "从下拉列表选择",
      "中央补助",
    ),
    col(
      "amount",
      "amount_yuan",
      ["金额", "下达金额", "资金金额"],
      "Amount",
      money,
      true,
      "默认万元，表头可注明（元）",
      "72272.36",
    ),
    col(
      "document",
      "document",
      ["文号", "下达文号"],
      "Document no.",
      text(200),
      false,
      "资金下达文件文号，可空",
      "粤财建〔2023〕77号",
    ),
    col(
      "issuedOn",
      "issued_on",
      ["下达日期"],
      "Issued on",
      { type: "date" },
      false,
      "如 2023-12-20",
      "2023-12-20",
    ),
  ],
  naturalKey: ["region", "programme", "source", "document"],
};
