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
      },
    }),
  monitoring: (p: CheckParams) =>
    request<MonitoringAnswerT>("GET", "/api/monitoring", { query: query(p) }),
};
