// Editable report paragraphs and reports generated in the background, over HTTP on the demo's
// 驻马店市 2020 evaluation (the city's 98.1 and its ten counties).
import { eq, inArray, type SQL, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, expect, it } from "vitest";
import { reportJobs } from "../../src/db/schema.ts";
import { settleInterruptedReportJobs } from "../../src/services/index.ts";
import { describeOnBothDatabases } from "../helpers/databases.ts";
import { addUser } from "../helpers/fixtures.ts";
import { type ApiClient, signedIn, testApp } from "../helpers/http.ts";

const docxText = async (bytes: Uint8Array) => {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
};

describeOnBothDatabases("report paragraphs and jobs", "demo", (db) => {
  let finance: ApiClient;
  let reader: ApiClient;
  let other: ApiClient;
  let citySheet: number;
  let taskId: number;

  beforeAll(async () => {
    const app = testApp(db());
    await addUser(db(), "zmd.fin", "finance", "411700");
    await addUser(db(), "zmd.view", "viewer", "411700");
    await addUser(db(), "hn.view", "viewer", "410000");
    finance = await signedIn(app.app, "zmd.fin");
    reader = await signedIn(app.app, "zmd.view");
    other = await signedIn(app.app, "hn.view");
    const result = await db().db.execute(
      sql`select id, task_id as task, region_code as code from evaluation_sheets order by id`,
    );
    const rows = (result as unknown as { rows: { id: number; task: number; code: string }[] }).rows;
    const city = rows.find((r) => r.code === "411700");
    citySheet = Number(city?.id);
    taskId = Number(city?.task);
  });

  it("lists the evaluation report's editable paragraphs with the generated text", async () => {
    const res = await reader.request(
      "GET",
      `/api/evaluation-sheets/${citySheet}/narratives?template=evaluation-report`,
    );
    expect(res.status).toBe(200);
    const items = res.json.items as { key: string; section: string; text: string }[];
    expect(items.map((i) => i.key)).toEqual([
      "basic.funds",
      "basic.spend",
      "basic.targets",
      "conclusion",
      "subregions",
      "experience",
      "suggestions",
    ]);
    expect(items.find((i) => i.key === "conclusion")).toMatchObject({
      section: "二、评价结论",
      text: expect.stringMatching(
        /驻马店市得分98\.1分（满分100分），得分率98\.10%，评价等级为“优”。$/,
      ),
      edited: false,
    });
    expect(items.find((i) => i.key === "subregions")?.text).toBe(
      "本次评价同时对驻马店市所辖10个地区开展评价，已评分10个，其中“优”5个、“良”3个、“差”2个。",
    );
  });

  it("keeps a rewritten paragraph, marks it edited, exports it, audits it, and resets it", async () => {
    const text = "经评价，驻马店市2020年老旧小区改造资金绩效评价得分98.1分，等级为“优”。";
    const viewer = await reader.request(
      "PUT",
      `/api/evaluation-sheets/${citySheet}/narratives/conclusion`,
      { body: { template: "evaluation-report", text } },
    );
    expect(viewer.status).toBe(403);
    const unknown = await finance.request(
      "PUT",
      `/api/evaluation-sheets/${citySheet}/narratives/nonsense`,
      { body: { template: "evaluation-report", text } },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toBe("报告“evaluation-report”中没有可编辑的段落 nonsense");
    const saved = await finance.request(
      "PUT",
      `/api/evaluation-sheets/${citySheet}/narratives/conclusion`,
      { body: { template: "evaluation-report", text } },
    );
    expect(saved.status).toBe(200);
    expect(
      (saved.json.items as { key: string }[]).find((i) => i.key === "conclusion"),
    ).toMatchObject({ text, edited: true, editedBy: "zmd.fin", stale: false });
    const docx = await reader.request(
      "GET",
      `/api/evaluation-sheets/${citySheet}/report?template=evaluation-report&format=docx`,
    );
    expect(await docxText(docx.bytes)).toContain(text);
    const audit = await db().db.execute(
      sql`select action, after from audit_log where action like 'report.narrative.%' order by id`,
    );
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      "report.narrative.edit",
    ]);
    const reset = await finance.request(
      "PUT",
      `/api/evaluation-sheets/${citySheet}/narratives/conclusion`,
      { body: { template: "evaluation-report", text: null } },
    );
    expect(
      (reset.json.items as { key: string }[]).find((i) => i.key === "conclusion"),
    ).toMatchObject({ edited: false, text: expect.stringContaining("得分98.1分") });
  });

  it("previews the report as a self-contained HTML page", async () => {
    const res = await reader.request(
      "GET",
      `/api/evaluation-sheets/${citySheet}/report/preview?template=self-evaluation-form`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = new TextDecoder().decode(res.bytes);
    expect(html).toContain("驻马店市2020年度项目绩效自评表");
    expect(html).toContain("98.1");
  });

  it("generates the task's report in the background with progress; only its owner sees it", async () => {
    const started = await finance.request("POST", "/api/report-jobs", {
      body: { subject: "task", taskId, format: "xlsx" },
    });
    expect(started.status).toBe(202);
    const id = started.json.id as number;
    let job = started.json;
    await expect
      .poll(
        async () => {
          job = (await finance.request("GET", `/api/report-jobs/${id}`)).json;
          return job.status;
        },
        { timeout: 60_000, interval: 200 },
      )
      .toBe("done");
    expect(job).toMatchObject({ done: 11, total: 11, stage: "完成", error: null });
    expect(job.fileName).toBe("驻马店市2020年城镇老旧小区改造财政资金绩效评价报告.xlsx");
    const listed = await finance.request("GET", "/api/report-jobs");
    expect((listed.json.items as { id: number }[])[0]?.id).toBe(id);
    expect((await other.request("GET", `/api/report-jobs/${id}`)).status).toBe(404);
    expect((await other.request("GET", `/api/report-jobs/${id}/file`)).status).toBe(404);
    const file = await finance.request("GET", `/api/report-jobs/${id}/file`);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ranking = workbook.getWorksheet("分地区评价情况");
    const rows: unknown[][] = [];
    ranking?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    // Title, header, then the city's own sheet (not ranked among its counties) and the counties.
    const city = rows.find((r) => r[1] === "驻马店市");
    expect(city?.at(-3)).toBe(98.1);
    // 排名 is a number in the sheet (sortable), not the text "1".
    const first = rows.find((r) => r[0] === 1);
    expect(first?.at(-3)).toBe(99.1);
    expect(rows.filter((r) => r.at(-2) === "差")).toHaveLength(2);
    // 图1's data beside its picture: the city and its ten counties by grade.
    const grades: unknown[][] = [];
    workbook.getWorksheet("评价等级分布")?.eachRow((row) => {
      grades.push((row.values as unknown[]).slice(1));
    });
    expect(grades.slice(-4)).toEqual([
      ["优", 6],
      ["良", 3],
      ["中", 0],
      ["差", 2],
    ]);
    expect(workbook.getWorksheet("一级指标平均得分率")?.getImages()).toHaveLength(1);
  });

  it("refuses a task the user may not see before starting anything", async () => {
    const refused = await reader.request("POST", "/api/report-jobs", {
      body: { subject: "task", taskId: 99999, format: "docx" },
    });
    expect(refused.status).toBe(404);
  });

  it("queues again the jobs whose node stopped (silent heartbeat) while they have starts left, fails the rest, leaves the live jobs of another node", async () => {
    const [user] = (
      (await db().db.execute(sql`select id from users where username = 'zmd.fin'`)) as unknown as {
        rows: { id: number }[];
      }
    ).rows;
    const running = (title: string, heartbeatAt: SQL, attempts: number) =>
      db()
        .db.insert(reportJobs)
        .values({
          userId: Number(user?.id),
          subject: "task",
          params: { taskId },
          title,
          format: "pdf",
          status: "running",
          claim: "gone-node",
          attempts,
          heartbeatAt,
        })
        .returning()
        .then(([row]) => Number(row?.id));
    const dead = await running("中断的报告", sql`now() - interval '2 minutes'`, 1);
    const spent = await running("三次都中断的报告", sql`now() - interval '2 minutes'`, 3);
    const live = await running("另一台服务器上的报告", sql`now() - interval '5 seconds'`, 1);
    expect(await settleInterruptedReportJobs(db().db)).toEqual({ requeued: 1, failed: 1 });
    const [again] = await db().db.select().from(reportJobs).where(eq(reportJobs.id, dead));
    expect(again).toMatchObject({ status: "queued", claim: null, attempts: 1 });
    const job = await finance.request("GET", `/api/report-jobs/${spent}`);
    expect(job.json).toMatchObject({
      status: "failed",
      error: "服务重启，报告生成中断，请重新生成",
    });
    expect((await finance.request("GET", `/api/report-jobs/${spent}/file`)).status).toBe(409);
    expect((await finance.request("GET", `/api/report-jobs/${live}`)).json.status).toBe("running");
    // Its node dies too: the owner's next look finds it queued again, without any restart here.
    await db()
      .db.update(reportJobs)
      .set({ heartbeatAt: sql`now() - interval '61 seconds'` })
      .where(eq(reportJobs.id, live));
    const listed = await finance.request("GET", "/api/report-jobs");
    const items = listed.json.items as { id: number; status: string }[];
    expect(items.find((i) => i.id === live)?.status).toBe("queued");
    await db()
      .db.delete(reportJobs)
      .where(inArray(reportJobs.id, [dead, live]));
  });
});
