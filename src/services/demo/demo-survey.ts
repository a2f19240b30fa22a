/**
 * The demo's satisfaction survey: 杭州市's 2020 survey run by its third-party evaluator, with the
 * 470 questionnaires the Hangzhou seed report counts (12 answered too fast), so that the results
 * page shows the report's own figures: 458 valid, 综合满意度 82.75% (± 3.46% at 95%).
 */
import { randomBytes } from "node:crypto";
import type { DbOrTx } from "../../db/index.ts";
import { surveyResponses } from "../../db/schema.ts";
import { checkAnswer, prepareQuestionnaire } from "../../domain/surveys/index.ts";
import type { ServiceContext } from "../context.ts";
import {
  actOnSurvey,
  addSurveyCommunity,
  createSurvey,
  STANDARD_QUESTIONNAIRE,
} from "../surveys/survey-service.ts";

/** The aspect ratings: the standard questionnaire's satisfaction questions but the overall one. */
const SPEC = STANDARD_QUESTIONNAIRE.satisfaction as { questions: string[]; overall: string };
const ASPECTS = SPEC.questions.filter((key) => key !== SPEC.overall);
const SCALE = ["very-satisfied", "satisfied", "basically-satisfied", "dissatisfied"];
const AGES = ["30-44", "45-59", "60-74", "75-plus", "under-30"];

/**
 * Two communities: [district, name, answers, satisfied overall, too fast]. Their households are left
 * unknown, as the report gives none: the margin is then the report's own, without the finite
 * population correction.
 */
const PLACES: [string, string, number, number, number][] = [
  ["330102", "清波街道荷花池头小区", 300, 250, 8],
  ["330105", "米市巷街道大关苑小区", 170, 129, 4],
];

/** Seeds the survey inside the caller's transaction; returns how many answers it stored. */
export async function seedDemoSurvey(tx: DbOrTx, evaluator: ServiceContext): Promise<number> {
  const { id } = await createSurvey(tx, evaluator, {
    regionCode: "330100",
    year: 2020,
    title: "杭州市老旧小区综合改造提升居民满意度调查",
    template: "old-community-satisfaction",
  });
  const points = [];
  for (const [regionCode, name] of PLACES)
    points.push(await addSurveyCommunity(tx, evaluator, id, { regionCode, name }));
  const survey = await actOnSurvey(tx, evaluator, id, "publish");
  const q = prepareQuestionnaire(survey.questionnaire);
  const rows: (typeof surveyResponses.$inferInsert)[] = [];
  // Fixed times in June 2020 and a fixed pattern of answers: the demo is the same on every start.
  let n = 0;
  for (const [i, [, name, total, satisfied, tooFast]] of PLACES.entries()) {
    const point = points[i];
    if (!point) continue;
    for (let k = 0; k < total; k += 1) {
      n += 1;
      const valid = total - tooFast;
      const overall = k < satisfied ? SCALE[k % 3] : k < valid ? "dissatisfied" : "very-satisfied";
      const seconds = k < valid ? 120 + ((k * 37) % 400) : 25 + (k % 30);
      const start = Date.parse("2020-06-10T01:00:00Z") + n * 517_000;
      const answers: Record<string, unknown> = {
        community: name,
        building: `${(k % 12) + 1}幢`,
        "age-band": AGES[k % AGES.length],
        tenure: k % 7 === 0 ? "tenant" : "owner",
        overall,
        ...Object.fromEntries(ASPECTS.map((key, j) => [key, SCALE[(k + j) % SCALE.length]])),
        improve: [ASPECTS[k % ASPECTS.length], ASPECTS[(k + 3) % ASPECTS.length]],
      };
      if (overall === "dissatisfied") answers["overall-reason"] = "楼道内管线仍较杂乱";
      if (k % 25 === 0) answers.suggestion = "希望增加电动自行车充电桩和休闲座椅";
      const normal = checkAnswer(q, {
        questionnaireVersion: 1,
        answers,
        startedAt: new Date(start).toISOString(),
        submittedAt: new Date(start + seconds * 1000).toISOString(),
      });
      rows.push({
        surveyId: id,
        communityId: point.id,
        version: 1,
        answers: normal.answers,
        startedAt: new Date(normal.startedAt),
        submittedAt: new Date(normal.submittedAt),
        receivedAt: new Date(normal.submittedAt),
        mode: "online",
        device: randomBytes(16).toString("base64url"),
        receipt: `DEMO${String(n).padStart(4, "0")}`,
      });
    }
  }
  for (let at = 0; at < rows.length; at += 200)
    await tx.insert(surveyResponses).values(rows.slice(at, at + 200));
  return rows.length;
}
