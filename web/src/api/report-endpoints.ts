/** Calls of report paragraphs and background report jobs, and the addresses of report files. */
import {
  narrativesRoute,
  reportJobFileRoute,
  reportJobsRoute,
  reportPreviewRoute,
  saveNarrativeRoute,
  sheetReportRoute,
  startReportJobRoute,
} from "../../../src/shared/routes/addresses.ts";
import { call, hrefTo, type RouteBody, type RouteQuery } from "./call.ts";

type SheetTemplate = NonNullable<RouteQuery<typeof narrativesRoute>["template"]>;
type ReportFormat = RouteBody<typeof startReportJobRoute>["format"];

export const reportApi = {
  narratives: (sheetId: number, template: SheetTemplate) =>
    call(narrativesRoute, { params: { id: sheetId }, query: { template } }),
  /** Keeps a rewritten paragraph; null goes back to the generated text. */
  saveNarrative: (sheetId: number, template: SheetTemplate, key: string, text: string | null) =>
    call(saveNarrativeRoute, { params: { id: sheetId, key }, json: { template, text } }),
  jobs: () => call(reportJobsRoute),
  startTaskReport: (taskId: number, format: ReportFormat) =>
    call(startReportJobRoute, { json: { subject: "task", taskId, format } }),
};

export const reportUrl = (sheetId: number, template: SheetTemplate, format: ReportFormat) =>
  hrefTo(sheetReportRoute, { params: { id: sheetId }, query: { template, format } });
export const previewUrl = (sheetId: number, template: SheetTemplate) =>
  hrefTo(reportPreviewRoute, { params: { id: sheetId }, query: { template } });
export const jobFileUrl = (id: number) => hrefTo(reportJobFileRoute, { params: { id } });
