/**
 * Route definitions, no handlers (those are in src/api/routes/surveys/surveys.ts). Satisfaction
 * surveys: the builder's data, collection points with QR codes, answers, results, export.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { IdParam } from "../schemas.ts";
import {
  CommunityRequest,
  CrossTabAnswer,
  CrossTabQuery,
  NewSurveyRequest,
  OnSiteAnswerRequest,
  SurveyActionRequest,
  SurveyCommunity,
  SurveyCommunityParams,
  SurveyDetail,
  SurveyListQuery,
  SurveyParams,
  SurveyResponseItem,
  SurveyResponsePage,
  SurveyResponseParams,
  SurveyResponseQuery,
  SurveyResults,
  SurveySummary,
  TaskSurveyRequest,
  UpdateSurveyRequest,
  ValidityOverrideRequest,
} from "../survey-schemas.ts";
import {
  body,
  Created,
  FILE_RESPONSE,
  json,
  noContent,
  PROTECTED_ERRORS,
  REFUSED,
} from "./helpers.ts";

const tags = ["surveys"];

export const listSurveysRoute = createRoute({
  method: "get",
  path: "/api/surveys",
  tags,
  summary: "满意度调查 / surveys of your region, below it, and above it (your part)",
  request: { query: SurveyListQuery },
  responses: {
    200: json(z.object({ items: z.array(SurveySummary) }), "调查 / surveys"),
    ...PROTECTED_ERRORS,
  },
});

export const createSurveyRoute = createRoute({
  method: "post",
  path: "/api/surveys",
  tags,
  summary: "新建调查 / a survey from the standard questionnaire, a copy or a file",
  request: body(NewSurveyRequest),
  responses: { 201: json(Created, "已创建 / created"), ...PROTECTED_ERRORS, ...REFUSED },
});

export const surveyRoute = createRoute({
  method: "get",
  path: "/api/surveys/{id}",
  tags,
  summary: "调查详情 / a survey: questionnaire, versions, settings, communities",
  request: { params: SurveyParams },
  responses: { 200: json(SurveyDetail, "调查 / survey"), ...PROTECTED_ERRORS },
});

export const updateSurveyRoute = createRoute({
  method: "put",
  path: "/api/surveys/{id}",
  tags,
  summary: "修改调查 / title, settings, or the questionnaire (saved as the draft version)",
  request: { params: SurveyParams, ...body(UpdateSurveyRequest) },
  responses: { 200: json(SurveyDetail, "调查 / survey"), ...PROTECTED_ERRORS, ...REFUSED },
});

export const deleteSurveyRoute = createRoute({
  method: "delete",
  path: "/api/surveys/{id}",
  tags,
  summary: "删除调查 / delete a survey without answers",
  request: { params: SurveyParams },
  responses: { ...noContent, ...PROTECTED_ERRORS, ...REFUSED },
});

export const actOnSurveyRoute = createRoute({
  method: "post",
  path: "/api/surveys/{id}/actions",
  tags,
  summary: "发布、关闭、重新开放 / publish the draft, close or reopen collection",
  request: { params: SurveyParams, ...body(SurveyActionRequest) },
  responses: { 200: json(SurveyDetail, "调查 / survey"), ...PROTECTED_ERRORS, ...REFUSED },
});

export const addCommunityRoute = createRoute({
  method: "post",
  path: "/api/surveys/{id}/communities",
  tags,
  summary: "添加调查点 / add a community with its public link",
  request: { params: SurveyParams, ...body(CommunityRequest) },
  responses: {
    201: json(SurveyCommunity, "调查点 / community"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});

export const communitiesFromProjectsRoute = createRoute({
  method: "post",
  path: "/api/surveys/{id}/communities/from-projects",
  tags,
  summary: "从小区项目台账导入调查点 / add the year's community projects as communities",
  request: { params: SurveyParams },
  responses: {
    200: json(z.object({ added: z.number().int() }), "已添加 / added"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});

export const updateCommunityRoute = createRoute({
  method: "put",
  path: "/api/surveys/{id}/communities/{communityId}",
  tags,
  summary: "修改调查点 / change a community's name, households or access code",
  request: { params: SurveyCommunityParams, ...body(CommunityRequest) },
  responses: {
    200: json(SurveyCommunity, "调查点 / community"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});

export const deleteCommunityRoute = createRoute({
  method: "delete",
  path: "/api/surveys/{id}/communities/{communityId}",
  tags,
  summary: "删除调查点 / delete a community without answers",
  request: { params: SurveyCommunityParams },
  responses: { ...noContent, ...PROTECTED_ERRORS, ...REFUSED },
});

export const communityQrRoute = createRoute({
  method: "get",
  path: "/api/surveys/{id}/communities/{communityId}/qr",
  tags,
  summary: "调查点二维码 / the QR code of the community's public page (SVG, or ?format=png)",
  request: {
    params: SurveyCommunityParams,
    query: z.object({ format: z.enum(["svg", "png"]).default("svg") }),
  },
  responses: {
    200: {
      content: {
        "image/svg+xml": { schema: z.string() },
        "image/png": { schema: z.string().openapi({ format: "binary" }) },
      },
      description: "二维码 / QR code",
    },
    ...PROTECTED_ERRORS,
  },
});

export const enterPaperAnswerRoute = createRoute({
  method: "post",
  path: "/api/surveys/{id}/communities/{communityId}/responses",
  tags,
  summary: "现场录入纸质问卷 / enter a paper questionnaire collected on site",
  request: { params: SurveyCommunityParams, ...body(OnSiteAnswerRequest) },
  responses: {
    201: json(z.object({ id: z.number().int(), receipt: z.string() }), "已录入 / stored"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});

export const listResponsesRoute = createRoute({
  method: "get",
  path: "/api/surveys/{id}/responses",
  tags,
  summary: "答卷列表 / answers with their validity and reasons, newest first",
  request: { params: SurveyParams, query: SurveyResponseQuery },
  responses: { 200: json(SurveyResponsePage, "答卷 / answers"), ...PROTECTED_ERRORS },
});

export const judgeResponseRoute = createRoute({
  method: "put",
  path: "/api/surveys/{id}/responses/{responseId}/validity",
  tags,
  summary: "人工认定答卷有效性 / mark an answer valid or invalid by hand (null: the rules again)",
  request: { params: SurveyResponseParams, ...body(ValidityOverrideRequest) },
  responses: {
    200: json(SurveyResponseItem, "答卷 / answer"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});

export const surveyResultsRoute = createRoute({
  method: "get",
  path: "/api/surveys/{id}/results",
  tags,
  summary: "调查结果 / rates per community, county, city, province with margins; free text",
  request: { params: SurveyParams },
  responses: { 200: json(SurveyResults, "结果 / results"), ...PROTECTED_ERRORS },
});

export const crossTabRoute = createRoute({
  method: "get",
  path: "/api/surveys/{id}/cross-tab",
  tags,
  summary: "交叉分析 / a choice question's answers split by a demographic",
  request: { params: SurveyParams, query: CrossTabQuery },
  responses: {
    200: json(CrossTabAnswer, "交叉表 / cross-tab"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});

export const exportSurveyRoute = createRoute({
  method: "get",
  path: "/api/surveys/{id}/export",
  tags,
  summary: "导出调查 / results and answers as .xlsx",
  request: { params: SurveyParams },
  responses: { 200: FILE_RESPONSE, ...PROTECTED_ERRORS },
});

export const linkTaskSurveyRoute = createRoute({
  method: "put",
  path: "/api/evaluations/{id}/survey",
  tags: ["evaluations"],
  summary: "关联满意度调查 / the survey the task's satisfaction indicator reads (null: none)",
  request: { params: IdParam, ...body(TaskSurveyRequest) },
  responses: {
    200: json(TaskSurveyRequest, "已关联 / linked"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});
