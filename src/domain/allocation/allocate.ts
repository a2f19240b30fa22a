/** Allocates a fund by the factor method (因素法): validate, share by the formula, floors and caps, round. */
import { type Decimal, ZERO } from "../decimal.ts";
import { textIn } from "../frameworks/index.ts";
import type {
  AllocationResult,
  AllocationWarning,
  CoefficientResult,
  RegionAllocation,
} from "./allocation-result.ts";
import { allocationTable } from "./allocation-table.ts";
import { type DerivationInput, derive, type RegionRounding, regionFlags } from "./derivation.ts";
import { distribute, type RegionDistribution } from "./distribute.ts";
import { roundLargestRemainder } from "./largest-remainder.ts";
import { defineLazy } from "./lazy-property.ts";
import type { AllocationData, AllocationModel } from "./model-schema.ts";
import type { PreparedAllocation, PreparedRegion } from "./prepared-allocation.ts";
import { prepareAllocation } from "./validate-allocation.ts";

export interface AllocateOptions {
  /** The file the model came from, for error messages. */
  file?: string;
}

const text = (value: Decimal) => (value.isZero() ? "0" : value.toString());

/**
 * Validates `model` and `data` (throwing an AllocationError that lists every problem) and allocates.
 * Every amount of the result is in 元, whatever unit the model is written in.
 */
export function allocate(
  model: AllocationModel,
  data: AllocationData,
  options: AllocateOptions = {},
): AllocationResult {
  return allocatePrepared(prepareAllocation(model, data, options.file));
}

/** Allocates an already validated model. */
export function allocatePrepared(prepared: PreparedAllocation): AllocationResult {
  const { regions } = prepared;
  const distribution = distribute(prepared);
  const rounded = roundLargestRemainder(
    distribution.regions.map((d) => d.raw),
    regions.map((r) => r.code),
    prepared.unit,
    prepared.distributable,
  );

  // Tier values and composites are shared Decimals: each is written out once.
  const texts = new Map<Decimal, string>();
  const shared = (value: Decimal) => {
    let written = texts.get(value);
    if (written === undefined) {
      written = text(value);
      texts.set(value, written);
    }
    return written;
  };
  const warnings: AllocationWarning[] = [];
  const results: RegionAllocation[] = [];
  for (const [r, region] of regions.entries()) {
    const dist = distribution.regions[r];
    const amount = rounded.amounts[r];
    const remainder = rounded.remainders[r];
    if (!dist || !amount || !remainder) {
      throw new Error(`allocation: region ${region.code} has no amount`);
    }
    const rounding = { amount, remainder, up: rounded.roundedUp.has(r) };
    const result = regionResult(prepared, region, dist, rounding, shared);
    for (const flag of result.flags) {
      warnings.push({ region: region.code, regionName: region.name, ...flag });
    }
    results.push(result);
  }

  const result = {
    name: textIn(prepared.model.name, "zh-CN"),
    year: prepared.model.year,
    unit: "元" as const,
    rounding: prepared.rounding,
    totals: {
      total: text(prepared.total),
      heldBack: text(prepared.heldBackSum),
      distributable: text(prepared.distributable),
      allocated: text(rounded.total),
    },
    heldBack: prepared.heldBack.map((h) => ({
      name: textIn(h.name, "zh-CN"),
      amount: text(h.amount),
    })),
    regions: results,
    warnings,
    rounds: distribution.rounds.length,
  };
  return defineLazy(result, "table", () => allocationTable(prepared, distribution.regions));
}

function regionResult(
  prepared: PreparedAllocation,
  region: PreparedRegion,
  dist: RegionDistribution,
  rounding: RegionRounding,
  shared: (value: Decimal) => string,
): RegionAllocation {
  const { amount, remainder, up } = rounding;
  // amount − raw from the remainder: −remainder, or unit − remainder when rounded up.
  const adjustment = up
    ? text(prepared.unit.minus(remainder))
    : remainder.isZero()
      ? "0"
      : `-${remainder.toString()}`;
  const coefficients: Record<string, CoefficientResult> = {};
  let defaulted = false;
  for (const choice of region.choices) {
    coefficients[choice.table] = {
      label: choice.label,
      value: shared(choice.value),
      source: choice.source,
    };
    if (choice.source === "default") defaulted = true;
  }
  // The factor parts (40 digits each) and the words are written when first read: a province reads
  // a few regions' details, a national allocation has 2,850 regions. As defineLazy makes them, but
  // with one getter pair for every region (its figures kept aside in LAZY): the regions then share
  // one hidden class instead of each turning into a dictionary, at a third of the cost.
  const result = {
    code: region.code,
    name: region.name,
    amount: text(amount),
    raw: text(dist.raw),
  } as RegionAllocation;
  Object.defineProperty(result, "shares", LAZY_SHARES);
  result.coefficients = coefficients;
  result.composite = shared(region.composite);
  result.roundingAdjustment = adjustment;
  result.flags = defaulted ? regionFlags(prepared, region) : [];
  Object.defineProperty(result, "derivation", LAZY_DERIVATION);
  if (dist.bound) result.floorOrCap = dist.bound;
  LAZY.set(result, { prepared, region, distribution: dist, rounding });
  return result;
}

/** What a region's lazy fields are written from, until both are read. */
const LAZY = new WeakMap<RegionAllocation, DerivationInput>();

/** Replaces a lazy field of `target` by its plain value, as defineLazy does. */
function settle<K extends "shares" | "derivation">(
  target: RegionAllocation,
  key: K,
  value: RegionAllocation[K],
): RegionAllocation[K] {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return value;
}

function lazyInput(target: RegionAllocation): DerivationInput {
  const input = LAZY.get(target);
  if (!input) throw new Error("allocation: a region's details were read from a copy of its getter");
  return input;
}

const LAZY_SHARES: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: RegionAllocation) {
    const { prepared, distribution } = lazyInput(this);
    return settle(this, "shares", sharesOf(prepared, distribution));
  },
};

const LAZY_DERIVATION: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: RegionAllocation) {
    return settle(this, "derivation", derive(lazyInput(this)));
  },
};

function sharesOf(prepared: PreparedAllocation, dist: RegionDistribution): Record<string, string> {
  const shares: Record<string, string> = {};
  const { factors } = prepared;
  for (let f = 0; f < factors.length; f += 1) {
    const key = factors[f]?.key;
    // A product of non-negative figures: never a negative zero, so no need for text().
    if (key !== undefined) shares[key] = (dist.shares[f] ?? ZERO).toString();
  }
  return shares;
}
