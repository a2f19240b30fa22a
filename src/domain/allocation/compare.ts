/**
 * Plans side by side (方案对比): each region's amount in each plan, and its change against the first
 * (the base) as an amount and as a percentage of the base amount, exact in decimal.
 */
import { Decimal, HUNDRED } from "../decimal.ts";

/** Places of a change percentage (half-up): 1.2345% is shown as 1.23%. */
export const CHANGE_PERCENT_PLACES = 2;

export interface ComparedPlanInput {
  /** The plan's regions with their amounts (元, decimal text); null when it cannot compute. */
  regions: readonly { code: string; name: string; amount: string }[] | null;
  distributable: string | null;
}

export interface ComparedRegion {
  code: string;
  name: string;
  /** The amount in each plan; null where a plan has no such region or cannot compute. */
  amounts: (string | null)[];
  /** Amount minus the first plan's; null where either is missing. The first is always "0" when present. */
  changes: (string | null)[];
  /** The change as a percentage of the first plan's amount, CHANGE_PERCENT_PLACES places; null when that is missing or 0. */
  changePercents: (string | null)[];
}

export interface AllocationComparison {
  regions: ComparedRegion[];
  /** Each plan's distributable total minus the first's (null where either is missing). */
  distributableChanges: (string | null)[];
}

function changeOf(value: string | null, base: string | null): string | null {
  if (value === null || base === null) return null;
  return new Decimal(value).minus(base).toString();
}

function percentOf(change: string | null, base: string | null): string | null {
  if (change === null || base === null) return null;
  const b = new Decimal(base);
  if (b.isZero()) return null;
  return new Decimal(change)
    .div(b)
    .times(HUNDRED)
    .toDecimalPlaces(CHANGE_PERCENT_PLACES, Decimal.ROUND_HALF_UP)
    .toFixed(CHANGE_PERCENT_PLACES);
}

/** The regions in the order they first appear across the plans, each with its amounts and changes. */
export function comparePlans(plans: readonly ComparedPlanInput[]): AllocationComparison {
  const order: { code: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const p of plans) {
    for (const r of p.regions ?? []) {
      if (!seen.has(r.code)) {
        seen.add(r.code);
        order.push({ code: r.code, name: r.name });
      }
    }
  }
  const amountIn = plans.map((p) => new Map((p.regions ?? []).map((r) => [r.code, r.amount])));
  const regions = order.map(({ code, name }) => {
    const amounts = amountIn.map((m) => m.get(code) ?? null);
    const base = amounts[0] ?? null;
    const changes = amounts.map((a) => changeOf(a, base));
    return {
      code,
      name,
      amounts,
      changes,
      changePercents: changes.map((c) => percentOf(c, base)),
    };
  });
  const baseTotal = plans[0]?.distributable ?? null;
  return {
    regions,
    distributableChanges: plans.map((p) => changeOf(p.distributable, baseTotal)),
  };
}
