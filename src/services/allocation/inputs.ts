/**
 * A plan's inputs completed from Jixiao: factor values read from its data sets, last year's grades
 * from its approved evaluations; then the allocation computed with the domain.
 */

import { and, desc, eq, inArray } from "drizzle-orm";
import { loadStoredRows, type StoredRecord } from "../../db/dataset-repository.ts";
import type { DbOrTx } from "../../db/index.ts";
import { evaluationSheets, evaluationTasks } from "../../db/schema.ts";
import {
  AllocationError,
  AllocationModel,
  type AllocationResult,
  allocatePrepared,
  formatAllocationIssue,
  prepareAllocation,
  validateAllocation,
} from "../../domain/allocation/index.ts";
import { findDataset } from "../../domain/datasets/specs/index.ts";
import type { DatasetSpec } from "../../domain/datasets/types.ts";
import { findUnit } from "../../domain/datasets/units.ts";
import { Decimal, formatPlain } from "../../domain/decimal.ts";
import { textIn } from "../../domain/frameworks/index.ts";
import type { AllocationOutcomeT } from "../../shared/allocation-schemas.ts";
import { jsonObject } from "./json-object.ts";
import type { Plan } from "./plan-access.ts";

/** Last year's approved evaluations of the regions, the latest approval first. */
function approvedGrades(db: DbOrTx, year: number, codes: string[]) {
  return db
    .select({
      code: evaluationSheets.regionCode,
      grade: evaluationSheets.grade,
      total: evaluationSheets.total,
      task: evaluationTasks.name,
    })
    .from(evaluationSheets)
    .innerJoin(evaluationTasks, eq(evaluationTasks.id, evaluationSheets.taskId))
    .where(
      and(
        eq(evaluationSheets.status, "approved"),
        eq(evaluationTasks.year, year),
        inArray(evaluationSheets.regionCode, codes),
      ),
    )
    .orderBy(desc(evaluationSheets.approvedAt));
}

/**
 * What plans computed together share: a data set's rows per year and region, last year's grades per
 * set of regions (a comparison of 8 scenarios reads each once, not 8 times).
 */
export interface InputCache {
  rows: Map<string, Promise<StoredRecord[]>>;
  grades: Map<string, ReturnType<typeof approvedGrades>>;
}
export const newInputCache = (): InputCache => ({ rows: new Map(), grades: new Map() });

export interface Computed {
  result: AllocationResult | null;
  problems: string[];
  factors: (AllocationOutcomeT["factors"][number] & { noteEn: string })[];
  grades: (AllocationOutcomeT["grades"][number] & { noteEn: string })[];
}

/**
 * The model's inputs completed from Jixiao: a factor read from a data set takes every region's
 * value from it when all regions have one (else the entered values, said so); a grade or score rule
 * takes last year's approved evaluation of each region, else the entered grade, else its default.
 * The entered data are not checked yet (prepareAllocation does, after): only what is filled in is
 * shaped here.
 */
