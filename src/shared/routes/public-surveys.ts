/**
 * Route definitions, no handlers (those are in src/api/routes/surveys/public-surveys.ts). The
 * residents' side of a survey, without a login: the questionnaire of a collection point and the
 * answer it takes. It reveals nothing else (no counts, no results, no other community). The device
 * cookie is signed so that one device's second answer is recognised and flagged.
 */
import { createRoute } from "@hono/zod-openapi";
import { ErrorBody } from "../schemas.ts";
import {
  PublicAnswerReceipt,
  PublicAnswerRequest,
  PublicSurvey,
  PublicTicket,
  PublicTokenParams,
} from "../survey-schemas.ts";
import { body, json, PROTECTED_ERRORS, REFUSED } from "./helpers.ts";

const tags = ["public surveys"];

const PUBLIC_ERRORS = {
  400: PROTECTED_ERRORS[400],
  403: PROTECTED_ERRORS[403],
  404: PROTECTED_ERRORS[404],
  429: json(ErrorBody, "提交过于频繁或访问码错误过多 / too many answers or wrong access codes"),
};

export const publicSurveyRoute = createRoute({
  method: "get",
  path: "/api/public/surveys/{token}",
  tags,
  summary: "公开问卷 / the questionnaire of a community's public page (no login)",
  request: { params: PublicTokenParams },
  responses: { 200: json(PublicSurvey, "问卷 / questionnaire"), ...PUBLIC_ERRORS },
});

export const publicSurveyTicketRoute = createRoute({
  method: "get",
  path: "/api/public/surveys/{token}/ticket",
  tags,
  summary:
    "新的页面凭据 / a fresh signed single-use ticket for one answer (the page's second questionnaire)",
  request: { params: PublicTokenParams },
  responses: { 200: json(PublicTicket, "凭据 / ticket"), ...PUBLIC_ERRORS },
});

export const publicSurveyAnswerRoute = createRoute({
  method: "post",
  path: "/api/public/surveys/{token}/answers",
  tags,
  summary:
    "提交答卷 / a resident's answer with its page's single-use ticket; acknowledged only once stored (a device's second answer is kept, flagged)",
  request: { params: PublicTokenParams, ...body(PublicAnswerRequest) },
  responses: {
    201: json(PublicAnswerReceipt, "已提交 / stored"),
    ...PUBLIC_ERRORS,
    ...REFUSED,
  },
});
