/**
 * Loads the demo data files (demo/manifest.json and its .xlsx files) through the real importer, and
 * each demo folder's allocation-model.json as an allocation plan of that folder's region.
 */
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DbOrTx } from "../../db/index.ts";
import { createAllocationPlan } from "../allocation/index.ts";
import type { ServiceContext } from "../context.ts";
import { importFile } from "../data/import-service.ts";

export const DEMO_DIR = fileURLToPath(new URL("../../../demo", import.meta.url));

export interface DemoManifestEntry {
  dir: string;
  regionCode: string;
  year: number;
  /** In import order: programmes first. */
  files: string[];
}

export async function readDemoManifest(dir = DEMO_DIR): Promise<DemoManifestEntry[]> {
  return JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as DemoManifestEntry[];
}

/** Imports every demo file inside the caller's transaction; returns the number of rows added. */
export async function importDemoFiles(
  tx: DbOrTx,
  ctx: ServiceContext,
  dir = DEMO_DIR,
): Promise<number> {
  let added = 0;
  for (const entry of await readDemoManifest(dir)) {
    for (const file of entry.files) {
      const result = await importFile(tx, ctx, {
        dataset: file.replace(/\.xlsx$/, ""),
        regionCode: entry.regionCode,
        year: entry.year,
        fileName: `${entry.dir}/${file}`,
        bytes: new Uint8Array(await readFile(join(dir, entry.dir, file))),
      });
      added += result.added;
    }
  }
  return added;
}

/** Imports each demo folder's allocation model (if it has one) as a plan; returns how many. */
export async function importDemoAllocations(
  tx: DbOrTx,
  ctx: ServiceContext,
  dir = DEMO_DIR,
): Promise<number> {
  let plans = 0;
  for (const entry of await readDemoManifest(dir)) {
    const path = join(dir, entry.dir, "allocation-model.json");
    const present = await access(path).then(
      () => true,
      () => false,
    );
    if (!present) continue;
    await createAllocationPlan(tx, ctx, {
      regionCode: entry.regionCode,
      fileName: `${entry.dir}/allocation-model.json`,
      text: await readFile(path, "utf8"),
    });
    plans += 1;
  }
  return plans;
}
