/** A survey as an Excel workbook: results by place and question, every answer, free text. */
import type { DbOrTx } from "../../db/index.ts";
import { runTask } from "../../workers/pool.ts";
import type { ServiceContext } from "../context.ts";
import { loadSurvey } from "./survey-access.ts";
import { loadSurveyAnswers, responseItem, resultsOf } from "./survey-results-service.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function surveyWorkbookFile(db: DbOrTx, ctx: ServiceContext, id: number) {
  const view = await loadSurvey(db, ctx, id);
  const loaded = await loadSurveyAnswers(db, view);
  const results = resultsOf(loaded, "zh-CN");
  const bytes = await runTask("surveyWorkbook", {
    title: view.survey.title,
    regionName: view.region.name,
    year: view.survey.year,
    settings: loaded.settings,
    results,
    responses: loaded.answers.map((a) => responseItem(a, "zh-CN")),
    questions: results.questions,
  });
  return {
    // "2020年杭州市…调查.xlsx"; a title that names its year already is not given it twice.
    fileName: `${view.survey.title.includes(String(view.survey.year)) ? "" : `${view.survey.year}年`}${view.survey.title}.xlsx`,
    contentType: XLSX,
    bytes: new Uint8Array(bytes),
  };
}
