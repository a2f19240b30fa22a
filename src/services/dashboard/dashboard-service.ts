/**
 * The dashboard of a region's year. Every figure is summed by the database (a handful of grouped
 * queries, whatever the number of rows below); the domain turns the sums into rates and ranks.
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/index.ts";
import { DEFAULT_OPTIONS } from "../../domain/checks/index.ts";
import { PLAN_MEASURES } from "../../domain/checks/sums.ts";
import { buildDashboard, type Dashboard, type RegionFigures } from "../../domain/dashboard.ts";
import { findDataset } from "../../domain/datasets/specs/index.ts";
import { DomainError } from "../../domain/errors.ts";
import { ownLevel, type ServiceContext } from "../context.ts";
import { getRegion, type RegionRecord } from "../data/region-service.ts";
import { assertRegionInScope, authorize, isInScope } from "../policy.ts";
import { dashboardCacheFor, regionAndVersion } from "./dashboard-cache.ts";

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A measure's column as the 计划与完成 spec names it, e.g. plan_area_m2 for ("plan", "Area"). */
function measureColumn(side: "plan" | "actual", key: string): string {
  const column = findDataset("plan-actual")?.columns.find((c) => c.key === `${side}${key}`);
  if (!column) throw new Error(`plan-actual has no column ${side}${key}`);
  return column.db;
}

/**
 * The regions at or below `scopeCode`, as a join on region_ancestors (its primary key's prefix):
 * `alias.region_code` is the row's region. Every subtree below is found this way, never by LIKE.
 */
function inScope(alias: string, scopeCode: string) {
  return sql`join region_ancestors ${sql.identifier(`${alias}_in`)} on ${sql.identifier(`${alias}_in`)}.region_code = ${sql.identifier(alias)}.region_code
      and ${sql.identifier(`${alias}_in`)}.ancestor_code = ${scopeCode}`;
}

/**
 * The row's unit on the dashboard: the child of the scope its region lies under (the ancestor one
 * level below the scope), or the scope itself for the scope's own rows.
 */
function unitJoin(alias: string) {
  const unit = sql.identifier(`${alias}_unit`);
  return sql`left join region_ancestors ${unit} on ${unit}.region_code = ${sql.identifier(alias)}.region_code
      and ${unit}.depth = ${sql.identifier(`${alias}_in`)}.depth - 1`;
}

function unitOf(alias: string) {
  return sql`coalesce(${sql.identifier(`${alias}_unit`)}.ancestor_code, ${sql.identifier(alias)}.region_code)`;
}

/**
 * The regions strictly below any of `holders` (a subquery of region codes): rows there are not
 * topmost. One probe of region_ancestors' primary key per holder, then a hashed NOT IN.
 */
function strictlyBelow(holders: ReturnType<typeof sql>) {
  return sql`select below.region_code from region_ancestors below
      where below.depth > 0 and below.ancestor_code in (${holders})`;
}

/** The latest plan-actual row per region and stage within the scope, as the CTE `last`. */
function topmostPlanActual(year: number, scopeCode: string) {
  return sql`
    with latest as (
      select p.*,
        row_number() over (partition by p.region_code, p.stage order by p.as_of desc nulls last) as rn
      from plan_actuals p ${inScope("p", scopeCode)}
      where p.year = ${year}
    ), last as (select * from latest where rn = 1)`;
}

export interface DashboardRequest {
  regionCode?: string | undefined;
  year: number;
}

/** What is cached of a dashboard: all but the trail, which depends on the actor's own scope. */
interface DashboardFigures {
  dashboard: Dashboard;
  trailRows: Record<string, unknown>[];
}

function withTrail(ctx: ServiceContext, figures: DashboardFigures): Dashboard {
  const trail = figures.trailRows
    .filter((r) => isInScope(ctx, String(r.path)))
    .map((r) => ({ code: String(r.code), name: String(r.name), level: String(r.level) }));
  return { ...figures.dashboard, trail };
}

function requestedCode(ctx: ServiceContext, request: DashboardRequest): string {
  authorize(ctx, { kind: "permission", permission: "data:read" });
  const code = request.regionCode ?? ctx.actor?.regionCode;
  if (!code) throw new DomainError("request.invalid", {}, { reason: "regionCode is required" });
  return code;
}

/**
 * The dashboard for the region (default: the user's own), drillable to the regions below. Answered
 * from the dashboard cache while the year's data version is unchanged (one small query).
 */
