/** The checker and the monitoring view over a region's stored data: load, run the domain, answer. */
import { setImmediate as nextTurn } from "node:timers/promises";
import { loadStoredRows } from "../../db/dataset-repository.ts";
import type { DbOrTx } from "../../db/index.ts";
import {
  buildMonitoring,
  CATEGORY_TITLES,
  type CheckData,
  type CheckOptions,
  type CheckRegion,
  type CheckResult,
  type CheckRow,
  candidateProblems,
  checkOptions,
  checkSteps,
  type Finding,
  LEVEL_TITLES,
  type MonitoringView,
  type Problem,
  READ_COLUMNS,
} from "../../domain/checks/index.ts";
import { DATASETS, findDataset } from "../../domain/datasets/specs/index.ts";
import type { DatasetSpec } from "../../domain/datasets/types.ts";
import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/frameworks/index.ts";
import { type ExportLocale, findingsWorkbook } from "../../xlsx/findings-workbook.ts";
import { ownLevel, type ServiceContext } from "../context.ts";
import { loadProgrammeRefs, loadRegionRefs } from "../data/dataset-context.ts";
import { getRegion, type RegionRecord } from "../data/region-service.ts";
import { frameworksByCode } from "../evaluations/framework-files.ts";
import { assertRegionInScope, authorize } from "../policy.ts";
import { cachedCheck } from "./check-cache.ts";

function parentOf(path: string): string | null {
  const parts = path.split("/").filter(Boolean);
  return parts.length > 1 ? (parts.at(-2) ?? null) : null;
}

/** A data set's spec cut down to the region and the columns the checks read (READ_COLUMNS). */
function readSpec(spec: DatasetSpec): DatasetSpec {
  const read = READ_COLUMNS[spec.name];
  if (!read) return spec;
  return {
    ...spec,
    columns: spec.columns.filter((c) => c.kind.type === "region" || read.includes(c.key)),
  };
}

/**
 * The queries' answers: side by side on a pool (one query per data set at once), one after another
 * inside a transaction (one connection, which runs one query at a time).
 */
async function inTurnOrAtOnce<T extends unknown[]>(
  db: DbOrTx,
  queries: { [K in keyof T]: () => Promise<T[K]> | T[K] },
): Promise<T> {
  if (!("rollback" in db)) return (await Promise.all(queries.map((q) => q()))) as T;
  const answers: unknown[] = [];
  for (const query of queries) answers.push(await query());
  return answers as T;
}