async function resolveInputs(
  db: DbOrTx,
  plan: { model: AllocationModel; data: unknown; year: number },
  regionPath: string,
  cache: InputCache = newInputCache(),
) {
  const { model } = plan;
  const data = structuredClone(jsonObject(plan.data));
  const entered = jsonObject(data.regions);
  data.regions = entered;
  const codes = model.regions.map((r) => r.code);
  const names = new Map(model.regions.map((r) => [r.code, r.name]));
  const regionData = (code: string) => {
    const own = jsonObject(entered[code]);
    const factors = jsonObject(own.factors);
    own.factors = factors;
    entered[code] = own;
    return { own, factors };
  };
  const factors: Computed["factors"] = [];
  const problems: string[] = [];
  // Several factors usually read one data set (计划与完成), and the plans compared together read the
  // same ones: each is loaded once per year and region.
  const rowsOf = (spec: DatasetSpec) => {
    const key = `${spec.name}|${plan.year}|${regionPath}`;
    let rows = cache.rows.get(key);
    if (!rows) {
      rows = loadStoredRows(db, spec, plan.year, regionPath);
      cache.rows.set(key, rows);
    }
    return rows;
  };
  for (const f of model.factors) {
    const { source, key } = f;
    const base = { key, name: textIn(f.name, "zh-CN"), weight: String(f.weight) };
    if (source.kind !== "dataset") {
      factors.push({ ...base, from: "entered", note: "录入", noteEn: "entered" });
      continue;
    }
    const spec = findDataset(source.dataset);
    const column = spec?.columns.find((c) => c.key === source.field);
    if (!spec || !column) {
      problems.push(`因素“${base.name}”：数据集 ${source.dataset} 中没有字段 ${source.field}`);
      factors.push({
        ...base,
        from: "entered",
        note: "录入（数据来源无效）",
        noteEn: "entered (the data source is not valid)",
      });
      continue;
    }
    const rows = await rowsOf(spec);
    const stored = new Map<string, { value: string; asOf: string }>();
    for (const row of rows) {
      const value = row.values[column.key];
      if (value === null || value === undefined || value === "") continue;
      // 计划与完成 has a row per stage and date: the 开工 row of the latest date.
      const rank = `${row.values.stage === "completed" ? "0" : "1"}${row.values.asOf ?? ""}`;
      const held = stored.get(row.regionCode);
      if (!held || rank > held.asOf) stored.set(row.regionCode, { value, asOf: rank });
    }
    // Quantities are stored in the base unit (m², 元): shown in the factor's unit, else the column's.
    const kind = column.kind;
    if (kind.type === "quantity") {
      const wanted = findUnit(f.unit === undefined ? "" : textIn(f.unit, "zh-CN"));
      const unit =
        wanted?.family === kind.family ? wanted : (findUnit(kind.defaultUnit) ?? undefined);
      if (unit && unit.factor !== "1") {
        for (const held of stored.values()) {
          held.value = new Decimal(held.value).div(unit.factor).toString();
        }
      }
    }
    const missing = codes.filter((c) => !stored.has(c));
    const label = `${spec.zh}·${column.zh[0] ?? column.key}`;
    const labelEn = `${spec.en} · ${column.en}`;
    if (missing.length === 0) {
      for (const code of codes) regionData(code).factors[key] = stored.get(code)?.value ?? null;
      factors.push({
        ...base,
        from: "data",
        note: `取自数据：${label}（${plan.year}年）`,
        noteEn: `from the data: ${labelEn} (${plan.year})`,
      });
    } else {
      const lacking = missing.map((c) => names.get(c) ?? c);
      const shown =
        lacking.length > 5
          ? `${lacking.slice(0, 5).join("、")}等${lacking.length}个地区`
          : lacking.join("、");
      const shownEn =
        lacking.length > 5
          ? `${lacking.slice(0, 5).join(", ")} and ${lacking.length - 5} more regions`
          : lacking.join(", ");
      factors.push({
        ...base,
        from: "entered",
        note:
          stored.size === 0
            ? `数据中没有${label}（${plan.year}年），使用录入值`
            : `数据中缺少${shown}的${label}，全部使用录入值`,
        noteEn:
          stored.size === 0
            ? `the data have no ${labelEn} (${plan.year}): the entered values are used`
            : `the data lack ${labelEn} for ${shownEn}: the entered values are used for all`,
      });
    }
  }

  const graded = (model.coefficients ?? []).some(
    (t) => t.rule.kind === "grade" || t.rule.kind === "score",
  );
  const grades: Computed["grades"] = [];
  if (graded && codes.length > 0) {
    const gradeKey = `${plan.year}|${[...codes].sort().join(",")}`;
    let pending = cache.grades.get(gradeKey);
    if (!pending) {
      pending = approvedGrades(db, plan.year - 1, codes);
      cache.grades.set(gradeKey, pending);
    }
    const results = await pending;
    const latest = new Map<string, (typeof results)[number]>();
    for (const r of results) if (!latest.has(r.code)) latest.set(r.code, r);
    for (const code of codes) {
      const { own } = regionData(code);
      const found = latest.get(code);
      if (found?.grade) {
        own.grade = found.grade;
        if (found.total !== null) own.score = found.total;
        grades.push({
          code,
          grade: found.grade,
          from: "evaluation",
          note: `${plan.year - 1}年度评价“${found.task}”（已审定）${found.total === null ? "" : `${formatPlain(new Decimal(found.total))}分`}`,
          noteEn: `${plan.year - 1} evaluation “${found.task}” (approved)${found.total === null ? "" : `, ${formatPlain(new Decimal(found.total))} points`}`,
        });
      } else if (typeof own.grade === "string") {
        grades.push({
          code,
          grade: own.grade,
          from: "entered",
          note: "录入（本系统无上年度已审定的评价结果）",
          noteEn: "entered (no approved evaluation of last year here)",
        });
      } else {
        grades.push({
          code,
          grade: null,
          from: "none",
          note: "无上年度评价结果，取默认档",
          noteEn: "no evaluation result from last year: the default tier",
        });
      }
    }
  }
  return { model, data, factors, grades, problems };
}

/**
 * Refuses a model that cannot be computed with Jixiao's data: every problem at once, the file named
 * (values a data set supplies need not be entered). Returns the model, now known to be one.
 */
export async function assertComputable(
  db: DbOrTx,
  source: { model: unknown; data: unknown; year: number },
  regionPath: string,
  fileName: string,
): Promise<AllocationModel> {
  const parsed = AllocationModel.safeParse(source.model);
  if (!parsed.success) {
    // Nothing to complete in what is not a model: refused with its problems of shape (and the data's).
    const checked = validateAllocation(source.model, source.data);
    throw new AllocationError(checked.ok ? [] : checked.issues, fileName);
  }
  const resolved = await resolveInputs(
    db,
    { model: parsed.data, data: source.data, year: source.year },
    regionPath,
  );
  prepareAllocation(resolved.model, resolved.data, fileName);
  return parsed.data;
}

/** A stored plan's allocation with its inputs completed, or the problems that stop it. */
export async function computePlan(
  db: DbOrTx,
  plan: Plan,
  regionPath: string,
  cache?: InputCache,
): Promise<Computed> {
  const parsed = AllocationModel.safeParse(plan.model);
  // Every stored model passed validation when written; one that no longer does is shown with its
  // problems, not completed.
  const { model, data, factors, grades, problems } = parsed.success
    ? await resolveInputs(
        db,
        { model: parsed.data, data: plan.data, year: plan.year },
        regionPath,
        cache,
      )
    : { model: plan.model, data: plan.data, factors: [], grades: [], problems: [] };
  if (problems.length > 0) return { result: null, problems, factors, grades };
  try {
    const result = allocatePrepared(prepareAllocation(model, data, plan.name));
    return { result, problems: [], factors, grades };
  } catch (err) {
    if (!(err instanceof AllocationError)) throw err;
    return {
      result: null,
      problems: err.issues.map((i) => formatAllocationIssue(i, "zh-CN")),
      factors,
      grades,
    };
  }
}
