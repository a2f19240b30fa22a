/**
 * The factor-method formula with floors and caps, before rounding.
 *
 * One round shares a pool among the free regions: region r gets, per factor f,
 *   pool × (w_f ÷ Σ w) × (x_rf × c_r) ÷ Σ_{s free} (x_sf × c_s),
 * where the pool is the distributable amount less every fixed region's amount. With no floors and
 * caps there is one round and this is Guangdong's formula exactly. Otherwise, after each round:
 *   - excess E = Σ (amount − cap) over regions above their cap, deficit U = Σ (floor − amount) over
 *     regions below their floor;
 *   - if E > U the regions above their cap are fixed at it (what they give up must go to the others,
 *     so with one factor they would stay above it); if U > E those below their floor are fixed at
 *     it; if E = U both. This is the usual rule for bounded proportional shares: exact with one
 *     factor, a heuristic with several, and every amount ends within its bounds either way;
 *   - the rest is shared again by the same formula, sums taken over the regions still free.
 * Each round fixes at least one region, so there are at most n + 1 rounds. A factor whose sum over
 * the free regions is 0 drops out and its weight goes to the others in proportion (Σ w is then
 * over the factors still in play). A fixed region's factor parts are the formula's, scaled to its
 * floor or cap; when the formula gave it nothing, its floor is split by the factor weights.
 */
import { type Decimal, HUNDRED, ZERO } from "../decimal.ts";
import { AllocationError, allocationIssue } from "./allocation-issues.ts";
import type { PreparedAllocation } from "./prepared-allocation.ts";
import { type Scaled, scaledDot, scaledOf } from "./scaled-formula.ts";

export interface FormulaRound {
  /** 1 for the first round. */
  round: number;
  /** What this round shares out, in 元: the distributable amount less the fixed regions'. */
  pool: Decimal;
  /** Per factor, the weight in percent this round used (the model's, unless a factor dropped out). */
  weights: Decimal[];
  /** Per factor, Σ (value × composite) over the regions free in this round. */
  sums: Decimal[];
}

export interface RegionDistribution {
  /** The amount before rounding, in 元: Σ shares exactly. */
  raw: Decimal;
  /** Per factor, that factor's part of raw. */
  shares: Decimal[];
  bound: "floor" | "cap" | undefined;
  /** What the formula gave in the last round the region was free: its derivation. */
  formula: { round: FormulaRound; shares: Decimal[]; amount: Decimal };
}

export interface Distribution {
  regions: RegionDistribution[];
  rounds: FormulaRound[];
}

const sum = (values: readonly Decimal[]) => {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
};

/** Shares the distributable amount by the formula, honouring floors and caps (see the module comment). */
export function distribute(prepared: PreparedAllocation): Distribution {
  const { regions, factors } = prepared;
  const result: (RegionDistribution | undefined)[] = new Array(regions.length);
  const rounds: FormulaRound[] = [];
  let free = regions.map((_, i) => i);
  let pool = prepared.distributable;
  // Σ over the free regions, kept by subtracting each region as it is fixed: exact, and O(fixed).
  const sums = [...prepared.sums];
  // Each region's values as scaled integers for the hot loop, once; undefined where one is zero.
  const scaledValues = regions.map((region) => scaledAll(region.values));

  while (free.length > 0) {
    const inPlay = factors.map((f, i) => !(sums[i] ?? ZERO).isZero() && !f.weight.isZero());
    const weightSum = sum(factors.map((f, i) => (inPlay[i] ? f.weight : ZERO)));
    // With nothing left to share and no one with a claim on it, the free regions get 0.
    if (weightSum.isZero() && !pool.isZero()) throw unplaceable(pool);
    const round: FormulaRound = {
      round: rounds.length + 1,
      pool,
      weights: factors.map((f, i) => (inPlay[i] ? f.weight.times(HUNDRED).div(weightSum) : ZERO)),
      sums: [...sums],
    };
    rounds.push(round);
    // Money per unit of (value × composite), per factor: one division per factor, not per region.
    const rate = factors.map((f, i) =>
      inPlay[i] ? pool.times(f.weight).div(weightSum.times(sums[i] ?? ZERO)) : ZERO,
    );

    // composite × rate per composite: regions in the same tiers share it, so a part is one product.
    const rateByComposite = new Map<Decimal, CompositeRate>();
    const formula: Formula[] = [];
    for (const r of free) {
      const region = regions[r];
      if (!region) continue;
      let scaledRate = rateByComposite.get(region.composite);
      if (!scaledRate) {
        const rates = rate.map((k) => k.times(region.composite));
        scaledRate = { rates, scaled: scaledAll(rates) };
        rateByComposite.set(region.composite, scaledRate);
      }
      formula.push(applyFormula(region.values, scaledValues[r], scaledRate, round));
    }

    let excess = ZERO;
    let deficit = ZERO;
    const above: number[] = [];
    const below: number[] = [];
    for (const [j, r] of free.entries()) {
      const { floor, cap } = regions[r] ?? {};
      if (!floor && !cap) continue;
      const amount = formula[j]?.amount ?? ZERO;
      if (cap && amount.gt(cap)) {
        excess = excess.plus(amount.minus(cap));
        above.push(j);
      } else if (floor && amount.lt(floor)) {
        deficit = deficit.plus(floor.minus(amount));
        below.push(j);
      }
    }

    if (above.length === 0 && below.length === 0) {
      for (const [j, r] of free.entries()) {
        const f = formula[j];
        if (f) result[r] = new FreeRegion(f);
      }
      free = [];
      break;
    }

    const fixNow = new Map<number, "floor" | "cap">();
    const cmp = excess.comparedTo(deficit);
    if (cmp >= 0) for (const j of above) fixNow.set(j, "cap");
    if (cmp <= 0) for (const j of below) fixNow.set(j, "floor");
    for (const [j, kind] of fixNow) {
      const r = free[j] ?? -1;
      const region = regions[r];
      const f = formula[j];
      if (!region || !f) continue;
      const bound = (kind === "cap" ? region.cap : region.floor) ?? ZERO;
      const shares = scaled(f.shares, f.amount, bound, round);
      result[r] = { raw: bound, shares, bound: kind, formula: f };
      pool = pool.minus(bound);
      for (const [i, value] of region.values.entries()) {
        sums[i] = (sums[i] ?? ZERO).minus(value.times(region.composite));
      }
    }
    free = free.filter((_, j) => !fixNow.has(j));
    // Floors that the caps left no room for: validation rules this out unless floors and caps clash.
    if (pool.isNeg() && !pool.isZero()) throw unplaceable(pool);
  }

  if (!pool.isZero() && result.every((r) => r?.bound !== undefined)) throw unplaceable(pool);
  return {
    regions: result.map((r) => {
      if (!r) throw new Error("allocation: a region was left without an amount");
      return r;
    }),
    rounds,
  };
}

