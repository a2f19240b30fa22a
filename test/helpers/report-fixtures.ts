/**
 * Zhumadian's 2020 reports built from plain inputs (no database): the seed's scores (98.1 优), its
 * annex score table, and a city dashboard of two counties. Shared by the renderers' layout tests.
 */
import { DEFAULT_OPTIONS } from "../../src/domain/checks/index.ts";
import { buildDashboard, type Dashboard, type RegionFigures } from "../../src/domain/dashboard.ts";
import { walkIndicators } from "../../src/domain/frameworks/index.ts";
import {
  type EvaluationReportInput,
  evaluationReportDocument,
  type ReportDocument,
  scoreTableDocument,
  type TableBlock,
} from "../../src/domain/reports/index.ts";
import { scorecardToJson } from "../../src/domain/scoring/index.ts";
import { readFrameworkFile } from "../../src/services/evaluations/framework-files.ts";
import { FRAMEWORKS_DIR, scoreBuiltin } from "../scoring/builtin-helpers.ts";

/** A county's dashboard figures: nothing reported but what is given. */
export const countyFigures = (name: string, given: Partial<RegionFigures>): RegionFigures => ({
  code: name,
  name,
  level: "county",
  own: false,
  hasChildren: false,
  asOf: null,
  budgetYuan: null,
  spentYuan: null,
  planStarted: null,
  actualStarted: null,
  planCompleted: null,
  actualCompleted: null,
  score: null,
  grade: null,
  scoreSource: null,
  ...given,
});

const county = (name: string, budgetYuan: string, spentYuan: string): RegionFigures =>
  countyFigures(name, { asOf: "2020-12-31", budgetYuan, spentYuan });

/**
 * 驻马店市 2020: 15129 万元 central funds, 14584 万元 spent; 驿城区 has spent `yichengSpentYuan` of its
 * 100 万元 (behind schedule when under it), 西平县 all of it.
 */
export function zhumadianDashboard(yichengSpentYuan: string): Dashboard {
  return buildDashboard({
    year: 2020,
    scope: { code: "411700", name: "驻马店市", level: "city" },
    trail: [],
    funds: [{ source: "central", amountYuan: "151290000" }],
    spendSeries: [{ asOf: "2020-12-31", budgetYuan: "151290000", spentYuan: "145840000" }],
    planActual: [
      { stage: "completed", plan: { Communities: "342" }, actual: { Communities: "350" } },
    ],
    regions: [
      county("驿城区", "1000000", yichengSpentYuan),
      county("西平县", "1000000", "1000000"),
    ],
    grades: [],
    margins: DEFAULT_OPTIONS,
  });
}

/** Zhumadian's 2020 evaluation report over that dashboard, with the evidence given (附件2). */
export function zhumadianReport(
  dashboard: Dashboard,
  evidence: EvaluationReportInput["evidence"] = [],
): ReportDocument {
  const framework = readFrameworkFile(`${FRAMEWORKS_DIR}zhumadian-2020/framework.yaml`);
  const card = scoreBuiltin("zhumadian-2020");
  const table = scoreTableDocument(framework, card, { unit: "驻马店市" });
  const level1Of: Record<string, string> = {};
  let top = "";
  for (const node of walkIndicators(framework)) {
    if (node.level === 1) top = node.indicator.code;
    if (!node.indicator.children) level1Of[node.indicator.code] = top;
  }
  return evaluationReportDocument({
    region: "驻马店市",
    year: 2020,
    taskName: "城镇老旧小区改造资金绩效评价",
    frameworkName: "驻马店市老旧小区改造绩效评价指标体系",
    scorecard: scorecardToJson(card),
    comparison: null,
    problems: [],
    dashboard,
    scoreTable: table.blocks.find((b): b is TableBlock => b.kind === "table") as TableBlock,
    level1Of,
    subregions: [
      { rank: 1, region: "西平县", total: "100", grade: "优", status: "approved" },
      { rank: 2, region: "驿城区", total: "98.1", grade: "优", status: "approved" },
    ],
    evidence,
  });
}
