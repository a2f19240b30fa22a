/** Typed calls of the checker and monitoring API. */
import type { CheckAnswerT, MonitoringAnswerT } from "../../../src/shared/check-schemas.ts";
import { request } from "./client.ts";

export interface CheckParams {
  regionCode: string;
  year: number;
  asOf?: string | undefined;
}

function query(p: CheckParams) {
  return { regionCode: p.regionCode, year: p.year, ...(p.asOf ? { asOf: p.asOf } : {}) };
}

export interface CheckListParams extends CheckParams {
  severity?: string | undefined;
  category?: string | undefined;
  within?: string | undefined;
  page: number;
  pageSize: number;
  problemsPage: number;
}

export const checkApi = {
  checks: (p: CheckListParams) =>
    request<CheckAnswerT>("GET", "/api/checks", {
      query: {
        ...query(p),
        ...(p.severity ? { severity: p.severity } : {}),
        ...(p.category ? { category: p.category } : {}),
        ...(p.within ? { within: p.within } : {}),
        page: p.page,
        pageSize: p.pageSize,
        problemsPage: p.problemsPage,
      },
    }),
  monitoring: (p: CheckParams & { page: number; completionPage: number; pageSize: number }) =>
    request<MonitoringAnswerT>("GET", "/api/monitoring", {
      query: {
        ...query(p),
        page: p.page,
        completionPage: p.completionPage,
        pageSize: p.pageSize,
      },
    }),
};

export type ReportFormat = "docx" | "xlsx" | "pdf";

function search(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") q.set(key, String(value));
  }
  return q.toString();
}

/** The findings that pass the filters as .xlsx (headers in the language the request names). */
export const findingsExportUrl = (
  p: CheckParams & {
    severity?: string | undefined;
    category?: string | undefined;
    within?: string | undefined;
  },
) =>
  `/api/checks/export?${search({ ...query(p), severity: p.severity, category: p.category, within: p.within })}`;

/** 绩效运行监控情况 of a region's year as a file. */
export const monitoringReportUrl = (
  p: { regionCode: string; year: number },
  format: ReportFormat,
) => `/api/reports/monitoring?${search({ regionCode: p.regionCode, year: p.year, format })}`;