type Formula = RegionDistribution["formula"];

/** A round's money per unit of value for one composite, per factor, and the same as scaled integers. */
interface CompositeRate {
  rates: Decimal[];
  /** Undefined when a rate is zero: such regions take the Decimal path. */
  scaled: Scaled[] | undefined;
}

function scaledAll(values: readonly Decimal[]): Scaled[] | undefined {
  const out: Scaled[] = [];
  for (const value of values) {
    const scaled = scaledOf(value);
    if (scaled === undefined) return undefined;
    out.push(scaled);
  }
  return out;
}

/** One region's factor parts (value × composite × rate) and their sum: a plain loop, run for every region. */
function formulaParts(values: readonly Decimal[], rate: readonly Decimal[]) {
  const shares: Decimal[] = [];
  let amount: Decimal | undefined;
  for (let f = 0; f < rate.length; f += 1) {
    const k = rate[f] ?? ZERO;
    const share = k.isZero() ? ZERO : (values[f] ?? ZERO).times(k);
    shares.push(share);
    amount = amount === undefined ? share : amount.plus(share);
  }
  return { shares, amount: amount ?? ZERO };
}

/**
 * What the formula gives a region in a round. The amount is worked out at once, in scaled integers
 * when every figure is positive (the same digits, see scaled-formula.ts); the factor parts, which
 * only the derivation, the table and the floors and caps read, are multiplied out when first read.
 */
class FormulaResult implements Formula {
  readonly round: FormulaRound;
  readonly amount: Decimal;
  #shares: Decimal[] | undefined;
  readonly #values: readonly Decimal[];
  readonly #rates: readonly Decimal[];

  constructor(
    round: FormulaRound,
    values: readonly Decimal[],
    scaledValues: readonly Scaled[] | undefined,
    rate: CompositeRate,
  ) {
    this.round = round;
    this.#values = values;
    this.#rates = rate.rates;
    if (scaledValues && rate.scaled && scaledValues.length === rate.scaled.length) {
      this.amount = scaledDot(scaledValues, rate.scaled);
    } else {
      const parts = formulaParts(values, rate.rates);
      this.#shares = parts.shares;
      this.amount = parts.amount;
    }
  }

  get shares(): Decimal[] {
    if (this.#shares === undefined) this.#shares = formulaParts(this.#values, this.#rates).shares;
    return this.#shares;
  }
}

function applyFormula(
  values: readonly Decimal[],
  scaledValues: readonly Scaled[] | undefined,
  rate: CompositeRate,
  round: FormulaRound,
): Formula {
  return new FormulaResult(round, values, scaledValues, rate);
}

/** A region the last round left free: its amount and parts are the formula's. */
class FreeRegion implements RegionDistribution {
  readonly formula: Formula;
  readonly bound = undefined;

  constructor(formula: Formula) {
    this.formula = formula;
  }

  get raw(): Decimal {
    return this.formula.amount;
  }

  get shares(): Decimal[] {
    return this.formula.shares;
  }
}

/** The formula's factor parts scaled to `bound`; the last part takes what is left so they add up exactly. */
function scaled(
  shares: readonly Decimal[],
  amount: Decimal,
  bound: Decimal,
  round: FormulaRound,
): Decimal[] {
  const parts = amount.isZero()
    ? round.weights.map((w) => bound.times(w).div(HUNDRED))
    : shares.map((s) => s.times(bound).div(amount));
  let last = parts.length - 1;
  while (last > 0 && (parts[last] ?? ZERO).isZero()) last -= 1;
  if (last >= 0) {
    parts[last] = bound.minus(sum(parts.filter((_, i) => i !== last)));
  }
  return parts;
}

function unplaceable(pool: Decimal): AllocationError {
  return new AllocationError([
    allocationIssue(["caps"], "allocation.unplaceable", { amount: pool.toString() }),
  ]);
}
