/** Small allocation models for the tests: one factor-method model with defaults, changed field by field. */
import type { AllocationData, AllocationModel, RegionData } from "./model-schema.ts";

/** Three regions A, B, C; one factor x weighted 100; 1,000 元 rounded to the 元; no coefficients. */
export function testModel(changes: Partial<AllocationModel> = {}): AllocationModel {
  return {
    name: "测试分配",
    year: 2024,
    unit: "元",
    total: "1000",
    factors: [{ key: "x", name: "因素甲", weight: "100", source: { kind: "entered" } }],
    rounding: "元",
    regions: [
      { code: "A", name: "甲地" },
      { code: "B", name: "乙地" },
      { code: "C", name: "丙地" },
    ],
    ...changes,
  };
}

/** Data from region code → factor key → value, with extra fields per region. */
export function testData(
  values: Record<string, Record<string, string | number | null>>,
  extra: Record<string, Partial<RegionData>> = {},
): AllocationData {
  const regions: Record<string, RegionData> = {};
  for (const [code, factors] of Object.entries(values)) {
    regions[code] = { factors, ...extra[code] };
  }
  return { regions };
}
