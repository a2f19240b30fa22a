/** Request and response shapes of the evaluation API. */
import { z } from "@hono/zod-openapi";
import { Year } from "./data-schemas.ts";
import { DateText, Id, RegionCode, Version } from "./schemas.ts";
import { ShortText } from "./text-schemas.ts";

export const EVALUATION_TYPE_CODES = [
  "self",
  "department",
  "finance",
  "third-party",
  "tracking",
] as const;
export const SheetStatusName = z.enum(["draft", "submitted", "returned", "approved"]);
export const SheetActionName = z.enum(["save", "submit", "return", "approve", "reopen"]);
/** 现场评价 / 非现场评价. */
export const SHEET_MODES = ["on-site", "off-site"] as const;
export type SheetModeT = (typeof SHEET_MODES)[number];

export const FrameworkChoice = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  year: z.number().int(),
});

export const NewTaskRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    year: z.number().int().min(2000).max(2100),
    type: z.enum(EVALUATION_TYPE_CODES),
    /** A built-in framework, or (instead) an uploaded framework file. */
    frameworkCode: z.string().min(1).max(40).optional(),
    frameworkFile: z
      .object({
        fileName: z.string().trim().min(1).max(200),
        /** The .yaml, .yml or .json text (docs/framework-format.md), 1 MB at most. */
        text: z.string().min(1).max(1_000_000),
      })
      .optional(),
    regionCode: RegionCode,
    programmeId: Id.nullable().optional(),
    deadline: DateText.nullable().optional(),
    regions: z.array(RegionCode).min(1).max(5000),
  })
  .refine((t) => (t.frameworkCode === undefined) !== (t.frameworkFile === undefined), {
    message: "frameworkCode or frameworkFile, exactly one",
    path: ["frameworkCode"],
  })
  .openapi("NewEvaluationTask");

export const TaskStatusName = z.enum(["open", "cancelled"]);
export const TaskActionName = z.enum(["edit", "extend", "cancel"]);
/** 发起单位: the launching account's own region and its name (e.g. 河南省 · 河南省财政厅). */
export const TaskLauncher = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string().nullable(),
});

export const TaskListQuery = z.object({ regionCode: RegionCode.optional(), year: Year.optional() });

export const TaskSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  type: z.string(),
  frameworkCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  deadline: z.string().nullable(),
  status: TaskStatusName,
  launcher: TaskLauncher.pick({ regionName: true, name: true }),
  sheets: z.number().int(),
  approved: z.number().int(),
  submitted: z.number().int(),
});

export const TaskDetail = z
  .object({
    id: z.number().int(),
    name: z.string(),
    year: z.number().int(),
    type: z.string(),
    frameworkCode: z.string(),
    frameworkName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    deadline: z.string().nullable(),
    status: TaskStatusName,
    cancelReason: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    version: z.number().int(),
    launcher: TaskLauncher,
    /** What you may do to the task itself (edit name and deadline, add regions, cancel). */
    actions: z.array(TaskActionName),
    /** The visible regions: how many are scored (approved), awaiting review, not reported yet. */
    progress: z.object({
      total: z.number().int(),
      approved: z.number().int(),
      submitted: z.number().int(),
      notReported: z.number().int(),
    }),
    /** Whether a region directly below the task's region has an approved sheet to roll up. */
    rollUpReady: z.boolean(),
    /** The satisfaction survey the task's satisfaction indicator reads. */
    survey: z.object({ id: z.number().int(), title: z.string() }).nullable(),
    sheets: z.array(
      z.object({
        id: z.number().int(),
        regionCode: z.string(),
        regionName: z.string(),
        /** Regions rank among their peers of the same level. */
        regionLevel: z.string(),
        status: SheetStatusName,
        mode: z.enum(SHEET_MODES).nullable(),
        total: z.string().nullable(),
        grade: z.string().nullable(),
        rank: z.number().int().nullable(),
        version: z.number().int(),
        updatedAt: z.string(),
      }),
    ),
  })
  .openapi("EvaluationTask");

/** What a person enters for one indicator (the engine's facts, a missing value, a reason). */
export const SheetEntrySchema = z.object({
  facts: z.record(z.string(), z.unknown()).optional(),
  missing: z
    .object({
      explanation: z.string().max(2000).optional(),
      score: z.union([z.number(), z.string()]).optional(),
    })
    .optional(),
  reason: z.string().max(2000).optional(),
});

export const SaveSheetRequest = z
  .object({
    version: Version,
    entries: z.record(z.string(), SheetEntrySchema),
    mode: z.enum(SHEET_MODES).nullable().optional(),
    visitNotes: z.string().max(4000).nullable().optional(),
  })
  .openapi("SaveEvaluationSheet");

