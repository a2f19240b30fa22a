/** Request and response shapes of the dashboard API. */
import { z } from "@hono/zod-openapi";
import { SeverityName } from "./check-schemas.ts";
import { Year } from "./data-schemas.ts";
import { RegionCode } from "./schemas.ts";

export const DashboardQuery = z.object({ regionCode: RegionCode.optional(), year: Year });

const Region = z.object({ code: z.string(), name: z.string(), level: z.string() });
const Figure = z.string().nullable();

const RegionLine = Region.extend({
  own: z.boolean(),
  hasChildren: z.boolean(),
  asOf: Figure,
  budget: Figure.openapi({ description: "万元" }),
  spent: Figure.openapi({ description: "万元" }),
  spendRate: Figure.openapi({ description: "%" }),
  schedule: Figure.openapi({ description: "时间进度 %" }),
  gap: Figure,
  severity: SeverityName.nullable(),
  startRate: Figure.openapi({ description: "开工小区完成率 %" }),
  completionRate: Figure.openapi({ description: "竣工小区完成率 %" }),
  score: Figure,
  grade: Figure,
  scoreSource: z.enum(["evaluation", "published"]).nullable(),
  scoreRank: z.number().int().nullable(),
});

export const DashboardAnswer = z
  .object({
    year: z.number().int(),
    scope: Region,
    trail: z.array(Region),
    funds: z.array(
      z.object({
        source: z.string(),
        zh: z.string(),
        en: z.string(),
        amount: z.string(),
        share: z.string(),
      }),
    ),
    fundsTotal: Figure,
    spend: z.array(
      z.object({
        asOf: z.string(),
        budget: z.string(),
        spent: z.string(),
        rate: Figure,
        schedule: z.string(),
      }),
    ),
    planActual: z.array(
      z.object({
        stage: z.string(),
        zh: z.string(),
        en: z.string(),
        measures: z.array(
          z.object({
            key: z.string(),
            zh: z.string(),
            unit: z.string(),
            plan: Figure,
            actual: Figure,
            rate: Figure,
          }),
        ),
      }),
    ),
    regions: z.array(RegionLine),
    scores: z.array(RegionLine),
    grades: z.array(z.object({ grade: z.string(), count: z.number().int() })),
    alerts: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        severity: SeverityName,
        spendRate: z.string(),
        schedule: z.string(),
        gap: z.string(),
      }),
    ),
  })
  .openapi("Dashboard");

export type DashboardT = z.infer<typeof DashboardAnswer>;
