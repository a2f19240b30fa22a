/** Calls of the satisfaction survey API (满意度调查): builder, collection points, answers, results. */
import {
  actOnSurveyRoute,
  addCommunityRoute,
  communitiesFromProjectsRoute,
  communityQrRoute,
  createSurveyRoute,
  crossTabRoute,
  deleteCommunityRoute,
  deleteSurveyRoute,
  enterPaperAnswerRoute,
  exportSurveyRoute,
  judgeResponseRoute,
  linkTaskSurveyRoute,
  listResponsesRoute,
  listSurveysRoute,
  publicSurveyRoute,
  surveyResultsRoute,
  surveyRoute,
  updateCommunityRoute,
  updateSurveyRoute,
} from "../../../src/shared/routes/addresses.ts";
import { call, hrefTo, type RouteBody, type RouteOutput, type RouteQuery } from "./call.ts";

export type CrossTabAnswerT = RouteOutput<typeof crossTabRoute>;
export type Demographic = RouteQuery<typeof crossTabRoute>["demographic"];
type CommunityBody = RouteBody<typeof addCommunityRoute>;

export const surveyApi = {
  list: (query: RouteQuery<typeof listSurveysRoute>) => call(listSurveysRoute, { query }),
  create: (json: RouteBody<typeof createSurveyRoute>) => call(createSurveyRoute, { json }),
  survey: (id: number) => call(surveyRoute, { params: { id } }),
  save: (id: number, json: RouteBody<typeof updateSurveyRoute>) =>
    call(updateSurveyRoute, { params: { id }, json }),
  remove: (id: number) => call(deleteSurveyRoute, { params: { id } }),
  act: (id: number, action: RouteBody<typeof actOnSurveyRoute>["action"]) =>
    call(actOnSurveyRoute, { params: { id }, json: { action } }),
  addCommunity: (id: number, json: CommunityBody) =>
    call(addCommunityRoute, { params: { id }, json }),
  saveCommunity: (id: number, communityId: number, json: CommunityBody) =>
    call(updateCommunityRoute, { params: { id, communityId }, json }),
  removeCommunity: (id: number, communityId: number) =>
    call(deleteCommunityRoute, { params: { id, communityId } }),
  /** Adds the community projects of the survey's year and region from Jixiao's data. */
  communitiesFromProjects: (id: number) => call(communitiesFromProjectsRoute, { params: { id } }),
  enterPaper: (id: number, communityId: number, json: RouteBody<typeof enterPaperAnswerRoute>) =>
    call(enterPaperAnswerRoute, { params: { id, communityId }, json }),
  responses: (id: number, query: RouteQuery<typeof listResponsesRoute>) =>
    call(listResponsesRoute, { params: { id }, query }),
  judge: (id: number, responseId: number, json: RouteBody<typeof judgeResponseRoute>) =>
    call(judgeResponseRoute, { params: { id, responseId }, json }),
  results: (id: number) => call(surveyResultsRoute, { params: { id } }),
  crossTab: (id: number, question: string, demographic: Demographic) =>
    call(crossTabRoute, { params: { id }, query: { question, demographic } }),
  /** What a collection point's public page shows: the questionnaire collecting answers. */
  publicSurvey: (token: string) => call(publicSurveyRoute, { params: { token } }),
  /** Links an evaluation task's satisfaction indicator to a survey (null unlinks). */
  linkTask: (taskId: number, surveyId: number | null) =>
    call(linkTaskSurveyRoute, { params: { id: taskId }, json: { surveyId } }),
};

export const surveyExportUrl = (id: number) => hrefTo(exportSurveyRoute, { params: { id } });
/** The SVG address carries no query: the server's default format. */
export const surveyQrUrl = (
  id: number,
  communityId: number,
  format: RouteQuery<typeof communityQrRoute>["format"] = "svg",
) =>
  hrefTo(communityQrRoute, {
    params: { id, communityId },
    query: { format: format === "png" ? format : undefined },
  });
/** The absolute address residents open: the one the QR code carries. */
export const surveyPublicUrl = (publicPath: string) => `${window.location.origin}${publicPath}`;
