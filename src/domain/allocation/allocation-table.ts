/** The allocation as a table, one row per region and factor: value, weighted value, share, amount. */
import { type Decimal, formatFixed, HUNDRED, ZERO } from "../decimal.ts";
import { textIn } from "../frameworks/index.ts";
import type { AllocationTableRow } from "./allocation-result.ts";
import type { RegionDistribution } from "./distribute.ts";
import type { PreparedAllocation } from "./prepared-allocation.ts";

const text = (value: Decimal) => (value.isZero() ? "0" : value.toString());

export function allocationTable(
  prepared: PreparedAllocation,
  distributions: readonly RegionDistribution[],
): AllocationTableRow[] {
  // Shares of the total are over every region, as a spreadsheet's column sum.
  const totals = prepared.sums;
  const rows: AllocationTableRow[] = [];
  for (const [r, region] of prepared.regions.entries()) {
    const shares = distributions[r]?.shares ?? [];
    for (const [f, factor] of prepared.factors.entries()) {
      const weighted = (region.values[f] ?? ZERO).times(region.composite);
      const total = totals[f] ?? ZERO;
      rows.push({
        region: region.code,
        regionName: region.name,
        factor: factor.key,
        factorName: textIn(factor.name, "zh-CN"),
        weight: text(factor.weight),
        value: text(region.values[f] ?? ZERO),
        composite: text(region.composite),
        weighted: text(weighted),
        sharePercent: formatFixed(total.isZero() ? ZERO : weighted.times(HUNDRED).div(total), 6),
        amount: formatFixed(shares[f] ?? ZERO, 2),
      });
    }
  }
  return rows;
}
