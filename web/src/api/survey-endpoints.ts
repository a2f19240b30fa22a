/** Typed calls of the satisfaction survey API (满意度调查): builder, collection points, answers, results. */
import type { z } from "@hono/zod-openapi";
import type {
  CommunityRequest,
  CrossTabAnswer,
  CrossTabQuery,
  NewSurveyRequest,
  OnSiteAnswerRequest,
  PublicSurvey,
  SurveyActionT,
  SurveyCommunityT,
  SurveyDetailT,
  SurveyResponseItemT,
  SurveyResponsePage,
  SurveyResultsT,
  SurveySummaryT,
  UpdateSurveyRequest,
  ValidityOverrideRequest,
} from "../../../src/shared/survey-schemas.ts";
import { request } from "./client.ts";

export type NewSurveyBody = z.input<typeof NewSurveyRequest>;
export type UpdateSurveyBody = z.input<typeof UpdateSurveyRequest>;
export type CommunityBody = z.input<typeof CommunityRequest>;
export type OnSiteAnswerBody = z.input<typeof OnSiteAnswerRequest>;
export type ValidityOverrideBody = z.input<typeof ValidityOverrideRequest>;
export type SurveyResponsePageT = z.output<typeof SurveyResponsePage>;
export type CrossTabAnswerT = z.output<typeof CrossTabAnswer>;
export type Demographic = z.output<typeof CrossTabQuery>["demographic"];
export type PublicSurveyT = z.output<typeof PublicSurvey>;

export const surveyApi = {
  list: (p: { year?: number; regionCode?: string }) =>
    request<{ items: SurveySummaryT[] }>("GET", "/api/surveys", {
      query: { year: p.year, regionCode: p.regionCode },
    }),
  create: (body: NewSurveyBody) => request<{ id: number }>("POST", "/api/surveys", { body }),
  survey: (id: number) => request<SurveyDetailT>("GET", `/api/surveys/${id}`),
  save: (id: number, body: UpdateSurveyBody) =>
    request<SurveyDetailT>("PUT", `/api/surveys/${id}`, { body }),
  remove: (id: number) => request<void>("DELETE", `/api/surveys/${id}`),
  act: (id: number, action: SurveyActionT) =>
    request<SurveyDetailT>("POST", `/api/surveys/${id}/actions`, { body: { action } }),
  addCommunity: (id: number, body: CommunityBody) =>
    request<SurveyCommunityT>("POST", `/api/surveys/${id}/communities`, { body }),
  saveCommunity: (id: number, communityId: number, body: CommunityBody) =>
    request<SurveyCommunityT>("PUT", `/api/surveys/${id}/communities/${communityId}`, { body }),
  removeCommunity: (id: number, communityId: number) =>
    request<void>("DELETE", `/api/surveys/${id}/communities/${communityId}`),
  /** Adds the community projects of the survey's year and region from Jixiao's data. */
  communitiesFromProjects: (id: number) =>
    request<{ added: number }>("POST", `/api/surveys/${id}/communities/from-projects`),
  enterPaper: (id: number, communityId: number, body: OnSiteAnswerBody) =>
    request<{ id: number }>("POST", `/api/surveys/${id}/communities/${communityId}/responses`, {
      body,
    }),
  responses: (
    id: number,
    p: { communityId?: number; valid?: "true" | "false"; page: number; pageSize: number },
  ) => request<SurveyResponsePageT>("GET", `/api/surveys/${id}/responses`, { query: p }),
  judge: (id: number, responseId: number, body: ValidityOverrideBody) =>
    request<SurveyResponseItemT>("PUT", `/api/surveys/${id}/responses/${responseId}/validity`, {
      body,
    }),
  results: (id: number) => request<SurveyResultsT>("GET", `/api/surveys/${id}/results`),
  crossTab: (id: number, question: string, demographic: Demographic) =>
    request<CrossTabAnswerT>("GET", `/api/surveys/${id}/cross-tab`, {
      query: { question, demographic },
    }),
  /** What a collection point's public page shows: the questionnaire collecting answers. */
  publicSurvey: (token: string) =>
    request<PublicSurveyT>("GET", `/api/public/surveys/${encodeURIComponent(token)}`),
  /** Links an evaluation task's satisfaction indicator to a survey (null unlinks). */
  linkTask: (taskId: number, surveyId: number | null) =>
    request<unknown>("PUT", `/api/evaluations/${taskId}/survey`, { body: { surveyId } }),
};

export const surveyExportUrl = (id: number) => `/api/surveys/${id}/export`;
export const surveyQrUrl = (id: number, communityId: number, format: "svg" | "png" = "svg") =>
  `/api/surveys/${id}/communities/${communityId}/qr${format === "png" ? "?format=png" : ""}`;
/** The absolute address residents open: the one the QR code carries. */
export const surveyPublicUrl = (publicPath: string) => `${window.location.origin}${publicPath}`;
