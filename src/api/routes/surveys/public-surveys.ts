/**
 * The residents' side of a survey, without a login: the questionnaire of a collection point and the
 * answer it takes. It reveals nothing else (no counts, no results, no other community). The device
 * cookie is signed so that one device's second answer is recognised and flagged.
 */
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
import {
  publicSurveyAnswerRoute,
  publicSurveyRoute,
  publicSurveyTicketRoute,
} from "../../../shared/routes/public-surveys.ts";
import { clientAddress } from "../../client-address.ts";
import type { AppDeps, AppEnv } from "../../env.ts";
import { defineRoute, PUBLIC, type RouteDef } from "../../route-table.ts";

export const DEVICE_COOKIE = "jixiao_device";

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
    defineRoute(publicSurveyRoute, PUBLIC, async (c) => {
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
    }),
    defineRoute(publicSurveyTicketRoute, PUBLIC, async (c) => {
      c.header("Cache-Control", "no-store");
      const ticket = await publicTicket(db, c.req.valid("param").token, {
        ...(surveyTicketHours !== undefined && { ticketHours: surveyTicketHours }),
      });
      return c.json(ticket, 200);
    }),
    defineRoute(publicSurveyAnswerRoute, PUBLIC, async (c) => {
      const device = await deviceOf(c, db, secure);
      const receipt = await submitPublicAnswer(db, {
        token: c.req.valid("param").token,
        body: c.req.valid("json"),
        device: device.id,
        ip: clientAddress(c),
        ...(surveyTicketHours !== undefined && { ticketHours: surveyTicketHours }),
      });
      return c.json(receipt, 201);
    }),
  ];
}
