/** Data files for tests, written with Jixiao's own xlsx writer (the layout of its templates). */
import { findDataset } from "../../src/domain/datasets/specs/index.ts";
import type { DatasetSpec } from "../../src/domain/datasets/types.ts";
import { type DataFileRow, writeDataFile } from "../../src/xlsx/index.ts";

export function spec(name: string): DatasetSpec {
  const found = findDataset(name);
  if (!found) throw new Error(`no data set ${name}`);
  return found;
}

/** A community project row in display form (area in m², money in 万元), with overrides. */
export function community(
  regionName: string,
  name: string,
  overrides: Record<string, string | null> = {},
): DataFileRow {
  return {
    regionName,
    values: {
      name,
      address: "解放大道88号",
      builtYear: "1995",
      households: "320",
      buildings: "12",
      area: "28500",
      content: "basic,improvement",
      investCentral: "180",
      investProvincial: "40",
      investLocal: "60.5",
      investResidents: "15",
      startedOn: "2020-05-10",
      acceptedOn: "2020-11-30",
      status: "accepted",
      ...overrides,
    },
  };
}

export function dataFile(
  dataset: string,
  rows: readonly DataFileRow[],
  options: { year: number; scopeName: string },
): Promise<Uint8Array> {
  return writeDataFile(spec(dataset), rows, options);
}
