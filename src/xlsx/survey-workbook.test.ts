import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { textIn } from "../domain/frameworks/index.ts";
import { isChoice, questionsOf, scaleOf } from "../domain/surveys/index.ts";
import { template } from "../domain/surveys/test-questionnaires.ts";
import type {
  RateTT,
  SurveyResponseItemT,
  SurveyResultsT,
  SurveySettingsT,
} from "../shared/survey-schemas.ts";
import { surveyWorkbook } from "./survey-workbook.ts";

const settings: SurveySettingsT = {
  unit: "questionnaires",
  method: "share",
  minSeconds: 60,
  straightLineMin: 6,
  minAnsweredShare: "0.8",
  ratePerHour: 30,
};

// The standard questionnaire as the results list it, plus a number question of a survey's own.
const questions: SurveyResultsT["questions"] = [
  ...questionsOf(template).map((q) => ({
    key: q.key,
    title: textIn(q.title, "zh-CN"),
    kind: q.kind,
    demographic: q.demographic ?? null,
    options: !isChoice(q)
      ? []
      : (q.kind === "rating" ? scaleOf(q) : q.options).map((o) => ({
          key: o.key,
          label: textIn(o.label, "zh-CN"),
        })),
  })),
  { key: "area", title: "住房面积（平方米）", kind: "number", demographic: null, options: [] },
];

const rate = (changes: Partial<RateTT>): RateTT => ({
  valid: 0,
  excluded: 0,
  sample: 0,
  satisfied: null,
  meanScore: null,
  ratePercent: null,
  marginPercent: null,
  ...changes,
});

// Hangzhou's 458 valid questionnaires, 379 satisfied: 82.75% ± 3.46% (the domain's golden figures).
const hangzhou = rate({
  valid: 458,
  excluded: 12,
  sample: 458,
  satisfied: 379,
  ratePercent: "82.75",
  marginPercent: "3.46",
});

const results: SurveyResultsT = {
  settings,
  overall: hangzhou,
  tree: [
    {
      key: "330100",
      name: "杭州市",
      level: "city",
      rate: hangzhou,
      children: [
        {
          key: "330106",
          name: "西湖区",
          level: "county",
          rate: hangzhou,
          children: [
            {
              key: "c1",
              name: "湖滨小区",
              level: "community",
              rate: rate({
                valid: 300,
                excluded: 2,
                sample: 300,
                satisfied: 250,
                ratePercent: "83.33",
                marginPercent: "4.22",
              }),
              children: [],
            },
            {
              key: "c2",
              name: '=HYPERLINK("http://x")',
              level: "community",
              rate: rate({ excluded: 1 }),
              children: [],
            },
          ],
        },
      ],
    },
  ],
  questions,
  byQuestion: [
    { key: "overall", title: "您对本小区改造的总体满意程度", rate: hangzhou },
    {
      key: "management",
      title: "您对改造后长效管理（物业、维护）的满意程度",
      rate: rate({
        valid: 458,
        sample: 401,
        satisfied: 300,
        ratePercent: "74.81",
        marginPercent: "4.25",
      }),
    },
  ],
  texts: [
    {
      question: "suggestion",
      title: "您对小区改造还有哪些意见和建议？",
      answers: [
        { responseId: 2, community: "湖滨小区", text: "=1+1 多装充电桩" },
        { responseId: 1, community: "湖滨小区", text: "楼道灯坏了" },
      ],
      groups: [
        { text: "=1+1 多装充电桩", count: 1, communities: ["湖滨小区"], responseIds: [2] },
        { text: "楼道灯坏了", count: 1, communities: ["湖滨小区"], responseIds: [1] },
      ],
    },
  ],
};