export async function getDashboard(
  db: DbOrTx,
  ctx: ServiceContext,
  request: DashboardRequest,
): Promise<Dashboard> {
  const code = requestedCode(ctx, request);
  const cache = dashboardCacheFor(db);
  if (!cache) return getDashboardUncached(db, ctx, request);
  const { version, region } = await regionAndVersion(db, code, request.year);
  const scope = region
    ? (region as unknown as RegionRecord)
    : await getRegion(db, code, "regionCode");
  assertRegionInScope(ctx, scope);
  const key = `${scope.code}|${request.year}|${ctx.locale ?? ""}|${version}`;
  // Requests for the same key at once share one computation; a failure is not kept.
  let figures = cache.get(key) as Promise<DashboardFigures> | undefined;
  if (!figures) {
    const computing = dashboardFigures(db, ctx, scope, request.year);
    figures = computing;
    cache.set(key, computing);
    computing.catch(() => cache.delete(key, computing));
  }
  return withTrail(ctx, await figures);
}

/** The dashboard computed afresh (the cache's reference; transactions always take this path). */
export async function getDashboardUncached(
  db: DbOrTx,
  ctx: ServiceContext,
  request: DashboardRequest,
): Promise<Dashboard> {
  const code = requestedCode(ctx, request);
  const scope = await getRegion(db, code, "regionCode");
  assertRegionInScope(ctx, scope);
  return withTrail(ctx, await dashboardFigures(db, ctx, scope, request.year));
}

