/**
 * A hand-checked fast path for valid scoring inputs: it builds the same ValidatedInput as the zod
 * schemas, and gives up (returns undefined) at the first doubt, so that the zod path, and only it,
 * words every error.
 */
import {
  DECIMAL_PATTERN,
  type Decimal,
  dec,
  fitsPolicy,
  HUNDRED,
  type RoundingPolicy,
  ZERO,
} from "../decimal.ts";
import type { ParsedFacts } from "./facts-schemas.ts";
import type { Framework, Indicator } from "./framework-schema.ts";
import type { Rule } from "./rule-schemas.ts";
import { leafIndicators } from "./tree.ts";
import type { ValidatedEntry, ValidatedInput } from "./validated-input.ts";
import type { Text } from "./values.ts";

/** A framework's leaves in reading order and its group codes, worked out once per indicator tree. */
export interface InputShape {
  leaves: ReadonlyMap<string, Indicator>;
  groups: ReadonlySet<string>;
}

const shapes = new WeakMap<readonly Indicator[], InputShape>();

export function inputShape(framework: Framework): InputShape {
  let shape = shapes.get(framework.indicators);
  if (!shape) {
    const leaves = new Map(leafIndicators(framework).map((n) => [n.indicator.code, n.indicator]));
    const groups = new Set<string>();
    const walk = (list: readonly Indicator[]) => {
      for (const indicator of list) {
        if (!leaves.has(indicator.code)) groups.add(indicator.code);
        if (indicator.children) walk(indicator.children);
      }
    };
    walk(framework.indicators);
    shape = { leaves, groups };
    shapes.set(framework.indicators, shape);
  }
  return shape;
}

/** Sentinel for "not sure": the caller falls back to the zod path. */
const NO = Symbol("no");
type Maybe<T> = T | typeof NO;

const INPUT_KEYS = new Set(["$schema", "framework", "subject", "region", "period", "source"]);
const ENTRY_KEYS = new Set(["facts", "missing", "note"]);
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Every key of `value` is one of `allowed` and none holds an explicit undefined. */
function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!allowed.has(key) || value[key] === undefined) return false;
  }
  return true;
}

function keysAre(value: Record<string, unknown>, ...allowed: string[]): boolean {
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!allowed.includes(key) || value[key] === undefined) return false;
  }
  return true;
}

/** decimalValue() without bounds: a finite number or a plain decimal string. */
function decimalOf(raw: unknown): Maybe<Decimal> {
  if (typeof raw === "number") return Number.isFinite(raw) ? dec(raw) : NO;
  if (typeof raw === "string") return DECIMAL_PATTERN.test(raw) ? dec(raw) : NO;
  return NO;
}

function nonNegative(raw: unknown): Maybe<Decimal> {
  const value = decimalOf(raw);
  return value === NO || value.lt(ZERO) ? NO : value;
}

function positive(raw: unknown): Maybe<Decimal> {
  const value = decimalOf(raw);
  return value === NO || value.lte(ZERO) ? NO : value;
}

function textOf(raw: unknown): Maybe<Text> {
  if (typeof raw === "string") return raw.length >= 1 ? raw : NO;
  if (!isRecord(raw) || !keysAre(raw, "zh-CN", "en-US")) return NO;
  const zh = raw["zh-CN"];
  const en = raw["en-US"];
  if (typeof zh !== "string" || zh.length < 1) return NO;
  if (en === undefined) return { "zh-CN": zh };
  if (typeof en !== "string" || en.length < 1) return NO;
  return { "zh-CN": zh, "en-US": en };
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === "string";
}

