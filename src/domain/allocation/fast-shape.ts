/**
 * A hand-checked fast path for the shape of valid allocation data (AllocationData): 3,000 counties
 * through zod cost more than the whole formula. It accepts only what the zod schema accepts and
 * gives up (returns undefined) at the first doubt, so that the zod path, and only it, words every
 * error. On success it hands back the input itself, which has exactly the content zod would copy.
 */
import { type AllocationData, GRADES } from "./model-schema.ts";

const DATA_KEYS = new Set(["regions"]);
const REGION_KEYS = new Set(["factors", "tiers", "grade", "score"]);
const GRADE_SET: ReadonlySet<unknown> = new Set(GRADES);

/**
 * A plain object (Object.prototype or null prototype) with no symbol keys and no own key that zod
 * treats specially (`__proto__`, `constructor`): such an object zod reads key by key as we do.
 */
function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  if (Object.hasOwn(value, "__proto__") || Object.hasOwn(value, "constructor")) return false;
  return Object.getOwnPropertySymbols(value).length === 0;
}

/** DecimalText: any string, or a finite number (z.number() refuses NaN and ±Infinity). */
function isDecimalText(value: unknown): boolean {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

/** Every own enumerable key is in `allowed` and holds no explicit undefined. */
function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!allowed.has(key) || value[key] === undefined) return false;
  }
  return true;
}

function isRegionData(value: unknown): boolean {
  if (!isPlain(value) || !onlyKeys(value, REGION_KEYS)) return false;
  const { factors, tiers, grade, score } = value;
  if (!isPlain(factors)) return false;
  for (const key in factors) {
    if (!Object.hasOwn(factors, key)) continue;
    const raw = factors[key];
    if (raw !== null && !isDecimalText(raw)) return false;
  }
  if (tiers !== undefined) {
    if (!isPlain(tiers)) return false;
    for (const key in tiers) {
      if (Object.hasOwn(tiers, key) && typeof tiers[key] !== "string") return false;
    }
  }
  if (grade !== undefined && !GRADE_SET.has(grade)) return false;
  return score === undefined || isDecimalText(score);
}

/** `data` as AllocationData when zod would accept it unchanged; undefined when in any doubt. */
export function fastAllocationData(data: unknown): AllocationData | undefined {
  if (!isPlain(data) || !onlyKeys(data, DATA_KEYS)) return undefined;
  const { regions } = data;
  if (!isPlain(regions)) return undefined;
  for (const code in regions) {
    if (Object.hasOwn(regions, code) && !isRegionData(regions[code])) return undefined;
  }
  return data as AllocationData;
}
