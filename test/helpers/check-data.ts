/** Plain CheckData for the checker's tests: real regions, rows written the way the database holds them. */
import { join } from "node:path";
import { areaList } from "@vant/area-data";
import type {
  CheckData,
  CheckRegion,
  CheckRow,
  RowsByDataset,
} from "../../src/domain/checks/index.ts";
import { Decimal } from "../../src/domain/decimal.ts";
import type { Framework } from "../../src/domain/frameworks/index.ts";
import { buildRegionRows } from "../../src/domain/regions.ts";
import { BUILTIN_DIR, readFrameworkFile } from "../../src/services/evaluations/framework-files.ts";

const REGIONS: ReadonlyMap<string, CheckRegion> = new Map(
  buildRegionRows(areaList).map((r) => [
    r.code,
    { code: r.code, name: r.name, path: r.path, parentCode: r.parentCode, level: r.level },
  ]),
);

/** Programme 1 belongs to 广东省, 2 to 苏州市, 3 to 驻马店市. */
const PROGRAMMES = new Map([
  [1, { id: 1, name: "2024年城镇老旧小区改造专项资金", regionCode: "440000" }],
  [2, { id: 2, name: "全国城镇老旧小区改造试点城市项目", regionCode: "320500" }],
  [3, { id: 3, name: "驻马店市2020年老旧小区改造项目", regionCode: "411700" }],
]);

let nextId = 1;

/** A stored row: every value canonical text (money in 元, areas in m²). */
export function row(regionCode: string, values: Record<string, string | null>): CheckRow {
  nextId += 1;
  return { id: nextId, regionCode, values };
}

/** 万元 as the database holds it, in 元: "3378" → "33780000". */
export function yuan(wan: string): string {
  return new Decimal(wan).times(10000).toFixed();
}

/** 万平方米 in m². */
export const m2 = yuan;

export function checkData(
  rows: RowsByDataset,
  extra: { year?: number; previous?: RowsByDataset; frameworks?: Map<string, Framework> } = {},
): CheckData {
  return {
    year: extra.year ?? 2024,
    regions: REGIONS,
    programmes: PROGRAMMES,
    rows,
    previous: extra.previous ?? {},
    frameworks: extra.frameworks ?? new Map(),
  };
}

/** The regions directly below a region, in code order. */
export function childrenOf(code: string): CheckRegion[] {
  return [...REGIONS.values()].filter((r) => r.parentCode === code);
}

/** A built-in framework, read from frameworks/CODE/framework.yaml. */
export function builtinFramework(code: string): Framework {
  return readFrameworkFile(join(BUILTIN_DIR, code, "framework.yaml"));
}
