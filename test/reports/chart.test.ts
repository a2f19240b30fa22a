// A chart block through every renderer: the ECharts option, the SVG, the PNG, and the chart inside a
// .docx (an image), an .xlsx (its figures as numbers and the image) and the HTML of the PDF (SVG).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS } from "../../src/domain/checks/index.ts";
import { buildDashboard, type RegionFigures } from "../../src/domain/dashboard.ts";
import {
  type ChartBlock,
  monitoringSummaryDocument,
  type ReportDocument,
} from "../../src/domain/reports/index.ts";
import { CHART_SIZE, chartOption, chartPng, chartSvg } from "../../src/render/chart.ts";
import { renderDocx } from "../../src/render/docx.ts";
import { renderHtml } from "../../src/render/html.ts";
import { renderXlsx } from "../../src/render/xlsx.ts";
import { countyFigures } from "../helpers/report-fixtures.ts";

// Guangdong 2024's demo figures (the monitoring summary's by-region table), three cities.
const SPEND: ChartBlock = {
  kind: "chart",
  name: "图1 分地区资金支出率",
  caption: "图1 分地区资金支出率",
  categories: ["揭阳市", "江门市", "湛江市"],
  series: [{ name: "支出率", type: "bar", values: ["62.50", "47.35", "0.87"] }],
  axisUnits: ["%"],
  reference: { name: "时间进度", value: "100.00" },
};

const document = (blocks: ReportDocument["blocks"]): ReportDocument => ({
  title: "广东省2024年城镇老旧小区改造资金绩效运行监控情况",
  orientation: "portrait",
  blocks,
});

describe("chartOption", () => {
  it("puts the categories on the x axis, the values as numbers, the unit on the y axis and the schedule as a dashed line", () => {
    const option = chartOption(SPEND);
    expect(option.animation).toBe(false);
    expect(option.xAxis).toMatchObject({ type: "category", data: ["揭阳市", "江门市", "湛江市"] });
    expect(option.yAxis).toMatchObject([{ type: "value", name: "%" }]);
    expect(option.legend).toMatchObject({ bottom: 0 });
    const series = option.series as Record<string, unknown>[];
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ name: "支出率", type: "bar", data: [62.5, 47.35, 0.87] });
    expect(series[0]?.markLine).toMatchObject({
      lineStyle: { type: "dashed" },
      label: { formatter: "时间进度\n100.00%" },
      data: [{ yAxis: 100, name: "时间进度" }],
    });
  });

  it("leaves a missing value out, keeps a right axis, and turns many long labels", () => {
    const option = chartOption({
      kind: "chart",
      name: "x",
      caption: "x",
      categories: Array.from({ length: 20 }, (_, i) => `第${i + 1}个地区（本级）`),
      series: [
        { name: "完成率", type: "bar", values: Array.from({ length: 20 }, (_, i) => `${i}`) },
        {
          name: "支出",
          type: "line",
          axis: 1,
          values: [null, ...Array.from({ length: 19 }, () => "12.5")],
        },
      ],
      axisUnits: ["%", "万元"],
    });
    const series = option.series as Record<string, unknown>[];
    expect((series[1]?.data as unknown[] | undefined)?.slice(0, 2)).toEqual([null, 12.5]);
    expect(series[1]).toMatchObject({ yAxisIndex: 1 });
    expect(option.yAxis).toMatchObject([{ name: "%" }, { name: "万元", position: "right" }]);
    expect(option.xAxis).toMatchObject({ axisLabel: { rotate: 45, interval: 0 } });
    expect(series[0]?.markLine).toBeUndefined();
  });

  it("puts a long measure's unit on a second line when few categories share the width", () => {
    const option = chartOption({
      ...SPEND,
      categories: ["小区数（个）", "楼栋数（栋）", "户数（户）", "建筑面积（万平方米）"],
      series: [
        { name: "开工完成率", type: "bar", values: ["165.86", "161.92", "167.82", "166.62"] },
      ],
    });
    const axis = option.xAxis as {
      axisLabel: { rotate: number; formatter: (v: string) => string };
    };
    expect(axis.axisLabel.rotate).toBe(0);
    expect(axis.axisLabel.formatter("建筑面积（万平方米）")).toBe("建筑面积\n（万平方米）");
  });
});

