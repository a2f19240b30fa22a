import { describe, expect, it } from "vitest";
import { diffRows } from "./diff.ts";
import { parseSheet } from "./parse-sheet.ts";
import { findDataset } from "./specs/index.ts";
import type { Cell, DatasetSpec, ParseContext, RegionRef, SheetGrid } from "./types.ts";

const region = (
  code: string,
  name: string,
  path: string,
  level: RegionRef["level"],
): RegionRef => ({
  code,
  name,
  path,
  level,
});

const REGIONS: RegionRef[] = [
  region("440000", "广东省", "/000000/440000/", "province"),
  region("440500", "汕头市", "/000000/440000/440500/", "city"),
  region("441300", "惠州市", "/000000/440000/441300/", "city"),
  region("441302", "惠城区", "/000000/440000/441300/441302/", "county"),
  region("330100", "杭州市", "/000000/330000/330100/", "city"),
  region("220104", "朝阳区", "/000000/220000/220100/220104/", "county"),
  region("110105", "朝阳区", "/000000/110000/110105/", "county"),
  region("110000", "北京市", "/000000/110000/", "province"),
  region("310000", "上海市", "/000000/310000/", "province"),
  region("310100", "上海市", "/000000/310000/310100/", "city"),
];
const GD = REGIONS[0] as RegionRef;

function spec(name: string): DatasetSpec {
  const s = findDataset(name);
  if (!s) throw new Error(name);
  return s;
}

const ctx = (scope: RegionRef = GD, programmes: ParseContext["programmes"] = []): ParseContext => ({
  file: "测试.xlsx",
  year: 2024,
  regions: REGIONS,
  scope,
  programmes,
});

const grid = (rows: Cell[][], name = "数据"): SheetGrid[] => [{ name, rows }];

const PROGRAMMES = [
  {
    id: 7,
    name: "2024年城镇老旧小区改造专项资金",
    regionCode: "440000",
    regionPath: "/000000/440000/",
  },
];

describe("parseSheet: a file bad in every row", () => {
  it("lists the first 1,000 problems in sheet order and counts all 5,000", () => {
    const rows: Cell[][] = [["地区", "项目名称", "资金来源", "金额（万元）", "文号"]];
    for (let i = 0; i < 5000; i += 1) {
      rows.push(["汕头市", "2024年城镇老旧小区改造专项资金", "中央", `x${i}`, null]);
    }
    const result = parseSheet(spec("funds"), grid(rows), ctx(GD, PROGRAMMES));
    expect(result.issueCount).toBe(5000);
    expect(result.issues).toHaveLength(1000);
    expect(result.issues[0]).toMatchObject({ row: 2, column: "D", code: "cell.number" });
    expect(result.issues[999]).toMatchObject({
      row: 1001,
      zh: "「金额（万元）」的值「x999」不是数字",
    });
    expect(result.rows).toEqual([]);
  });

  it("counts what it lists when the problems are few", () => {
    const result = parseSheet(
      spec("funds"),
      grid([
        ["地区", "项目名称", "资金来源", "金额（万元）", "文号"],
        ["汕头市", "2024年城镇老旧小区改造专项资金", "中央", "x", null],
      ]),
      ctx(GD, PROGRAMMES),
    );
    expect([result.issueCount, result.issues.length]).toEqual([1, 1]);
  });
});

