/** The checker and the monitoring view over a region's stored data: load, run the domain, answer. */
import { loadStoredRows } from "../db/dataset-repository.ts";
import type { DbOrTx } from "../db/index.ts";
import {
  CATEGORY_TITLES,
  type CheckData,
  type CheckOptions,
  type CheckRegion,
  type CheckResult,
  type CheckRow,
  checkOptions,
  type Finding,
  LEVEL_TITLES,
  type MonitoringView,
  type Problem,
} from "../domain/checks/index.ts";
import { DATASETS, findDataset } from "../domain/datasets/specs.ts";
import { DomainError } from "../domain/errors.ts";
import type { Framework } from "../domain/frameworks/index.ts";
import { runTask } from "../workers/pool.ts";
import { frameworksByCode, portableCheckData } from "../workers/tasks.ts";
import { type ExportLocale, findingsWorkbook } from "../xlsx/findings-workbook.ts";
import { ownLevel, type ServiceContext } from "./context.ts";
import { loadProgrammeRefs, loadRegionRefs } from "./dataset-context.ts";
import { assertRegionInScope, authorize } from "./policy.ts";
import { getRegion, type RegionRecord } from "./region-service.ts";

function parentOf(path: string): string | null {
  const parts = path.split("/").filter(Boolean);
  return parts.length > 1 ? (parts.at(-2) ?? null) : null;
}

/** Everything the checker reads about a region's year (and last year's funds), as plain data. */
export async function loadCheckData(
  db: DbOrTx,
  region: Pick<RegionRecord, "path">,
  year: number,
): Promise<CheckData> {
  const [regionRefs, programmeRefs] = await Promise.all([
    loadRegionRefs(db),
    loadProgrammeRefs(db, year, region.path),
  ]);
  const rows: Record<string, CheckRow[]> = {};
  for (const spec of DATASETS) {
    rows[spec.name] = await loadStoredRows(db, spec, year, region.path);
  }
  const funds = findDataset("funds");
  const previousFunds = funds ? await loadStoredRows(db, funds, year - 1, region.path) : [];
  const regions = new Map<string, CheckRegion>(
    regionRefs.map((r) => [r.code, { ...r, parentCode: parentOf(r.path) }]),
  );
  const programmes = new Map(
    programmeRefs.map((p) => [p.id, { id: p.id, name: p.name, regionCode: p.regionCode }]),
  );
  const all = frameworksByCode();
  const frameworks = new Map<string, Framework>();
  for (const p of rows.programmes ?? []) {
    const code = p.values.framework;
    const framework = code ? all.get(code) : undefined;
    if (code && framework) frameworks.set(code, framework);
  }
  return { year, regions, programmes, rows, previous: { funds: previousFunds }, frameworks };
}

export interface CheckRequest {
  regionCode?: string | undefined;
  year: number;
  /** Defaults to today (UTC). */
  asOf?: string | undefined;
  options?: Partial<Omit<CheckOptions, "asOf">>;
}

export interface RegionCheck {
  region: { code: string; name: string };
  year: number;
  asOf: string;
  result: CheckResult;
  problems: Problem[];
}

