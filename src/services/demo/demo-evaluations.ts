/**
 * The demo's finished evaluations (demo/evaluations/*.yaml), run through the real workflow by the
 * demo accounts: launched, filled, submitted and approved, each step scored and audited.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import type { DbOrTx } from "../../db/index.ts";
import type { SheetEntries } from "../../domain/evaluations/index.ts";
import { contextOfUser } from "../accounts/user-service.ts";
import type { ServiceContext } from "../context.ts";
import { actOnSheet, saveSheet } from "../evaluations/evaluation-service.ts";
import { createTask, getTask } from "../evaluations/evaluation-task-service.ts";
import { DEMO_DIR } from "./demo-data.ts";

const Entries = z.record(
  z.string(),
  z.object({ facts: z.unknown(), reason: z.string().optional() }),
);

const DemoEvaluation = z.object({
  name: z.string(),
  year: z.number().int(),
  type: z.string(),
  framework: z.string(),
  region: z.string(),
  deadline: z.string().optional(),
  launchedBy: z.string(),
  common: Entries,
  sheets: z.array(
    z.object({
      region: z.string(),
      /** A demo user who may fill the sheet; the system when none is named (counties without one). */
      submittedBy: z.string().optional(),
      /** A demo user strictly above the region; the launcher when none is named. */
      approvedBy: z.string().optional(),
      mode: z.enum(["on-site", "off-site"]),
      visitNotes: z.string().optional(),
      entries: Entries.optional(),
    }),
  ),
});

/** Runs every demo evaluation inside the caller's transaction; returns how many sheets it approved. */
export async function seedDemoEvaluations(
  tx: DbOrTx,
  system: ServiceContext,
  dir = join(DEMO_DIR, "evaluations"),
): Promise<number> {
  let approved = 0;
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".yaml")).sort()) {
    const demo = DemoEvaluation.parse(parse(await readFile(join(dir, file), "utf8")));
    const launcher = await contextOfUser(tx, demo.launchedBy);
    const task = await createTask(tx, launcher, {
      name: demo.name,
      year: demo.year,
      type: demo.type,
      frameworkCode: demo.framework,
      regionCode: demo.region,
      deadline: demo.deadline ?? null,
      regions: demo.sheets.map((s) => s.region),
    });
    const sheetOf = new Map(
      (await getTask(tx, system, task.id)).sheets.map((s) => [s.regionCode, s.id]),
    );
    for (const sheet of demo.sheets) {
      const id = sheetOf.get(sheet.region);
      if (id === undefined) throw new Error(`no sheet for ${sheet.region} in ${file}`);
      const filler = sheet.submittedBy ? await contextOfUser(tx, sheet.submittedBy) : system;
      const approver = sheet.approvedBy ? await contextOfUser(tx, sheet.approvedBy) : launcher;
      const saved = await saveSheet(tx, filler, id, {
        version: 1,
        entries: { ...demo.common, ...sheet.entries } as SheetEntries,
        mode: sheet.mode,
        visitNotes: sheet.visitNotes ?? null,
      });
      const submitted = await actOnSheet(tx, filler, id, {
        action: "submit",
        version: saved.version,
      });
      await actOnSheet(tx, approver, id, { action: "approve", version: submitted.version });
      approved += 1;
    }
  }
  return approved;
}