describe("parseSheet", () => {
  it("reads Guangdong's 表2-2 as published: 单位：万元 line, 合计 row, 省本级, trailing blanks", () => {
    const rows: Cell[][] = [
      ["表2-2 专项资金预算执行情况表"],
      ["单位：万元"],
      ["序号", "地市", "项目名称", "截止日期", "预算指标", "到位资金", "实际支出", "支出率"],
      ["合  计", null, null, null, 18860, 18860, 3623.35, "19.21%"],
      [1, "汕头市", "2024年城镇老旧小区改造专项资金", "2024-12-31", 3378, 3378, 152.93, "4.53%"],
      [
        16,
        "省本级",
        "2024年城镇老旧小区改造专项资金",
        "2024年12月31日",
        "188",
        "188",
        "188",
        "100%",
      ],
      [null, null, "", null],
      [],
    ];
    const result = parseSheet(spec("allocations"), grid(rows), ctx(GD, PROGRAMMES));
    expect(result.issues).toEqual([]);
    expect(result.skipped).toEqual([{ line: 4, reason: "total" }]);
    expect(result.rows.map((r) => [r.line, r.regionCode, r.values])).toEqual([
      [
        5,
        "440500",
        {
          region: "440500",
          programme: "7",
          asOf: "2024-12-31",
          budget: "33780000",
          arrived: "33780000",
          spent: "1529300",
          publishedSpendRate: "4.53",
        },
      ],
      [
        6,
        "440000",
        {
          region: "440000",
          programme: "7",
          asOf: "2024-12-31",
          budget: "1880000",
          arrived: "1880000",
          spent: "1880000",
          publishedSpendRate: "100",
        },
      ],
    ]);
  });

  it("maps Guangdong's 表2-3 two-row merged header onto plan and actual columns", () => {
    const rows: Cell[][] = [
      [
        "序号",
        "地市",
        "阶段",
        "改造计划（粤财建〔2023〕77号）",
        "改造计划（粤财建〔2023〕77号）",
        "实际完成数（在建+完工）",
        "实际完成数（在建+完工）",
      ],
      [
        "序号",
        "地市",
        "阶段",
        "建筑面积数（万平方米)",
        "户数（户）",
        "建筑面积数（万平方米)",
        "户数（户）",
      ],
      [1, "汕头市", "开工", 166.88, 19136, "284.28", "32,562"],
    ];
    const result = parseSheet(spec("plan-actual"), grid(rows), ctx());
    expect(result.issues).toEqual([]);
    expect(result.rows[0]?.values).toMatchObject({
      stage: "started",
      planArea: "1668800",
      planHouseholds: "19136",
      actualArea: "2842800",
      actualHouseholds: "32562",
    });
  });

  it("converts 元 and 万元 headers exactly, with full-width digits and a unit in the cell", () => {
    const header: Cell[] = ["地区", "项目名称", "资金来源", "金额（元）"];
    const rows: Cell[][] = [
      header,
      ["广东省", "2024年城镇老旧小区改造专项资金", "中央", "７２２，７２３，６００"],
      ["广东省", "2024年城镇老旧小区改造专项资金", "省级补助", "3,322.99万元"],
    ];
    const result = parseSheet(spec("funds"), grid(rows), ctx(GD, PROGRAMMES));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => [r.values.source, r.values.amount])).toEqual([
      ["central", "722723600"],
      ["provincial", "33229900"],
    ]);
  });

  it("resolves regions by name, code and name（code）, and names out-of-scope and ambiguous ones", () => {
    const rows: Cell[][] = [
      ["地区", "满意度"],
      ["惠城区", "90%"],
      ["440500", 93],
      ["惠州市（441300）", "92.5"],
      ["杭州市", "80%"],
      ["不存在市", "80%"],
    ];
    const result = parseSheet(spec("satisfaction"), grid(rows), ctx());
    expect(result.rows.map((r) => r.regionCode)).toEqual(["441302", "440500", "441300"]);
    expect(result.issues.map((i) => [i.row, i.column, i.code, i.zh])).toEqual([
      [
        5,
        "A",
        "region.out_of_scope",
        "地区「杭州市」（330100）不在本次导入范围「广东省」及其下级之内",
      ],
      [
        6,
        "A",
        "region.unknown",
        "地区「不存在市」不存在（请填写地区全称或 6 位代码，如「广东省」或「440000」）",
      ],
    ]);
    const nation = region("000000", "全国", "/000000/", "nation");
    const ambiguous = parseSheet(
      spec("satisfaction"),
      grid([
        ["地区", "满意度"],
        ["朝阳区", "90%"],
      ]),
      ctx(nation),
    );
    expect(ambiguous.issues[0]?.zh).toBe("地区「朝阳区」有重名（110105、220104），请改填 6 位代码");
    const municipality = parseSheet(
      spec("satisfaction"),
      grid([
        ["地区", "满意度"],
        ["上海市", "90%"],
      ]),
      ctx(nation),
    );
    expect(municipality.rows.map((r) => r.regionCode)).toEqual(["310000"]);
  });

  it("finds the nearest programme owner and reports an unknown programme", () => {
    const programmes = [
      ...PROGRAMMES,
      {
        id: 9,
        name: "2024年城镇老旧小区改造专项资金",
        regionCode: "441300",
        regionPath: "/000000/440000/441300/",
      },
    ];
    const rows: Cell[][] = [
      ["地区", "项目名称", "资金来源", "金额（万元）"],
      ["惠城区", "2024年城镇老旧小区改造专项资金", "县级补助", 10],
      ["汕头市", "2024年城镇老旧小区改造专项资金", "市级补助", 20],
      ["汕头市", "别的项目", "市级补助", 30],
    ];
    const result = parseSheet(spec("funds"), grid(rows), ctx(GD, programmes));
    expect(result.rows.map((r) => r.values.programme)).toEqual(["9", "7"]);
    expect(result.issues.map((i) => [i.row, i.code, i.zh])).toEqual([
      [
        4,
        "programme.unknown",
        "在 2024 年度 汕头市 及其上级地区没有名为「别的项目」的项目，请先导入「项目」表",
      ],
    ]);
  });

  it("lists every problem of a bad file, each with its sheet, row, column, header and value", () => {
    const rows: Cell[][] = [
      ["小区项目台账"],
      [
        "序号",
        "地区*",
        "小区名称*",
        "户数*",
        "楼栋数*",
        "建筑面积（平方米）*",
        "改造内容*",
        "状态*",
        "开工日期",
        "建成年份",
        "中央补助（万元）",
      ],
      ["填写说明", "必填", "必填"],
      ["示例", "惠城区", "示例小区", 1, 1, 1, "基础类", "在建"],
      [
        1,
        "惠城区",
        "甲小区",
        "三百",
        12,
        28500,
        "基础类、完善类",
        "在建",
        "2024-02-30",
        "1995年",
        "1.2345678",
      ],
      [2, "惠城区", "乙小区", 300, -1, "28,500.125", "豪华类", "开工了", 45383, 1850, "12.345元"],
      [3, "惠城区", "甲小区", 100, 1, 100, "基础类", "在建", null, null, "-5"],
      [4, "惠城区", null, 100, 1, 100, "基础类", "在建"],
    ];
    const result = parseSheet(spec("communities"), grid(rows, "小区项目台账"), {
      ...ctx(),
      regions: REGIONS,
    });
    expect(result.skipped).toEqual([
      { line: 3, reason: "notes" },
      { line: 4, reason: "example" },
    ]);
    expect(result.issues.map((i) => [i.sheet, i.row, i.column, i.field, i.value, i.code])).toEqual([
      ["小区项目台账", 5, "D", "户数*", "三百", "cell.integer"],
      ["小区项目台账", 5, "I", "开工日期", "2024-02-30", "cell.date"],
      ["小区项目台账", 5, "K", "中央补助（万元）", "1.2345678", "cell.precision"],
      ["小区项目台账", 6, "E", "楼栋数*", "-1", "cell.negative"],
      ["小区项目台账", 6, "F", "建筑面积（平方米）*", "28,500.125", "cell.precision"],
      ["小区项目台账", 6, "G", "改造内容*", "豪华类", "cell.enum"],
      ["小区项目台账", 6, "H", "状态*", "开工了", "cell.enum"],
      ["小区项目台账", 6, "J", "建成年份", "1850", "cell.year"],
      ["小区项目台账", 6, "K", "中央补助（万元）", "12.345元", "cell.precision"],
      ["小区项目台账", 7, "K", "中央补助（万元）", "-5", "cell.negative"],
      ["小区项目台账", 8, "C", "小区名称*", null, "cell.required"],
    ]);
    const zh = Object.fromEntries(result.issues.map((i) => [`${i.row}${i.column}`, i.zh]));
    expect(zh["5D"]).toBe("「户数*」的值「三百」不是整数");
    expect(zh["5I"]).toBe("「开工日期」的值「2024-02-30」不是有效日期（应如 2024-12-31）");
    expect(zh["6G"]).toBe(
      "「改造内容*」的值「豪华类」不在可选范围内（可选：基础类、完善类、提升类）",
    );
    expect(zh["8C"]).toBe("「小区名称*」必填，不能为空");
  });

  it("reports a duplicate key, a formula without a result, and units of the wrong family", () => {
    const dup = parseSheet(
      spec("satisfaction"),
      grid([
        ["地区", "满意度"],
        ["汕头市", "90%"],
        ["汕头市", "91%"],
      ]),
      ctx(),
    );
    expect(dup.issues.map((i) => [i.row, i.code, i.zh])).toEqual([
      [3, "row.duplicate_key", "与第 2 行重复（地区相同）"],
    ]);
    const formula = parseSheet(
      spec("satisfaction"),
      [
        {
          name: "满意度",
          rows: [
            ["地区", "满意度"],
            ["汕头市", null],
          ],
          formulasWithoutResult: [{ row: 2, column: 2 }],
        },
      ],
      ctx(),
    );
    expect(formula.issues.map((i) => i.code)).toEqual(["cell.formula"]);
    const unit = parseSheet(
      spec("funds"),
      grid([
        ["地区", "项目名称", "资金来源", "金额（平方米）"],
        ["汕头市", "x", "中央", 1],
      ]),
      ctx(GD, PROGRAMMES),
    );
    expect(unit.issues.map((i) => [i.code, i.zh])).toEqual([
      ["header.unit", "「金额（平方米）」的单位「平方米」不适用于该列，应为元、万元或亿元"],
    ]);
  });

  it("names a repeated column, a non-number, a foreign unit, a bad percentage and a too-long text", () => {
    const repeated = parseSheet(
      spec("satisfaction"),
      grid([
        ["地区", "满意度", "综合满意度"],
        ["汕头市", "90%", "91%"],
      ]),
      ctx(),
    );
    expect(repeated.issues.map((i) => [i.code, i.column, i.zh])).toEqual([
      ["header.duplicate", "C", "「综合满意度」与第 B 列「满意度」是同一列，请删去其中一列"],
    ]);
    const cells = parseSheet(
      spec("funds"),
      grid([
        ["地区", "项目名称", "资金来源", "金额（万元）", "文号"],
        ["汕头市", "2024年城镇老旧小区改造专项资金", "中央", "12,3a", null],
        ["汕头市", "2024年城镇老旧小区改造专项资金", "省级", "12公斤", null],
        ["汕头市", "2024年城镇老旧小区改造专项资金", "市级", 1, "文".repeat(201)],
      ]),
      ctx(GD, PROGRAMMES),
    );
    expect(cells.issues.map((i) => [i.row, i.code, i.zh])).toEqual([
      [2, "cell.number", "「金额（万元）」的值「12,3a」不是数字"],
      [
        3,
        "cell.unit",
        "「金额（万元）」的值「12公斤」带有无法识别的单位「公斤」，应为元、万元或亿元",
      ],
      [4, "cell.too_long", `「文号」的内容过长（201 字，最多 200 字）：「${"文".repeat(20)}…」`],
    ]);
    const percent = parseSheet(
      spec("satisfaction"),
      grid([
        ["地区", "满意度"],
        ["汕头市", "很满意"],
      ]),
      ctx(),
    );
    expect(percent.issues.map((i) => [i.code, i.zh])).toEqual([
      ["cell.percent", "「满意度」的值「很满意」不是百分数（应如 19.21% 或 19.21，最多 4 位小数）"],
    ]);
  });

  it("says which required columns are missing, and when no sheet fits at all", () => {
    const missing = parseSheet(
      spec("funds"),
      grid([
        ["地区", "金额"],
        ["汕头市", 1],
      ]),
      ctx(),
    );
    expect(missing.issues.map((i) => [i.code, i.field])).toEqual([
      ["header.missing", "项目名称"],
      ["header.missing", "资金来源"],
    ]);
    const none = parseSheet(
      spec("funds"),
      grid([
        ["甲", "乙"],
        [1, 2],
      ]),
      ctx(),
    );
    expect(none.issues.map((i) => i.code)).toEqual(["sheet.missing"]);
    const empty = parseSheet(spec("satisfaction"), grid([["地区", "满意度"], [], []]), ctx());
    expect(empty.issues.map((i) => i.code)).toEqual(["file.empty"]);
  });

  it("checks targets: level 2 inside level 1, numbers for ≥ ≤ =", () => {
    const rows: Cell[][] = [
      ["地区", "项目名称", "一级指标", "二级指标", "三级指标", "比较方式", "目标值"],
      [
        "广东省",
        "2024年城镇老旧小区改造专项资金",
        "产出指标",
        "数量指标",
        "改造小区数",
        "≥",
        "≥700",
      ],
      [
        "广东省",
        "2024年城镇老旧小区改造专项资金",
        "产出指标",
        "社会效益指标",
        "居住条件",
        "是/否",
        "是",
      ],
      [
        "广东省",
        "2024年城镇老旧小区改造专项资金",
        "效益指标",
        "社会效益指标",
        "满意度",
        "≥",
        "较高",
      ],
    ];
    const result = parseSheet(spec("targets"), grid(rows), ctx(GD, PROGRAMMES));
    expect(result.issues.map((i) => [i.row, i.code, i.zh])).toEqual([
      [3, "target.level_mismatch", "二级指标「社会效益指标」不属于所填的一级指标"],
      [4, "target.not_numeric", "比较方式为 ≥、≤ 或 = 时，目标值须为数值，「较高」不是"],
    ]);
    expect(result.rows[0]?.values).toMatchObject({ comparison: "gte", target: "≥700" });
  });
});

describe("diffRows", () => {
  it("compares numbers as decimals, so 1500.00 from the database equals 1500 from a file", () => {
    const s = spec("satisfaction");
    const values = (rate: string, valid: string | null) => ({
      region: "440500",
      validResponses: valid,
      satisfied: null,
      rate,
      method: null,
      surveyedOn: null,
    });
    const stored = [{ id: 1, regionCode: "440500", values: values("90.0000", "458") }];
    const same = diffRows(
      s,
      [{ line: 2, regionCode: "440500", values: values("90", "458") }],
      stored,
    );
    expect([same.added.length, same.changed.length, same.unchanged.length]).toEqual([0, 0, 1]);
    const moved = diffRows(
      s,
      [{ line: 2, regionCode: "440500", values: values("91", null) }],
      stored,
    );
    expect(moved.changed[0]?.changes).toEqual([
      { key: "validResponses", before: "458", after: null },
      { key: "rate", before: "90.0000", after: "91" },
    ]);
    const added = diffRows(
      s,
      [{ line: 2, regionCode: "441300", values: { ...values("91", null), region: "441300" } }],
      stored,
    );
    expect(added.added.map((r) => r.regionCode)).toEqual(["441300"]);
  });
});