/** The facts of one rule, parsed and checked as validateFacts would accept them; NO otherwise. */
function factsOf(
  rule: Rule,
  raw: unknown,
  points: Decimal,
  rounding: RoundingPolicy,
): Maybe<ParsedFacts> {
  if (!isRecord(raw)) return NO;
  switch (rule.type) {
    case "completion-band":
    case "shortfall":
    case "lower-is-better": {
      if (!keysAre(raw, "actual", "target")) return NO;
      const actual = nonNegative(raw.actual);
      const target = positive(raw.target);
      if (actual === NO || target === NO) return NO;
      if (rule.type !== "lower-is-better" && rule.actualMax && actual.gt(rule.actualMax)) return NO;
      return { actual, target };
    }
    case "threshold": {
      if (!keysAre(raw, "value")) return NO;
      const value = decimalOf(raw.value);
      if (value === NO) return NO;
      if (rule.valueMax !== undefined && value.gt(rule.valueMax)) return NO;
      if (rule.valueMin !== undefined && value.lt(rule.valueMin)) return NO;
      return { value };
    }
    case "per-unit": {
      if (!keysAre(raw, "count")) return NO;
      const count = nonNegative(raw.count);
      if (count === NO || (rule.wholeUnits && !count.isInteger())) return NO;
      return { count };
    }
    case "grade-map": {
      if (!keysAre(raw, "grade")) return NO;
      const grade = raw.grade;
      if (typeof grade !== "string" || !rule.grades.some((g) => g.label === grade)) return NO;
      return { grade };
    }
    case "incidents": {
      if (!keysAre(raw, "count", "grave")) return NO;
      const count = nonNegative(raw.count);
      if (count === NO || !count.isInteger()) return NO;
      if (raw.grave === undefined) return { count };
      if (typeof raw.grave !== "boolean" || (raw.grave && !rule.grave)) return NO;
      return { count, grave: raw.grave };
    }
    case "proportional": {
      if (!keysAre(raw, "rate", "actual", "target")) return NO;
      if (raw.rate !== undefined) {
        if (raw.actual !== undefined || raw.target !== undefined) return NO;
        const rate = nonNegative(raw.rate);
        return rate === NO || rate.gt(HUNDRED) ? NO : { rate };
      }
      const actual = nonNegative(raw.actual);
      const target = positive(raw.target);
      return actual === NO || target === NO ? NO : { actual, target };
    }
    case "checklist": {
      if (!keysAre(raw, "items") || !isRecord(raw.items)) return NO;
      const items = raw.items;
      const codes = new Set(rule.items.map((i) => i.code));
      const out: Record<string, boolean> = {};
      for (const key in items) {
        if (!Object.hasOwn(items, key)) continue;
        const done = items[key];
        if (!codes.has(key) || typeof done !== "boolean") return NO;
        out[key] = done;
      }
      if (Object.keys(out).length !== codes.size) return NO;
      return { items: out };
    }
    case "expert": {
      if (!keysAre(raw, "score", "reason")) return NO;
      const score = nonNegative(raw.score);
      const reason = textOf(raw.reason);
      if (score === NO || reason === NO) return NO;
      return score.gt(points) || !fitsPolicy(score, rounding) ? NO : { score, reason };
    }
    case "composite": {
      if (!keysAre(raw, "parts") || !isRecord(raw.parts)) return NO;
      const given = raw.parts;
      const parts: Record<string, ParsedFacts> = {};
      let count = 0;
      for (const key in given) if (Object.hasOwn(given, key)) count += 1;
      if (count !== rule.parts.length) return NO;
      for (const part of rule.parts) {
        if (!Object.hasOwn(given, part.code)) return NO;
        const facts = factsOf(part.rule, given[part.code], part.points, rounding);
        if (facts === NO) return NO;
        parts[part.code] = facts;
      }
      return { parts };
    }
  }
}

/**
 * The validated input when `data` is a valid input for `framework` in every respect the zod path
 * checks; undefined when anything is, or might be, wrong.
 */
export function fastValidateInput(framework: Framework, data: unknown): ValidatedInput | undefined {
  if (!isRecord(data)) return undefined;
  const { indicators } = data;
  for (const key in data) {
    if (!Object.hasOwn(data, key) || key === "indicators") continue;
    if (!INPUT_KEYS.has(key)) return undefined;
  }
  const code = data.framework;
  if (typeof code !== "string" || code !== framework.code || !SLUG.test(code)) return undefined;
  if (!optionalString(data.$schema) || !optionalString(data.region)) return undefined;
  if (!optionalString(data.period)) return undefined;
  const subject = data.subject === undefined ? undefined : textOf(data.subject);
  const source = data.source === undefined ? undefined : textOf(data.source);
  if (subject === NO || source === NO || !isRecord(indicators)) return undefined;

  const { leaves } = inputShape(framework);
  let given = 0;
  for (const key in indicators) {
    if (!Object.hasOwn(indicators, key)) continue;
    if (!leaves.has(key)) return undefined;
    given += 1;
  }
  if (given !== leaves.size) return undefined;

  const entries = new Map<string, ValidatedEntry>();
  for (const [leaf, indicator] of leaves) {
    const entry = indicators[leaf];
    if (!isRecord(entry) || !onlyKeys(entry, ENTRY_KEYS)) return undefined;
    const note = entry.note === undefined ? undefined : textOf(entry.note);
    if (note === NO) return undefined;
    const { facts, missing } = entry;
    if ((facts === undefined) === (missing === undefined)) return undefined;
    if (facts !== undefined) {
      if (!indicator.rule) return undefined;
      const rounding = indicator.rule.rounding ?? framework.rounding.indicator;
      const parsed = factsOf(indicator.rule, facts, indicator.points, rounding);
      if (parsed === NO) return undefined;
      entries.set(
        leaf,
        note === undefined
          ? { kind: "facts", facts: parsed }
          : { kind: "facts", facts: parsed, note },
      );
      continue;
    }
    if (!isRecord(missing) || !keysAre(missing, "explanation", "score")) return undefined;
    if ((missing.explanation === undefined) !== (missing.score === undefined)) return undefined;
    let explanation: Text | undefined;
    let score: Decimal | undefined;
    if (missing.explanation !== undefined) {
      const text = textOf(missing.explanation);
      const value = nonNegative(missing.score);
      if (text === NO || value === NO) return undefined;
      const rounding = indicator.rule?.rounding ?? framework.rounding.indicator;
      if (value.gt(indicator.points) || !fitsPolicy(value, rounding)) return undefined;
      explanation = text;
      score = value;
    }
    const value: ValidatedEntry = { kind: "missing", explanation, score };
    if (note !== undefined) value.note = note;
    entries.set(leaf, value);
  }
  return {
    framework: code,
    subject,
    region: data.region as string | undefined,
    period: data.period as string | undefined,
    source,
    entries,
  };
}
