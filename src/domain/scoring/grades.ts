/** Grades (优/良/中/差): the band a total, or its share of the points, falls in; lower bounds inclusive. */
import { type Decimal, HUNDRED } from "../decimal.ts";
import type { Framework, GradeBand } from "../frameworks/index.ts";

/** The first band, from the top, whose lower bound the value reaches. */
export function gradeFor(value: Decimal, bands: readonly GradeBand[]): GradeBand {
  const band = bands.find((b) => value.gte(b.min));
  const lowest = bands[bands.length - 1];
  // Validation makes the lowest band start at 0, so only a negative value falls through.
  if (!band && !lowest) throw new RangeError("a framework needs at least one grade band");
  return band ?? (lowest as GradeBand);
}

/** The value a framework's bands compare: the published total, or total ÷ points × 100. */
export function gradedValue(framework: Framework, total: Decimal): Decimal {
  return framework.grades.basis === "rate" ? total.div(framework.points).times(HUNDRED) : total;
}
