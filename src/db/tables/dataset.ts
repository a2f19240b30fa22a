/** Database tables of the data sets, built from their specs so that the shape is declared once. */
import {
  type AnyPgColumn,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  type PgColumnBuilderBase,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  varchar,
} from "drizzle-orm/pg-core";
import { findDataset } from "../../domain/datasets/specs/index.ts";
import type { ColumnSpec, DatasetSpec } from "../../domain/datasets/types.ts";
import type { ImportStatusT } from "../../shared/data-schemas.ts";
import { regions, users } from "./core.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** Every import: the file itself (the audit trail of what was loaded), its preview and its outcome. */
export const dataImports = pgTable(
  "data_imports",
  {
    id: serial("id").primaryKey(),
    dataset: varchar("dataset", { length: 40 }).notNull(),
    regionCode: varchar("region_code", { length: 6 })
      .notNull()
      .references(() => regions.code),
    year: smallint("year").notNull(),
    fileName: text("file_name").notNull(),
    fileSha256: varchar("file_sha256", { length: 64 }).notNull(),
    file: bytea("file").notNull(),
    /** previewed → committed; a preview that is never confirmed stays previewed. */
    status: varchar("status", { length: 12 }).notNull().$type<ImportStatusT>(),
    /** Counts of the preview (added, changed, unchanged, skipped) and a hash of the diff. */
    summary: jsonb("summary").notNull(),
    diffHash: varchar("diff_hash", { length: 64 }).notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByName: varchar("created_by_name", { length: 64 }),
    createdAt: ts("created_at").notNull().defaultNow(),
    committedAt: ts("committed_at"),
  },
  (t) => [index("data_imports_region_idx").on(t.regionCode, t.year)],
);

function specColumn(spec: ColumnSpec, programmeId: () => AnyPgColumn): PgColumnBuilderBase {
  const k = spec.kind;
  switch (k.type) {
    case "text":
      return text(spec.db);
    case "integer":
      return integer(spec.db);
    case "year":
      return smallint(spec.db);
    case "quantity":
      return numeric(spec.db, { precision: 20, scale: k.scale });
    case "percent":
      return numeric(spec.db, { precision: 9, scale: 4 });
    case "date":
      return date(spec.db, { mode: "string" });
    case "enum":
      return varchar(spec.db, { length: 200 });
    case "region":
      return varchar(spec.db, { length: 6 }).references(() => regions.code);
    case "programme":
      return integer(spec.db).references(programmeId, { onDelete: "restrict" });
  }
}

/**
 * The table of a data set: id, year, the spec's columns (NOT NULL where required), the import that
 * last wrote the row, timestamps, and a unique key on year + the natural key (NULLs not distinct,
 * so a blank 文号 is a key like any other).
 */
function datasetTable(name: string, programmeId: () => AnyPgColumn) {
  const spec = findDataset(name) as DatasetSpec;
  const columns: Record<string, PgColumnBuilderBase> = {
    id: serial("id").primaryKey(),
    year: smallint("year").notNull(),
  };
  for (const c of spec.columns) {
    const built = specColumn(c, programmeId) as PgColumnBuilderBase & {
      notNull(): PgColumnBuilderBase;
    };
    columns[c.key] = c.required ? built.notNull() : built;
  }
  columns.importId = integer("import_id").references(() => dataImports.id, {
    onDelete: "set null",
  });
  columns.createdAt = ts("created_at").notNull().defaultNow();
  columns.updatedAt = ts("updated_at").notNull().defaultNow();
  return pgTable(spec.table, columns, (t) => {
    const col = (key: string) => (t as Record<string, AnyPgColumn>)[key] as AnyPgColumn;
    const keyCols = spec.naturalKey.map(col);
    return [
      unique(`${spec.table}_natural_key`)
        .on(col("year"), ...keyCols)
        .nullsNotDistinct(),
      index(`${spec.table}_region_year_idx`).on(col("region"), col("year")),
    ];
  });
}

export const programmes = datasetTable("programmes", () => programmes.id as AnyPgColumn);
const programmeId = () => programmes.id as AnyPgColumn;
export const programmeFunds = datasetTable("funds", programmeId);
export const programmeFundItems = datasetTable("fund-items", programmeId);
export const budgetExecutions = datasetTable("budget-execution", programmeId);
export const fundAllocations = datasetTable("allocations", programmeId);
export const performanceTargets = datasetTable("targets", programmeId);
export const planActuals = datasetTable("plan-actual", programmeId);
export const communityProjects = datasetTable("communities", programmeId);
export const satisfactionResults = datasetTable("satisfaction", programmeId);
export const publishedScores = datasetTable("scores", programmeId);

/** Data-set tables by spec name. */
export const DATASET_TABLES = {
  programmes,
  funds: programmeFunds,
  "fund-items": programmeFundItems,
  "budget-execution": budgetExecutions,
  allocations: fundAllocations,
  targets: performanceTargets,
  "plan-actual": planActuals,
  communities: communityProjects,
  satisfaction: satisfactionResults,
  scores: publishedScores,
} as const;
