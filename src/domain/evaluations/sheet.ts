/**
 * An evaluation sheet scored: what the people entered plus what the data give, as one engine input,
 * scored by the engine (never re-implementing a rule), with what is still missing before submitting.
 */
import { DomainError } from "../errors.ts";
import {
  type Framework,
  type InputEntry,
  issueMessage,
  leafIndicators,
  textIn,
  validateInput,
} from "../frameworks/index.ts";
import {
  type Scorecard,
  type ScorecardJson,
  scorecardToJson,
  scoreValidated,
} from "../scoring/index.ts";
import { type BoundFacts, bindFacts, type SheetData, type UnboundFacts } from "./bindings.ts";

/** What a person entered for one indicator: the engine's entry plus the reason they give. */
export interface SheetEntry {
  facts?: Record<string, unknown>;
  missing?: { explanation?: string; score?: number | string };
  /** 评分依据 / reason: required for qualitative and expert indicators before submitting. */
  reason?: string;
}

export type SheetEntries = Readonly<Record<string, SheetEntry>>;

/** Rule types judged by a person, whose entry needs a reason in words. */
const JUDGED = new Set(["grade-map", "checklist", "expert"]);

export interface ScoredSheet {
  scorecard: ScorecardJson;
  /** Leaf indicators nobody has entered and the data do not give (scored 0 until they are). */
  pending: string[];
  /** Judged indicators entered without a reason. */
  reasonsMissing: string[];
  /** Indicators filled from the data, with where each figure comes from. */
  bound: BoundFacts[];
  /** Bound indicators the data could not fill, and why. */
  unbound: UnboundFacts[];
}

function merge(
  entry: SheetEntry | undefined,
  bound: BoundFacts | undefined,
): InputEntry | undefined {
  if (bound) {
    const parts = (bound.facts.parts ?? undefined) as Record<string, unknown> | undefined;
    if (parts && entry?.facts) {
      const entered = (entry.facts.parts ?? {}) as Record<string, unknown>;
      return { facts: { parts: { ...entered, ...parts } }, note: bound.source.zh };
    }
    if (!parts) return { facts: bound.facts, note: bound.source.zh };
    return undefined;
  }
  if (!entry) return undefined;
  const out: InputEntry = {};
  if (entry.facts) out.facts = entry.facts;
  if (entry.missing) out.missing = entry.missing as InputEntry["missing"];
  if (entry.reason) out.note = entry.reason;
  return out;
}

/**
 * Scores a sheet. An indicator nobody entered counts as "no value and no explanation" (0 points,
 * as the Suzhou form rules) and is listed in `pending`. Invalid facts are refused, naming the
 * indicator and the problem, so a saved sheet always scores.
 */
export function scoreSheet(
  framework: Framework,
  entries: SheetEntries,
  data: SheetData,
  subject: string,
): ScoredSheet {
  const { card, ...rest } = scoreSheetCard(framework, entries, data, subject);
  return { scorecard: scorecardToJson(card), ...rest };
}

/** As scoreSheet, with the scorecard in decimals (for reports and roll-ups). */
export function scoreSheetCard(
  framework: Framework,
  entries: SheetEntries,
  data: SheetData,
  subject: string,
): Omit<ScoredSheet, "scorecard"> & { card: Scorecard } {
  const binding = bindFacts(framework, data);
  const bound = binding.filter((b): b is BoundFacts => "facts" in b);
  const unbound = binding.filter((b): b is UnboundFacts => "missing" in b);
  const boundBy = new Map(bound.map((b) => [b.code, b]));
  const indicators: Record<string, InputEntry> = {};
  const pending: string[] = [];
  const reasonsMissing: string[] = [];
  for (const { indicator } of leafIndicators(framework)) {
    const entry = entries[indicator.code];
    const merged = merge(entry, boundBy.get(indicator.code));
    if (!merged) {
      pending.push(indicator.code);
      indicators[indicator.code] = { missing: {} };
      continue;
    }
    const judged = indicator.rule && JUDGED.has(indicator.rule.type);
    if (judged && entry?.facts && !entry.reason?.trim()) reasonsMissing.push(indicator.code);
    indicators[indicator.code] = merged;
  }
  const checked = validateInput(framework, {
    framework: framework.code,
    subject,
    indicators,
  });
  if (!checked.ok) {
    const first = checked.issues[0];
    const code = first ? String(first.path[1] ?? "") : "";
    const leaf = leafIndicators(framework).find((n) => n.indicator.code === code)?.indicator;
    throw new DomainError(
      "evaluation.invalid_input",
      {
        indicator: leaf ? `${code} ${textIn(leaf.name, "zh-CN")}` : code,
        problem: first ? issueMessage(first, "zh-CN") : "",
      },
      {
        issues: checked.issues.map((i) => ({
          path: i.path,
          zh: issueMessage(i, "zh-CN"),
          en: issueMessage(i, "en-US"),
        })),
      },
    );
  }
  const card = scoreValidated(framework, checked.value);
  return { card, pending, reasonsMissing, bound, unbound };
}
