/**
 * Facts entered in part (a draft): what is entered is checked by the rule's own validation, what is
 * not yet entered is listed as a gap, so a draft can be saved at any point and submitted when whole.
 */
import type { Decimal, RoundingPolicy } from "../decimal.ts";
import {
  type Issue,
  type IssuePath,
  type ParsedFacts,
  type Rule,
  validateFacts,
} from "../frameworks/index.ts";

export interface DraftFacts {
  /** Problems in what is entered (a wrong number, an unknown grade): the same as for whole facts. */
  issues: Issue[];
  /** Paths of the facts not yet entered (an unticked checklist item sent as nothing, a blank target). */
  gaps: IssuePath[];
  /** The validated facts when nothing is missing. */
  value?: ParsedFacts;
}

type Raw = Record<string, unknown>;

const absent = (v: unknown) => v === undefined || v === null || v === "";

/** The facts with a harmless stand-in for each field not entered, and the paths of those fields. */
function fillGaps(rule: Rule, raw: Raw, path: IssuePath, gaps: IssuePath[]): Raw {
  const out: Raw = { ...raw };
  const fill = (key: string, stand: unknown) => {
    if (absent(out[key])) {
      out[key] = stand;
      gaps.push([...path, key]);
    }
  };
  switch (rule.type) {
    case "completion-band":
    case "shortfall":
    case "lower-is-better":
      fill("actual", "0");
      fill("target", "1");
      break;
    case "threshold":
      fill("value", rule.valueMin?.toString() ?? "0");
      break;
    case "per-unit":
    case "incidents":
      fill("count", "0");
      break;
    case "proportional":
      if (absent(out.rate) && absent(out.actual) && absent(out.target)) fill("rate", "0");
      else if (absent(out.rate)) {
        fill("actual", "0");
        fill("target", "1");
      }
      break;
    case "grade-map":
      fill("grade", rule.grades[0]?.label ?? "");
      break;
    case "checklist": {
      const items: Raw = { ...((out.items as Raw | undefined) ?? {}) };
      for (const item of rule.items) {
        if (absent(items[item.code])) {
          items[item.code] = false;
          gaps.push([...path, "items", item.code]);
        }
      }
      out.items = items;
      break;
    }
    case "expert":
      fill("score", "0");
      fill("reason", "-");
      break;
    case "composite": {
      const parts: Raw = { ...((out.parts as Raw | undefined) ?? {}) };
      for (const part of rule.parts) {
        const given = parts[part.code];
        const facts = given && typeof given === "object" ? (given as Raw) : {};
        parts[part.code] = fillGaps(part.rule, facts, [...path, "parts", part.code], gaps);
      }
      out.parts = parts;
      break;
    }
  }
  return out;
}

const within = (path: IssuePath, prefix: IssuePath) =>
  prefix.length <= path.length && prefix.every((p, i) => path[i] === p);

/**
 * Checks facts that may be entered in part. Only the fields entered are judged; a field's problem
 * is reported as for whole facts. Facts that are not an object of fields are judged as they are.
 */
export function validateDraftFacts(
  rule: Rule,
  raw: unknown,
  points: Decimal,
  rounding: RoundingPolicy,
  path: IssuePath,
): DraftFacts {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return { ...validateFacts(rule, raw, points, rounding, path), gaps: [] };
  }
  const gaps: IssuePath[] = [];
  const filled = fillGaps(rule, raw as Raw, path, gaps);
  const result = validateFacts(rule, filled, points, rounding, path);
  if (gaps.length === 0) return { ...result, gaps };
  // A rule's check of the whole (rate or ratio) is about the facts' own path: it stays.
  const issues = result.issues.filter((i) => !gaps.some((g) => within(i.path, g)));
  return { issues, gaps };
}
