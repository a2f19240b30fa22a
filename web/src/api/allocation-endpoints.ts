/** Typed calls of the allocation API (因素法 plans, their scenarios, comparison and approval). */
import type { z } from "@hono/zod-openapi";
import type {
  AllocationActionRequest,
  AllocationComparisonT,
  AllocationPlanDetailT,
  AllocationPlanSummaryT,
  NewAllocationRequest,
  UpdateAllocationRequest,
} from "../../../src/shared/allocation-schemas.ts";
import { postForm, request } from "./client.ts";

export type NewAllocationBody = z.input<typeof NewAllocationRequest>;
export type UpdateAllocationBody = z.input<typeof UpdateAllocationRequest>;
export type AllocationActionBody = z.input<typeof AllocationActionRequest>;

export const allocationApi = {
  plans: (p: { year?: number; regionCode?: string }) =>
    request<{ items: AllocationPlanSummaryT[] }>("GET", "/api/allocations", {
      query: { year: p.year, regionCode: p.regionCode },
    }),
  create: (body: NewAllocationBody) =>
    request<{ id: number }>("POST", "/api/allocations", { body }),
  plan: (id: number) => request<AllocationPlanDetailT>("GET", `/api/allocations/${id}`),
  save: (id: number, body: UpdateAllocationBody) =>
    request<AllocationPlanDetailT>("PUT", `/api/allocations/${id}`, { body }),
  copy: (id: number, name: string) =>
    request<{ id: number }>("POST", `/api/allocations/${id}/copy`, { body: { name } }),
  remove: (id: number) => request<void>("DELETE", `/api/allocations/${id}`),
  act: (id: number, body: AllocationActionBody) =>
    request<AllocationPlanDetailT>("POST", `/api/allocations/${id}/actions`, { body }),
  /** Replaces the regions' data from a filled 分配数据 sheet (all or nothing). */
  importData: async (id: number, version: number, file: File) => {
    const body = new FormData();
    body.set("file", file);
    body.set("version", String(version));
    return postForm<AllocationPlanDetailT>(`/api/allocations/${id}/data`, body, 200);
  },
  compare: (ids: readonly number[]) =>
    request<AllocationComparisonT>("GET", "/api/allocations/compare", {
      query: { ids: ids.join(",") },
    }),
};

export const allocationExportUrl = (id: number) => `/api/allocations/${id}/export`;
export const allocationFileUrl = (id: number) => `/api/allocations/${id}/file`;
export const allocationDataUrl = (id: number) => `/api/allocations/${id}/data`;
