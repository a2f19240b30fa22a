/** Satisfaction surveys: the builder's data, collection points with QR codes, answers, results, export. */
import QRCode from "qrcode";
import {
  actOnSurvey,
  addCommunitiesFromProjects,
  addSurveyCommunity,
  createSurvey,
  deleteSurvey,
  deleteSurveyCommunity,
  enterPaperAnswer,
  getSurvey,
  linkTaskSurvey,
  listSurveyResponses,
  listSurveys,
  overrideValidity,
  surveyCommunityLink,
  surveyCrossTab,
  surveyResults,
  surveyWorkbookFile,
  updateSurvey,
  updateSurveyCommunity,
} from "../../../services/index.ts";
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
  surveyResultsRoute,
  surveyRoute,
  updateCommunityRoute,
  updateSurveyRoute,
} from "../../../shared/routes/surveys.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";
import { fileBody } from "../datasets/schema.ts";

export function surveyRoutes({ database, publicUrl }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(listSurveysRoute, can("survey:read"), async (c) =>
      c.json({ items: await listSurveys(db, c.get("ctx"), c.req.valid("query")) }, 200),
    ),
    defineRoute(createSurveyRoute, can("survey:edit"), async (c) =>
      c.json(await createSurvey(db, c.get("ctx"), c.req.valid("json")), 201),
    ),
    defineRoute(surveyRoute, can("survey:read"), async (c) =>
      c.json(await getSurvey(db, c.get("ctx"), c.req.valid("param").id), 200),
    ),
    defineRoute(updateSurveyRoute, can("survey:edit"), async (c) =>
      c.json(
        await updateSurvey(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
    ),
    defineRoute(deleteSurveyRoute, can("survey:edit"), async (c) => {
      await deleteSurvey(db, c.get("ctx"), c.req.valid("param").id);
      return c.body(null, 204);
    }),
    defineRoute(actOnSurveyRoute, can("survey:edit"), async (c) =>
      c.json(
        await actOnSurvey(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json").action),
        200,
      ),
    ),
    defineRoute(addCommunityRoute, can("survey:edit"), async (c) =>
      c.json(
        await addSurveyCommunity(db, c.get("ctx"), c.req.valid("param").id, c.req.valid("json")),
        201,
      ),
    ),
    defineRoute(communitiesFromProjectsRoute, can("survey:edit"), async (c) =>
      c.json(await addCommunitiesFromProjects(db, c.get("ctx"), c.req.valid("param").id), 200),
    ),
    defineRoute(updateCommunityRoute, can("survey:edit"), async (c) => {
      const { id, communityId } = c.req.valid("param");
      return c.json(
        await updateSurveyCommunity(db, c.get("ctx"), id, communityId, c.req.valid("json")),
        200,
      );
    }),
    defineRoute(deleteCommunityRoute, can("survey:edit"), async (c) => {
      const { id, communityId } = c.req.valid("param");
      await deleteSurveyCommunity(db, c.get("ctx"), id, communityId);
      return c.body(null, 204);
    }),
    defineRoute(communityQrRoute, can("survey:read"), async (c) => {
      const { id, communityId } = c.req.valid("param");
      const link = await surveyCommunityLink(db, c.get("ctx"), id, communityId);
      const url = `${publicUrl ?? new URL(c.req.url).origin}${link.path}`;
      const headers = { "Cache-Control": "private, max-age=300" };
      if (c.req.valid("query").format === "png") {
        const png = await QRCode.toBuffer(url, {
          errorCorrectionLevel: "M",
          margin: 2,
          width: 600,
        });
        c.header("Cache-Control", headers["Cache-Control"]);
        return fileBody(
          c,
          { fileName: `${link.name}二维码.png`, contentType: "image/png", bytes: png },
          `survey-${communityId}.png`,
        );
      }
      const svg = await QRCode.toString(url, {
        type: "svg",
        errorCorrectionLevel: "M",
        margin: 2,
      });
      return c.body(svg, 200, { ...headers, "Content-Type": "image/svg+xml; charset=utf-8" });
    }),
    defineRoute(enterPaperAnswerRoute, can("survey:collect"), async (c) => {
      const { id, communityId } = c.req.valid("param");
      return c.json(
        await enterPaperAnswer(db, c.get("ctx"), id, communityId, c.req.valid("json")),
        201,
      );
    }),
    defineRoute(listResponsesRoute, can("survey:read"), async (c) =>
      c.json(
        await listSurveyResponses(
          db,
          c.get("ctx"),
          c.req.valid("param").id,
          c.req.valid("query"),
          c.get("locale"),
        ),
        200,
      ),
    ),
    defineRoute(judgeResponseRoute, can("survey:judge"), async (c) => {
      const { id, responseId } = c.req.valid("param");
      return c.json(
        await overrideValidity(
          db,
          c.get("ctx"),
          id,
          responseId,
          c.req.valid("json"),
          c.get("locale"),
        ),
        200,
      );
    }),
    defineRoute(surveyResultsRoute, can("survey:read"), async (c) =>
      c.json(await surveyResults(db, c.get("ctx"), c.req.valid("param").id, c.get("locale")), 200),
    ),
    defineRoute(crossTabRoute, can("survey:read"), async (c) =>
      c.json(
        await surveyCrossTab(
          db,
          c.get("ctx"),
          c.req.valid("param").id,
          c.req.valid("query"),
          c.get("locale"),
        ),
        200,
      ),
    ),
    defineRoute(exportSurveyRoute, can("survey:read"), async (c) =>
      fileBody(
        c,
        await surveyWorkbookFile(db, c.get("ctx"), c.req.valid("param").id),
        "survey.xlsx",
      ),
    ),
    defineRoute(linkTaskSurveyRoute, can("evaluation:manage"), async (c) =>
      c.json(
        await linkTaskSurvey(
          db,
          c.get("ctx"),
          c.req.valid("param").id,
          c.req.valid("json").surveyId,
        ),
        200,
      ),
    ),
  ];
}
