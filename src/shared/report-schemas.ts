/** Request and response shapes of reports: editable paragraphs and background jobs. */
import { z } from "@hono/zod-openapi";
import { Id, IdParam } from "./schemas.ts";

/** Templates of one evaluation sheet. */
export const SHEET_TEMPLATES = [
  "score-table",
  "evaluation-report",
  "self-evaluation-form",
] as const;
export const SheetTemplateName = z.enum(SHEET_TEMPLATES);
export const FORMAT_NAMES = ["docx", "xlsx", "pdf"] as const;

export const NarrativeQuery = z.object({
  template: SheetTemplateName.default("evaluation-report"),
});

export const NarrativeParams = IdParam.extend({
  key: z
    .string()
    .min(1)
    .max(80)
    .openapi({
      param: { name: "key", in: "path", required: true },
      description: "段落的键 / the paragraph's key",
      example: "conclusion",
    }),
});

export const NarrativeRequest = z.object({
  template: SheetTemplateName,
  /** The rewritten text; null (or the generated text) goes back to the generated one. */
  text: z.string().max(4000).nullable(),
});

export const Narrative = z.object({
  key: z.string(),
  section: z.string(),
  generated: z.string(),
  text: z.string(),
  edited: z.boolean(),
  editedBy: z.string().nullable(),
  editedAt: z.string().nullable(),
  stale: z.boolean(),
});
export const NarrativeList = z.object({ items: z.array(Narrative) });

export const ReportJobRequest = z.discriminatedUnion("subject", [
  z.object({
    subject: z.literal("task"),
    taskId: Id,
    format: z.enum(FORMAT_NAMES),
  }),
  z.object({
    subject: z.literal("sheet"),
    sheetId: Id,
    template: SheetTemplateName,
    format: z.enum(FORMAT_NAMES),
  }),
]);

export const ReportJobAnswer = z.object({
  id: z.number(),
  subject: z.string(),
  params: z.record(z.string(), z.unknown()),
  title: z.string(),
  format: z.string(),
  status: z.enum(["queued", "running", "done", "failed"]),
  /** While queued: the place in the queue, 1 for the next to start (「排队中，前面还有 N 个」: N = place − 1). */
  queuePlace: z.number().int().positive().nullable().openapi({
    description: "排队位置（1 为下一个开始）/ place in the queue while queued, 1 = next to start",
  }),
  done: z.number(),
  total: z.number(),
  stage: z.string().nullable(),
  fileName: z.string().nullable(),
  size: z.number().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const ReportJobList = z.object({ items: z.array(ReportJobAnswer) });
export const ReportJobParams = IdParam;

export type SheetTemplateT = z.infer<typeof SheetTemplateName>;
export type NarrativeT = z.infer<typeof Narrative>;
export type NarrativeListT = z.infer<typeof NarrativeList>;
export type ReportJobT = z.infer<typeof ReportJobAnswer>;
export type ReportJobListT = z.infer<typeof ReportJobList>;
export type ReportFormatT = (typeof FORMAT_NAMES)[number];
