/**
 * Route definitions, no handlers (those are in src/api/routes/datasets/datasets.ts). Programme
 * data sets: catalogue, rows, inline corrections, templates, exports and uploads.
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  DataRow,
  DataRowList,
  DatasetList,
  DatasetName,
  ImportPreview,
  UpdateRowRequest,
  Year,
} from "../data-schemas.ts";
import { ErrorBody, Paging, pathId, RegionCode } from "../schemas.ts";
import { body, json, PROTECTED_ERRORS, xlsxAnswer } from "./helpers.ts";

export const DatasetParam = z.object({
  name: DatasetName.openapi({ param: { name: "name", in: "path", required: true } }),
});

export const RowParams = DatasetParam.extend({
  id: pathId("id"),
});

export const RowQuery = z.object({
  regionCode: RegionCode.optional(),
  year: Year.optional(),
  q: z.string().max(64).optional(),
  ...Paging,
});

export const FileQuery = z.object({ regionCode: RegionCode.optional(), year: Year });

export const UploadForm = z.object({
  file: z
    .instanceof(File)
    .openapi({ type: "string", format: "binary", description: ".xlsx 文件 / the .xlsx file" }),
  regionCode: RegionCode,
  year: Year,
});

const tags = ["datasets"];

const unprocessable = { 422: PROTECTED_ERRORS[400] };

const tooLarge = { 413: json(ErrorBody, "文件超过上限 / file too large (file.too_large)") };

export const datasetsRoute = createRoute({
  method: "get",
  path: "/api/datasets",
  tags,
  summary: "数据集目录 / the data sets and their columns",
  responses: { 200: json(DatasetList, "数据集 / data sets"), ...PROTECTED_ERRORS },
});

export const dataRowsRoute = createRoute({
  method: "get",
  path: "/api/datasets/{name}/rows",
  tags,
  summary: "数据行 / rows of a data set in a region and below",
  request: { params: DatasetParam, query: RowQuery },
  responses: { 200: json(DataRowList, "数据行 / rows"), ...PROTECTED_ERRORS },
});

export const updateDataRowRoute = createRoute({
  method: "patch",
  path: "/api/datasets/{name}/rows/{id}",
  tags,
  summary: "修正数据 / correct cells of one row",
  request: { params: RowParams, ...body(UpdateRowRequest) },
  responses: {
    200: json(DataRow, "已修改 / changed"),
    ...PROTECTED_ERRORS,
    ...unprocessable,
  },
});

export const datasetTemplateRoute = createRoute({
  method: "get",
  path: "/api/datasets/{name}/template",
  tags,
  summary: "导入模板 / the .xlsx import template",
  request: { params: DatasetParam, query: FileQuery },
  responses: { 200: xlsxAnswer, ...PROTECTED_ERRORS },
});

export const exportDatasetRoute = createRoute({
  method: "get",
  path: "/api/datasets/{name}/export",
  tags,
  summary: "导出 / export a data set as .xlsx",
  request: { params: DatasetParam, query: FileQuery },
  responses: { 200: xlsxAnswer, ...PROTECTED_ERRORS },
});

export const uploadImportRoute = createRoute({
  method: "post",
  path: "/api/datasets/{name}/imports",
  tags,
  summary: "上传并预览导入 / upload a file: every problem, or a preview to confirm",
  request: {
    params: DatasetParam,
    body: { content: { "multipart/form-data": { schema: UploadForm } }, required: true },
  },
  responses: {
    201: json(ImportPreview, "预览 / preview"),
    ...PROTECTED_ERRORS,
    ...tooLarge,
    ...unprocessable,
  },
});