async function dashboardFigures(
  db: DbOrTx,
  ctx: ServiceContext,
  scope: RegionRecord,
  year: number,
): Promise<DashboardFigures> {
  const scopeCode = scope.code;

  const trailCodes = scope.path.split("/").filter(Boolean).slice(0, -1);
  const trailRows =
    trailCodes.length === 0
      ? []
      : await queryRows(
          db,
          sql`select code, name, level, path from regions where code in (${sql.join(
            trailCodes.map((c) => sql`${c}`),
            sql`, `,
          )}) order by length(path)`,
        );

  // Funds by source, from the topmost regions recording funds (money is recorded where it is received).
  const funds = await queryRows(
    db,
    sql`
    with f as (
      select f.source, f.amount_yuan, f.region_code from programme_funds f ${inScope("f", scopeCode)}
      where f.year = ${year}
    )
    select source, sum(amount_yuan)::text as amount from f
    where f.region_code not in (${strictlyBelow(sql`select distinct region_code from f`)})
    group by source`,
  );

  // Spend over time: Σ of every allocation row at each date (the rows are disjoint allocations).
  const series = await queryRows(
    db,
    sql`
    select a.as_of::text as "asOf", sum(a.budget_yuan)::text as budget, sum(a.spent_yuan)::text as spent
    from fund_allocations a ${inScope("a", scopeCode)}
    where a.year = ${year}
    group by a.as_of order by a.as_of`,
  );

  const sums = (side: "plan" | "actual") =>
    sql.join(
      PLAN_MEASURES.map(
        (m) =>
          sql`sum(l.${sql.identifier(measureColumn(side, m.key))})::text as ${sql.identifier(`${side}${m.key}`)}`,
      ),
      sql`, `,
    );
  const planActual = await queryRows(
    db,
    sql`${topmostPlanActual(year, scopeCode)}
    select l.stage, ${sums("plan")}, ${sums("actual")} from last l
    where (l.region_code, l.stage) not in (
      select below.region_code, h.stage from last h
      join region_ancestors below on below.ancestor_code = h.region_code and below.depth > 0)
    group by l.stage`,
  );

  // The regions one level down, each summed over its subtree, and the scope's own rows (本级).
  // A row's unit is its ancestor among the units (a child's whole subtree; the scope itself only for
  // the scope's own rows, depth 0); "topmost within the unit" looks at ancestors up to the unit.
  const perRegion = await queryRows(
    db,
    sql`
    with units as (
      select c.code, c.name, c.level, false as own,
        exists (select 1 from regions g where g.parent_code = c.code) as "hasChildren"
      from regions c where c.parent_code = ${scopeCode}
      union all
      select s.code, s.name, s.level, true, false from regions s where s.code = ${scopeCode}
    ), alloc as (
      select a.region_code, a.budget_yuan, a.spent_yuan, a.as_of, ${unitOf("a")} as unit,
        row_number() over (partition by a.region_code, a.programme_id order by a.as_of desc) as rn
      from fund_allocations a ${inScope("a", scopeCode)} ${unitJoin("a")}
      where a.year = ${year}
    ), spend as (
      select unit as code, max(as_of)::text as "asOf", sum(budget_yuan)::text as budget,
        sum(spent_yuan)::text as spent
      from alloc where rn = 1 group by unit
    ), pa as (
      select p.region_code, p.stage, p.plan_communities, p.actual_communities, ${unitOf("p")} as unit,
        row_number() over (partition by p.region_code, p.stage order by p.as_of desc nulls last) as rn
      from plan_actuals p ${inScope("p", scopeCode)} ${unitJoin("p")}
      where p.year = ${year}
    ), top as (
      -- Below a holder other than the scope a row is counted by that holder (its unit's topmost).
      select p.unit as code, p.stage, p.plan_communities, p.actual_communities from pa p
      where p.rn = 1 and (p.region_code, p.stage) not in (
        select below.region_code, h.stage from pa h
        join region_ancestors below on below.ancestor_code = h.region_code and below.depth > 0
        where h.rn = 1 and h.region_code <> ${scopeCode})
    ), done as (
      select code,
        sum(plan_communities) filter (where stage = 'started')::text as "planStarted",
        sum(actual_communities) filter (where stage = 'started')::text as "actualStarted",
        sum(plan_communities) filter (where stage = 'completed')::text as "planCompleted",
        sum(actual_communities) filter (where stage = 'completed')::text as "actualCompleted"
      from top group by code
    ), sheet as (
      select distinct on (s.region_code) s.region_code, s.total::text as total, s.grade
      from evaluation_sheets s join evaluation_tasks t on t.id = s.task_id
      where t.year = ${year} and s.status = 'approved' and s.total is not null
        and s.region_code in (select code from units where not own)
      order by s.region_code, s.approved_at desc
    ), published as (
      select distinct on (p.region_code) p.region_code, p.published_score::text as total, p.published_grade as grade
      from programmes p where p.year = ${year} and p.published_score is not null
        and p.region_code in (select code from units where not own)
      order by p.region_code, p.id
    )
    select u.code, u.name, u.level, u.own, u."hasChildren", sp."asOf", sp.budget, sp.spent,
      d."planStarted", d."actualStarted", d."planCompleted", d."actualCompleted",
      coalesce(sh.total, pb.total) as score, coalesce(sh.grade, pb.grade) as grade,
      case when sh.total is not null then 'evaluation' when pb.total is not null then 'published' end as "scoreSource"
    from units u
    left join spend sp on sp.code = u.code
    left join done d on d.code = u.code
    left join sheet sh on sh.region_code = u.code and not u.own
    left join published pb on pb.region_code = u.code and not u.own
    order by u.own desc, u.code`,
  );
  const regions: RegionFigures[] = perRegion
    .map((r) => ({
      code: String(r.code),
      name: r.own === true ? ownLevel(String(r.name), ctx.locale) : String(r.name),
      level: String(r.level),
      own: r.own === true,
      hasChildren: r.hasChildren === true,
      asOf: str(r.asOf),
      budgetYuan: str(r.budget),
      spentYuan: str(r.spent),
      planStarted: r.own === true ? null : str(r.planStarted),
      actualStarted: r.own === true ? null : str(r.actualStarted),
      planCompleted: r.own === true ? null : str(r.planCompleted),
      actualCompleted: r.own === true ? null : str(r.actualCompleted),
      score: str(r.score),
      grade: str(r.grade),
      scoreSource: (str(r.scoreSource) as RegionFigures["scoreSource"]) ?? null,
    }))
    // The scope's own line only when it holds allocation rows of its own.
    .filter((r) => !r.own || r.budgetYuan !== null);

  const grades = await queryRows(
    db,
    sql`
    with latest as (
      select distinct on (s.region_code) s.grade
      from evaluation_sheets s join evaluation_tasks t on t.id = s.task_id
      ${inScope("s", scopeCode)} and s_in.depth > 0
      where t.year = ${year} and s.status = 'approved' and s.grade is not null
      order by s.region_code, s.approved_at desc
    )
    select grade, count(*)::int as n from latest group by grade`,
  );

  const dashboard = buildDashboard({
    year,
    scope: { code: scope.code, name: scope.name, level: scope.level },
    trail: [],
    funds: funds.map((f) => ({ source: String(f.source), amountYuan: String(f.amount) })),
    spendSeries: series.map((s) => ({
      asOf: String(s.asOf),
      budgetYuan: String(s.budget),
      spentYuan: String(s.spent),
    })),
    planActual: planActual.map((p) => ({
      stage: String(p.stage),
      plan: Object.fromEntries(PLAN_MEASURES.map((m) => [m.key, str(p[`plan${m.key}`])])),
      actual: Object.fromEntries(PLAN_MEASURES.map((m) => [m.key, str(p[`actual${m.key}`])])),
    })),
    regions,
    grades: grades.map((g) => ({ grade: String(g.grade), count: Number(g.n) })),
    margins: DEFAULT_OPTIONS,
  });
  return { dashboard, trailRows };
}
