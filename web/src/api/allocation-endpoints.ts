/** Calls of the allocation API (因素法 plans, their scenarios, comparison and approval). */
import {
  actOnAllocationRoute,
  allocationDataFileRoute,
  allocationModelFileRoute,
  allocationRoute,
  compareAllocationsRoute,
  copyAllocationRoute,
  createAllocationRoute,
  deleteAllocationRoute,
  exportAllocationRoute,
  importAllocationDataRoute,
  listAllocationsRoute,
  updateAllocationRoute,
} from "../../../src/shared/routes/addresses.ts";
import { call, hrefTo, type RouteBody, type RouteQuery, upload } from "./call.ts";

export const allocationApi = {
  plans: (query: RouteQuery<typeof listAllocationsRoute>) => call(listAllocationsRoute, { query }),
  create: (json: RouteBody<typeof createAllocationRoute>) => call(createAllocationRoute, { json }),
  plan: (id: number) => call(allocationRoute, { params: { id } }),
  save: (id: number, json: RouteBody<typeof updateAllocationRoute>) =>
    call(updateAllocationRoute, { params: { id }, json }),
  copy: (id: number, name: string) => call(copyAllocationRoute, { params: { id }, json: { name } }),
  remove: (id: number) => call(deleteAllocationRoute, { params: { id } }),
  act: (id: number, json: RouteBody<typeof actOnAllocationRoute>) =>
    call(actOnAllocationRoute, { params: { id }, json }),
  /** Replaces the regions' data from a filled 分配数据 sheet (all or nothing). */
  importData: (id: number, version: number, file: File) =>
    upload(importAllocationDataRoute, 200, { params: { id }, form: { file, version } }),
  compare: (ids: readonly number[]) =>
    call(compareAllocationsRoute, { query: { ids: ids.join(",") } }),
};

export const allocationExportUrl = (id: number) =>
  hrefTo(exportAllocationRoute, { params: { id } });
export const allocationFileUrl = (id: number) =>
  hrefTo(allocationModelFileRoute, { params: { id } });
export const allocationDataUrl = (id: number) =>
  hrefTo(allocationDataFileRoute, { params: { id } });
