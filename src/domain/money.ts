/** 元 and 万元: the one conversion between them, and how an amount in 元 is printed in 万元. */
import { DECIMAL_PATTERN, Decimal, formatByPolicy, type RoundingPolicy } from "./decimal.ts";

/** 元 in one 万元. */
export const YUAN_PER_WAN = new Decimal(10000);

/** 元 → 万元: exact, since dividing by 10⁴ only moves the decimal point. */
export function yuanToWan(yuan: Decimal | string): Decimal {
  return new Decimal(yuan).div(YUAN_PER_WAN);
}

/** 万元 → 元: exact. */
export function wanToYuan(wan: Decimal | string): Decimal {
  return new Decimal(wan).times(YUAN_PER_WAN);
}

/**
 * An amount in 元 printed in 万元 through a named policy: `continuous` (the checker's findings,
 * bindings and sentences) gives the shortest exact text, `half-up-2` the two decimals of forms and tables.
 */
export function formatWan(yuan: Decimal | string, policy: RoundingPolicy = "continuous"): string {
  return formatByPolicy(yuanToWan(yuan), policy);
}

/** Like formatWan for text from a file or an answer: what is not a plain decimal is returned as it is. */
export function formatWanText(yuan: string, policy: RoundingPolicy = "continuous"): string {
  return DECIMAL_PATTERN.test(yuan) ? formatWan(yuan, policy) : yuan;
}
