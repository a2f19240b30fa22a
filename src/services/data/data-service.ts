/** Programme data: the data-set catalogue, paged rows, inline corrections, templates and exports. */

import { getRow, listRows, sumCommunities, updateRowValues } from "../../db/dataset-repository.ts";
import type { Db, DbOrTx } from "../../db/index.ts";
import { fromDisplay } from "../../domain/datasets/display.ts";
import { DATASETS } from "../../domain/datasets/specs/index.ts";
import type { ColumnSpec, DatasetSpec } from "../../domain/datasets/types.ts";
import { Decimal } from "../../domain/decimal.ts";
import { DomainError } from "../../domain/errors.ts";
import type { CommunityTotalsT, DataRowT, DatasetInfoT } from "../../shared/data-schemas.ts";
import { runTask } from "../../workers/pool.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import type { ServiceContext } from "../context.ts";
import { assertRegionInScope, authorize, isInScope } from "../policy.ts";
import { datasetOrThrow, loadProgrammeRefs, loadRegionRefs, toDataRow } from "./dataset-context.ts";
import { getRegion, listingScope } from "./region-service.ts";

/** Rows per page when an export reads the table. */
const EXPORT_PAGE = 5000;

function unitOf(column: ColumnSpec): string | null {
  if (column.kind.type === "quantity") return column.kind.defaultUnit;
  if (column.kind.type === "percent") return "%";
  return null;
}

/** The catalogue the web app builds its tables and forms from. */
export function datasetCatalogue(ctx: ServiceContext): DatasetInfoT[] {
  authorize(ctx, { kind: "permission", permission: "data:read" });
  return DATASETS.map((spec) => ({
    name: spec.name,
    zh: spec.zh,
    en: spec.en,
    description: ctx.locale === "en-US" ? spec.descriptionEn : spec.description,
    columns: spec.columns.map((c) => ({
      key: c.key,
      zh: c.zh[0] ?? c.key,
      en: c.en,
      type: c.kind.type,
      unit: unitOf(c),
      required: c.required,
      inKey: spec.naturalKey.includes(c.key),
      multi: c.kind.type === "enum" && c.kind.multi === true,
      options:
        c.kind.type === "enum"
          ? c.kind.values.map((v) => ({ code: v.code, zh: v.zh, en: v.en }))
          : [],
      note: c.note,
    })),
  }));
}

export interface DataRowQuery {
  regionCode?: string | undefined;
  year?: number | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** Rows of a data set in the actor's region (or the chosen region within it) and below. */
export async function listDataRows(
  db: DbOrTx,
  ctx: ServiceContext,
  dataset: string,
  q: DataRowQuery,
): Promise<{ items: DataRowT[]; total: number }> {
  authorize(ctx, { kind: "permission", permission: "data:read" });
  const spec = datasetOrThrow(dataset);
  const scopePath = await listingScope(db, ctx, q.regionCode);
  const page = await listRows(db, spec, {
    year: q.year,
    scopePath,
    q: q.q,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: page.items.map((row) => toDataRow(spec, row)), total: page.total };
}

/**
 * Corrects non-key cells of one row: each text is read with the same rules as an imported cell,
 * and the change is written with its before and after in the audit trail.
 */
export async function updateDataRow(
  db: Db,
  ctx: ServiceContext,
  dataset: string,
  rowId: number,
  texts: Record<string, string>,
): Promise<DataRowT> {
  authorize(ctx, { kind: "permission", permission: "data:write" });
  const spec = datasetOrThrow(dataset);
  return db.transaction(async (tx) => {
    const row = await getRow(tx, spec, rowId);
    if (!row || !isInScope(ctx, row.regionPath)) {
      throw new DomainError("data.row_not_found", { dataset, id: rowId });
    }
    const values = parseEdits(spec, texts);
    const before: Record<string, string | null> = {};
    for (const key of Object.keys(values)) before[key] = row.values[key] ?? null;
    await updateRowValues(tx, spec, rowId, values);
    await recordAudit(tx, ctx, {
      action: "data.update",
      entity: `dataset:${spec.name}`,
      entityId: rowId,
      region: { code: row.regionCode, path: row.regionPath },
      before,
      after: values,
    });
    const updated = await getRow(tx, spec, rowId);
    if (!updated) throw new DomainError("data.row_not_found", { dataset, id: rowId });
    return toDataRow(spec, updated);
  });
}

function parseEdits(
  spec: DatasetSpec,
  texts: Record<string, string>,
): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const [key, text] of Object.entries(texts)) {
    const column = spec.columns.find((c) => c.key === key);
    if (!column) throw new DomainError("data.unknown_field", { dataset: spec.name, field: key });
    const field = column.zh[0] ?? key;
    if (spec.naturalKey.includes(key) || column.kind.type === "programme") {
      throw new DomainError("data.key_not_editable", { field }, { field: key });
    }
    if (text.trim() === "") {
      if (column.required) {
        throw new DomainError(
          "data.invalid_value",
          { field, reason: "必填 / required" },
          { field: key, value: text, issue: { zh: "必填，不能为空", en: "required" } },
        );
      }
      values[key] = null;
      continue;
    }
    const parsed = fromDisplay(column, text);
    if ("issue" in parsed) {
      throw new DomainError(
        "data.invalid_value",
        { field, reason: parsed.issue.zh },
        { field: key, value: text, issue: { zh: parsed.issue.zh, en: parsed.issue.en } },
      );
    }
    values[key] = parsed.value;
  }
  if (Object.keys(values).length === 0) {
    throw new DomainError("request.invalid", {}, { reason: "no values" });
  }
  return values;
}

