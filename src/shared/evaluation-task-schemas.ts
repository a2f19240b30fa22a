/** Request and response shapes of changing an evaluation task after its launch. */
import { z } from "@hono/zod-openapi";
import { DateText, RegionCode, Version } from "./schemas.ts";

export const TaskEditRequest = z
  .object({
    version: Version,
    name: z.string().trim().min(1).max(200).optional(),
    deadline: DateText.nullable().optional(),
  })
  .openapi("EvaluationTaskEdit");

export const TaskEditAnswer = z.object({
  id: z.number().int(),
  version: z.number().int(),
  name: z.string(),
  deadline: z.string().nullable(),
});

export const TaskCancelRequest = z
  .object({
    version: Version,
    /** 撤销原因, kept in the audit trail and shown on the task. */
    reason: z.string().trim().min(1).max(500),
  })
  .openapi("EvaluationTaskCancel");

export const TaskCancelAnswer = z.object({
  id: z.number().int(),
  status: z.literal("cancelled"),
  version: z.number().int(),
});

export const TaskExtendRequest = z
  .object({ regions: z.array(RegionCode).min(1).max(5000) })
  .openapi("EvaluationTaskExtend");

export const TaskExtendAnswer = z.object({
  /** Regions given a new draft sheet. */
  added: z.array(z.string()),
  /** Regions that were in the task already (another manager may have just added them). */
  present: z.array(z.string()),
  version: z.number().int(),
});

export const EvaluableRegionsQuery = z.object({ regionCode: RegionCode });

export const EvaluableRegion = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  /** null for the region itself (本级). */
  parentCode: z.string().nullable(),
});

export type EvaluableRegionT = z.infer<typeof EvaluableRegion>;