const responses: SurveyResponseItemT[] = [
  {
    id: 1,
    communityId: 1,
    communityName: "湖滨小区",
    version: 1,
    mode: "online",
    receipt: "K7Q2M9X4",
    paperNo: null,
    enteredBy: null,
    receivedAt: "2024-06-01T02:30:05.000Z",
    seconds: 245.3,
    valid: true,
    reasons: [],
    override: null,
    answers: {
      community: "湖滨小区",
      "age-band": "60-74",
      tenure: "owner",
      overall: "basically-satisfied",
      improve: ["parking-charging", "management"],
      suggestion: "楼道灯坏了",
      area: "85.5",
    },
  },
  {
    id: 2,
    communityId: 1,
    communityName: "湖滨小区",
    version: 1,
    mode: "on-site",
    receipt: "A1B2C3D4",
    paperNo: "HB-017",
    enteredBy: "评价员甲",
    receivedAt: "2024-06-01T17:00:00.000Z",
    seconds: null,
    valid: false,
    reasons: [
      { code: "too-fast", text: "答题用时 20 秒，少于 60 秒" },
      { code: "straight-lining", text: "9 道量表题全部选择同一选项" },
    ],
    override: { valid: false, by: "李评价", reason: "核实为代填", at: "2024-06-02T01:00:00Z" },
    answers: { community: "湖滨小区", overall: "very-dissatisfied", suggestion: "=1+1 多装充电桩" },
  },
];

