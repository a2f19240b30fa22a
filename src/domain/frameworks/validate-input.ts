/** Validates a scoring input against its framework: every leaf answered, every fact fit for its rule. */
import {
  type Decimal,
  fitsPolicy,
  HUNDRED,
  policyPlaces,
  type RoundingPolicy,
} from "../decimal.ts";
import { FACTS_SCHEMAS, type FactsOf, type ParsedFacts } from "./facts-schemas.ts";
import { fastValidateInput, inputShape } from "./fast-input.ts";
import type { Framework, Indicator } from "./framework-schema.ts";
import { ScoringInput } from "./input-schema.ts";
import { fromZodIssues, type Issue, type IssuePath, issue } from "./issues.ts";
import type { Rule } from "./rule-schemas.ts";
import type { Validated } from "./validate-framework.ts";
import type { ValidatedEntry, ValidatedInput } from "./validated-input.ts";
import { ValidationError } from "./validation-error.ts";
import { textIn } from "./values.ts";

export type { ValidatedEntry, ValidatedInput };

/** The rounding an indicator's score is published with. */
export function indicatorRounding(framework: Framework, indicator: Indicator): RoundingPolicy {
  return indicator.rule?.rounding ?? framework.rounding.indicator;
}

export function validateInput(framework: Framework, data: unknown): Validated<ValidatedInput> {
  // Most inputs are valid: checked by hand, they skip zod; any doubt and zod words the errors.
  const fast = fastValidateInput(framework, data);
  return fast ? { ok: true, value: fast } : validateInputBySchema(framework, data);
}

/** The reference validation through the zod schemas: the only one that words errors. */
export function validateInputBySchema(
  framework: Framework,
  data: unknown,
): Validated<ValidatedInput> {
  const parsed = ScoringInput.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues) };
  const input = parsed.data;
  const issues: Issue[] = [];

  if (input.framework !== framework.code) {
    issues.push(
      issue(["framework"], "framework_mismatch", {
        expected: framework.code,
        got: input.framework,
      }),
    );
  }

  const { leaves, groups } = inputShape(framework);
  for (const code of Object.keys(input.indicators)) {
    if (groups.has(code)) issues.push(issue(["indicators", code], "not_a_leaf", { code }));
    else if (!leaves.has(code))
      issues.push(issue(["indicators", code], "unknown_indicator", { code }));
  }

  const entries = new Map<string, ValidatedEntry>();
  for (const [code, indicator] of leaves) {
    const entry = input.indicators[code];
    const path = ["indicators", code];
    if (!entry) {
      issues.push(
        issue(["indicators"], "missing_indicator", { code, name: textIn(indicator.name, "zh-CN") }),
      );
      continue;
    }
    const rounding = indicatorRounding(framework, indicator);
    const note = entry.note !== undefined ? { note: entry.note } : {};
    if ((entry.facts === undefined) === (entry.missing === undefined)) {
      issues.push(issue(path, "facts_or_missing"));
    } else if (entry.missing) {
      const { explanation, score } = entry.missing;
      const at = [...path, "missing"];
      if (score !== undefined && explanation === undefined) {
        issues.push(issue([...at, "score"], "missing_score_needs_explanation"));
      } else if (explanation !== undefined && score === undefined) {
        issues.push(issue([...at, "score"], "explanation_needs_score"));
      } else if (score !== undefined) {
        checkScore(score, indicator.points, rounding, [...at, "score"], issues);
      }
      entries.set(code, { kind: "missing", explanation, score, ...note });
    } else if (entry.facts && indicator.rule) {
      const facts = validateFacts(indicator.rule, entry.facts, indicator.points, rounding, [
        ...path,
        "facts",
      ]);
      issues.push(...facts.issues);
      if (facts.value) entries.set(code, { kind: "facts", facts: facts.value, ...note });
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      framework: input.framework,
      subject: input.subject,
      region: input.region,
      period: input.period,
      source: input.source,
      entries,
    },
  };
}

/** Like validateInput, but throws a ValidationError naming `file`. */
export function parseInput(framework: Framework, data: unknown, file?: string): ValidatedInput {
  const result = validateInput(framework, data);
  if (!result.ok) throw new ValidationError("input", result.issues, file);
  return result.value;
}

function checkScore(
  score: Decimal,
  points: Decimal,
  rounding: RoundingPolicy,
  path: IssuePath,
  issues: Issue[],
) {
  if (score.gt(points)) {
    issues.push(
      issue(path, "score_above_points", { score: score.toString(), points: points.toString() }),
    );
  } else if (!fitsPolicy(score, rounding)) {
    // An evaluator's 1.15 under a one-decimal policy is refused rather than silently rounded.
    issues.push(
      issue(path, "too_many_decimals", {
        value: score.toString(),
        places: policyPlaces(rounding) ?? 0,
      }),
    );
  }
}

