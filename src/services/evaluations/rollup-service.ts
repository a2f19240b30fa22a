/**
 * 汇总: a task's result for the launching region, rolled up from the approved sheets of the regions
 * one level below it, by the method the user chooses (mean, weighted by funds or households, own).
 */
import { sql } from "drizzle-orm";
import { type DbOrTx, queryRows } from "../../db/index.ts";
import { Decimal, formatByPolicy } from "../../domain/decimal.ts";
import { DomainError } from "../../domain/errors.ts";
import { issueMessage, ValidationError } from "../../domain/frameworks/index.ts";
import { yuanToWan } from "../../domain/money.ts";
import {
  gradedValue,
  gradeFor,
  type RegionScore,
  type RollUpMethod,
  rollUp,
} from "../../domain/scoring/index.ts";
import type { ServiceContext } from "../context.ts";
import { authorize } from "../policy.ts";
import { getTask, loadTaskFramework } from "./evaluation-task-service.ts";

/** The launching region's result from its subregions' approved sheets, with the reason in words. */
export async function rollUpTask(
  db: DbOrTx,
  ctx: ServiceContext,
  taskId: number,
  method: RollUpMethod,
) {
  authorize(ctx, { kind: "permission", permission: "evaluation:read" });
  const task = await getTask(db, ctx, taskId);
  const framework = await loadTaskFramework(db, taskId);
  const children = await queryRows(
    db,
    sql`select s.region_code as code, r.name, r.path, s.status, s.total::text as total
      from evaluation_sheets s join regions r on r.code = s.region_code
      where s.task_id = ${taskId} and r.parent_code = ${task.regionCode}
      order by r.path`,
  );
  // Only what the actor may see: getTask already filtered the sheets by region.
  const visible = new Set(task.sheets.map((s) => s.regionCode));
  const mine = children.filter((c) => visible.has(String(c.code)));
  const approved = mine.filter((c) => c.status === "approved" && c.total !== null);
  if (approved.length === 0) {
    throw new DomainError("evaluation.rollup_empty", { region: task.regionName });
  }
  const codes = approved.map((c) => String(c.code));
  const weights = await queryRows(
    db,
    sql`
    with latest as (
      select a.region_code, a.budget_yuan,
        row_number() over (partition by a.region_code, a.programme_id order by a.as_of desc) as rn
      from fund_allocations a join region_ancestors t on t.region_code = a.region_code
      where a.year = ${task.year} and t.ancestor_code = ${task.regionCode}
    )
    select c.code,
      (select sum(l.budget_yuan) from latest l join region_ancestors u on u.region_code = l.region_code
        where l.rn = 1 and u.ancestor_code = c.code)::text as funds_yuan,
      (select sum(p.households) from community_projects p join region_ancestors u on u.region_code = p.region_code
        where p.year = ${task.year} and u.ancestor_code = c.code)::text as households
    from regions c where c.code in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
  const weightOf = new Map(weights.map((w) => [String(w.code), w]));
  const own = task.sheets.find((s) => s.regionCode === task.regionCode);
  const root: RegionScore = {
    code: task.regionCode,
    name: task.regionName,
    ...(own?.total && own.status === "approved" ? { own: new Decimal(own.total) } : {}),
    children: approved.map((c) => {
      const w = weightOf.get(String(c.code));
      return {
        code: String(c.code),
        name: String(c.name),
        own: new Decimal(String(c.total)),
        ...(w?.funds_yuan ? { funds: yuanToWan(String(w.funds_yuan)) } : {}),
        ...(w?.households ? { households: new Decimal(String(w.households)) } : {}),
      };
    }),
  };
  const rounding = framework.rounding.total;
  let result: ReturnType<typeof rollUp>;
  try {
    result = rollUp(root, method, rounding, ctx.locale);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    throw new DomainError("evaluation.rollup_failed", {
      reasons: err.issues.map((i) => issueMessage(i, "zh-CN")).join("；"),
    });
  }
  const grade = gradeFor(gradedValue(framework, result.score), framework.grades.bands);
  return {
    taskId,
    method,
    region: { code: task.regionCode, name: task.regionName },
    score: formatByPolicy(result.score, rounding),
    grade: grade.label,
    reason: result.reason,
    included: approved.length,
    notApproved: mine.filter((c) => !approved.includes(c)).map((c) => String(c.name)),
  };
}
