/** Writes the demo .xlsx files and demo/manifest.json from demo/seed-data.ts: `npm run demo:build`. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findDataset } from "../src/domain/datasets/specs/index.ts";
import { writeDataFile } from "../src/xlsx/index.ts";
import { DEMO_SETS } from "./seed-data.ts";

const root = dirname(fileURLToPath(import.meta.url));
const manifest = [];
for (const set of DEMO_SETS) {
  mkdirSync(join(root, set.dir), { recursive: true });
  for (const file of set.files) {
    const spec = findDataset(file.dataset);
    if (!spec) throw new Error(`unknown data set ${file.dataset}`);
    const bytes = await writeDataFile(spec, file.rows, {
      year: set.year,
      scopeName: set.regionName,
    });
    writeFileSync(join(root, set.dir, `${file.dataset}.xlsx`), bytes);
  }
  manifest.push({
    dir: set.dir,
    regionCode: set.regionCode,
    year: set.year,
    files: set.files.map((f) => `${f.dataset}.xlsx`),
  });
}
writeFileSync(join(root, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`demo files written for ${manifest.length} seed reports`);
