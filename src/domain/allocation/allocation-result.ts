/** What an allocation returns: per-region amounts with their derivation, totals, warnings, a table. */
import type { Bilingual } from "../bilingual.ts";
import type { CoefficientSource, DefaultReason } from "./coefficients.ts";
import type { RoundingUnit } from "./model-schema.ts";

export interface CoefficientResult {
  label: string;
  value: string;
  source: CoefficientSource;
}

/** Something a reader should check: so far, a tier taken by default for want of a grade or score. */
export interface RegionFlag {
  code: "default-tier";
  /** The coefficient table's key. */
  table: string;
  label: string;
  reason: DefaultReason;
  message: Bilingual;
}

export interface RegionAllocation {
  code: string;
  name: string;
  /** The rounded amount in 元, a multiple of the rounding unit. */
  amount: string;
  /** The amount before rounding in 元, exact to the 40-digit working precision. */
  raw: string;
  /** Factor key → that factor's part of raw, in 元. Written out when first read, then a plain record. */
  shares: Record<string, string>;
  /** Table key → the tier taken and why. */
  coefficients: Record<string, CoefficientResult>;
  /** The product of the coefficient values. */
  composite: string;
  /** amount − raw, in 元. */
  roundingAdjustment: string;
  floorOrCap?: "floor" | "cap";
  flags: RegionFlag[];
  /** How the amount was reached, in words. Written when first read, then a plain object. */
  derivation: Bilingual;
}

export interface AllocationTotals {
  /** All in 元. */
  total: string;
  heldBack: string;
  distributable: string;
  /** Σ amounts: equal to distributable, always. */
  allocated: string;
}

export interface AllocationWarning extends RegionFlag {
  region: string;
  regionName: string;
}

/** One row per region and factor, as a report or spreadsheet shows the computation. */
export interface AllocationTableRow {
  region: string;
  regionName: string;
  factor: string;
  factorName: string;
  /** The weight in percent, as the model gives it. */
  weight: string;
  /** The factor value as entered. */
  value: string;
  composite: string;
  /** value × composite. */
  weighted: string;
  /** weighted ÷ Σ weighted over all regions, in percent, 6 decimals. */
  sharePercent: string;
  /** The factor's part of the region's amount before rounding, in 元 with 2 decimals. */
  amount: string;
}

export interface AllocationResult {
  name: string;
  year: number;
  /** The unit of every amount in the result. */
  unit: "元";
  rounding: RoundingUnit;
  totals: AllocationTotals;
  heldBack: { name: string; amount: string }[];
  regions: RegionAllocation[];
  /** Worked out when first read, then a plain array. */
  table: AllocationTableRow[];
  warnings: AllocationWarning[];
  /** Rounds of the floors-and-caps iteration; 1 when no floor or cap binds. */
  rounds: number;
}
