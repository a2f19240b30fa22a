// The checks and monitoring API over the demo data: filters, paging, facets, region bounds.
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../../../test/helpers/databases.ts";
import { addUser } from "../../../../test/helpers/fixtures.ts";
import { type ApiClient, signedIn, testApp } from "../../../../test/helpers/http.ts";

describeOnBothDatabases("checks API", "demo", (db) => {
  let viewer: ApiClient;

  beforeAll(async () => {
    const app = testApp(db());
    await addUser(db(), "gd.reader", "viewer", "440000");
    viewer = await signedIn(app.app, "gd.reader");
  });

  it("filters by severity, pages, and counts the regions with findings", async () => {
    const res = await viewer.request(
      "GET",
      "/api/checks?year=2024&asOf=2025-06-30&severity=warning&pageSize=5",
    );
    expect(res.status).toBe(200);
    expect(res.json.region).toEqual({ code: "440000", name: "广东省" });
    expect(res.json.counts).toEqual({ error: 15, warning: 7, info: 2 });
    // The 15 errors are all spend far behind the schedule: 红色预警, not 错误.
    expect(res.json.levels).toEqual({
      error: 0,
      warning: 7,
      info: 2,
      "red-alert": 15,
      "yellow-alert": 0,
    });
    expect(res.json.total).toBe(7);
    expect(res.json.findings).toHaveLength(5);
    expect(res.json.regions).toEqual([
      { code: "440000", name: "广东省", count: 4 },
      { code: "441300", name: "惠州市", count: 1 },
      { code: "445200", name: "揭阳市", count: 1 },
      { code: "445300", name: "云浮市", count: 1 },
    ]);
    expect(res.json.problemsTotal).toBe(22);
  });

  it("pages the candidate problems, and a national check's facet lists the provinces", async () => {
    const first = await viewer.request("GET", "/api/checks?year=2024&asOf=2025-06-30");
    const second = await viewer.request(
      "GET",
      "/api/checks?year=2024&asOf=2025-06-30&problemsPage=2",
    );
    expect(first.json.problemsTotal).toBe(22);
    expect(first.json.problems).toHaveLength(20);
    expect(second.json.problems).toHaveLength(2);
    const key = (p: { regionCode: string; text: { zh: string } }) => `${p.regionCode}|${p.text.zh}`;
    const seen = new Set(first.json.problems.map(key));
    expect(second.json.problems.filter((p: never) => seen.has(key(p)))).toEqual([]);

    await addUser(db(), "nation.reader", "viewer", "000000");
    const nation = await signedIn(testApp(db()).app, "nation.reader");
    const all = await nation.request(
      "GET",
      "/api/checks?regionCode=000000&year=2024&asOf=2025-06-30",
    );
    expect(all.status).toBe(200);
    // Every 2024 finding is in Guangdong: one line for the province, not one per city.
    expect(all.json.regions).toEqual([{ code: "440000", name: "广东省", count: 24 }]);
    const cities = await nation.request(
      "GET",
      "/api/checks?regionCode=000000&year=2024&asOf=2025-06-30&within=440000&pageSize=200",
    );
    expect(cities.json.total).toBe(24);
  });

  it("narrows to one region inside the scope", async () => {
    const res = await viewer.request("GET", "/api/checks?year=2024&asOf=2025-06-30&within=445300");
    expect(res.json.total).toBe(2);
    expect(res.json.findings.map((f: { rule: string }) => f.rule)).toEqual([
      "monitor.spend-far-behind",
      "plausibility.outlier",
    ]);
  });

  it("refuses a region outside the user's own, as a filter too", async () => {
    const res = await viewer.request("GET", "/api/checks?year=2020&within=411700");
    expect(res.status).toBe(403);
  });

  it("answers the monitoring view with the ranked lines and the alerts", async () => {
    const res = await viewer.request("GET", "/api/monitoring?year=2024");
    expect(res.status).toBe(200);
    expect(res.json.total).toMatchObject({ budget: "18860", spent: "3623.35", rate: "19.21" });
    expect(res.json.lines).toHaveLength(16);
    expect(res.json.alertsTotal).toBe(15);
    expect(res.json.completion).toHaveLength(16);
    expect(res.json.linesTotal).toBe(16);
    expect(res.json.completionTotal).toBe(16);
  });

  it("pages the spend ranking and the completion table apart, ranks counted over the scope", async () => {
    const all = await viewer.request("GET", "/api/monitoring?year=2024");
    const res = await viewer.request(
      "GET",
      "/api/monitoring?year=2024&pageSize=5&page=4&completionPage=2",
    );
    expect(res.status).toBe(200);
    expect(res.json.linesTotal).toBe(16);
    // Page 4 of 5 lines holds the 16th and last: 湛江市, ranked 16th of the province.
    expect(res.json.lines).toEqual(all.json.lines.slice(15));
    expect(res.json.lines.map((l: { rank: number; regionName: string }) => l.rank)).toEqual([16]);
    expect(res.json.lines[0].regionName).toBe("湛江市");
    expect(res.json.completionTotal).toBe(16);
    expect(res.json.completion).toEqual(all.json.completion.slice(5, 10));
    // The total, the series and the alerts are of the whole scope on every page.
    expect(res.json.total).toEqual(all.json.total);
    expect(res.json.alertsTotal).toBe(15);
    const past = await viewer.request("GET", "/api/monitoring?year=2024&page=9");
    expect(past.json.lines).toEqual([]);
    expect(past.json.linesTotal).toBe(16);
    const bad = await viewer.request("GET", "/api/monitoring?year=2024&pageSize=201");
    expect(bad.status).toBe(400);
  });

  async function workbookOf(bytes: Uint8Array) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows = (name: string) => {
      const sheet = wb.getWorksheet(name);
      const out: unknown[][] = [];
      sheet?.eachRow((row) => {
        out.push((row.values as unknown[]).slice(1));
      });
      return out;
    };
    return { wb, rows };
  }

  it("exports the filtered findings as xlsx, numbers as numbers, headers in Chinese", async () => {
    const res = await viewer.request(
      "GET",
      "/api/checks/export?year=2024&asOf=2025-06-30&within=445300",
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const { rows } = await workbookOf(res.bytes);
    expect(res.headers.get("content-disposition")).toContain("findings.xlsx");
    const findings = rows("检查结果");
    expect(findings[0]?.[0]).toBe("广东省2024年度数据检查结果");
    expect(findings[1]).toEqual([
      "序号",
      "级别",
      "类别",
      "地区代码",
      "地区",
      "项目",
      "规则",
      "说明",
      "数据集",
      "字段",
      "数据行",
    ]);
    const [spend, outlier] = [findings[2] ?? [], findings[3] ?? []];
    expect(spend.slice(0, 7)).toEqual([
      1,
      "红色预警",
      "运行监控",
      "445300",
      "云浮市",
      "2024年城镇老旧小区改造专项资金",
      "支出进度严重落后于时间进度",
    ]);
    expect(spend[7]).toContain("支出率 9.10%");
    expect(spend.slice(8, 10)).toEqual(["资金下达与支出", "实际支出"]);
    expect(typeof spend[10]).toBe("number");
    expect(outlier.slice(0, 2)).toEqual([2, "警告"]);
    expect(outlier[6]).toBe("完成率远超其他地区");
    // Two findings, then the notes: the count and the region filter.
    expect(findings[4]?.[0]).toBe("截至 2025-06-30，共 2 项");
    expect(findings[5]?.[0]).toBe("地区：云浮市");
    const figures = rows("涉及数据");
    expect(figures[1]).toEqual(["序号", "地区", "规则", "数据名称", "数值"]);
    expect(figures.slice(2, 7)).toEqual([
      [1, "云浮市", "支出进度严重落后于时间进度", "实际支出（万元）", 36.58],
      [1, "云浮市", "支出进度严重落后于时间进度", "预算指标（万元）", 402],
      [1, "云浮市", "支出进度严重落后于时间进度", "完成率/支出率（%）", 9.1],
      [1, "云浮市", "支出进度严重落后于时间进度", "时间进度（%）", 100],
      [1, "云浮市", "支出进度严重落后于时间进度", "落后（百分点）", 90.9],
    ]);
    expect(figures.slice(7).map((r) => [r[3], r[4]])).toEqual([
      ["完成率/支出率（%）", 329.55],
      ["计划数", 247],
      ["实际数", 814],
      ["其他地区中位数（%）", 148.09],
    ]);
  });

  it("writes the headers and words in English for an English user", async () => {
    const res = await viewer.request(
      "GET",
      "/api/checks/export?year=2024&asOf=2025-06-30&category=monitoring",
      { headers: { "accept-language": "en-US" } },
    );
    expect(res.status).toBe(200);
    const { rows } = await workbookOf(res.bytes);
    const findings = rows("Findings");
    expect(findings[1]?.slice(0, 3)).toEqual(["No.", "Level", "Category"]);
    // Only the monitoring alerts: the 15 the monitoring page lists, each in words.
    const listed = findings.slice(2).filter((r) => typeof r[0] === "number");
    expect(listed).toHaveLength(15);
    expect(new Set(listed.map((r) => r[2]))).toEqual(new Set(["Monitoring"]));
    expect(listed[0]?.slice(1, 7)).toEqual([
      "Red alert",
      "Monitoring",
      "440200",
      "韶关市",
      "2024年城镇老旧小区改造专项资金",
      "Spend far behind the time schedule",
    ]);
    expect(listed[0]?.slice(8, 10)).toEqual(["Allocation and spend by region", "Spent"]);
    expect(findings.at(-1)?.[0]).toBe("Category: Monitoring");
    const figures = rows("Figures");
    expect(figures[2]).toEqual([
      1,
      "韶关市",
      "Spend far behind the time schedule",
      "Spent (10k yuan)",
      658.54,
    ]);
  });

  it("refuses to export a region outside the user's own", async () => {
    const res = await viewer.request("GET", "/api/checks/export?year=2020&within=411700");
    expect(res.status).toBe(403);
  });
});
