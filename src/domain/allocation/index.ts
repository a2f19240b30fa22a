/** Allocation of a fund by the factor method (因素法): the model as data, validation, the exact computation. */
export * from "./allocate.ts";
export * from "./allocation-issues.ts";
export type * from "./allocation-result.ts";
export type { CoefficientChoice, CoefficientSource, DefaultReason } from "./coefficients.ts";
export * from "./compare.ts";
export * from "./data-sheet.ts";
export {
  REMAINDER_PLACES,
  type RoundedAmounts,
  roundLargestRemainder,
} from "./largest-remainder.ts";
export * from "./model-schema.ts";
export type * from "./prepared-allocation.ts";
export * from "./units.ts";
export * from "./validate-allocation.ts";
