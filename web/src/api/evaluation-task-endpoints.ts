/** Calls that change an evaluation task after its launch, and the regions a task may cover. */
import {
  cancelTaskRoute,
  evaluableRegionsRoute,
  extendTaskRoute,
  updateTaskRoute,
} from "../../../src/shared/routes/addresses.ts";
import { call, type RouteBody } from "./call.ts";

export const evaluationTaskApi = {
  evaluableRegions: async (regionCode: string) =>
    (await call(evaluableRegionsRoute, { query: { regionCode } })).regions,
  edit: (id: number, json: RouteBody<typeof updateTaskRoute>) =>
    call(updateTaskRoute, { params: { id }, json }),
  extend: (id: number, regions: string[]) =>
    call(extendTaskRoute, { params: { id }, json: { regions } }),
  cancel: (id: number, json: RouteBody<typeof cancelTaskRoute>) =>
    call(cancelTaskRoute, { params: { id }, json }),
};
