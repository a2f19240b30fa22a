/**
 * Route definitions, no handlers (those are in src/api/routes/allocations/allocations.ts).
 * Allocation plans by the factor method: import, compute, edit, scenarios, compare, export,
 * approve.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  AllocationActionRequest,
  AllocationCompareQuery,
  AllocationComparison,
  AllocationDataForm,
  AllocationListQuery,
  AllocationParams,
  AllocationPlanDetail,
  AllocationPlanSummary,
  CopyAllocationRequest,
  NewAllocationRequest,
  UpdateAllocationRequest,
} from "../allocation-schemas.ts";
import { body, Created, FILE_RESPONSE, json, PROTECTED_ERRORS, REFUSED } from "./helpers.ts";

const tags = ["allocations"];

export const listAllocationsRoute = createRoute({
  method: "get",
  path: "/api/allocations",
  tags,
  summary: "资金分配方案 / allocation plans of your region and below",
  request: { query: AllocationListQuery },
  responses: {
    200: json(z.object({ items: z.array(AllocationPlanSummary) }), "方案 / plans"),
    ...PROTECTED_ERRORS,
  },
});

export const createAllocationRoute = createRoute({
  method: "post",
  path: "/api/allocations",
  tags,
  summary: "导入分配模型 / import a model file (JSON: the model, its data under `data`)",
  request: body(NewAllocationRequest),
  responses: { 201: json(Created, "已导入 / imported"), ...PROTECTED_ERRORS, ...REFUSED },
});

export const compareAllocationsRoute = createRoute({
  method: "get",
  path: "/api/allocations/compare",
  tags,
  summary: "方案对比 / plans side by side: amounts per region and changes against the first",
  request: { query: AllocationCompareQuery },
  responses: { 200: json(AllocationComparison, "对比 / comparison"), ...PROTECTED_ERRORS },
});

export const allocationRoute = createRoute({
  method: "get",
  path: "/api/allocations/{id}",
  tags,
  summary: "分配方案及测算结果 / a plan with each region's amount and its derivation",
  request: { params: AllocationParams },
  responses: { 200: json(AllocationPlanDetail, "方案 / plan"), ...PROTECTED_ERRORS },
});

export const updateAllocationRoute = createRoute({
  method: "put",
  path: "/api/allocations/{id}",
  tags,
  summary: "修改分配模型 / save edited weights, coefficients, total (draft or returned plans)",
  request: { params: AllocationParams, ...body(UpdateAllocationRequest) },
  responses: {
    200: json(AllocationPlanDetail, "方案 / plan"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});

export const deleteAllocationRoute = createRoute({
  method: "delete",
  path: "/api/allocations/{id}",
  tags,
  summary: "删除比较方案 / delete a draft scenario",
  request: { params: AllocationParams },
  responses: { 204: { description: "已删除 / deleted" }, ...PROTECTED_ERRORS, ...REFUSED },
});

export const copyAllocationRoute = createRoute({
  method: "post",
  path: "/api/allocations/{id}/copy",
  tags,
  summary: "复制为比较方案 / copy into a scenario of the same group",
  request: { params: AllocationParams, ...body(CopyAllocationRequest) },
  responses: { 201: json(Created, "已复制 / copied"), ...PROTECTED_ERRORS, ...REFUSED },
});

export const actOnAllocationRoute = createRoute({
  method: "post",
  path: "/api/allocations/{id}/actions",
  tags,
  summary: "提交、退回、审定、重新打开 / submit, return, approve, reopen",
  request: { params: AllocationParams, ...body(AllocationActionRequest) },
  responses: {
    200: json(AllocationPlanDetail, "方案 / plan"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});

export const exportAllocationRoute = createRoute({
  method: "get",
  path: "/api/allocations/{id}/export",
  tags,
  summary: "导出分配结果 / the allocation as .xlsx: results, computation, parameters",
  request: { params: AllocationParams },
  responses: { 200: FILE_RESPONSE, ...PROTECTED_ERRORS, ...REFUSED },
});

export const allocationDataFileRoute = createRoute({
  method: "get",
  path: "/api/allocations/{id}/data",
  tags,
  summary: "下载分配数据表 / the regions' data as an .xlsx sheet to fill in",
  request: { params: AllocationParams },
  responses: { 200: FILE_RESPONSE, ...PROTECTED_ERRORS },
});

export const importAllocationDataRoute = createRoute({
  method: "post",
  path: "/api/allocations/{id}/data",
  tags,
  summary: "导入分配数据表 / replace the regions' data from a filled sheet (all or nothing)",
  request: {
    params: AllocationParams,
    body: {
      content: { "multipart/form-data": { schema: AllocationDataForm } },
      required: true,
    },
  },
  responses: {
    200: json(AllocationPlanDetail, "方案 / plan"),
    ...PROTECTED_ERRORS,
    ...REFUSED,
  },
});

export const allocationModelFileRoute = createRoute({
  method: "get",
  path: "/api/allocations/{id}/file",
  tags,
  summary: "导出分配模型文件 / the model file (JSON), importable again",
  request: { params: AllocationParams },
  responses: { 200: FILE_RESPONSE, ...PROTECTED_ERRORS },
});
