// Allocation plans over HTTP on the demo's Guangdong 2024 model (factors read from the 计划与完成 data,
// 15 cities): each city's amount to the yuan, last year's approved evaluation feeding the
// performance coefficient, a scenario with other weights compared side by side, the review steps,
// a refused model that changes nothing, the Excel export, and other provinces kept out.
import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, beforeEach, expect, it } from "vitest";
import {
  allocationPlans,
  auditLog,
  evaluationSheets,
  evaluationTasks,
} from "../../src/db/schema.ts";
import { Decimal } from "../../src/domain/decimal.ts";
import { createTask, getTask, systemContext } from "../../src/services/index.ts";
import { describeOnBothDatabases } from "../helpers/databases.ts";
import { addUser } from "../helpers/fixtures.ts";
import { type ApiClient, signedIn, testApp } from "../helpers/http.ts";
import { hasBareTrailingPoint, stylesOf } from "../helpers/xlsx-styles.ts";

interface RegionResult {
  code: string;
  name: string;
  amount: string;
  composite: string;
  coefficients: Record<string, { label: string; value: string; source: string }>;
  derivation: string;
}

const sum = (values: string[]) => values.reduce((s, v) => s.plus(v), new Decimal(0)).toString();

describeOnBothDatabases("allocation plans", "demo", (db) => {
  let dept: ApiClient;
  let finance: ApiClient;
  let other: ApiClient;
  let planId = 0;
  // The demo's plan as seeded: draft, the model file's weights, no scenarios.
  let seeded: typeof allocationPlans.$inferSelect | undefined;

  beforeAll(async () => {
    const app = testApp(db());
    await addUser(db(), "gd.dept", "department", "440000");
    await addUser(db(), "gd.fin", "finance", "440000");
    await addUser(db(), "hn.fin", "finance", "410000");
    dept = await signedIn(app.app, "gd.dept");
    finance = await signedIn(app.app, "gd.fin");
    other = await signedIn(app.app, "hn.fin");
    const listed = await dept.request("GET", "/api/allocations?year=2024");
    const items = listed.json.items as { id: number; regionCode: string; total: string }[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ regionCode: "440000", total: "188600000" });
    planId = items[0]?.id ?? 0;
    [seeded] = await db().db.select().from(allocationPlans).where(eq(allocationPlans.id, planId));
  });

  // Whatever an earlier test copied, submitted or approved, each starts from the seeded plan.
  beforeEach(async () => {
    if (!seeded) throw new Error("the seeded plan was not read");
    const { id: _id, ...columns } = seeded;
    await db().db.delete(allocationPlans).where(eq(allocationPlans.scenarioOf, planId));
    await db().db.update(allocationPlans).set(columns).where(eq(allocationPlans.id, planId));
  });

  /** A scenario of the plan weighted 面积50%、户数30%、楼栋10%、小区10%, as the department saves it. */
  async function weightedScenario() {
    const copied = await dept.request("POST", `/api/allocations/${planId}/copy`, {
      body: { name: "方案二：面积50%、户数30%" },
    });
    expect(copied.status).toBe(201);
    const id = copied.json.id as number;
    const scenario = (await dept.request("GET", `/api/allocations/${id}`)).json;
    const weights = ["50", "30", "10", "10"];
    const factors = (scenario.model.factors as object[]).map((f, i) => ({
      ...f,
      weight: weights[i],
    }));
    const saved = await dept.request("PUT", `/api/allocations/${id}`, {
      body: { version: scenario.version, model: { ...scenario.model, factors } },
    });
    expect(saved.status).toBe(200);
    return { id, saved };
  }

  /** The weighted scenario, submitted by the department and approved by finance. */
  async function approvedScenario() {
    const { id } = await weightedScenario();
    const version = (await dept.request("GET", `/api/allocations/${id}`)).json.version;
    const submitted = await dept.request("POST", `/api/allocations/${id}/actions`, {
      body: { action: "submit", version },
    });
    expect(submitted.status).toBe(200);
    const approved = await finance.request("POST", `/api/allocations/${id}/actions`, {
      body: { action: "approve", version: submitted.json.version },
    });
    expect(approved.status).toBe(200);
    return id;
  }

  it("shares 18672 万元 among the 15 cities to the yuan, factors read from the data", async () => {
    const res = await dept.request("GET", `/api/allocations/${planId}`);
    expect(res.status).toBe(200);
    const { result, problems, actions } = res.json;
    expect(problems).toEqual([]);
    expect(actions).toEqual(["save", "submit", "copy"]);
    // Guangdong 2024 self-evaluation: 18860 万元, 188 万元 kept for 省本级.
    expect(result.totals).toEqual({
      total: "188600000",
      heldBack: "1880000",
      distributable: "186720000",
      allocated: "186720000",
    });
    const regions = result.regions as RegionResult[];
    expect(regions).toHaveLength(15);
    expect(sum(regions.map((r) => r.amount))).toBe("186720000");
    const byName = Object.fromEntries(regions.map((r) => [r.name, r]));
    // The golden allocation of the model file (src/domain/allocation/guangdong.test.ts).
    expect(byName.汕头市?.amount).toBe("33946341");
    expect(byName.江门市?.amount).toBe("25346706");
    expect(byName.清远市?.amount).toBe("1473983");
    // 表2-3's 改造计划 columns, read from 计划与完成 in the model's unit (万平方米).
    expect(byName.汕头市?.derivation).toContain("改造建筑面积因素：166.88万平方米×9÷7469.8988×40%");
    expect(result.factors.map((f: { from: string }) => f.from)).toEqual([
      "data",
      "data",
      "data",
      "data",
    ]);
    expect(result.grades[0]).toMatchObject({ code: "440500", grade: "优", from: "entered" });
  });

  it("takes a city's performance tier from last year's approved evaluation", async () => {
    // 汕头市's 2023 evaluation, approved at 差: its 绩效评价调节系数 falls to 中及以下 0.90.
    const [task] = await db()
      .db.insert(evaluationTasks)
      .values({
        name: "2023年老旧小区改造资金绩效评价",
        year: 2023,
        type: "finance",
        regionCode: "440000",
        launcherRegionCode: "440000",
        frameworkCode: "zhumadian-2020",
        framework: {},
      })
      .returning();
    await db()
      .db.insert(evaluationSheets)
      .values({
        taskId: task?.id ?? 0,
        regionCode: "440500",
        status: "approved",
        total: "58.5",
        grade: "差",
        approvedAt: new Date(),
      });
    const { result } = await dept
      .request("GET", `/api/allocations/${planId}`)
      .finally(() => db().db.execute(sql`delete from evaluation_tasks where year = 2023`))
      .then((res) => res.json);
    const shantou = (result.regions as RegionResult[]).find((r) => r.code === "440500");
    expect(shantou?.coefficients.performance).toEqual({
      label: "中及以下",
      value: "0.9",
      source: "grade",
    });
    expect(shantou?.composite).toBe("8.1");
    expect(new Decimal(shantou?.amount ?? "0").lt("33946341")).toBe(true);
    expect(sum((result.regions as RegionResult[]).map((r) => r.amount))).toBe("186720000");
    expect(result.grades[0]).toEqual({
      code: "440500",
      grade: "差",
      from: "evaluation",
      note: "2023年度评价“2023年老旧小区改造资金绩效评价”（已审定）58.5分",
    });
  });

  it("refuses weights that do not add to 100% with the reason, changing nothing", async () => {
    const plan = (await dept.request("GET", `/api/allocations/${planId}`)).json;
    const factors = (plan.model.factors as { weight: string }[]).map((f, i) => ({
      ...f,
      weight: i === 0 ? "30" : f.weight,
    }));
    const res = await dept.request("PUT", `/api/allocations/${planId}`, {
      body: { version: plan.version, model: { ...plan.model, factors } },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("allocation.invalid");
    expect(res.json.error.message).toContain("各因素权重之和为 90%，应为 100%");
    const after = (await dept.request("GET", `/api/allocations/${planId}`)).json;
    expect(after.version).toBe(plan.version);
    expect(after.model.factors[0].weight).toBe("40");
  });

  it("copies a scenario, changes its weights and compares it with the plan", async () => {
    const { id: scenarioId, saved } = await weightedScenario();
    expect(saved.json.scenarios.map((s: { id: number }) => s.id)).toEqual([planId, scenarioId]);
    expect(sum((saved.json.result.regions as RegionResult[]).map((r) => r.amount))).toBe(
      "186720000",
    );

    const compared = await dept.request(
      "GET",
      `/api/allocations/compare?ids=${planId},${scenarioId}`,
    );
    expect(compared.status).toBe(200);
    const rows = compared.json.regions as {
      name: string;
      amounts: string[];
      changes: (string | null)[];
    }[];
    expect(rows).toHaveLength(15);
    // The same money moves between cities: the changes add up to nothing.
    expect(sum(rows.map((r) => r.changes[1] ?? "0"))).toBe("0");
    const shantou = rows.find((r) => r.name === "汕头市");
    expect(shantou?.amounts[0]).toBe("33946341");
    expect(shantou?.changes[1]).toBe(
      new Decimal(shantou?.amounts[1] ?? "0").minus("33946341").toString(),
    );
    expect(shantou?.changes[1]).not.toBe("0");
  });

  it("is submitted by the department and approved by finance, one approved plan per group", async () => {
    const { id: scenarioId } = await weightedScenario();
    const version = (await dept.request("GET", `/api/allocations/${scenarioId}`)).json.version;
    const submitted = await dept.request("POST", `/api/allocations/${scenarioId}/actions`, {
      body: { action: "submit", version },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.json.status).toBe("submitted");
    const byDept = await dept.request("POST", `/api/allocations/${scenarioId}/actions`, {
      body: { action: "approve", version: version + 1 },
    });
    expect(byDept.status).toBe(403);
    const approved = await finance.request("POST", `/api/allocations/${scenarioId}/actions`, {
      body: { action: "approve", version: version + 1 },
    });
    expect(approved.status).toBe(200);
    expect(approved.json.status).toBe("approved");
    // Approved plans are locked.
    const locked = await dept.request("PUT", `/api/allocations/${scenarioId}`, {
      body: { version: version + 2, model: approved.json.model },
    });
    expect(locked.status).toBe(409);
    // The base plan cannot be approved beside it.
    const base = (await dept.request("GET", `/api/allocations/${planId}`)).json;
    const sent = await dept.request("POST", `/api/allocations/${planId}/actions`, {
      body: { action: "submit", version: base.version },
    });
    const second = await finance.request("POST", `/api/allocations/${planId}/actions`, {
      body: { action: "approve", version: sent.json.version },
    });
    expect(second.status).toBe(409);
    expect(second.json.error.message).toBe(
      "同组的方案“方案二：面积50%、户数30%”已审定；一组方案只能审定一个，请先重新打开它",
    );
    const actions = await db()
      .db.select({ action: auditLog.action })
      .from(auditLog)
      .where(
        sql`${auditLog.entity} = 'allocation_plan' and ${auditLog.entityId} = ${String(scenarioId)}`,
      );
    expect(actions.map((a) => a.action)).toEqual([
      "allocation.copy",
      "allocation.edit",
      "allocation.submit",
      "allocation.approve",
    ]);
  });

  it("is quoted in the 基本情况 of the province's evaluation report once approved", async () => {
    await approvedScenario();
    const task = await createTask(db().db, systemContext("test"), {
      name: "2024年城镇老旧小区改造省级专项资金绩效自评",
      year: 2024,
      type: "self",
      frameworkCode: "mof-common-2020",
      regionCode: "440000",
      regions: ["440000"],
    });
    const sheet = (await getTask(db().db, systemContext("test"), task.id)).sheets[0]?.id;
    const listed = await finance.request(
      "GET",
      `/api/evaluation-sheets/${sheet}/narratives?template=evaluation-report`,
    );
    const allocation = (listed.json.items as { key: string; section: string; text: string }[]).find(
      (i) => i.key === "basic.allocation",
    );
    expect(allocation?.section).toBe("（二）资金分配情况");
    expect(allocation?.text).toMatch(
      /^资金采用因素法分配（方案二：面积50%、户数30%，已审定）：按改造建筑面积（50%）、改造户数（30%）、改造楼栋数（10%）、改造小区数（10%）等因素，结合财力补助系数、绩效评价调节系数、项目库系数形成的综合系数分配；可分配资金18672万元，分配给15个地区，最多为汕头市\d+\.?\d*万元/,
    );
    const docx = await finance.request(
      "GET",
      `/api/evaluation-sheets/${sheet}/report?template=evaluation-report&format=docx`,
    );
    const zip = await JSZip.loadAsync(docx.bytes);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain("（二）资金分配情况");
    expect(text).toContain("合计18672");
    expect(text).toContain("（三）绩效目标完成情况");
  });

  it("exports the results, the computation and the parameters as Excel", async () => {
    const file = await finance.request("GET", `/api/allocations/${planId}/export`);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("分配结果");
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    const amountColumn = (rows[1] as string[]).indexOf("分配金额（元）");
    expect(rows.find((r) => r[2] === "汕头市")?.[amountColumn]).toBe(33946341);
    expect(rows.at(-1)?.[0]).toBe("合计");
    expect(rows.at(-1)?.[amountColumn]).toBe(186720000);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "分配结果",
      "测算明细",
      "测算说明",
      "模型参数",
    ]);
    // Weights as numbers (40% is 0.4 shown "40%"), amounts as numbers with their unit in the format.
    const params = workbook.getWorksheet("模型参数");
    const factorRow = (params?.getRows(3, params.rowCount - 2) ?? []).find(
      (r) => r.getCell(1).value === "因素",
    );
    expect([factorRow?.getCell(3).value, factorRow?.getCell(3).numFmt]).toEqual([0.4, "0%"]);
    expect(params?.getCell("C3").value).toBe(188600000);
    expect((await stylesOf(file.bytes as Uint8Array)).formats.filter(hasBareTrailingPoint)).toEqual(
      [],
    );
    const model = await finance.request("GET", `/api/allocations/${planId}/file`);
    expect(JSON.parse(new TextDecoder().decode(model.bytes as Uint8Array)).total).toBe("18860");
  });

  it("imports a model whose factors come from the data alone, and refuses one whose data is short", async () => {
    const file = JSON.parse(readFileSync("demo/guangdong-2024/allocation-model.json", "utf8"));
    const regions = file.data.regions as Record<string, { factors: object }>;
    for (const region of Object.values(regions)) region.factors = {};
    const created = await dept.request("POST", "/api/allocations", {
      body: { regionCode: "440000", fileName: "无录入因素.json", text: JSON.stringify(file) },
    });
    expect(created.status).toBe(201);
    const plan = (await dept.request("GET", `/api/allocations/${created.json.id}`)).json;
    const shantou = (plan.result.regions as RegionResult[]).find((r) => r.code === "440500");
    expect(shantou?.amount).toBe("33946341");
    // A factor the data sets do not hold (entered) and nobody entered: refused, the place named.
    file.factors[3].source = { kind: "entered" };
    const refused = await dept.request("POST", "/api/allocations", {
      body: { regionCode: "440000", fileName: "缺数据.json", text: JSON.stringify(file) },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toContain(
      '缺数据.json data.regions["440500"].factors.communities',
    );
  });

  it("takes the regions' data from a filled Excel sheet, or refuses it whole with the cells named", async () => {
    const created = await dept.request("POST", "/api/allocations", {
      body: {
        regionCode: "440000",
        fileName: "数据表.json",
        text: readFileSync("demo/guangdong-2024/allocation-model.json", "utf8"),
      },
    });
    const id = created.json.id as number;
    const sheet = await dept.request("GET", `/api/allocations/${id}/data`);
    expect(sheet.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.bytes as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet("分配数据");
    if (!ws) throw new Error("no 分配数据");
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    const column = (title: string) => header.indexOf(title) + 1;
    // 汕头市 moves to 储备充足 (1.10): its composite becomes 9 × 1 × 1.1.
    expect(ws.getCell(3, 1).value).toBe("440500");
    ws.getCell(3, column("项目库系数（档次）")).value = "储备充足";
    const upload = async (bytes: ArrayBuffer, version: number) => {
      const form = new FormData();
      form.set("file", new File([new Uint8Array(bytes)], "分配数据.xlsx"));
      form.set("version", String(version));
      return dept.request("POST", `/api/allocations/${id}/data`, { form });
    };
    const taken = await upload(await workbook.xlsx.writeBuffer(), 1);
    expect(taken.status).toBe(200);
    const shantou = (taken.json.result.regions as RegionResult[]).find((r) => r.code === "440500");
    expect(shantou?.composite).toBe("9.9");
    expect(sum((taken.json.result.regions as RegionResult[]).map((r) => r.amount))).toBe(
      "186720000",
    );

    ws.getCell(4, column("改造户数（户）")).value = "六千";
    const refused = await upload(await workbook.xlsx.writeBuffer(), taken.json.version);
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toContain("第 4 行「改造户数（户）」：“六千”不是非负数");
    const after = (await dept.request("GET", `/api/allocations/${id}`)).json;
    expect(after.version).toBe(taken.json.version);
  });

  it("keeps other provinces out", async () => {
    expect((await other.request("GET", `/api/allocations/${planId}`)).status).toBe(404);
    expect((await other.request("GET", "/api/allocations")).json.items).toEqual([]);
    const copy = await other.request("POST", `/api/allocations/${planId}/copy`, {
      body: { name: "x" },
    });
    expect(copy.status).toBe(404);
  });
});
