import { describe, expect, it } from "vitest";
import guangdong from "../../../demo/guangdong-2024/allocation-model.json" with { type: "json" };
import { DomainError } from "../errors.ts";
import { dataSheetColumns, dataSheetRows, parseDataSheet } from "./data-sheet.ts";
import { splitAllocationFile } from "./validate-allocation.ts";

// The demo's Guangdong 2024 model and its data.
const { model, data } = splitAllocationFile(guangdong);
const header = () => dataSheetColumns(model).map((c) => c.title);

function refusal(rows: unknown[][]): string {
  try {
    parseDataSheet(model, rows, "分配数据.xlsx");
  } catch (err) {
    if (err instanceof DomainError) return err.messageIn("zh-CN");
    throw err;
  }
  throw new Error("not refused");
}

describe("the 分配数据 sheet", () => {
  it("has a column per factor, per entered table and for last year's grade", () => {
    expect(header()).toEqual([
      "地区代码",
      "地区",
      "改造建筑面积（万平方米）",
      "改造户数（户）",
      "改造楼栋数（栋）",
      "改造小区数（个）",
      "财力补助系数（档次）",
      "项目库系数（档次）",
      "上年评价等级",
    ]);
  });

  it("reads back what it wrote, title rows and blank rows skipped", () => {
    const rows = [["标题"], header(), ...dataSheetRows(model, data), []];
    const read = parseDataSheet(model, rows, "分配数据.xlsx");
    expect(read.regions["440500"]).toEqual({
      factors: { area: "166.88", households: "19136", buildings: "538", communities: "75" },
      tiers: { fiscal: "东西两翼", project: "储备一般" },
      grade: "优",
    });
    expect(Object.keys(read.regions)).toHaveLength(15);
  });

  it("names each bad cell by its row and column and takes nothing", () => {
    const rows = [["标题"], header(), ...dataSheetRows(model, data)];
    const shantou = rows[2] as string[];
    shantou[3] = "一万";
    shantou[6] = "珠三角洲";
    (rows[3] as string[])[8] = "很好";
    rows.push(["999999", "某市"]);
    const message = refusal(rows);
    expect(message).toContain("分配数据表 分配数据.xlsx 有 4 处错误，未导入：");
    expect(message).toContain("第 3 行「改造户数（户）」：“一万”不是非负数");
    expect(message).toContain(
      "第 3 行「财力补助系数（档次）」：“珠三角洲”不是档次之一（珠三角、东西两翼、北部生态发展区）",
    );
    expect(message).toContain("第 4 行「上年评价等级」：“很好”不是评价等级（优、良、中、差）");
    expect(message).toContain("第 18 行「地区代码」：“999999”不是本方案的地区");
  });

  it("refuses a sheet without its header, or a missing region", () => {
    expect(refusal([["随便"], ["1", "2"]])).toContain("找不到表头「地区代码」");
    const rows = [header(), ...dataSheetRows(model, data).slice(1)];
    expect(refusal(rows)).toContain("缺少地区 汕头市（440500）的行");
  });
});

describe("the 分配数据 sheet, bad in every row", () => {
  it("keeps the first 1,000 problems and counts all of them", () => {
    const rows: unknown[][] = [["标题"], header()];
    for (let i = 0; i < 1500; i += 1) rows.push([`9${String(i).padStart(5, "0")}`, "某地"]);
    let err: unknown;
    try {
      parseDataSheet(model, rows, "分配数据.xlsx");
    } catch (e) {
      err = e;
    }
    if (!(err instanceof DomainError)) throw new Error("not refused");
    expect(err.messageIn("zh-CN")).toMatch(/^分配数据表 分配数据\.xlsx 有 1500 处错误，未导入：\n/);
    const details = err.details as { problems: string[]; total: number; truncated: boolean };
    expect(details.total).toBe(1500);
    expect(details.truncated).toBe(true);
    expect(details.problems).toHaveLength(1000);
    expect(details.problems[999]).toBe("第 1002 行「地区代码」：“900999”不是本方案的地区");
  });
});