export const SheetActionRequest = z
  .object({
    action: z.enum(["submit", "return", "approve", "reopen"]),
    version: Version,
    comments: z.record(z.string(), z.string().max(2000)).optional(),
    reason: z.string().max(2000).optional(),
  })
  .openapi("EvaluationSheetAction");

export const ScorecardGroup = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  points: z.string(),
  score: z.string(),
  rate: z.string(),
});

export const ScorecardIndicator = z.object({
  code: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  points: z.string(),
  score: z.string(),
  rate: z.string(),
  reason: z.string(),
  note: z.string().optional(),
});

export const SheetDetail = z
  .object({
    id: z.number().int(),
    task: z.object({
      id: z.number().int(),
      name: z.string(),
      year: z.number().int(),
      type: z.string(),
      deadline: z.string().nullable(),
    }),
    region: z.object({ code: z.string(), name: z.string() }),
    status: SheetStatusName,
    mode: z.enum(SHEET_MODES).nullable(),
    visitNotes: z.string().nullable(),
    version: z.number().int(),
    entries: z.record(z.string(), SheetEntrySchema),
    comments: z.record(z.string(), z.string()),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
    actions: z.array(SheetActionName),
    /** Each leaf indicator with its rule, for the form (points as decimal strings). */
    form: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        nameEn: z.string(),
        points: z.string(),
        criteria: z.string().nullable(),
        /** The criteria's own English, when the framework gives it (null: Chinese only). */
        criteriaEn: z.string().nullable(),
        group: z.string().nullable(),
        rule: z.unknown(),
        dataPart: z.string().nullable(),
      }),
    ),
    scorecard: z.object({
      points: z.string(),
      total: z.string(),
      rate: z.string(),
      grade: z.string(),
      groups: z.array(ScorecardGroup),
      indicators: z.array(ScorecardIndicator),
    }),
    pending: z.array(z.string()),
    /** Pending indicators with part of their facts entered (a draft in progress). */
    incomplete: z.array(z.string()),
    reasonsMissing: z.array(z.string()),
    /** The task's frozen framework, for scoring live in the browser as the user types. */
    framework: z.unknown(),
    bound: z.array(
      z.object({
        code: z.string(),
        facts: z.record(z.string(), z.unknown()),
        dataset: z.string(),
        rowIds: z.array(z.number()),
        source: ShortText,
      }),
    ),
    unbound: z.array(z.object({ code: z.string(), missing: ShortText })),
  })
  .openapi("EvaluationSheet");

export const SaveAnswer = z.object({
  version: z.number().int(),
  total: z.string(),
  grade: z.string(),
});
export const ActionAnswer = z.object({ status: SheetStatusName, version: z.number().int() });

export type TaskSummaryT = z.infer<typeof TaskSummary>;
export type TaskDetailT = z.infer<typeof TaskDetail>;
export type SheetDetailT = z.infer<typeof SheetDetail>;
export type SheetEntryT = z.infer<typeof SheetEntrySchema>;
export type FrameworkChoiceT = z.infer<typeof FrameworkChoice>;
export type SheetFormItemT = SheetDetailT["form"][number];

export const EvidenceFile = z
  .object({
    id: z.number().int(),
    sheetId: z.number().int(),
    indicatorCode: z.string().nullable(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string().nullable(),
    uploadedAt: z.string(),
  })
  .openapi("EvidenceFile");

export const EvidenceList = z
  .object({
    files: z.array(EvidenceFile),
    /** Each leaf indicator with how many files support it. */
    checklist: z.array(z.object({ code: z.string(), name: z.string(), files: z.number().int() })),
    /** Indicators without any evidence yet. */
    missing: z.array(z.string()),
  })
  .openapi("EvidenceList");

export const EvidenceForm = z.object({
  file: z.instanceof(File).openapi({
    type: "string",
    format: "binary",
    description: "PDF、docx、xlsx、JPG 或 PNG，20 MB 以内",
  }),
  indicatorCode: z.string().max(40).optional(),
});

export type EvidenceFileT = z.infer<typeof EvidenceFile>;
export type EvidenceListT = z.infer<typeof EvidenceList>;

export const RollUpMethodName = z.enum(["mean", "funds-weighted", "households-weighted", "own"]);

export const RollUpAnswer = z
  .object({
    taskId: z.number().int(),
    method: RollUpMethodName,
    region: z.object({ code: z.string(), name: z.string() }),
    score: z.string(),
    grade: z.string(),
    reason: z.string(),
    included: z.number().int(),
    notApproved: z.array(z.string()),
  })
  .openapi("RollUp");

export type RollUpT = z.infer<typeof RollUpAnswer>;
