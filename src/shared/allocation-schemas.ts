/** Request and response shapes of allocation plans (因素法), their scenarios, comparison and approval. */
import { z } from "@hono/zod-openapi";
import { IdParam, INT32_MAX, Version } from "./schemas.ts";

export const AllocationParams = IdParam;

export const ALLOCATION_STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export const ALLOCATION_ACTIONS = ["submit", "return", "approve", "reopen"] as const;

export const AllocationListQuery = z.object({
  year: z.coerce.number<string>().int().min(1900).max(2200).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const AllocationPlanSummary = z.object({
  id: z.number(),
  name: z.string(),
  year: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  /** The base plan of a scenario; null for a base plan. */
  scenarioOf: z.number().nullable(),
  status: z.enum(ALLOCATION_STATUSES),
  version: z.number(),
  /** The model's total, in 元. */
  total: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

export const AllocationRegionResult = z.object({
  code: z.string(),
  name: z.string(),
  /** All amounts in 元, decimal strings. */
  amount: z.string(),
  raw: z.string(),
  shares: z.record(z.string(), z.string()),
  coefficients: z.record(
    z.string(),
    z.object({ label: z.string(), value: z.string(), source: z.string() }),
  ),
  composite: z.string(),
  roundingAdjustment: z.string(),
  floorOrCap: z.enum(["floor", "cap"]).nullable(),
  /** Things to check, in words (a tier taken by default for want of a grade). */
  flags: z.array(z.string()),
  /** How the amount was reached, in words. */
  derivation: z.string(),
});

export const AllocationOutcome = z.object({
  totals: z.object({
    total: z.string(),
    heldBack: z.string(),
    distributable: z.string(),
    allocated: z.string(),
  }),
  heldBack: z.array(z.object({ name: z.string(), amount: z.string() })),
  regions: z.array(AllocationRegionResult),
  warnings: z.array(z.string()),
  rounds: z.number(),
  /** Where each factor's values came from: Jixiao's data set, or entered with the model. */
  factors: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      weight: z.string(),
      from: z.enum(["data", "entered"]),
      note: z.string(),
    }),
  ),
  /** Each region's grade for the performance coefficient and where it came from. */
  grades: z.array(
    z.object({
      code: z.string(),
      grade: z.string().nullable(),
      from: z.enum(["evaluation", "entered", "none"]),
      note: z.string(),
    }),
  ),
});

export const AllocationPlanDetail = AllocationPlanSummary.extend({
  /** The model as stored (AllocationModel of the domain). */
  model: z.record(z.string(), z.unknown()),
  /** The data entered with it (AllocationData of the domain). */
  data: z.record(z.string(), z.unknown()),
  comment: z.string().nullable(),
  /** What the user may do now: save, copy, delete, submit, return, approve, reopen. */
  actions: z.array(z.string()),
  /** Null when the model cannot be computed; `problems` then says why. */
  result: AllocationOutcome.nullable(),
  problems: z.array(z.string()),
  /** The base plan and all its scenarios (this one included). */
  scenarios: z.array(AllocationPlanSummary),
});

export const NewAllocationRequest = z.object({
  regionCode: z.string().regex(/^\d{6}$/),
  /** A model file: the model's fields with the data under `data` (JSON). */
  fileName: z.string().min(1).max(200),
  text: z.string().min(1).max(5_000_000),
});

export const UpdateAllocationRequest = z.object({
  version: Version,
  name: z.string().min(1).max(200).optional(),
  model: z.record(z.string(), z.unknown()),
  data: z.record(z.string(), z.unknown()).optional(),
});

export const CopyAllocationRequest = z.object({ name: z.string().min(1).max(200) });

export const AllocationActionRequest = z.object({
  action: z.enum(ALLOCATION_ACTIONS),
  version: Version,
  comment: z.string().max(2000).optional(),
});

export const AllocationCompareQuery = z.object({
  ids: z
    .string()
    .regex(/^\d+(,\d+){0,7}$/)
    .refine(
      (t) => t.split(",").every((id) => Number(id) >= 1 && Number(id) <= INT32_MAX),
      "positive 32-bit integers",
    )
    .openapi({
      description: "方案编号，逗号分隔（至多8个）/ plan ids, comma-separated",
      example: "1,2",
    }),
});

export const AllocationComparison = z.object({
  plans: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      status: z.string(),
      distributable: z.string(),
      /** Its distributable total minus the first plan's (元); null when either cannot compute. */
      distributableChange: z.string().nullable(),
    }),
  ),
  /** Per region: the amount in each plan (null where a plan has no such region or cannot compute),
   * the change of each against the first plan (元) and that change in % of the first plan's amount
   * (2 places, half-up; null when the first is missing or 0). */
  regions: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      amounts: z.array(z.string().nullable()),
      changes: z.array(z.string().nullable()),
      changePercents: z.array(z.string().nullable()),
    }),
  ),
});

export const AllocationDataForm = z.object({
  file: z.instanceof(File).openapi({
    type: "string",
    format: "binary",
    description: "填好的分配数据表（.xlsx，下载的模板）",
  }),
  version: z.coerce.number<string>().int().positive().max(INT32_MAX),
});

export type AllocationPlanSummaryT = z.infer<typeof AllocationPlanSummary>;
export type AllocationPlanDetailT = z.infer<typeof AllocationPlanDetail>;
export type AllocationOutcomeT = z.infer<typeof AllocationOutcome>;
export type AllocationComparisonT = z.infer<typeof AllocationComparison>;
export type AllocationActionT = (typeof ALLOCATION_ACTIONS)[number];
