/** A parent region's score from its children's: simple mean, mean weighted by funds or households, or its own. */
import { type Decimal, type RoundingPolicy, roundBy, ZERO } from "../decimal.ts";
import type { Locale } from "../errors.ts";
import { type Issue, type IssuePath, issue, ValidationError } from "../frameworks/index.ts";
import { say } from "./messages.ts";
import { fig } from "./reason.ts";

export const ROLL_UP_METHODS = ["mean", "funds-weighted", "households-weighted", "own"] as const;
export type RollUpMethod = (typeof ROLL_UP_METHODS)[number];

export interface RegionScore {
  code: string;
  name: string;
  /** The region's own evaluation total (published, rounded); a region without children needs one. */
  own?: Decimal;
  /** 资金 (万元), the weight of funds-weighted. */
  funds?: Decimal;
  /** 户数, the weight of households-weighted. */
  households?: Decimal;
  children?: RegionScore[];
}

export interface RolledUpRegion {
  code: string;
  name: string;
  score: Decimal;
  reason: string;
  children: RolledUpRegion[];
}

/**
 * Rolls scores up the region tree with one method for every parent (chosen per evaluation).
 * Each parent is computed from its children's rounded scores and rounded by `rounding`, as a
 * published parent figure is. Every region that cannot be scored is reported, not skipped.
 */
export function rollUp(
  root: RegionScore,
  method: RollUpMethod,
  rounding: RoundingPolicy,
  locale: Locale = "zh-CN",
): RolledUpRegion {
  const issues: Issue[] = [];
  const result = rollUpNode(root, method, rounding, locale, [], issues);
  if (issues.length > 0 || !result) throw new ValidationError("input", issues);
  return result;
}

function rollUpNode(
  region: RegionScore,
  method: RollUpMethod,
  rounding: RoundingPolicy,
  locale: Locale,
  path: IssuePath,
  issues: Issue[],
): RolledUpRegion | null {
  const who = { code: region.code, name: region.name };
  const children = (region.children ?? []).map((child, index) =>
    rollUpNode(child, method, rounding, locale, [...path, "children", index], issues),
  );
  if (children.length === 0 || method === "own") {
    if (region.own === undefined) {
      issues.push(issue([...path, "own"], "region_without_score", who));
      return null;
    }
    const score = roundBy(region.own, rounding);
    const done = children.filter((c): c is RolledUpRegion => c !== null);
    return {
      ...who,
      score,
      reason: say("rollup_own", locale, { score: fig(score, 10) }),
      children: done,
    };
  }
  if (children.some((c) => c === null)) return null;
  const scored = children as RolledUpRegion[];
  const terms = scored.map((c) => fig(c.score, 10));
  if (method === "mean") {
    const raw = scored.reduce((sum, c) => sum.plus(c.score), ZERO).div(scored.length);
    const text = say("rollup_mean", locale, {
      count: scored.length,
      terms: terms.join(" + "),
      raw: fig(raw, 4),
    });
    return { ...who, score: roundBy(raw, rounding), reason: text, children: scored };
  }
  const key = method === "funds-weighted" ? "funds" : "households";
  const weights: Decimal[] = [];
  for (const [index, child] of (region.children ?? []).entries()) {
    const weight = child[key];
    if (weight === undefined || weight.lt(ZERO)) {
      issues.push(
        issue([...path, "children", index, key], "weight_missing", {
          code: child.code,
          name: child.name,
          weight: key,
        }),
      );
    } else {
      weights.push(weight);
    }
  }
  if (weights.length !== scored.length) return null;
  const totalWeight = weights.reduce((sum, w) => sum.plus(w), ZERO);
  if (totalWeight.isZero()) {
    issues.push(issue([...path, "children"], "weights_zero", who));
    return null;
  }
  const weighted = scored.reduce((sum, c, i) => sum.plus(c.score.times(weights[i] ?? ZERO)), ZERO);
  const raw = weighted.div(totalWeight);
  const text = say("rollup_weighted", locale, {
    weight: say(key === "funds" ? "weight_funds" : "weight_households", locale),
    terms: scored.map((c, i) => `${fig(c.score, 10)}×${fig(weights[i] ?? ZERO, 10)}`).join(" + "),
    weights: fig(totalWeight, 10),
    raw: fig(raw, 4),
  });
  return { ...who, score: roundBy(raw, rounding), reason: text, children: scored };
}
