// Access rules, generated from the route table: every route is tried by a stranger, a viewer and an
// administrator of the sibling county; none of them may read or change what is not theirs.
import { and, asc, count, eq, notInArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { community, dataFile } from "../../test/helpers/data-files.ts";
import { describeOnBothDatabases } from "../../test/helpers/databases.ts";
import { COUNTY_COMPLETION, ZHUMADIAN_ENTRIES } from "../../test/helpers/evaluation-entries.ts";
import { addUser } from "../../test/helpers/fixtures.ts";
import { ApiClient, signedIn, testApp } from "../../test/helpers/http.ts";
import type { Database } from "../db/index.ts";
import {
  allocationPlans,
  auditLog,
  communityProjects,
  dataImports,
  evaluationSheets,
  evaluationTasks,
  evidenceFiles,
  rectifications,
  reportJobs,
  sessions,
  surveyCommunities,
  surveyResponses,
  surveys,
  users,
} from "../db/schema.ts";
import { AUDIT_PER_KEY_PER_MINUTE, AuditThrottle } from "../services/accounts/audit-throttle.ts";
import {
  actOnSheet,
  actOnSurvey,
  addSurveyCommunity,
  allocationDataFile,
  auditThrottleOf,
  copyAllocationPlan,
  createAllocationPlan,
  createSurvey,
  createTask,
  getSurvey,
  getTask,
  importFile,
  issueTicket,
  previewImport,
  saveSheet,
  submitPublicAnswer,
  surveySecret,
  systemContext,
  updateSurvey,
  uploadEvidence,
} from "../services/index.ts";
import type { RouteDef } from "./route-table.ts";

const COUNTY_A = "411702"; // 驿城区, 驻马店市
const COUNTY_B = "411721"; // 西平县, its sibling

interface Ids {
  targetId: number;
  /** An evaluation task of county A with two sheets' ids: one to save, one (complete) to submit. */
  taskId: number;
  /** A task of the city over county A alone, its sheet approved: something to roll up. */
  rollUpTaskId: number;
  /** A task of county A to rename (version 1) and then cancel (version 2). */
  cancelTaskId: number;
  /** A task of county A whose only sheet was removed: county A can be added to it. */
  extendTaskId: number;
  saveSheetId: number;
  submitSheetId: number;
  /** Two evidence files of the sheet to save: one to download, one to delete. */
  evidenceId: number;
  doomedEvidenceId: number;
  /** A community project row of county A, and a previewed import of county A. */
  rowId: number;
  previewId: number;
  /** A valid communities file of county A. */
  file: Uint8Array;
  /** A finished report job of admin.a. */
  jobId: number;
  /** County A's allocation among two of its community projects, and a draft scenario of it to delete. */
  planId: number;
  scenarioId: number;
  /** A second plan of county A and its filled 分配数据 sheet, to import. */
  dataPlanId: number;
  dataSheet: Uint8Array;
  /** County A's open survey (v1 published, a v2 draft) with one answer, and a draft one to delete. */
  surveyId: number;
  doomedSurveyId: number;
  /** Its community with the answer (and public token), and one without answers to delete. */
  communityId: number;
  doomedCommunityId: number;
  token: string;
  /** A signed page ticket of that community, for the one answer the control sends. */
  ticket: string;
  responseId: number;
}
interface Fixture {
  /** The request an administrator of county A may make, aimed at county A. */
  request: (ids: Ids) => { path: string; body?: unknown; form?: FormData };
  /** Whether the route touches a region's data (then county B's administrator must be refused). */
  scoped: boolean;
}

const STRONG = "Another-Passw0rd!";
/** The 8-byte PNG signature and a little more: enough for the evidence type check. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** One entry per route; a route added to the table without an entry here fails the first test. */
const FIXTURES: Record<string, Fixture> = {
  "GET /api/health": { request: () => ({ path: "/api/health" }), scoped: false },
  "POST /api/auth/login": {
    request: () => ({ path: "/api/auth/login", body: { username: "nobody", password: "x" } }),
    scoped: false,
  },
  "GET /api/auth/session": { request: () => ({ path: "/api/auth/session" }), scoped: false },
  "POST /api/auth/logout": { request: () => ({ path: "/api/auth/logout" }), scoped: false },
  "POST /api/auth/password": {
    request: () => ({
      path: "/api/auth/password",
      body: { currentPassword: "Test-Passw0rd!", newPassword: STRONG },
    }),
    scoped: false,
  },
  "GET /api/regions/children": {
    request: () => ({ path: `/api/regions/children?parent=${COUNTY_A}` }),
    scoped: true,
  },
  // Searches only below the caller's own region, so there is no other region to refuse.
  "GET /api/regions/search": {
    request: () => ({ path: "/api/regions/search?q=4" }),
    scoped: false,
  },
  "GET /api/regions/{code}": {
    request: () => ({ path: `/api/regions/${COUNTY_A}` }),
    scoped: true,
  },
  "GET /api/regions/{code}/years": {
    request: () => ({ path: `/api/regions/${COUNTY_A}/years` }),
    scoped: true,
  },
  "GET /api/users": {
    request: () => ({ path: `/api/users?regionCode=${COUNTY_A}` }),
    scoped: true,
  },
  "POST /api/users": {
    request: () => ({
      path: "/api/users",
      body: {
        username: "new.in.a",
        displayName: "新用户",
        password: STRONG,
        role: "finance",
        regionCode: COUNTY_A,
      },
    }),
    scoped: true,
  },
  "PATCH /api/users/{id}": {
    request: ({ targetId }) => ({ path: `/api/users/${targetId}`, body: { displayName: "改名" } }),
    scoped: true,
  },
  "POST /api/users/{id}/reset-password": {
    request: ({ targetId }) => ({
      path: `/api/users/${targetId}/reset-password`,
      body: { password: STRONG },
    }),
    scoped: true,
  },
  "GET /api/audit": {
    request: () => ({ path: `/api/audit?regionCode=${COUNTY_A}` }),
    scoped: true,
  },
  "GET /api/audit/export": {
    request: () => ({ path: `/api/audit/export?regionCode=${COUNTY_A}` }),
    scoped: true,
  },
  "GET /api/datasets": { request: () => ({ path: "/api/datasets" }), scoped: false },
  "GET /api/datasets/{name}/rows": {
    request: () => ({ path: `/api/datasets/communities/rows?regionCode=${COUNTY_A}&year=2020` }),
    scoped: true,
  },
  "PATCH /api/datasets/{name}/rows/{id}": {
    request: ({ rowId }) => ({
      path: `/api/datasets/communities/rows/${rowId}`,
      body: { values: { address: "新地址" } },
    }),
    scoped: true,
  },
  "GET /api/datasets/{name}/template": {
    request: () => ({
      path: `/api/datasets/communities/template?regionCode=${COUNTY_A}&year=2020`,
    }),
    scoped: true,
  },
  "GET /api/datasets/{name}/export": {
    request: () => ({ path: `/api/datasets/communities/export?regionCode=${COUNTY_A}&year=2020` }),
    scoped: true,
  },
  "POST /api/datasets/{name}/imports": {
    request: ({ file }) => {
      const form = new FormData();
      form.set("file", new File([file as Uint8Array<ArrayBuffer>], "小区.xlsx"));
      form.set("regionCode", COUNTY_A);
      form.set("year", "2020");
      return { path: "/api/datasets/communities/imports", form };
    },
    scoped: true,
  },
  "POST /api/imports/{id}/commit": {
    request: ({ previewId }) => ({ path: `/api/imports/${previewId}/commit` }),
    scoped: true,
  },
  "GET /api/community-totals": {
    request: () => ({ path: `/api/community-totals?regionCode=${COUNTY_A}&year=2020` }),
    scoped: true,
  },
  "GET /api/imports": {
    request: () => ({ path: `/api/imports?regionCode=${COUNTY_A}` }),
    scoped: true,
  },
  "GET /api/checks": {
    request: () => ({ path: `/api/checks?regionCode=${COUNTY_A}&year=2020&asOf=2021-01-01` }),
    scoped: true,
  },
  "GET /api/checks/export": {
    request: () => ({
      path: `/api/checks/export?regionCode=${COUNTY_A}&year=2020&asOf=2021-01-01`,
    }),
    scoped: true,
  },
  "GET /api/evaluation-sheets/{id}/report": {
    request: (ids) => ({
      path: `/api/evaluation-sheets/${ids.submitSheetId}/report?template=score-table&format=xlsx`,
    }),
    scoped: true,
  },
  "GET /api/evaluation-sheets/{id}/narratives": {
    request: (ids) => ({
      path: `/api/evaluation-sheets/${ids.saveSheetId}/narratives?template=self-evaluation-form`,
    }),
    scoped: true,
  },
  "PUT /api/evaluation-sheets/{id}/narratives/{key}": {
    request: (ids) => ({
      path: `/api/evaluation-sheets/${ids.saveSheetId}/narratives/form.suggestions`,
      body: { template: "self-evaluation-form", text: "建议加快资金支出进度。" },
    }),
    scoped: true,
  },
  "GET /api/evaluation-sheets/{id}/report/preview": {
    request: (ids) => ({
      path: `/api/evaluation-sheets/${ids.saveSheetId}/report/preview?template=score-table`,
    }),
    scoped: true,
  },
  "POST /api/report-jobs": {
    request: (ids) => ({
      path: "/api/report-jobs",
      body: { subject: "sheet", sheetId: ids.saveSheetId, template: "score-table", format: "xlsx" },
    }),
    scoped: true,
  },
  "GET /api/report-jobs": { request: () => ({ path: "/api/report-jobs" }), scoped: false },
  "GET /api/report-jobs/{id}": {
    request: (ids) => ({ path: `/api/report-jobs/${ids.jobId}` }),
    scoped: true,
  },
  "GET /api/report-jobs/{id}/file": {
    request: (ids) => ({ path: `/api/report-jobs/${ids.jobId}/file` }),
    scoped: true,
  },
  "GET /api/reports/monitoring": {
    request: () => ({
      path: `/api/reports/monitoring?regionCode=${COUNTY_A}&year=2020&format=xlsx`,
    }),
    scoped: true,
  },
  "GET /api/reminders": {
    request: () => ({ path: "/api/reminders?today=2021-04-15" }),
    scoped: false,
  },
  "GET /api/dashboard": {
    request: () => ({ path: `/api/dashboard?regionCode=${COUNTY_A}&year=2020` }),
    scoped: true,
  },
  "GET /api/monitoring": {
    request: () => ({ path: `/api/monitoring?regionCode=${COUNTY_A}&year=2020&asOf=2021-01-01` }),
    scoped: true,
  },
  "GET /api/frameworks": { request: () => ({ path: "/api/frameworks" }), scoped: false },
  "GET /api/evaluations": {
    request: () => ({ path: `/api/evaluations?regionCode=${COUNTY_A}` }),
    scoped: true,
  },
  "POST /api/evaluations": {
    request: () => ({
      path: "/api/evaluations",
      body: {
        name: "驿城区自评",
        year: 2020,
        type: "self",
        frameworkCode: "zhumadian-2020",
        regionCode: COUNTY_A,
        regions: [COUNTY_A],
      },
    }),
    scoped: true,
  },
  "GET /api/evaluations/{id}": {
    request: (ids) => ({ path: `/api/evaluations/${ids.taskId}` }),
    scoped: true,
  },
  "GET /api/evaluations/{id}/roll-up": {
    request: (ids) => ({ path: `/api/evaluations/${ids.rollUpTaskId}/roll-up?method=mean` }),
    scoped: true,
  },
  "GET /api/evaluation-sheets/{id}": {
    request: (ids) => ({ path: `/api/evaluation-sheets/${ids.saveSheetId}` }),
    scoped: true,
  },
  "PUT /api/evaluation-sheets/{id}": {
    request: (ids) => ({
      path: `/api/evaluation-sheets/${ids.saveSheetId}`,
      body: { version: 1, entries: { "B.1": { facts: { count: 0 } } } },
    }),
    scoped: true,
  },
  "GET /api/evaluation-sheets/{id}/evidence": {
    request: (ids) => ({ path: `/api/evaluation-sheets/${ids.saveSheetId}/evidence` }),
    scoped: true,
  },
  "POST /api/evaluation-sheets/{id}/evidence": {
    request: (ids) => {
      const form = new FormData();
      form.set("file", new File([PNG], "现场照片.png"));
      form.set("indicatorCode", "C.1");
      return { path: `/api/evaluation-sheets/${ids.saveSheetId}/evidence`, form };
    },
    scoped: true,
  },
  "GET /api/evidence/{id}": {
    request: (ids) => ({ path: `/api/evidence/${ids.evidenceId}` }),
    scoped: true,
  },
  "DELETE /api/evidence/{id}": {
    request: (ids) => ({ path: `/api/evidence/${ids.doomedEvidenceId}` }),
    scoped: true,
  },
  "GET /api/evaluation-sheets/{id}/result": {
    request: (ids) => ({ path: `/api/evaluation-sheets/${ids.saveSheetId}/result` }),
    scoped: true,
  },
  "PUT /api/evaluation-sheets/{id}/rectifications/{key}": {
    // C.1 is not entered on the sheet to save: 0 of 15 points, one of its 问题.
    request: (ids) => ({
      path: `/api/evaluation-sheets/${ids.saveSheetId}/rectifications/${encodeURIComponent("C.1")}`,
      body: {
        version: null,
        owner: "驿城区住房和城乡建设局",
        deadline: "2021-06-30",
        status: "open",
      },
    }),
    scoped: true,
  },
  "GET /api/allocations": {
    request: () => ({ path: `/api/allocations?regionCode=${COUNTY_A}` }),
    scoped: true,
  },
  "POST /api/allocations": {
    request: () => ({
      path: "/api/allocations",
      body: { regionCode: COUNTY_A, fileName: "驿城区分配.json", text: JSON.stringify(PLAN_FILE) },
    }),
    scoped: true,
  },
  "GET /api/allocations/compare": {
    request: (ids) => ({ path: `/api/allocations/compare?ids=${ids.planId},${ids.scenarioId}` }),
    scoped: true,
  },
  "GET /api/allocations/{id}": {
    request: (ids) => ({ path: `/api/allocations/${ids.planId}` }),
    scoped: true,
  },
  "PUT /api/allocations/{id}": {
    request: (ids) => {
      const { data: _, ...model } = PLAN_FILE;
      return { path: `/api/allocations/${ids.planId}`, body: { version: 1, model } };
    },
    scoped: true,
  },
  "DELETE /api/allocations/{id}": {
    request: (ids) => ({ path: `/api/allocations/${ids.scenarioId}` }),
    scoped: true,
  },
  "POST /api/allocations/{id}/copy": {
    request: (ids) => ({ path: `/api/allocations/${ids.planId}/copy`, body: { name: "方案二" } }),
    scoped: true,
  },
  "POST /api/allocations/{id}/actions": {
    request: (ids) => ({
      path: `/api/allocations/${ids.planId}/actions`,
      body: { action: "submit", version: 2 },
    }),
    scoped: true,
  },
  "GET /api/allocations/{id}/export": {
    request: (ids) => ({ path: `/api/allocations/${ids.planId}/export` }),
    scoped: true,
  },
  "GET /api/allocations/{id}/data": {
    request: (ids) => ({ path: `/api/allocations/${ids.dataPlanId}/data` }),
    scoped: true,
  },
  "POST /api/allocations/{id}/data": {
    request: (ids) => {
      const form = new FormData();
      form.set("file", new File([ids.dataSheet as Uint8Array<ArrayBuffer>], "分配数据.xlsx"));
      form.set("version", "1");
      return { path: `/api/allocations/${ids.dataPlanId}/data`, form };
    },
    scoped: true,
  },
  "GET /api/allocations/{id}/file": {
    request: (ids) => ({ path: `/api/allocations/${ids.planId}/file` }),
    scoped: true,
  },
  "GET /api/surveys": {
    request: () => ({ path: `/api/surveys?regionCode=${COUNTY_A}` }),
    scoped: true,
  },
  "POST /api/surveys": {
    request: () => ({
      path: "/api/surveys",
      body: {
        regionCode: COUNTY_A,
        year: 2020,
        title: "驿城区满意度调查（新）",
        template: "old-community-satisfaction",
      },
    }),
    scoped: true,
  },
  "GET /api/surveys/{id}": {
    request: (ids) => ({ path: `/api/surveys/${ids.surveyId}` }),
    scoped: true,
  },
  "PUT /api/surveys/{id}": {
    request: (ids) => ({
      path: `/api/surveys/${ids.surveyId}`,
      body: { title: "驿城区居民满意度调查" },
    }),
    scoped: true,
  },
  "DELETE /api/surveys/{id}": {
    request: (ids) => ({ path: `/api/surveys/${ids.doomedSurveyId}` }),
    scoped: true,
  },
  "POST /api/surveys/{id}/actions": {
    request: (ids) => ({
      path: `/api/surveys/${ids.surveyId}/actions`,
      body: { action: "publish" },
    }),
    scoped: true,
  },
  "POST /api/surveys/{id}/communities": {
    request: (ids) => ({
      path: `/api/surveys/${ids.surveyId}/communities`,
      body: { regionCode: COUNTY_A, name: "和平小区", households: 200 },
    }),
    scoped: true,
  },
  "POST /api/surveys/{id}/communities/from-projects": {
    request: (ids) => ({ path: `/api/surveys/${ids.surveyId}/communities/from-projects` }),
    scoped: true,
  },
  "PUT /api/surveys/{id}/communities/{communityId}": {
    request: (ids) => ({
      path: `/api/surveys/${ids.surveyId}/communities/${ids.communityId}`,
      body: { regionCode: COUNTY_A, name: "幸福小区", households: 320, accessCode: "XF2020" },
    }),
    scoped: true,
  },
  "DELETE /api/surveys/{id}/communities/{communityId}": {
    request: (ids) => ({
      path: `/api/surveys/${ids.surveyId}/communities/${ids.doomedCommunityId}`,
    }),
    scoped: true,
  },
  "GET /api/surveys/{id}/communities/{communityId}/qr": {
    request: (ids) => ({ path: `/api/surveys/${ids.surveyId}/communities/${ids.communityId}/qr` }),
    scoped: true,
  },
  "POST /api/surveys/{id}/communities/{communityId}/responses": {
    request: (ids) => ({
      path: `/api/surveys/${ids.surveyId}/communities/${ids.communityId}/responses`,
      body: { paperNo: "001", answers: SURVEY_ANSWER.answers },
    }),
    scoped: true,
  },
  "GET /api/surveys/{id}/responses": {
    request: (ids) => ({ path: `/api/surveys/${ids.surveyId}/responses` }),
    scoped: true,
  },
  "PUT /api/surveys/{id}/responses/{responseId}/validity": {
    request: (ids) => ({
      path: `/api/surveys/${ids.surveyId}/responses/${ids.responseId}/validity`,
      body: { valid: false, reason: "核实为非本小区居民" },
    }),
    scoped: true,
  },
  "GET /api/surveys/{id}/results": {
    request: (ids) => ({ path: `/api/surveys/${ids.surveyId}/results` }),
    scoped: true,
  },
  "GET /api/surveys/{id}/cross-tab": {
    request: (ids) => ({
      path: `/api/surveys/${ids.surveyId}/cross-tab?question=overall&demographic=age-band`,
    }),
    scoped: true,
  },
  "GET /api/surveys/{id}/export": {
    request: (ids) => ({ path: `/api/surveys/${ids.surveyId}/export` }),
    scoped: true,
  },
  "PUT /api/evaluations/{id}/survey": {
    request: (ids) => ({
      path: `/api/evaluations/${ids.taskId}/survey`,
      body: { surveyId: ids.surveyId },
    }),
    scoped: true,
  },
  "GET /api/public/surveys/{token}": {
    request: (ids) => ({ path: `/api/public/surveys/${ids.token}` }),
    scoped: false,
  },
  "GET /api/public/surveys/{token}/ticket": {
    request: (ids) => ({ path: `/api/public/surveys/${ids.token}/ticket` }),
    scoped: false,
  },
  "POST /api/public/surveys/{token}/answers": {
    // The community's access code is set by the PUT above.
    request: (ids) => ({
      path: `/api/public/surveys/${ids.token}/answers`,
      body: { ...SURVEY_ANSWER, accessCode: "xf2020", ticket: ids.ticket },
    }),
    scoped: false,
  },
  "POST /api/evaluation-sheets/{id}/actions": {
    request: (ids) => ({
      path: `/api/evaluation-sheets/${ids.submitSheetId}/actions`,
      body: { action: "submit", version: 2 },
    }),
    scoped: true,
  },
  "GET /api/evaluable-regions": {
    request: () => ({ path: `/api/evaluable-regions?regionCode=${COUNTY_A}` }),
    scoped: true,
  },
  "PATCH /api/evaluations/{id}": {
    request: (ids) => ({
      path: `/api/evaluations/${ids.cancelTaskId}`,
      body: { version: 1, deadline: "2021-04-30" },
    }),
    scoped: true,
  },
  "POST /api/evaluations/{id}/regions": {
    request: (ids) => ({
      path: `/api/evaluations/${ids.extendTaskId}/regions`,
      body: { regions: [COUNTY_A] },
    }),
    scoped: true,
  },
  "POST /api/evaluations/{id}/cancel": {
    request: (ids) => ({
      path: `/api/evaluations/${ids.cancelTaskId}/cancel`,
      body: { version: 2, reason: "重复发起" },
    }),
    scoped: true,
  },
};

/** A county's allocation of 1,000 元 between two of its community projects by households. */
const PLAN_FILE = {
  name: "驿城区小区改造补助分配",
  year: 2020,
  unit: "元",
  total: "1000",
  factors: [{ key: "households", name: "户数", weight: "100", source: { kind: "entered" } }],
  rounding: "元",
  regions: [
    { code: "P01", name: "幸福小区" },
    { code: "P02", name: "和平小区" },
  ],
  data: {
    regions: { P01: { factors: { households: "300" } }, P02: { factors: { households: "100" } } },
  },
};

/** A complete answer to the standard questionnaire, as the public page sends it. */
const SURVEY_ANSWER = {
  questionnaireVersion: 1,
  answers: {
    building: "2幢",
    "age-band": "45-59",
    tenure: "owner",
    overall: "satisfied",
    infrastructure: "satisfied",
    "facade-roof": "very-satisfied",
    "elevator-ageing": "basically-satisfied",
    environment: "satisfied",
    "parking-charging": "dissatisfied",
    construction: "satisfied",
    consultation: "satisfied",
    management: "basically-satisfied",
    improve: ["parking-charging"],
  },
  startedAt: "2020-06-01T10:00:00Z",
  submittedAt: "2020-06-01T10:05:00Z",
};

const keyOf = (def: RouteDef) => `${def.route.method.toUpperCase()} ${def.route.path}`;

/** Everything a refused request must leave as it was. */
async function snapshot(database: Database) {
  const rows = await database.db.select().from(users).orderBy(asc(users.id));
  // A refusal's one trace is its own audit entry (access.refused), counted apart below.
  const [audit] = await database.db
    .select({ n: count() })
    .from(auditLog)
    .where(notInArray(auditLog.action, ["access.refused", "audit.suppressed"]));
  const [live] = await database.db.select({ n: count() }).from(sessions);
  const [imports] = await database.db.select({ n: count() }).from(dataImports);
  const projects = await database.db.select().from(communityProjects);
  const sheets = await database.db
    .select()
    .from(evaluationSheets)
    .orderBy(asc(evaluationSheets.id));
  const evidence = await database.db.select().from(evidenceFiles).orderBy(asc(evidenceFiles.id));
  const rectified = await database.db.select().from(rectifications).orderBy(asc(rectifications.id));
  const plans = await database.db.select().from(allocationPlans).orderBy(asc(allocationPlans.id));
  const surveyRows = await database.db.select().from(surveys).orderBy(asc(surveys.id));
  const answers = await database.db.select().from(surveyResponses).orderBy(asc(surveyResponses.id));
  const points = await database.db
    .select()
    .from(surveyCommunities)
    .orderBy(asc(surveyCommunities.id));
  const tasks = await database.db
    .select({ id: evaluationTasks.id, surveyId: evaluationTasks.surveyId })
    .from(evaluationTasks)
    .orderBy(asc(evaluationTasks.id));
  return {
    plans,
    surveyRows,
    answers,
    points,
    tasks,
    sheets,
    evidence,
    rectified,
    users: rows.map(({ lastLoginAt: _, ...rest }) => rest),
    audit: Number(audit?.n),
    sessions: Number(live?.n),
    imports: Number(imports?.n),
    projects,
  };
}

describeOnBothDatabases("access rules from the route table", (db) => {
  let app: ReturnType<typeof testApp>;
  let ids: Ids;

  beforeAll(async () => {
    app = testApp(db());
    const adminA = await addUser(db(), "admin.a", "admin", COUNTY_A);
    await addUser(db(), "admin.b", "admin", COUNTY_B);
    await addUser(db(), "viewer.a", "viewer", COUNTY_A);
    const target = await addUser(db(), "finance.a", "finance", COUNTY_A);
    const system = systemContext("test");
    const upload = (name: string) =>
      dataFile("communities", [community("驿城区", name)], { year: 2020, scopeName: "驿城区" });
    const stored = await importFile(db().db, system, {
      dataset: "communities",
      regionCode: COUNTY_A,
      year: 2020,
      fileName: "a.xlsx",
      bytes: await upload("已有小区"),
    });
    const preview = await previewImport(db().db, system, {
      dataset: "communities",
      regionCode: COUNTY_A,
      year: 2020,
      fileName: "b.xlsx",
      bytes: await upload("预览小区"),
    });
    const [row] = await db().db.select({ id: sql<number>`id` }).from(communityProjects);
    const launch = (name: string) =>
      createTask(db().db, system, {
        name,
        year: 2020,
        type: "self",
        frameworkCode: "zhumadian-2020",
        regionCode: COUNTY_A,
        regions: [COUNTY_A],
      });
    const toSave = await launch("驿城区自评（保存）");
    const toSubmit = await launch("驿城区自评（提交）");
    const toCancel = await launch("驿城区自评（撤销）");
    const toExtend = await launch("驿城区自评（增加地区）");
    await db().db.delete(evaluationSheets).where(eq(evaluationSheets.taskId, toExtend.id));
    const sheetIdOf = async (taskId: number) =>
      (await getTask(db().db, system, taskId)).sheets[0]?.id ?? 0;
    const submitSheetId = await sheetIdOf(toSubmit.id);
    await saveSheet(db().db, system, submitSheetId, {
      version: 1,
      entries: { ...ZHUMADIAN_ENTRIES, ...COUNTY_COMPLETION },
    });
    const cityTask = await createTask(db().db, system, {
      name: "驻马店市汇总",
      year: 2020,
      type: "department",
      frameworkCode: "zhumadian-2020",
      regionCode: "411700",
      regions: [COUNTY_A],
    });
    const citySheetId = await sheetIdOf(cityTask.id);
    const saved = await saveSheet(db().db, system, citySheetId, {
      version: 1,
      entries: { ...ZHUMADIAN_ENTRIES, ...COUNTY_COMPLETION },
    });
    const sent = await actOnSheet(db().db, system, citySheetId, {
      action: "submit",
      version: saved.version,
    });
    await actOnSheet(db().db, system, citySheetId, { action: "approve", version: sent.version });
    const saveSheetId = await sheetIdOf(toSave.id);
    const attach = (fileName: string) =>
      uploadEvidence(db().db, app.evidence, system, saveSheetId, {
        fileName,
        bytes: PNG,
        indicatorCode: null,
      });
    const plan = await createAllocationPlan(db().db, system, {
      regionCode: COUNTY_A,
      fileName: "驿城区分配.json",
      text: JSON.stringify(PLAN_FILE),
    });
    const scenario = await copyAllocationPlan(db().db, system, plan.id, "方案一");
    const dataPlan = await createAllocationPlan(db().db, system, {
      regionCode: COUNTY_A,
      fileName: "驿城区分配（数据）.json",
      text: JSON.stringify(PLAN_FILE),
    });
    const newSurvey = (title: string) =>
      createSurvey(db().db, system, {
        regionCode: COUNTY_A,
        year: 2020,
        title,
        template: "old-community-satisfaction",
      });
    const survey = await newSurvey("驿城区满意度调查");
    const point = await addSurveyCommunity(db().db, system, survey.id, {
      regionCode: COUNTY_A,
      name: "幸福小区",
    });
    const doomedPoint = await addSurveyCommunity(db().db, system, survey.id, {
      regionCode: COUNTY_A,
      name: "多余小区",
    });
    await actOnSurvey(db().db, system, survey.id, "publish");
    const surveyKey = await surveySecret(db().db);
    await submitPublicAnswer(db().db, {
      token: point.token,
      body: { ...SURVEY_ANSWER, ticket: issueTicket(surveyKey, point.token) },
      device: null,
      ip: null,
    });
    // A version 2 draft: something for the publish action to publish.
    const shown = await getSurvey(db().db, system, survey.id);
    await updateSurvey(db().db, system, survey.id, { questionnaire: shown.questionnaire });
    const [answer] = await db().db.select({ id: surveyResponses.id }).from(surveyResponses);
    ids = {
      surveyId: survey.id,
      doomedSurveyId: (await newSurvey("待删除的调查")).id,
      communityId: point.id,
      doomedCommunityId: doomedPoint.id,
      token: point.token,
      ticket: issueTicket(surveyKey, point.token),
      responseId: answer?.id ?? 0,
      planId: plan.id,
      scenarioId: scenario.id,
      dataPlanId: dataPlan.id,
      dataSheet: (await allocationDataFile(db().db, system, dataPlan.id)).bytes,
      rollUpTaskId: cityTask.id,
      cancelTaskId: toCancel.id,
      extendTaskId: toExtend.id,
      taskId: toSave.id,
      saveSheetId,
      evidenceId: (await attach("会议纪要.png")).id,
      doomedEvidenceId: (await attach("多余的.png")).id,
      submitSheetId,
      targetId: target.id,
      rowId: row?.id ?? 0,
      previewId: preview.importId,
      file: await upload("上传小区"),
      jobId: (
        await db()
          .db.insert(reportJobs)
          .values({
            userId: adminA.id,
            subject: "sheet",
            params: { sheetId: saveSheetId },
            title: "驿城区评分表",
            format: "xlsx",
            status: "done",
            fileName: "驿城区2020年评分表.xlsx",
            contentType: "application/octet-stream",
            bytes: new Uint8Array([80, 75, 3, 4]),
          })
          .returning()
      )[0]?.id as number,
    };
    expect(stored.added).toBe(1);
  });

  it("has a fixture for every route, and serves no /api route outside the table", () => {
    const tableKeys = app.routes.map(keyOf).sort();
    expect(tableKeys).toEqual(Object.keys(FIXTURES).sort());
    const served = app.app.routes
      .filter((r) => r.path.startsWith("/api/") && r.method !== "ALL")
      .filter((r) => !r.path.startsWith("/api/docs") && r.path !== "/api/openapi.json")
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    for (const key of served) expect(tableKeys).toContain(key);
  });

  it("answers 401 to every protected route without a session, changing nothing", async () => {
    const stranger = new ApiClient(app.app);
    const before = await snapshot(db());
    for (const def of app.routes.filter((d) => d.access.kind !== "public")) {
      const { path, body, form } = FIXTURES[keyOf(def)]?.request(ids) ?? { path: "" };
      const res = await stranger.request(def.route.method.toUpperCase(), path, { body, form });
      expect(res.status, keyOf(def)).toBe(401);
      expect(res.json.error.code, keyOf(def)).toBe("auth.required");
    }
    expect(await snapshot(db())).toEqual(before);
  });

  it("refuses every write to a viewer with 403, changing nothing", async () => {
    const viewer = await signedIn(app.app, "viewer.a");
    // One minute of the audit's flood limit, however long the loop takes.
    const minute = Date.now();
    auditThrottleOf(db().db, new AuditThrottle({ now: () => minute }));
    const before = await snapshot(db());
    const writes = app.routes.filter(
      (d) => d.route.method !== "get" && d.access.kind === "permission",
    );
    expect(writes.length).toBeGreaterThanOrEqual(3);
    for (const def of writes) {
      const { path, body, form } = FIXTURES[keyOf(def)]?.request(ids) ?? { path: "" };
      const res = await viewer.request(def.route.method.toUpperCase(), path, { body, form });
      expect(res.status, keyOf(def)).toBe(403);
    }
    expect(await snapshot(db())).toEqual(before);
    // Each refusal is audited, up to the flood limit of one user's entries a minute.
    const refused = await db()
      .db.select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "access.refused"), eq(auditLog.actorUsername, "viewer.a")));
    expect(Number(refused[0]?.n)).toBe(Math.min(writes.length, AUDIT_PER_KEY_PER_MINUTE));
  });

  it("refuses the sibling county's administrator on every region route, changing nothing", async () => {
    const sibling = await signedIn(app.app, "admin.b");
    const before = await snapshot(db());
    const scoped = app.routes.filter((d) => FIXTURES[keyOf(d)]?.scoped);
    expect(scoped.length).toBeGreaterThanOrEqual(7);
    for (const def of scoped) {
      const { path, body, form } = FIXTURES[keyOf(def)]?.request(ids) ?? { path: "" };
      const res = await sibling.request(def.route.method.toUpperCase(), path, { body, form });
      expect([403, 404], `${keyOf(def)} → ${res.status}`).toContain(res.status);
    }
    expect(await snapshot(db())).toEqual(before);
  });

  // The control: the same requests succeed for county A's own administrator, so the refusals
  // above are refusals and not broken fixtures.
  describe("the same requests by county A's administrator", () => {
    it("succeed", async () => {
      const owner = await signedIn(app.app, "admin.a");
      const order = app.routes.filter(
        (d) => !["/api/auth/logout", "/api/auth/password"].includes(d.route.path),
      );
      for (const def of order) {
        if (def.route.path === "/api/auth/login") continue;
        const { path, body, form } = FIXTURES[keyOf(def)]?.request(ids) ?? { path: "" };
        const res = await owner.request(def.route.method.toUpperCase(), path, { body, form });
        expect(res.status, `${keyOf(def)} ${JSON.stringify(res.json)}`).toBeLessThan(300);
      }
    });
  });
});
