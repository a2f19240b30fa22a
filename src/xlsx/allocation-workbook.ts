/**
 * An allocation as an Excel workbook: 分配结果 (one row per region with each factor's part, the
 * coefficients and the rounded amount; a 合计 row equal to the distributable amount), 测算明细 (one
 * row per region and factor), 测算说明 (each derivation in words) and 模型参数. Numbers as numbers.
 */
import ExcelJS from "exceljs";
import {
  type AllocationData,
  type AllocationModel,
  type AllocationResult,
  dataSheetColumns,
  dataSheetRows,
} from "../domain/allocation/index.ts";
import { textIn } from "../domain/frameworks/index.ts";
import type { AllocationOutcomeT } from "../shared/allocation-schemas.ts";
import { decimalFormat, writeWorkbook } from "./office.ts";
import { tableSheet as table } from "./table-sheet.ts";

type Json = Record<string, unknown>;

const nameOf = (value: unknown) =>
  typeof value === "string" ? value : textIn(value as Parameters<typeof textIn>[0], "zh-CN");
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

const yuan = (value: string) => ({ number: value, format: "#,##0" });
const money2 = (value: string) => ({ number: value, format: "#,##0.00" });
const plain = (value: string) => ({ number: value, format: "General" });
/** An amount in 元 as a number, its unit in the format: 1,200,000.00 元. */
const yuanWithUnit = (value: string) => ({
  number: value,
  format: `${decimalFormat(value, true)}" 元"`,
});

export async function allocationXlsx(
  model: Json,
  result: AllocationResult,
  context: {
    factors: AllocationOutcomeT["factors"];
    grades: AllocationOutcomeT["grades"];
    status: string;
    region: string;
  },
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Jixiao";
  const factors = list(model.factors);
  const tables = list(model.coefficients);
  const whole = result.rounding === "元" ? yuan : money2;

  table(
    workbook,
    "分配结果",
    `${result.name}（${context.status}）`,
    [
      "序号",
      "地区代码",
      "地区",
      ...factors.map((f) => `${nameOf(f.name)}因素（元）`),
      ...tables.map((t) => nameOf(t.name)),
      "综合系数",
      "分配金额（元）",
      "取整调整（元）",
      "提示",
    ],
    [
      ...result.regions.map((r, i) => [
        i + 1,
        r.code,
        r.name,
        ...factors.map((f) => money2(r.shares[String(f.key)] ?? "0")),
        ...tables.map((t) => {
          const c = r.coefficients[String(t.key)];
          return c ? `${c.label}（${c.value}）` : "";
        }),
        plain(r.composite),
        whole(r.amount),
        money2(r.roundingAdjustment),
        [
          ...(r.floorOrCap ? [r.floorOrCap === "floor" ? "保底" : "封顶"] : []),
          ...r.flags.map((f) => f.message["zh-CN"]),
        ].join("；"),
      ]),
      [
        "合计",
        "",
        "",
        ...factors.map(() => ""),
        ...tables.map(() => ""),
        "",
        whole(result.totals.allocated),
        "",
        `可分配 ${result.totals.distributable} 元（总额 ${result.totals.total} 元，预留 ${result.totals.heldBack} 元）`,
      ],
    ],
    [6, 10, 12, ...factors.map(() => 16), ...tables.map(() => 16), 10, 16, 12, 30],
  );

  table(
    workbook,
    "测算明细",
    "分地区分因素测算明细",
    [
      "地区",
      "因素",
      "权重（%）",
      "因素值",
      "综合系数",
      "因素值×系数",
      "占全部地区比重（%）",
      "因素分配额（元）",
    ],
    result.table.map((t) => [
      t.regionName,
      t.factorName,
      plain(t.weight),
      plain(t.value),
      plain(t.composite),
      plain(t.weighted),
      { number: t.sharePercent, format: "0.000000" },
      money2(t.amount),
    ]),
    [12, 16, 10, 14, 10, 16, 18, 18],
  );

  table(
    workbook,
    "测算说明",
    "各地区分配金额的计算过程",
    ["地区", "计算过程"],
    result.regions.map((r) => [r.name, r.derivation["zh-CN"]]),
    [12, 120],
  );

  const factorRows = factors.map((f) => {
    const source = context.factors.find((x) => x.key === f.key);
    return ["因素", nameOf(f.name), { percent: String(f.weight) }, source?.note ?? ""];
  });
  const tierRows = tables.map((t) => [
    "系数",
    nameOf(t.name),
    list(t.tiers)
      .map((tier) => `${String(tier.label)} ${String(tier.value)}`)
      .join("；"),
    String((t.rule as Json | undefined)?.kind ?? ""),
  ]);
  table(
    workbook,
    "模型参数",
    `${context.region} ${result.year} 年资金分配模型参数`,
    ["类别", "名称", "取值", "说明"],
    [
      [
        "资金",
        "资金总额",
        yuanWithUnit(result.totals.total),
        `${String(model.total)} ${String(model.unit)}`,
      ],
      ...result.heldBack.map((h) => ["预留", h.name, yuanWithUnit(h.amount), "分配前扣除"]),
      [
        "资金",
        "可分配金额",
        yuanWithUnit(result.totals.distributable),
        "按因素法分配，各地区金额之和恰好等于此数",
      ],
      ...factorRows,
      ...tierRows,
      [
        "取整",
        "取整单位",
        result.rounding,
        "最大余额法：余数大者先进一，余数相同按未取整金额大者、再按地区代码",
      ],
      ...context.grades.map((g) => [
        "上年评价",
        result.regions.find((r) => r.code === g.code)?.name ?? g.code,
        g.grade ?? "—",
        g.note,
      ]),
    ],
    [10, 30, 40, 60],
  );
  return writeWorkbook(workbook);
}

/**
 * The regions' data as a sheet to fill in (分配数据): the model's columns, the current values, drop-down
 * lists for tiers and grades. Read back by importAllocationData.
 */
export async function allocationDataXlsx(
  model: AllocationModel,
  data: AllocationData,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Jixiao";
  const columns = dataSheetColumns(model);
  const rows = dataSheetRows(model, data).map((row) =>
    row.map((value, i) =>
      columns[i]?.kind === "factor" || columns[i]?.kind === "score"
        ? value === ""
          ? ""
          : plain(value)
        : value,
    ),
  );
  const sheet = table(
    workbook,
    "分配数据",
    `${model.name}：各地区因素与系数数据`,
    columns.map((c) => c.title),
    rows,
    columns.map((c) => (c.kind === "name" ? 16 : c.kind === "code" ? 12 : 18)),
  );
  columns.forEach((c, i) => {
    const list =
      c.kind === "tier" ? c.labels : c.kind === "grade" ? ["优", "良", "中", "差"] : null;
    if (!list) return;
    for (let r = 3; r < 3 + rows.length; r += 1) {
      sheet.getCell(r, i + 1).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${list.join(",")}"`],
      };
    }
  });
  return writeWorkbook(workbook);
}
