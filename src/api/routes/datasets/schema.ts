/** Request shapes of the data-set routes. */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { DatasetName, Year } from "../../../shared/data-schemas.ts";
import { Paging, pathId, RegionCode } from "../../../shared/schemas.ts";

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

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const xlsxAnswer = {
  content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } },
  description: ".xlsx 文件 / an .xlsx file",
};

/** Content-Disposition for a Chinese file name (RFC 6266 / 5987), with an ASCII fallback. */
/** A download's Content-Disposition: an ASCII fallback name, and the real (Chinese) name per RFC 6266. */
export function attachment(fileName: string, fallback = "jixiao.xlsx"): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The OpenAPI answer of a route that sends a file. */
export const FILE_RESPONSE = {
  content: {
    "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) },
  },
  description: "文件 / the file",
};

/** A file to download, typed, named (UTF-8 with an ASCII fallback) and never sniffed. */
export function fileBody(
  c: Context,
  file: { fileName: string; contentType: string; bytes: Uint8Array },
  fallback: string,
) {
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": file.contentType,
    "Content-Disposition": attachment(file.fileName, fallback),
    "X-Content-Type-Options": "nosniff",
  });
}
