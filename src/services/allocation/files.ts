/**
 * A plan's files: its model file (to import again), its allocation as a workbook, its regions' data as
 * a sheet to fill in, and that sheet read back into the plan.
 */

import type { DbOrTx } from "../../db/index.ts";
import { parseDataSheet, splitAllocationFile } from "../../domain/allocation/index.ts";
import { DomainError, type Locale } from "../../domain/errors.ts";
import type { UploadLimits } from "../../domain/upload-limits.ts";
import { PLAN_STATUS_ZH } from "../../domain/workflow/index.ts";
import type { AllocationPlanDetailT } from "../../shared/allocation-schemas.ts";
import { runTask } from "../../workers/pool.ts";
import { readWorkbook } from "../../xlsx/index.ts";
import type { ServiceContext } from "../context.ts";
import { assertComputable } from "./inputs.ts";
import { jsonObject } from "./json-object.ts";
import { editablePlan, loadPlan, writePlan } from "./plan-access.ts";
import { computeAllocationPlan, getAllocationPlan } from "./plans.ts";

/** The model file of a plan (the model's fields, the data under `data`), as it can be imported again. */
export async function allocationModelFile(db: DbOrTx, ctx: ServiceContext, id: number) {
  const { plan } = await loadPlan(db, ctx, id);
  const text = `${JSON.stringify({ ...jsonObject(plan.model), data: plan.data }, null, 2)}\n`;
  return {
    fileName: `${plan.name}.json`,
    contentType: "application/json; charset=utf-8",
    bytes: new TextEncoder().encode(text),
  };
}

/** The plan's allocation as an Excel workbook: results, the computation, the parameters. */
export async function allocationWorkbook(db: DbOrTx, ctx: ServiceContext, id: number) {
  const c = await computeAllocationPlan(db, ctx, id);
  if (!c.result) {
    throw new DomainError("allocation.cannot_compute", {
      problems: c.problems.slice(0, 5).join("；"),
    });
  }
  const bytes = await runTask("allocationWorkbook", {
    model: jsonObject(c.plan.model),
    result: c.result,
    context: {
      factors: c.factors,
      grades: c.grades,
      status: PLAN_STATUS_ZH[c.plan.status],
      region: c.region.name,
    },
  });
  return {
    fileName: `${c.plan.name}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    bytes,
  };
}

/** The regions' data of a plan as an Excel sheet to fill in (分配数据). */
export async function allocationDataFile(db: DbOrTx, ctx: ServiceContext, id: number) {
  const { plan } = await loadPlan(db, ctx, id);
  const { model, data } = splitAllocationFile(
    { ...jsonObject(plan.model), data: plan.data },
    plan.name,
  );
  const { allocationDataXlsx } = await import("../../xlsx/allocation-workbook.ts");
  return {
    fileName: `${plan.name}（分配数据）.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    bytes: await allocationDataXlsx(model, data),
  };
}

/**
 * Replaces a draft or returned plan's data with a filled 分配数据 sheet: every bad cell named by row
 * and column, nothing taken unless all is well; one transaction, audited.
 */
export async function importAllocationData(
  db: DbOrTx,
  ctx: ServiceContext,
  id: number,
  input: {
    version: number;
    fileName: string;
    bytes: Uint8Array;
    /** What the sheet may hold inside (zip size, rows, cells); the defaults unless given. */
    limits?: UploadLimits | undefined;
  },
  locale: Locale = "zh-CN",
): Promise<AllocationPlanDetailT> {
  const grids = await readWorkbook(input.bytes, input.fileName, input.limits);
  await db.transaction(async (tx) => {
    const { plan, region } = await editablePlan(tx, ctx, id, input.version);
    const { model } = splitAllocationFile(
      { ...jsonObject(plan.model), data: plan.data },
      plan.name,
    );
    const grid = grids.find((g) => g.name === "分配数据") ?? grids[0];
    const data = parseDataSheet(model, grid?.rows ?? [], input.fileName);
    await assertComputable(
      tx,
      { model: jsonObject(plan.model), data, year: plan.year },
      region.path,
      input.fileName,
    );
    await writePlan(
      tx,
      ctx,
      plan,
      region,
      { data },
      {
        action: "allocation.data_import",
        before: { data: plan.data },
        after: { data, file: input.fileName },
      },
    );
  });
  return getAllocationPlan(db, ctx, id, locale);
}
