/** Request and response shapes of the data-set API (programme data, imports, exports). */
import { z } from "@hono/zod-openapi";
import { RegionCode } from "./schemas.ts";

export const DatasetName = z
  .string()
  .regex(/^[a-z][a-z-]{1,39}$/)
  .openapi({ example: "communities" });

export const Year = z.coerce.number<string>().int().min(2000).max(2100).openapi({ example: 2024 });

export const DatasetOption = z.object({ code: z.string(), zh: z.string(), en: z.string() });

export const DatasetColumn = z
  .object({
    key: z.string(),
    /** The header Jixiao writes (without the unit). */
    zh: z.string(),
    en: z.string(),
    type: z.enum([
      "text",
      "integer",
      "year",
      "quantity",
      "percent",
      "date",
      "enum",
      "region",
      "programme",
    ]),
    /** The unit values are shown and edited in (万元, 平方米, %), or null. */
    unit: z.string().nullable(),
    required: z.boolean(),
    /** Part of the natural key: shown, not editable in place. */
    inKey: z.boolean(),
    multi: z.boolean(),
    options: z.array(DatasetOption),
    note: z.string(),
  })
  .openapi("DatasetColumn");

export const DatasetInfo = z
  .object({
    name: DatasetName,
    zh: z.string(),
    en: z.string(),
    description: z.string(),
    columns: z.array(DatasetColumn),
  })
  .openapi("DatasetInfo");

export const DatasetList = z.object({ items: z.array(DatasetInfo) }).openapi("DatasetList");

/**
 * A stored row as the table shows it: quantities in the column's unit as decimal strings, percent
 * as the percent number, dates YYYY-MM-DD, enum codes (multi: joined by ","), the programme by name.
 */
export const DataRow = z
  .object({
    id: z.number().int(),
    year: z.number().int(),
    regionCode: RegionCode,
    regionName: z.string(),
    values: z.record(z.string(), z.string().nullable()),
    updatedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("DataRow");

export const DataRowList = z
  .object({ items: z.array(DataRow), total: z.number().int() })
  .openapi("DataRowList");

/** Inline correction: cell texts as a user types them in the column's unit; "" clears a cell. */
export const UpdateRowRequest = z
  .object({ values: z.record(z.string(), z.string().max(4000)) })
  .openapi("UpdateRowRequest");

export const ImportIssue = z
  .object({
    sheet: z.string(),
    row: z.number().int().nullable(),
    column: z.string().nullable(),
    field: z.string().nullable(),
    value: z.string().nullable(),
    code: z.string(),
    zh: z.string(),
    en: z.string(),
  })
  .openapi("ImportIssue");

export const ImportChange = z.object({
  line: z.number().int(),
  kind: z.enum(["added", "changed"]),
  /** The row's natural key in words: "汕头市 / 开工". */
  key: z.string(),
  fields: z.array(
    z.object({ key: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  ),
});

export const IMPORT_STATUSES = ["previewed", "committed"] as const;
export type ImportStatusT = (typeof IMPORT_STATUSES)[number];
export const ImportStatus = z.enum(IMPORT_STATUSES);

export const ImportPreview = z
  .object({
    importId: z.number().int(),
    dataset: DatasetName,
    regionCode: RegionCode,
    regionName: z.string(),
    year: z.number().int(),
    fileName: z.string(),
    status: ImportStatus,
    added: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.array(
      z.object({ line: z.number().int(), reason: z.enum(["total", "notes", "example"]) }),
    ),
    /** The first 500 new or changed rows with their field changes (values as the table shows them). */
    changes: z.array(ImportChange),
    truncated: z.boolean(),
  })
  .openapi("ImportPreview");

export const ImportRecord = z
  .object({
    id: z.number().int(),
    dataset: DatasetName,
    regionCode: RegionCode,
    regionName: z.string(),
    year: z.number().int(),
    fileName: z.string(),
    status: ImportStatus,
    added: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    createdByName: z.string().nullable(),
    createdAt: z.string().openapi({ format: "date-time" }),
    committedAt: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("ImportRecord");

export const ImportList = z
  .object({ items: z.array(ImportRecord), total: z.number().int() })
  .openapi("ImportList");

export type DatasetInfoT = z.infer<typeof DatasetInfo>;
export type DatasetColumnT = z.infer<typeof DatasetColumn>;
export type DataRowT = z.infer<typeof DataRow>;
export type ImportIssueT = z.infer<typeof ImportIssue>;
export type ImportPreviewT = z.infer<typeof ImportPreview>;
export type ImportRecordT = z.infer<typeof ImportRecord>;

export const CommunityTotal = z
  .object({
    regionCode: RegionCode,
    regionName: z.string(),
    communities: z.number().int(),
    buildings: z.number().int(),
    households: z.number().int(),
    /** m², exact decimal string. */
    area: z.string(),
    /** 元, all sources, exact decimal string. */
    investment: z.string(),
  })
  .openapi("CommunityTotal");

/** A region's totals computed from its community projects, and the same per child region. */
export const CommunityTotals = z
  .object({ year: z.number().int(), total: CommunityTotal, children: z.array(CommunityTotal) })
  .openapi("CommunityTotals");

export type CommunityTotalT = z.infer<typeof CommunityTotal>;
export type CommunityTotalsT = z.infer<typeof CommunityTotals>;
