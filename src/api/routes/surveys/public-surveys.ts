/**
 * The residents' side of a survey, without a login: the questionnaire of a collection point and the
 * answer it takes. It reveals nothing else (no counts, no results, no other community). The device
 * cookie is signed so that one device's second answer is recognised and flagged.
 */
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { Db } from "../../../db/index.ts";
import {
  publicSurvey,
  publicTicket,
  signDevice,
  submitPublicAnswer,
  surveySecret,
  verifyDevice,
} from "../../../services/index.ts";
import { ErrorBody } from "../../../shared/schemas.ts";
import {
  PublicAnswerReceipt,
  PublicAnswerRequest,
  PublicSurvey,
  PublicTicket,
  PublicTokenParams,
} from "../../../shared/survey-schemas.ts";
import { clientAddress } from "../../client-address.ts";
import type { AppDeps, AppEnv } from "../../env.ts";
import {
  body,
  defineRoute,
  json,
  PROTECTED_ERRORS,
  PUBLIC,
  REFUSED,
  type RouteDef,
} from "../../route-table.ts";

export const DEVICE_COOKIE = "jixiao_device";
const tags = ["public surveys"];
const PUBLIC_ERRORS = {
  400: PROTECTED_ERRORS[400],
  403: PROTECTED_ERRORS[403],
  404: PROTECTED_ERRORS[404],
  429: json(ErrorBody, "提交过于频繁或访问码错误过多 / too many answers or wrong access codes"),
};

/** The device id of the signed cookie, setting a new one when there is none (or a forged one). */
export async function deviceOf(
  c: Context<AppEnv>,
  db: Db,
  secure: boolean,
): Promise<{ id: string; known: boolean }> {
  const key = await surveySecret(db);
  const known = verifyDevice(key, getCookie(c, DEVICE_COOKIE));
  if (known) return { id: known, known: true };
  const made = signDevice(key);
  setCookie(c, DEVICE_COOKIE, made.cookie, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure,
    maxAge: 365 * 24 * 3600,
  });
  return { id: made.id, known: false };
}

export function publicSurveyRoutes({
  database,
  secureCookies,
  surveyTicketHours,
}: AppDeps): RouteDef[] {
  const db = database.db;
  const secure = secureCookies ?? false;
  return [
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/public/surveys/{token}",
        tags,
        summary: "公开问卷 / the questionnaire of a community's public page (no login)",
        request: { params: PublicTokenParams },
        responses: { 200: json(PublicSurvey, "问卷 / questionnaire"), ...PUBLIC_ERRORS },
      }),
      PUBLIC,
      async (c) => {
        const device = await deviceOf(c, db, secure);
        const found = await publicSurvey(
          db,
          c.req.valid("param").token,
          device.known ? device.id : null,
        );
        return c.json(
          {
            title: found.title,
            communityName: found.communityName,
            status: found.status,
            needsAccessCode: found.needsAccessCode,
            answered: found.answered,
            questionnaire: (found.questionnaire ?? {}) as Record<string, unknown>,
          },
          200,
        );
      },
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/public/surveys/{token}/ticket",
        tags,
        summary:
          "新的页面凭据 / a fresh signed single-use ticket for one answer (the page's second questionnaire)",
        request: { params: PublicTokenParams },
        responses: { 200: json(PublicTicket, "凭据 / ticket"), ...PUBLIC_ERRORS },
      }),
      PUBLIC,
      async (c) => {
        c.header("Cache-Control", "no-store");
        const ticket = await publicTicket(db, c.req.valid("param").token, {
          ...(surveyTicketHours !== undefined && { ticketHours: surveyTicketHours }),
        });
        return c.json(ticket, 200);
      },
    ),
    defineRoute(
      createRoute({
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
      }),
      PUBLIC,
      async (c) => {
        const device = await deviceOf(c, db, secure);
        const receipt = await submitPublicAnswer(db, {
          token: c.req.valid("param").token,
          body: c.req.valid("json"),
          device: device.id,
          ip: clientAddress(c),
          ...(surveyTicketHours !== undefined && { ticketHours: surveyTicketHours }),
        });
        return c.json(receipt, 201);
      },
    ),
  ];
}
