/** Validates a framework: its shape (zod), then what a shape cannot say (points add up, codes unique…). */
import { type Decimal, ZERO } from "../decimal.ts";
import { Framework, type Indicator, MAX_DEPTH } from "./framework-schema.ts";
import { fromZodIssues, type Issue, type IssuePath, issue } from "./issues.ts";
import type { Rule } from "./rule-schemas.ts";
import { walkIndicators } from "./tree.ts";
import { ValidationError } from "./validation-error.ts";

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Checks a parsed file's data; never throws for bad data. */
export function validateFramework(data: unknown): Validated<Framework> {
  const parsed = Framework.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues) };
  const issues = checkFramework(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

/** Like validateFramework, but throws a ValidationError naming `file`. */
export function parseFramework(data: unknown, file?: string): Framework {
  const result = validateFramework(data);
  if (!result.ok) throw new ValidationError("framework", result.issues, file);
  return result.value;
}

const sum = (values: readonly Decimal[]) => values.reduce((a, b) => a.plus(b), ZERO);
const text = (d: Decimal) => d.toString();

export function checkFramework(framework: Framework): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();

  const top = sum(framework.indicators.map((i) => i.points));
  if (!top.eq(framework.points)) {
    issues.push(
      issue(["points"], "total_mismatch", { points: text(framework.points), sum: text(top) }),
    );
  }

  for (const { indicator, level, path } of walkIndicators(framework)) {
    if (seen.has(indicator.code)) {
      issues.push(issue([...path, "code"], "duplicate_code", { code: indicator.code }));
    }
    seen.add(indicator.code);
    if (level > MAX_DEPTH) issues.push(issue(path, "too_deep", { max: MAX_DEPTH }));
    checkIndicator(indicator, path, issues);
  }

  checkGrades(framework, issues);
  return issues;
}

function checkIndicator(indicator: Indicator, path: IssuePath, issues: Issue[]) {
  const { children, rule } = indicator;
  if (children) {
    if (rule) issues.push(issue([...path, "rule"], "group_with_rule"));
    const childSum = sum(children.map((c) => c.points));
    if ((indicator.aggregate ?? "sum") === "sum" && !childSum.eq(indicator.points)) {
      issues.push(
        issue([...path, "points"], "points_mismatch", {
          points: text(indicator.points),
          sum: text(childSum),
        }),
      );
    }
    return;
  }
  if (indicator.aggregate) issues.push(issue([...path, "aggregate"], "aggregate_on_leaf"));
  if (!rule) {
    issues.push(issue(path, "leaf_without_rule"));
    return;
  }
  checkRule(rule, indicator.points, [...path, "rule"], issues);
}

/** Checks a rule against the points it scores (an indicator's, or a composite part's). */
export function checkRule(rule: Rule, points: Decimal, path: IssuePath, issues: Issue[]) {
  const capAbove = (cap: Decimal, at: IssuePath) => {
    if (cap.gt(points)) {
      issues.push(issue(at, "cap_above_points", { cap: text(cap), points: text(points) }));
    }
  };
  switch (rule.type) {
    case "completion-band":
      if (rule.upper?.lt(rule.lower)) {
        issues.push(
          issue([...path, "upper"], "upper_below_lower", {
            upper: text(rule.upper),
            lower: text(rule.lower),
          }),
        );
      }
      if ((rule.upper === undefined) !== (rule.abovePenalty === undefined)) {
        issues.push(issue(path, "above_penalty_needs_upper"));
      }
      return;
    case "shortfall":
    case "threshold":
    case "lower-is-better":
    case "per-unit":
      capAbove(rule.cap, [...path, "cap"]);
      return;
    case "incidents":
      capAbove(rule.cap, [...path, "cap"]);
      if (rule.grave) capAbove(rule.grave.deduction, [...path, "grave", "deduction"]);
      return;
    case "grade-map":
      uniqueLabels(
        rule.grades.map((g) => g.label),
        [...path, "grades"],
        issues,
      );
      return;
    case "checklist": {
      uniqueCodes(
        rule.items.map((i) => i.code),
        [...path, "items"],
        issues,
      );
      const itemSum = sum(rule.items.map((i) => i.points));
      if (!itemSum.eq(points)) {
        issues.push(
          issue([...path, "items"], "items_points", { sum: text(itemSum), points: text(points) }),
        );
      }
      return;
    }
    case "composite": {
      uniqueCodes(
        rule.parts.map((p) => p.code),
        [...path, "parts"],
        issues,
      );
      if (rule.combine === "sum") {
        const partSum = sum(rule.parts.map((p) => p.points));
        if (!partSum.eq(points)) {
          issues.push(
            issue([...path, "parts"], "parts_points", { sum: text(partSum), points: text(points) }),
          );
        }
      }
      for (const [index, part] of rule.parts.entries()) {
        const at = [...path, "parts", index];
        if (rule.combine === "deduct" && part.points.gt(points)) {
          issues.push(
            issue([...at, "points"], "part_above_points", {
              part: text(part.points),
              points: text(points),
            }),
          );
        }
        checkRule(part.rule, part.points, [...at, "rule"], issues);
      }
      return;
    }
    case "proportional":
    case "expert":
      return;
  }
}

function uniqueCodes(codes: readonly string[], path: IssuePath, issues: Issue[]) {
  const seen = new Set<string>();
  for (const [index, code] of codes.entries()) {
    if (seen.has(code)) issues.push(issue([...path, index, "code"], "duplicate_code", { code }));
    seen.add(code);
  }
}

function uniqueLabels(labels: readonly string[], path: IssuePath, issues: Issue[]) {
  const seen = new Set<string>();
  for (const [index, label] of labels.entries()) {
    if (seen.has(label))
      issues.push(issue([...path, index, "label"], "duplicate_label", { label }));
    seen.add(label);
  }
}

function checkGrades(framework: Framework, issues: Issue[]) {
  const { bands } = framework.grades;
  const path = ["grades", "bands"];
  uniqueLabels(
    bands.map((b) => b.label),
    path,
    issues,
  );
  for (let i = 1; i < bands.length; i += 1) {
    const above = bands[i - 1];
    const band = bands[i];
    if (above && band && !band.min.lt(above.min)) {
      issues.push(issue([...path, i, "min"], "grades_order"));
    }
  }
  const last = bands[bands.length - 1];
  if (last && !last.min.isZero())
    issues.push(issue([...path, bands.length - 1, "min"], "grades_floor"));
}
