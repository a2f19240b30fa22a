/**
 * The dashboard of a region's year. Every figure is summed by the database (a handful of grouped
 * queries, whatever the number of rows below); the domain turns the sums into rates and ranks.
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../db/index.ts";
import { DEFAULT_OPTIONS } from "../domain/checks/index.ts";
import { PLAN_MEASURES } from "../domain/checks/sums.ts";
import { buildDashboard, type Dashboard, type RegionFigures } from "../domain/dashboard.ts";
import { findDataset } from "../domain/datasets/specs.ts";
import { DomainError } from "../domain/errors.ts";
import { ownLevel, type ServiceContext } from "./context.ts";
import { assertRegionInScope, authorize, isInScope } from "./policy.ts";
import { getRegion } from "./region-service.ts";

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A measure's column as the 计划与完成 spec names it, e.g. plan_area_m2 for ("plan", "Area"). */
function measureColumn(side: "plan" | "actual", key: string): string {
  const column = findDataset("plan-actual")?.columns.find((c) => c.key === `${side}${key}`);
  if (!column) throw new Error(`plan-actual has no column ${side}${key}`);
  return column.db;
}

/** The latest plan-actual row per region and stage within the scope, as the CTE `last`. */
function topmostPlanActual(year: number, scopePath: string) {
  return sql`
    with latest as (
      select p.*, r.path,
        row_number() over (partition by p.region_code, p.stage order by p.as_of desc nulls last) as rn
      from plan_actuals p join regions r on r.code = p.region_code
      where p.year = ${year} and r.path like ${`${scopePath}%`}
    ), last as (select * from latest where rn = 1)`;
}

export interface DashboardRequest {
  regionCode?: string | undefined;
  year: number;
}

/** The dashboard for the region (default: the user's own), drillable to the regions below. */
export async function getDashboard(
  db: DbOrTx,
  ctx: ServiceContext,
  request: DashboardRequest,
): Promise<Dashboard> {
  authorize(ctx, { kind: "permission", permission: "data:read" });
  const code = request.regionCode ?? ctx.actor?.regionCode;
  if (!code) throw new DomainError("request.invalid", {}, { reason: "regionCode is required" });
  const scope = await getRegion(db, code, "regionCode");
  assertRegionInScope(ctx, scope);
  const year = request.year;
  const like = `${scope.path}%`;

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
  const trail = trailRows
    .filter((r) => isInScope(ctx, String(r.path)))
    .map((r) => ({ code: String(r.code), name: String(r.name), level: String(r.level) }));

  // Funds by source, from the topmost regions recording funds (money is recorded where it is received).
  const funds = await queryRows(
    db,
    sql`
    with f as (
      select f.source, f.amount_yuan, r.path from programme_funds f join regions r on r.code = f.region_code
      where f.year = ${year} and r.path like ${like}
    )
    select source, sum(amount_yuan)::text as amount from f
    where not exists (select 1 from f f2 where f.path like f2.path || '%' and f2.path <> f.path)
    group by source`,
  );

  // Spend over time: Σ of every allocation row at each date (the rows are disjoint allocations).
  const series = await queryRows(
    db,
    sql`
    select a.as_of::text as "asOf", sum(a.budget_yuan)::text as budget, sum(a.spent_yuan)::text as spent
    from fund_allocations a join regions r on r.code = a.region_code
    where a.year = ${year} and r.path like ${like}
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
    sql`${topmostPlanActual(year, scope.path)}
    select l.stage, ${sums("plan")}, ${sums("actual")} from last l
    where not exists (
      select 1 from last l2 where l2.stage = l.stage and l.path like l2.path || '%' and l2.path <> l.path)
    group by l.stage`,
  );

  // The regions one level down, each summed over its subtree, and the scope's own rows (本级).
  const perRegion = await queryRows(
    db,
    sql`
    with units as (
      select c.code, c.name, c.level, c.path, false as own, c.path || '%' as pattern,
        exists (select 1 from regions g where g.parent_code = c.code) as "hasChildren"
      from regions c where c.parent_code = ${scope.code}
      union all
      select s.code, s.name, s.level, s.path, true, s.path, false from regions s where s.code = ${scope.code}
    ), alloc as (
      select a.region_code, a.budget_yuan, a.spent_yuan, a.as_of, r.path,
        row_number() over (partition by a.region_code, a.programme_id order by a.as_of desc) as rn
      from fund_allocations a join regions r on r.code = a.region_code
      where a.year = ${year} and r.path like ${like}
    ), spend as (
      select u.code, max(a.as_of)::text as "asOf", sum(a.budget_yuan)::text as budget,
        sum(a.spent_yuan)::text as spent
      from units u join alloc a on a.rn = 1 and a.path like u.pattern group by u.code
    ), pa as (
      select p.region_code, p.stage, p.plan_communities, p.actual_communities, r.path,
        row_number() over (partition by p.region_code, p.stage order by p.as_of desc nulls last) as rn
      from plan_actuals p join regions r on r.code = p.region_code
      where p.year = ${year} and r.path like ${like}
    ), top as (
      select u.code, p.stage, p.plan_communities, p.actual_communities
      from units u join pa p on p.rn = 1 and p.path like u.pattern
      where not exists (
        select 1 from pa p2 where p2.rn = 1 and p2.stage = p.stage and p2.path like u.pattern
          and p.path like p2.path || '%' and p2.path <> p.path)
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
      order by s.region_code, s.approved_at desc
    ), published as (
      select distinct on (p.region_code) p.region_code, p.published_score::text as total, p.published_grade as grade
      from programmes p where p.year = ${year} and p.published_score is not null
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
      join regions r on r.code = s.region_code
      where t.year = ${year} and s.status = 'approved' and s.grade is not null
        and r.path like ${like} and r.code <> ${scope.code}
      order by s.region_code, s.approved_at desc
    )
    select grade, count(*)::int as n from latest group by grade`,
  );

  return buildDashboard({
    year,
    scope: { code: scope.code, name: scope.name, level: scope.level },
    trail,
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
}