async function read() {
  const bytes = await surveyWorkbook({
    title: "老旧小区改造居民满意度调查",
    regionName: "杭州市",
    year: 2024,
    settings,
    results,
    responses,
    questions,
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const sheetOf = (workbook: ExcelJS.Workbook, name: string) => {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};
const rowValues = (sheet: ExcelJS.Worksheet, row: number) =>
  (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1);

describe("surveyWorkbook", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await read();
  });

  it("has the four sheets", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "结果汇总",
      "分题满意度",
      "答卷明细",
      "意见建议",
    ]);
  });

  it("flattens the region tree with indentation, rates as numbers with two decimals", () => {
    const sheet = sheetOf(workbook, "结果汇总");
    expect(sheet.getCell("A1").value).toBe(
      "杭州市 2024 年 老旧小区改造居民满意度调查：满意度结果汇总",
    );
    expect(sheet.getCell("A1").isMerged).toBe(true);
    expect(rowValues(sheet, 2)).toEqual([
      "地区/小区",
      "有效问卷",
      "无效问卷",
      "样本数",
      "满意数",
      "满意度（%）",
      "误差（±%）",
    ]);
    expect(sheet.getCell("B2").font?.bold).toBe(true);
    expect(rowValues(sheet, 3)).toEqual(["杭州市", 458, 12, 458, 379, 82.75, 3.46]);
    expect(sheet.getCell("F3").numFmt).toBe("0.00");
    expect(sheet.getCell("G3").numFmt).toBe("0.00");
    expect(sheet.getCell("A3").border?.top?.style).toBe("thin");
    expect(sheet.getCell("A3").alignment?.indent ?? 0).toBe(0);
    expect(sheet.getCell("A4").value).toBe("西湖区");
    expect(sheet.getCell("A4").alignment?.indent).toBe(1);
    expect(rowValues(sheet, 5)).toEqual(["湖滨小区", 300, 2, 300, 250, 83.33, 4.22]);
    expect(sheet.getCell("A5").alignment?.indent).toBe(2);
    // A community's name is text, never a formula (quote-prefixed, no apostrophe in the text);
    // no answers, no rate: empty cells.
    expect(sheet.getCell("A6").value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell("A6").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("A6").numFmt).toBe("@");
    expect(rowValues(sheet, 6).slice(1)).toEqual([0, 1, 0]);
    expect(sheet.getCell("F6").value).toBeNull();
    // One root is the whole survey: no 合计 row repeats it; the notes follow a blank row.
    expect(sheet.getCell("A7").value).toBeNull();
    expect(String(sheet.getCell("A8").value)).toContain("按有效问卷计");
    expect(String(sheet.getCell("A11").value)).toContain("不少于应答题目的 80%");
  });

  it("gives each satisfaction question its rate", () => {
    const sheet = sheetOf(workbook, "分题满意度");
    expect(rowValues(sheet, 4)).toEqual([
      2,
      "您对改造后长效管理（物业、维护）的满意程度",
      458,
      0,
      401,
      300,
      74.81,
      4.25,
    ]);
  });

  it("lists every questionnaire with option labels, reasons and the evaluator's decision", () => {
    const sheet = sheetOf(workbook, "答卷明细");
    const header = rowValues(sheet, 2) as string[];
    expect(header.slice(0, 10)).toEqual([
      "编号",
      "小区",
      "方式",
      "纸质编号",
      "提交时间（北京时间）",
      "用时（秒）",
      "有效",
      "原因",
      "人工认定",
      "您居住的小区",
    ]);
    const column = (title: string) => header.indexOf(title) + 1;
    const first = sheet.getRow(3);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(3).value).toBe("线上");
    // 02:30:05 UTC is 10:30:05 in Beijing.
    expect(first.getCell(5).value).toEqual(new Date("2024-06-01T10:30:05.000Z"));
    expect(first.getCell(5).numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    expect(first.getCell(6).value).toBe(245.3);
    expect(first.getCell(7).value).toBe("有效");
    expect(first.getCell(column("您的年龄段")).value).toBe("60–74 岁");
    expect(first.getCell(column("您对本小区改造的总体满意程度")).value).toBe("基本满意");
    expect(first.getCell(column("您认为最需要改进的方面（最多选 3 项）")).value).toBe(
      "停车与充电设施、改造后长效管理（物业、维护）",
    );
    expect(first.getCell(column("住房面积（平方米）")).value).toBe(85.5);
    expect(first.getCell(column("您居住的楼栋（如 3 幢）")).value).toBeNull();

    const second = sheet.getRow(4);
    expect(second.getCell(3).value).toBe("现场");
    expect(second.getCell(4).value).toBe("HB-017");
    expect(second.getCell(5).value).toEqual(new Date("2024-06-02T01:00:00.000Z"));
    expect(second.getCell(6).value).toBeNull();
    expect(second.getCell(7).value).toBe("无效");
    expect(second.getCell(8).value).toBe("答题用时 20 秒，少于 60 秒；9 道量表题全部选择同一选项");
    expect(second.getCell(9).value).toBe("认定无效（李评价：核实为代填）");
    expect(second.getCell(column("您对小区改造还有哪些意见和建议？")).value).toBe(
      "=1+1 多装充电桩",
    );
  });

  it("collects the free text with its community", () => {
    const sheet = sheetOf(workbook, "意见建议");
    expect(rowValues(sheet, 2)).toEqual(["序号", "题目", "答卷编号", "小区", "内容"]);
    expect(rowValues(sheet, 3)).toEqual([
      1,
      "您对小区改造还有哪些意见和建议？",
      2,
      "湖滨小区",
      "=1+1 多装充电桩",
    ]);
    expect(sheet.getCell("E3").type).toBe(ExcelJS.ValueType.String);
    expect(rowValues(sheet, 4)[4]).toBe("楼道灯坏了");
  });

  it("adds a 合计 row over several roots and a mean-score column when the method asks for it", async () => {
    const bytes = await surveyWorkbook({
      title: "满意度调查",
      regionName: "浙江省",
      year: 2024,
      settings: { ...settings, method: "mean-score" },
      results: {
        ...results,
        overall: rate({ valid: 10, sample: 10, meanScore: "4.10", ratePercent: "82.00" }),
        tree: [
          { ...results.tree[0], children: [] } as SurveyResultsT["tree"][number],
          {
            key: "330200",
            name: "宁波市",
            level: "city",
            rate: rate({ valid: 4, sample: 4, meanScore: "3.5", ratePercent: "70.00" }),
            children: [],
          },
        ],
      },
      responses: [],
      questions,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = sheetOf(book, "结果汇总");
    expect(rowValues(sheet, 2)).toContain("平均得分");
    expect(rowValues(sheet, 4)).toEqual(["宁波市", 4, 0, 4, undefined, 3.5, 70]);
    expect(sheet.getCell("F4").numFmt).toBe("0.00");
    expect(rowValues(sheet, 5).slice(0, 7)).toEqual(["合计", 10, 0, 10, undefined, 4.1, 82]);
    expect(String(sheet.getCell("A7").value)).toContain("按有效问卷计");
    expect(String(sheet.getCell("A8").value)).toContain("平均得分 ÷ 量表最高分");
  });
});
