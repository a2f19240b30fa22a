/** Typed call of the years-with-data API: the default year of the pages. */
import type { DataYearsT } from "../../../src/shared/year-schemas.ts";
import { request } from "./client.ts";

export const yearApi = {
  /** With a data set: the years of that set's rows only. */
  years: (regionCode: string, dataset?: string) =>
    request<DataYearsT>("GET", `/api/regions/${encodeURIComponent(regionCode)}/years`, {
      query: { dataset },
    }),
};
