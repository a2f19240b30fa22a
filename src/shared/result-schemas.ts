/** Request and response shapes of a sheet's result: scores, 问题 with their 整改, last year's comparison. */
import { z } from "@hono/zod-openapi";
import { SeverityName } from "./check-schemas.ts";
import { ScorecardGroup, ScorecardIndicator, SheetStatusName } from "./evaluation-schemas.ts";
import { pathId, Version } from "./schemas.ts";
import { ShortText } from "./text-schemas.ts";

/** 待整改 / 整改中 / 已整改 / 已验收. */
export const RECTIFICATION_STATUS_CODES = ["open", "in-progress", "done", "verified"] as const;
export const RectificationStatusName = z.enum(RECTIFICATION_STATUS_CODES);

const optionalText = (max: number) => z.string().max(max).nullable().optional();

export const RectificationParams = z.object({
  id: pathId("id"),
  key: z
    .string()
    .min(1)
    .max(200)
    .openapi({
      param: { name: "key", in: "path", required: true },
      description: "问题的键（URL 编码）：指标代码，或规则@位置 / the problem's key, URL-encoded",
      example: "C.5",
    }),
});

export const RectificationRequest = z
  .object({
    /** The version read; null when the problem has no rectification yet. */
    version: Version.nullable(),
    owner: optionalText(200),
    deadline: z.iso.date().nullable().optional(),
    status: RectificationStatusName,
    result: optionalText(4000),
    followUp: optionalText(4000),
  })
  .openapi("RectificationRequest");

export const Rectification = z
  .object({
    id: z.number().int(),
    problemKey: z.string(),
    description: z.string(),
    owner: z.string().nullable(),
    deadline: z.string().nullable(),
    status: RectificationStatusName,
    result: z.string().nullable(),
    followUp: z.string().nullable(),
    version: z.number().int(),
    /** The deadline has passed and the work is neither done nor verified. */
    overdue: z.boolean(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi("Rectification");

const YearFigures = z.object({ points: z.string(), score: z.string(), rate: z.string() });
const ComparisonLine = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  thisYear: YearFigures.nullable(),
  lastYear: YearFigures.nullable(),
  change: z.string().nullable(),
  rateChange: z.string().nullable(),
});

export const SheetResult = z
  .object({
    id: z.number().int(),
    status: SheetStatusName,
    task: z.object({
      id: z.number().int(),
      name: z.string(),
      year: z.number().int(),
      type: z.string(),
      frameworkCode: z.string(),
      frameworkName: z.string(),
    }),
    region: z.object({ code: z.string(), name: z.string() }),
    /** The day overdue is judged on and the checks look from, YYYY-MM-DD. */
    asOf: z.string(),
    points: z.string(),
    total: z.string(),
    rate: z.string(),
    grade: z.string(),
    /** Rank among the task's scored sheets the user may see (ties share a rank), and how many. */
    rank: z.number().int().nullable(),
    ranked: z.number().int(),
    groups: z.array(ScorecardGroup),
    indicators: z.array(ScorecardIndicator),
    problems: z.array(
      z.object({
        key: z.string(),
        source: z.enum(["score", "finding"]),
        severity: SeverityName,
        indicator: z.string().nullable(),
        rule: z.string().nullable(),
        regionCode: z.string().nullable(),
        regionName: z.string().nullable(),
        text: ShortText,
        figures: z.record(z.string(), z.string()),
        /** False for a rectified problem the sheet no longer has (its text is the recorded one). */
        current: z.boolean(),
        rectification: Rectification.nullable(),
      }),
    ),
    comparison: z
      .object({
        previous: z.object({
          sheetId: z.number().int(),
          taskId: z.number().int(),
          taskName: z.string(),
          year: z.number().int(),
          frameworkCode: z.string(),
        }),
        total: ComparisonLine,
        grade: z.object({ thisYear: z.string(), lastYear: z.string(), changed: z.boolean() }),
        groups: z.array(ComparisonLine),
      })
      .nullable(),
    /** What the user may do with the 整改 records. */
    can: z.object({ fill: z.boolean(), review: z.boolean() }),
  })
  .openapi("SheetResult");

export type RectificationStatusT = z.infer<typeof RectificationStatusName>;
export type RectificationRequestT = z.infer<typeof RectificationRequest>;
export type RectificationT = z.infer<typeof Rectification>;
export type SheetResultT = z.infer<typeof SheetResult>;
export type SheetProblemT = SheetResultT["problems"][number];
export type ComparisonLineT = z.infer<typeof ComparisonLine>;