interface FactsResult {
  value?: ParsedFacts;
  issues: Issue[];
}

/** Validates the facts of one rule (recursing into a composite's parts). */
export function validateFacts(
  rule: Rule,
  raw: unknown,
  points: Decimal,
  rounding: RoundingPolicy,
  path: IssuePath,
): FactsResult {
  const parsed = FACTS_SCHEMAS[rule.type].safeParse(raw, { reportInput: true });
  if (!parsed.success) return { issues: fromZodIssues(parsed.error.issues, path) };
  const issues: Issue[] = [];
  const above = (value: Decimal, max: Decimal | undefined, field: string) => {
    if (max !== undefined && value.gt(max)) {
      issues.push(
        issue([...path, field], "value_above_max", {
          value: value.toString(),
          maximum: max.toString(),
        }),
      );
    }
  };

  switch (rule.type) {
    case "completion-band":
    case "shortfall": {
      const facts = parsed.data as FactsOf<typeof rule.type>;
      above(facts.actual, rule.actualMax, "actual");
      return { value: facts, issues };
    }
    case "threshold": {
      const facts = parsed.data as FactsOf<"threshold">;
      above(facts.value, rule.valueMax, "value");
      if (rule.valueMin !== undefined && facts.value.lt(rule.valueMin)) {
        issues.push(
          issue([...path, "value"], "min_inclusive", {
            value: facts.value.toString(),
            minimum: rule.valueMin.toString(),
          }),
        );
      }
      return { value: facts, issues };
    }
    case "per-unit": {
      const facts = parsed.data as FactsOf<"per-unit">;
      if (rule.wholeUnits && !facts.count.isInteger()) {
        issues.push(issue([...path, "count"], "not_integer", { value: facts.count.toString() }));
      }
      return { value: facts, issues };
    }
    case "grade-map": {
      const facts = parsed.data as FactsOf<"grade-map">;
      const labels = rule.grades.map((g) => g.label);
      if (!labels.includes(facts.grade)) {
        issues.push(
          issue([...path, "grade"], "unknown_grade", {
            value: facts.grade,
            options: labels.join("、"),
          }),
        );
      }
      return { value: facts, issues };
    }
    case "checklist": {
      const facts = parsed.data as FactsOf<"checklist">;
      const codes = new Set(rule.items.map((i) => i.code));
      for (const item of rule.items) {
        if (facts.items[item.code] === undefined) {
          issues.push(issue([...path, "items", item.code], "item_missing", { item: item.code }));
        }
      }
      for (const key of Object.keys(facts.items)) {
        if (!codes.has(key)) issues.push(issue([...path, "items", key], "unknown_key", { key }));
      }
      return { value: facts, issues };
    }
    case "incidents": {
      const facts = parsed.data as FactsOf<"incidents">;
      if (facts.grave && !rule.grave) issues.push(issue([...path, "grave"], "grave_not_allowed"));
      return { value: facts, issues };
    }
    case "proportional": {
      const facts = parsed.data as FactsOf<"proportional">;
      if (facts.rate?.gt(HUNDRED)) {
        issues.push(issue([...path, "rate"], "rate_above_100", { value: facts.rate.toString() }));
      }
      return { value: facts, issues };
    }
    case "expert": {
      const facts = parsed.data as FactsOf<"expert">;
      checkScore(facts.score, points, rounding, [...path, "score"], issues);
      return { value: facts, issues };
    }
    case "composite": {
      const facts = parsed.data as FactsOf<"composite">;
      const parts: Record<string, ParsedFacts> = {};
      for (const part of rule.parts) {
        const at = [...path, "parts", part.code];
        const partFacts = facts.parts[part.code];
        if (partFacts === undefined) {
          issues.push(issue(at, "required"));
          continue;
        }
        const result = validateFacts(part.rule, partFacts, part.points, rounding, at);
        issues.push(...result.issues);
        if (result.value) parts[part.code] = result.value;
      }
      const codes = new Set(rule.parts.map((p) => p.code));
      for (const key of Object.keys(facts.parts)) {
        if (!codes.has(key)) issues.push(issue([...path, "parts", key], "unknown_key", { key }));
      }
      return { value: { parts }, issues };
    }
    case "lower-is-better":
      return { value: parsed.data as FactsOf<"lower-is-better">, issues };
  }
}
