/** The call of the years-with-data API: the default year of the pages. */
import { regionYearsRoute } from "../../../src/shared/routes/addresses.ts";
import { call } from "./call.ts";

export const yearApi = {
  /** With a data set: the years of that set's rows only. */
  years: (code: string, dataset?: string) =>
    call(regionYearsRoute, { params: { code }, query: { dataset } }),
};