describe("chartSvg and chartPng", () => {
  it("draws an SVG with the city names, the unit and the reference's label", () => {
    const svg = chartSvg(SPEND, CHART_SIZE);
    expect(svg.startsWith("<svg")).toBe(true);
    for (const text of ["揭阳市", "江门市", "湛江市", ">%<", "时间进度", "100.00%", "支出率"]) {
      expect(svg).toContain(text);
    }
    expect(svg).toContain("Noto Sans CJK SC");
  });

  it("rasterises it to a PNG of width × scale pixels", async () => {
    const png = await chartPng(SPEND, { width: 400, height: 225, scale: 2 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: length (4), "IHDR" (4), then width and height, big-endian.
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect(new TextDecoder().decode(png.subarray(12, 16))).toBe("IHDR");
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([800, 450]);
  });
});

describe("a chart in the reports", () => {
  const doc = document([
    { kind: "heading", level: 1, text: "一、资金支出情况" },
    SPEND,
    { kind: "paragraph", indent: true, text: "以上。" },
  ]);

  it("is a centred PNG in the .docx, with its caption under it", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(doc));
    const media = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
    expect(media).toHaveLength(1);
    const png = (await zip.file(media[0] ?? "")?.async("uint8array")) ?? new Uint8Array();
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(2 * CHART_SIZE.width);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("<w:drawing>");
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => p[0]);
    const image = paragraphs.findIndex((p) => p.includes("<w:drawing>"));
    expect(paragraphs[image]).toContain('<w:jc w:val="center"/>');
    expect(paragraphs[image + 1]).toContain(">图1 分地区资金支出率<");
    expect(paragraphs[image + 1]).toContain('<w:jc w:val="center"/>');
  });

  it("is a worksheet in the .xlsx: 类别 and the series, numbers as numbers, the reference, one image", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(doc)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["图1 分地区资金支出率"]);
    const sheet = workbook.getWorksheet("图1 分地区资金支出率");
    if (!sheet) throw new Error("no chart sheet");
    expect(sheet.getCell("A1").value).toBe("图1 分地区资金支出率");
    expect([sheet.getCell("A2").value, sheet.getCell("B2").value]).toEqual(["类别", "支出率（%）"]);
    expect([3, 4, 5].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 2).value])).toEqual([
      ["揭阳市", 62.5],
      ["江门市", 47.35],
      ["湛江市", 0.87],
    ]);
    expect(sheet.getCell("B3").numFmt).toBe("0.00");
    expect([sheet.getCell("A7").value, sheet.getCell("B7").value]).toEqual(["时间进度（%）", 100]);
    const images = sheet.getImages();
    expect(images).toHaveLength(1);
    // Under the figures and 时间进度 (row 7) after a blank row: from row 9, counted from 0 as 8.
    expect(images[0]?.range.tl.nativeRow).toBe(8);
  });

  it("gives two charts two worksheets of their own names, beside the tables", async () => {
    const other = { ...SPEND, name: SPEND.name };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await renderXlsx(document([SPEND, other]))) as unknown as ArrayBuffer,
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "图1 分地区资金支出率",
      "图1 分地区资金支出率（2）",
    ]);
  });

  it("is a figure in the HTML: the SVG, then the caption", () => {
    const html = renderHtml(doc);
    const figure = html.match(/<figure class="chart">([\s\S]*?)<\/figure>/)?.[1] ?? "";
    expect(figure.startsWith("<svg")).toBe(true);
    expect(figure).toContain("揭阳市");
    expect(figure).toMatch(/<\/svg><figcaption>图1 分地区资金支出率<\/figcaption>$/);
    expect(html).toContain("break-inside: avoid");
  });
});

describe("the monitoring summary's charts", () => {
  const county = (name: string, asOf: string | null, spentYuan: string | null): RegionFigures =>
    countyFigures(name, { asOf, budgetYuan: asOf ? "1000000" : null, spentYuan });
  const dashboard = (regions: RegionFigures[], withPlan: boolean) =>
    buildDashboard({
      year: 2020,
      scope: { code: "411700", name: "驻马店市", level: "city" },
      trail: [],
      funds: [],
      spendSeries: [],
      planActual: withPlan
        ? [
            {
              stage: "completed",
              plan: { Communities: "342", Area: "12875300" },
              actual: { Communities: "350", Area: null },
            },
            { stage: "started", plan: { Communities: "394" }, actual: { Communities: "410" } },
          ]
        : [],
      regions,
      grades: [],
      margins: DEFAULT_OPTIONS,
    });
  const charts = (doc: ReportDocument) =>
    doc.blocks.filter((b): b is ChartBlock => b.kind === "chart");

  it("draws 图1 after the ranking table (schedule as the line) and 图2 after the plan table (rates with a value only)", () => {
    const doc = monitoringSummaryDocument(
      dashboard(
        [
          county("驿城区", "2020-12-31", "400000"),
          county("西平县", "2020-12-31", "0"),
          county("上蔡县", null, null),
          county("平舆县", "2020-12-31", "800000"),
        ],
        true,
      ),
    );
    const kinds = doc.blocks.map((b) => b.kind);
    const [spend, completion] = charts(doc);
    expect(kinds.indexOf("chart")).toBe(kinds.indexOf("table") + 1);
    expect(kinds.lastIndexOf("chart")).toBe(kinds.lastIndexOf("table") + 1);
    expect(spend).toEqual({
      kind: "chart",
      name: "图1 分地区资金支出率",
      caption: "图1 分地区资金支出率",
      categories: ["平舆县", "驿城区", "西平县"],
      series: [{ name: "支出率", type: "bar", values: ["80.00", "40.00", "0.00"] }],
      axisUnits: ["%"],
      reference: { name: "时间进度", value: "100.00" },
    });
    // 394 → 410 started, 342 → 350 completed; 建筑面积 has a plan but no actual, so no rate.
    expect(completion).toMatchObject({
      caption: "图2 改造任务完成率",
      categories: ["小区数（个）"],
      series: [
        { name: "开工完成率", type: "bar", values: ["104.06"] },
        { name: "竣工完成率", type: "bar", values: ["102.34"] },
      ],
      reference: { name: "计划", value: "100" },
    });
  });

  it("draws each region's own schedule when their dates differ, and no chart without figures", () => {
    const mixed = monitoringSummaryDocument(
      dashboard(
        [county("驿城区", "2020-06-30", "400000"), county("平舆县", "2020-12-31", "800000")],
        false,
      ),
    );
    const [spend, ...rest] = charts(mixed);
    expect(rest).toEqual([]);
    expect(spend?.reference).toBeUndefined();
    expect(spend?.series.map((s) => [s.name, s.type, s.values])).toEqual([
      ["支出率", "bar", ["80.00", "40.00"]],
      ["时间进度", "line", ["100.00", "49.73"]],
    ]);
    expect(
      charts(monitoringSummaryDocument(dashboard([county("上蔡县", null, null)], false))),
    ).toEqual([]);
  });
});
