/** Typed calls of report paragraphs and background report jobs. */
import type {
  NarrativeListT,
  ReportFormatT,
  ReportJobListT,
  ReportJobT,
  SheetTemplateT,
} from "../../../src/shared/report-schemas.ts";
import { request } from "./client.ts";

export const reportApi = {
  narratives: (sheetId: number, template: SheetTemplateT) =>
    request<NarrativeListT>(
      "GET",
      `/api/evaluation-sheets/${sheetId}/narratives?template=${template}`,
    ),
  /** Keeps a rewritten paragraph; null goes back to the generated text. */
  saveNarrative: (sheetId: number, template: SheetTemplateT, key: string, text: string | null) =>
    request<NarrativeListT>(
      "PUT",
      `/api/evaluation-sheets/${sheetId}/narratives/${encodeURIComponent(key)}`,
      { body: { template, text } },
    ),
  jobs: () => request<ReportJobListT>("GET", "/api/report-jobs"),
  startTaskReport: (taskId: number, format: ReportFormatT) =>
    request<ReportJobT>("POST", "/api/report-jobs", { body: { subject: "task", taskId, format } }),
};

export const reportUrl = (sheetId: number, template: SheetTemplateT, format: ReportFormatT) =>
  `/api/evaluation-sheets/${sheetId}/report?template=${template}&format=${format}`;
export const previewUrl = (sheetId: number, template: SheetTemplateT) =>
  `/api/evaluation-sheets/${sheetId}/report/preview?template=${template}`;
export const jobFileUrl = (id: number) => `/api/report-jobs/${id}/file`;
