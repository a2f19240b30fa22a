/**
 * The order files start in: the long ones first (browsers, servers and processes, then database
 * suites, then the pure ones), so that the two workers finish together instead of one running the
 * English walk alone at the end. Vitest's own order is kept within each group: the previous run's
 * durations where it has them, else the larger file first; a clean clone has no previous run.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

const LONG = /\/test\/(e2e|startup|office|multinode|faults|cli)\//;

function group(spec: TestSpecification): number {
  if (LONG.test(spec.moduleId)) return 0;
  return spec.moduleId.includes(".db.test.") ? 1 : 2;
}

export default class LongFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const order = await super.sort(files);
    const at = new Map(order.map((spec, index) => [spec, index]));
    return order.sort((a, b) => group(a) - group(b) || (at.get(a) ?? 0) - (at.get(b) ?? 0));
  }
}
