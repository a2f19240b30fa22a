/** The Zhumadian 2020 self-evaluation task most evaluation tests launch, and its sheets. */
import type { Database } from "../../src/db/index.ts";
import { createTask, getTask, type ServiceContext } from "../../src/services/index.ts";

/** 驻马店市's 2020 self-evaluation on the built-in zhumadian-2020 framework, before its regions. */
export const ZHUMADIAN_TASK = {
  name: "2020年老旧小区改造资金绩效自评",
  year: 2020,
  type: "self",
  frameworkCode: "zhumadian-2020",
  regionCode: "411700",
} as const;

/**
 * Launches ZHUMADIAN_TASK over regions; sheetOf gives a region's sheet id, 0 when it has none
 * (so a test's own `> 0` check, not a throw here, reports a missing sheet).
 */
export async function launchZhumadianTask(
  database: Database,
  ctx: ServiceContext,
  regions: string[],
  extra: { deadline?: string } = {},
): Promise<{ taskId: number; sheetOf: (regionCode: string) => number }> {
  const task = await createTask(database.db, ctx, { ...ZHUMADIAN_TASK, regions, ...extra });
  const sheets = (await getTask(database.db, ctx, task.id)).sheets;
  return {
    taskId: task.id,
    sheetOf: (regionCode) => sheets.find((s) => s.regionCode === regionCode)?.id ?? 0,
  };
}