export interface FileAnswer {
  fileName: string;
  bytes: Uint8Array;
}

async function scopeRegion(db: DbOrTx, ctx: ServiceContext, regionCode: string | undefined) {
  const code = regionCode ?? ctx.actor?.regionCode;
  if (!code) throw new DomainError("request.invalid", {}, { reason: "regionCode is required" });
  const region = await getRegion(db, code, "regionCode");
  assertRegionInScope(ctx, region);
  return region;
}

/** The .xlsx template of a data set, with the region's names and the year's programmes as lists. */
export async function datasetTemplate(
  db: DbOrTx,
  ctx: ServiceContext,
  dataset: string,
  options: { regionCode?: string | undefined; year: number },
): Promise<FileAnswer> {
  authorize(ctx, { kind: "permission", permission: "data:read" });
  const spec = datasetOrThrow(dataset);
  const region = await scopeRegion(db, ctx, options.regionCode);
  const [regions, programmes] = await Promise.all([
    loadRegionRefs(db),
    loadProgrammeRefs(db, options.year, region.path),
  ]);
  const regionNames = regions.filter((r) => r.path.startsWith(region.path)).map((r) => r.name);
  const bytes = await runTask("writeTemplate", {
    dataset: spec.name,
    options: {
      year: options.year,
      scopeName: region.name,
      regionNames: [...new Set(regionNames)],
      programmeNames: [...new Set(programmes.map((p) => p.name))],
    },
  });
  return { fileName: `${spec.zh}-导入模板-${region.name}-${options.year}.xlsx`, bytes };
}

/** Every row of a data set in a region and year, in the template's layout. */
export async function exportDataset(
  db: DbOrTx,
  ctx: ServiceContext,
  dataset: string,
  options: { regionCode?: string | undefined; year: number },
): Promise<FileAnswer & { rows: number }> {
  authorize(ctx, { kind: "permission", permission: "data:read" });
  const spec = datasetOrThrow(dataset);
  const region = await scopeRegion(db, ctx, options.regionCode);
  const rows: DataRowT[] = [];
  for (let page = 1; ; page += 1) {
    const chunk = await listRows(db, spec, {
      year: options.year,
      scopePath: region.path,
      q: undefined,
      page,
      pageSize: EXPORT_PAGE,
    });
    rows.push(...chunk.items.map((row) => toDataRow(spec, row)));
    if (chunk.items.length < EXPORT_PAGE) break;
  }
  // A name two regions in scope share (朝阳区) is written with its code, so the file imports back.
  const inScope = (await loadRegionRefs(db)).filter((r) => r.path.startsWith(region.path));
  const seen = new Map<string, number>();
  for (const r of inScope) seen.set(r.name, (seen.get(r.name) ?? 0) + 1);
  const label = (row: DataRowT) =>
    (seen.get(row.regionName) ?? 0) > 1 ? `${row.regionName}（${row.regionCode}）` : row.regionName;
  // Writing 55,000 rows takes seconds of CPU: a worker thread does it.
  const bytes = await runTask("writeDataFile", {
    dataset: spec.name,
    rows: rows.map((r) => ({ regionName: label(r), values: r.values })),
    options: { year: options.year, scopeName: region.name },
  });
  return { fileName: `${spec.zh}-${region.name}-${options.year}.xlsx`, bytes, rows: rows.length };
}

/**
 * A region's totals computed from its community projects (小区项目台账), in all and per child
 * region: counts and areas add up; nothing is averaged.
 */
export async function communityTotals(
  db: DbOrTx,
  ctx: ServiceContext,
  options: { regionCode?: string | undefined; year: number },
): Promise<CommunityTotalsT> {
  authorize(ctx, { kind: "permission", permission: "data:read" });
  const region = await scopeRegion(db, ctx, options.regionCode);
  const sums = await sumCommunities(db, options.year, region.path);
  const codes = sums.map((s) => s.child).filter((c) => c !== "");
  const names = new Map(
    (await loadRegionRefs(db)).filter((r) => codes.includes(r.code)).map((r) => [r.code, r.name]),
  );
  const plain = (d: Decimal) => (d.isZero() ? "0" : d.toString());
  const total = sums.reduce(
    (acc, s) => ({
      communities: acc.communities + s.communities,
      buildings: acc.buildings + s.buildings,
      households: acc.households + s.households,
      area: acc.area.plus(s.area),
      investment: acc.investment.plus(s.investment),
    }),
    {
      communities: 0,
      buildings: 0,
      households: 0,
      area: new Decimal(0),
      investment: new Decimal(0),
    },
  );
  return {
    year: options.year,
    total: {
      regionCode: region.code,
      regionName: region.name,
      ...total,
      area: plain(total.area),
      investment: plain(total.investment),
    },
    children: sums
      .filter((s) => s.child !== "")
      .map((s) => ({
        regionCode: s.child,
        regionName: names.get(s.child) ?? s.child,
        communities: s.communities,
        buildings: s.buildings,
        households: s.households,
        area: plain(new Decimal(s.area)),
        investment: plain(new Decimal(s.investment)),
      })),
  };
}