async function scope(db: DbOrTx, ctx: ServiceContext, regionCode: string | undefined) {
  authorize(ctx, { kind: "permission", permission: "data:read" });
  const code = regionCode ?? ctx.actor?.regionCode;
  if (!code) throw new DomainError("request.invalid", {}, { reason: "regionCode is required" });
  const region = await getRegion(db, code, "regionCode");
  assertRegionInScope(ctx, region);
  return region;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Runs every check over a region's year and lists the candidate 问题. */
export async function checkRegion(
  db: DbOrTx,
  ctx: ServiceContext,
  request: CheckRequest,
): Promise<RegionCheck> {
  const region = await scope(db, ctx, request.regionCode);
  const asOf = request.asOf ?? today();
  const data = await loadCheckData(db, region, request.year);
  // A national year's checks take seconds of CPU: a worker thread runs them.
  const { result, problems } = await runTask("check", {
    data: portableCheckData(data),
    options: checkOptions({ ...request.options, asOf }),
  });
  return {
    region: { code: region.code, name: region.name },
    year: request.year,
    asOf,
    result,
    problems,
  };
}

export interface RegionMonitoring {
  region: { code: string; name: string };
  year: number;
  view: MonitoringView;
  /** The monitoring findings (spend, completion, deadlines) of the region and below. */
  alerts: Finding[];
}

/** The monitoring page: spend and completion by region at their latest dates, with the alerts. */
export async function monitorRegion(
  db: DbOrTx,
  ctx: ServiceContext,
  request: CheckRequest,
): Promise<RegionMonitoring> {
  const region = await scope(db, ctx, request.regionCode);
  const asOf = request.asOf ?? today();
  const data = await loadCheckData(db, region, request.year);
  const { view, alerts } = await runTask("monitor", {
    data: portableCheckData(data),
    options: checkOptions({ ...request.options, asOf }),
  });
  // The region's own allocation (省本级) is not a total: say so in its name.
  const lines = view.lines.map((l) =>
    l.regionCode === region.code ? { ...l, regionName: ownLevel(l.regionName, ctx.locale) } : l,
  );
  return {
    region: { code: region.code, name: region.name },
    year: request.year,
    view: { ...view, lines },
    alerts,
  };
}

export interface FindingFilter {
  severity?: Finding["severity"] | undefined;
  category?: Finding["category"] | undefined;
  /** A region inside the checked scope: only its findings and those below it. */
  within?: string | undefined;
  page: number;
  pageSize: number;
}

/** One page of the findings that pass the filters, and the regions with findings, most first. */
export async function listFindings(
  db: DbOrTx,
  ctx: ServiceContext,
  findings: readonly Finding[],
  filter: FindingFilter,
): Promise<{
  total: number;
  findings: Finding[];
  regions: { code: string; name: string; count: number }[];
}> {
  const byKind = findings.filter((f) => ofKind(f, filter));
  const counts = new Map<string, { code: string; name: string; count: number }>();
  for (const f of byKind) {
    const entry = counts.get(f.regionCode) ?? { code: f.regionCode, name: f.regionName, count: 0 };
    entry.count += 1;
    counts.set(f.regionCode, entry);
  }
  const shown = await withinRegion(db, ctx, byKind, filter.within);
  const start = (filter.page - 1) * filter.pageSize;
  return {
    total: shown.length,
    findings: shown.slice(start, start + filter.pageSize),
    regions: [...counts.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}

type KindFilter = Pick<FindingFilter, "severity" | "category">;

function ofKind(f: Finding, filter: KindFilter): boolean {
  return (
    (!filter.severity || f.severity === filter.severity) &&
    (!filter.category || f.category === filter.category)
  );
}

/** The findings of a region (inside the user's scope) and the regions below it. */
async function withinRegion(
  db: DbOrTx,
  ctx: ServiceContext,
  findings: readonly Finding[],
  within: string | undefined,
): Promise<readonly Finding[]> {
  if (!within) return findings;
  const region = await getRegion(db, within, "within");
  assertRegionInScope(ctx, region);
  const paths = new Map((await loadRegionRefs(db)).map((r) => [r.code, r.path]));
  return findings.filter((f) => (paths.get(f.regionCode) ?? "").startsWith(region.path));
}

const EXPORT_TITLE = {
  "zh-CN": (region: string, year: number, alerts: boolean) =>
    `${region}${year}年度${alerts ? "运行监控预警" : "数据检查结果"}`,
  "en-US": (region: string, year: number, alerts: boolean) =>
    `${region} ${year}: ${alerts ? "monitoring alerts" : "data check findings"}`,
} as const;

/** Every finding that passes the filters (no paging), as an .xlsx in the user's language. */
export async function exportFindings(
  db: DbOrTx,
  ctx: ServiceContext,
  request: CheckRequest,
  filter: Omit<FindingFilter, "page" | "pageSize">,
  locale: ExportLocale,
): Promise<{ fileName: string; contentType: string; bytes: Uint8Array; count: number }> {
  const check = await checkRegion(db, ctx, request);
  const kept = await withinRegion(
    db,
    ctx,
    check.result.findings.filter((f) => ofKind(f, filter)),
    filter.within,
  );
  const zh = locale === "zh-CN";
  const notes = [
    zh
      ? `截至 ${check.asOf}，共 ${kept.length} 项`
      : `As of ${check.asOf}: ${kept.length} findings`,
    ...(filter.severity
      ? [`${zh ? "级别：" : "Severity: "}${severityWords(filter.severity, zh)}`]
      : []),
    ...(filter.category
      ? [
          `${zh ? "类别：" : "Category: "}${zh ? CATEGORY_TITLES[filter.category].zh : CATEGORY_TITLES[filter.category].en}`,
        ]
      : []),
    ...(filter.within
      ? [`${zh ? "地区：" : "Region: "}${(await getRegion(db, filter.within, "within")).name}`]
      : []),
  ];
  const alerts = filter.category === "monitoring";
  const title = EXPORT_TITLE[locale](check.region.name, check.year, alerts);
  const bytes = await findingsWorkbook(kept, { locale, title, notes });
  const stem = zh ? title : `${check.region.name}-${check.year}-${alerts ? "alerts" : "findings"}`;
  return {
    fileName: `${stem}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    bytes,
    count: kept.length,
  };
}

function severityWords(severity: Finding["severity"], zh: boolean): string {
  const t = LEVEL_TITLES[severity];
  return zh ? t.zh : t.en;
}
