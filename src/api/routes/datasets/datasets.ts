/** Programme data sets: catalogue, rows, inline corrections, templates, exports and uploads. */
import {
  datasetCatalogue,
  datasetTemplate,
  exportDataset,
  listDataRows,
  previewImport,
  updateDataRow,
} from "../../../services/index.ts";
import {
  dataRowsRoute,
  datasetsRoute,
  datasetTemplateRoute,
  exportDatasetRoute,
  updateDataRowRoute,
  uploadImportRoute,
} from "../../../shared/routes/datasets.ts";
import { XLSX_TYPE } from "../../../shared/routes/helpers.ts";
import type { AppDeps } from "../../env.ts";
import { can, defineRoute, type RouteDef } from "../../route-table.ts";
import { fileBody } from "./schema.ts";

export function datasetRoutes({ database, uploadLimits }: AppDeps): RouteDef[] {
  const db = database.db;
  return [
    defineRoute(datasetsRoute, can("data:read"), (c) =>
      c.json({ items: datasetCatalogue(c.get("ctx")) }, 200),
    ),
    defineRoute(dataRowsRoute, can("data:read"), async (c) =>
      c.json(
        await listDataRows(db, c.get("ctx"), c.req.valid("param").name, c.req.valid("query")),
        200,
      ),
    ),
    defineRoute(updateDataRowRoute, can("data:write"), async (c) => {
      const { name, id } = c.req.valid("param");
      return c.json(
        await updateDataRow(db, c.get("ctx"), name, id, c.req.valid("json").values),
        200,
      );
    }),
    defineRoute(datasetTemplateRoute, can("data:read"), async (c) => {
      const file = await datasetTemplate(
        db,
        c.get("ctx"),
        c.req.valid("param").name,
        c.req.valid("query"),
      );
      return fileBody(c, { ...file, contentType: XLSX_TYPE }, "jixiao.xlsx");
    }),
    defineRoute(exportDatasetRoute, can("data:read"), async (c) => {
      const file = await exportDataset(
        db,
        c.get("ctx"),
        c.req.valid("param").name,
        c.req.valid("query"),
      );
      return fileBody(c, { ...file, contentType: XLSX_TYPE }, "jixiao.xlsx");
    }),
    defineRoute(uploadImportRoute, can("data:write"), async (c) => {
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
    }),
  ];
}
