/** Programme data sets: catalogue, rows, inline corrections, templates, exports and uploads. */
import { createRoute } from "@hono/zod-openapi";
import {
  datasetCatalogue,
  datasetTemplate,
  exportDataset,
  listDataRows,
  previewImport,
  updateDataRow,
} from "../../../services/index.ts";
import {
  DataRow,
  DataRowList,
  DatasetList,
  ImportPreview,
  UpdateRowRequest,
} from "../../../shared/data-schemas.ts";
import { ErrorBody } from "../../../shared/schemas.ts";
import type { AppDeps } from "../../env.ts";
import {
  body,
  can,
  defineRoute,
  json,
  PROTECTED_ERRORS,
  type RouteDef,
} from "../../route-table.ts";
import {
  attachment,
  DatasetParam,
  FileQuery,
  RowParams,
  RowQuery,
  UploadForm,
  XLSX_TYPE,
  xlsxAnswer,
} from "./schema.ts";

const tags = ["datasets"];
const unprocessable = { 422: PROTECTED_ERRORS[400] };
const tooLarge = { 413: json(ErrorBody, "文件超过上限 / file too large (file.too_large)") };

export function datasetRoutes({ database, uploadLimits }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/datasets",
        tags,
        summary: "数据集目录 / the data sets and their columns",
        responses: { 200: json(DatasetList, "数据集 / data sets"), ...PROTECTED_ERRORS },
      }),
      can("data:read"),
      (c) => c.json({ items: datasetCatalogue(c.get("ctx")) }, 200),
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/datasets/{name}/rows",
        tags,
        summary: "数据行 / rows of a data set in a region and below",
        request: { params: DatasetParam, query: RowQuery },
        responses: { 200: json(DataRowList, "数据行 / rows"), ...PROTECTED_ERRORS },
      }),
      can("data:read"),
      async (c) =>
        c.json(
          await listDataRows(db, c.get("ctx"), c.req.valid("param").name, c.req.valid("query")),
          200,
        ),
    ),
    defineRoute(
      createRoute({
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
      }),
      can("data:write"),
      async (c) => {
        const { name, id } = c.req.valid("param");
        return c.json(
          await updateDataRow(db, c.get("ctx"), name, id, c.req.valid("json").values),
          200,
        );
      },
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/datasets/{name}/template",
        tags,
        summary: "导入模板 / the .xlsx import template",
        request: { params: DatasetParam, query: FileQuery },
        responses: { 200: xlsxAnswer, ...PROTECTED_ERRORS },
      }),
      can("data:read"),
      async (c) => {
        const file = await datasetTemplate(
          db,
          c.get("ctx"),
          c.req.valid("param").name,
          c.req.valid("query"),
        );
        return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
          "Content-Type": XLSX_TYPE,
          "Content-Disposition": attachment(file.fileName),
        });
      },
    ),
    defineRoute(
      createRoute({
        method: "get",
        path: "/api/datasets/{name}/export",
        tags,
        summary: "导出 / export a data set as .xlsx",
        request: { params: DatasetParam, query: FileQuery },
        responses: { 200: xlsxAnswer, ...PROTECTED_ERRORS },
      }),
      can("data:read"),
      async (c) => {
        const file = await exportDataset(
          db,
          c.get("ctx"),
          c.req.valid("param").name,
          c.req.valid("query"),
        );
        return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
          "Content-Type": XLSX_TYPE,
          "Content-Disposition": attachment(file.fileName),
        });
      },
    ),
    defineRoute(
      createRoute({
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
      }),
      can("data:write"),
      async (c) => {
        const form = c.req.valid("form");
        const bytes = new Uint8Array(await form.file.arrayBuffer());
        return c.json(
          await previewImport(db, c.get("ctx"), {
            dataset: c.req.valid("param").name,
            regionCode: form.regionCode,
            year: form.year,
            fileName: form.file.name || "upload.xlsx",
            bytes,
            limits: uploadLimits,
          }),
          201,
        );
      },
    ),
  ];
}