/** Everything the checker reads about a region's year (and last year's funds), as plain data. */
export async function loadCheckData(
  db: DbOrTx,
  region: Pick<RegionRecord, "path">,
  year: number,
  /** Only these data sets (and no previous year): the monitoring view reads two. */
  only?: readonly string[],
): Promise<CheckData> {
  const funds = findDataset("funds");
  const specs = DATASETS.filter((spec) => !only || only.includes(spec.name));
  const [regionRefs, programmeRefs, previousFunds, ...loaded] = await inTurnOrAtOnce(db, [
    () => loadRegionRefs(db),
    () => loadProgrammeRefs(db, year, region.path),
    () => (funds && !only ? loadStoredRows(db, funds, year - 1, region.path) : []),
    ...specs.map((spec) => () => loadStoredRows(db, readSpec(spec), year, region.path)),
  ]);
  const rows: Record<string, CheckRow[]> = {};
  specs.forEach((spec, i) => {
    rows[spec.name] = loaded[i] ?? [];
  });
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
  /** The regions the check read (names and paths), for the region facet and the `within` filter. */
  regions: ReadonlyMap<string, CheckRegion>;
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

/**
 * Runs the checks here, one rule group at a time with other requests in between (each group of a
 * national year takes at most a few hundred milliseconds). Here, not in a worker thread: sending a
 * national year's rows there and ~50,000 findings back costs more than the checks themselves.
 */
async function stepThrough(steps: Generator<undefined, CheckResult, undefined>) {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}

/** Runs every check over a region's year and lists the candidate 问题. */
export async function checkRegion(
  db: DbOrTx,
  ctx: ServiceContext,
  request: CheckRequest,
): Promise<RegionCheck> {
  const region = await scope(db, ctx, request.regionCode);
  const asOf = request.asOf ?? today();
  const options = checkOptions({ ...request.options, asOf });
  const key = `check|${region.code}|${request.year}|${JSON.stringify(options)}`;
  const { result, problems, regions } = await cachedCheck(
    db,
    request.year,
    key,
    async () => {
      const data = await loadCheckData(db, region, request.year);
      const result = await stepThrough(checkSteps(data, options));
      return { result, problems: candidateProblems(result.findings, data), regions: data.regions };
    },
    (answer) => answer.result.findings.length + answer.problems.length,
  );
  return {
    region: { code: region.code, name: region.name },
    year: request.year,
    asOf,
    result,
    problems,
    regions,
  };
}

export interface RegionMonitoring {
  region: { code: string; name: string };
  year: number;
  view: MonitoringView;
  /** The monitoring findings (spend, completion, deadlines) of the region and below. */
  alerts: Finding[];
}

/** What `buildMonitoring` reads besides the regions and programmes. */
const MONITORING_DATASETS = ["allocations", "plan-actual"] as const;

/** The monitoring page: spend and completion by region at their latest dates, with the alerts. */
export async function monitorRegion(
  db: DbOrTx,
  ctx: ServiceContext,
  request: CheckRequest,
): Promise<RegionMonitoring> {
  const region = await scope(db, ctx, request.regionCode);
  const asOf = request.asOf ?? today();
  const options = checkOptions({ ...request.options, asOf });
  // The alerts are the checker's monitoring findings: the check answer (cached, shared with the
  // checks page) has them; the view itself reads only the progress records. Both at once (their
  // queries overlap), or in turn inside a transaction.
  const key = `monitor|${region.code}|${request.year}|${JSON.stringify(options)}`;
  const [check, { view }] = await inTurnOrAtOnce(db, [
    () => checkRegion(db, ctx, { ...request, regionCode: region.code, asOf }),
    () =>
      cachedCheck(
        db,
        request.year,
        key,
        async () => {
          const data = await loadCheckData(db, region, request.year, MONITORING_DATASETS);
          return { view: buildMonitoring(data, options) };
        },
        (answer) => answer.view.lines.length + answer.view.completion.length,
      ),
  ]);
  const alerts = check.result.findings.filter((f) => f.category === "monitoring");
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

/**
 * One page of the findings that pass the filters, and the region facet: the checked region itself
 * and each region one level below it with the findings in its subtree, most first (a national check
 * lists the provinces, not every county with a finding).
 */
export async function listFindings(
  db: DbOrTx,
  ctx: ServiceContext,
  check: Pick<RegionCheck, "region" | "result" | "regions">,
  filter: FindingFilter,
): Promise<{
  total: number;
  findings: Finding[];
  regions: { code: string; name: string; count: number }[];
}> {
  const byKind = check.result.findings.filter((f) => ofKind(f, filter));
  const scopePath = check.regions.get(check.region.code)?.path ?? "";
  const depth = scopePath.split("/").filter(Boolean).length;
  const counts = new Map<string, { code: string; name: string; count: number }>();
  // A national year has tens of thousands of findings over a few thousand regions: each region once.
  const entryOf = new Map<string, { code: string; name: string; count: number }>();
  for (const f of byKind) {
    let entry = entryOf.get(f.regionCode);
    if (!entry) {
      const path = check.regions.get(f.regionCode)?.path ?? "";
      // The scope's own findings, or the region directly below it that holds this one.
      const code = path.split("/").filter(Boolean)[depth] ?? check.region.code;
      const name = code === f.regionCode ? f.regionName : (check.regions.get(code)?.name ?? code);
      entry = counts.get(code) ?? { code, name, count: 0 };
      counts.set(code, entry);
      entryOf.set(f.regionCode, entry);
    }
    entry.count += 1;
  }
  const shown = await withinRegion(db, ctx, check.regions, byKind, filter.within);
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
  regions: ReadonlyMap<string, CheckRegion>,
  findings: readonly Finding[],
  within: string | undefined,
): Promise<readonly Finding[]> {
  if (!within) return findings;
  const region = await getRegion(db, within, "within");
  assertRegionInScope(ctx, region);
  return findings.filter((f) => (regions.get(f.regionCode)?.path ?? "").startsWith(region.path));
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
    check.regions,
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
