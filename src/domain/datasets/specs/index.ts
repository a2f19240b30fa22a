/** The data sets Jixiao holds per region and year: one spec drives templates, import, export, tables. */
import { DomainError } from "../../errors.ts";
import type { DatasetSpec } from "../types.ts";
import { allocations } from "./allocations.ts";
import { budgetExecution } from "./budget-execution.ts";
import { communities } from "./communities.ts";
import { fundItems } from "./fund-items.ts";
import { funds } from "./funds.ts";
import { planActual } from "./plan-actual.ts";
import { programmes } from "./programmes.ts";
import { satisfaction } from "./satisfaction.ts";
import { scores } from "./scores.ts";
import { targets } from "./targets.ts";

export * from "./vocabularies.ts";

/** In the order templates, pages and docs list them. */
export const DATASETS: readonly DatasetSpec[] = [
  programmes,
  funds,
  fundItems,
  budgetExecution,
  allocations,
  targets,
  planActual,
  communities,
  satisfaction,
  scores,
];

export const DATASET_NAMES = DATASETS.map((d) => d.name);

/** The spec of a data set by name, or undefined. */
export function findDataset(name: string): DatasetSpec | undefined {
  return DATASETS.find((d) => d.name === name);
}

/** The spec of a data set by name, refused with the names there are when unknown. */
export function datasetOrThrow(name: string): DatasetSpec {
  const spec = findDataset(name);
  if (!spec) {
    throw new DomainError(
      "dataset.unknown",
      { name, names: DATASET_NAMES.join(", ") },
      { field: "dataset", value: name },
    );
  }
  return spec;
}
