/**
 * An evaluation sheet scored: what the people entered plus what the data give, as one engine input,
 * scored by the engine (never re-implementing a rule), with what is still missing before submitting.
 */
import { DomainError, type Locale } from "../errors.ts";
import {
  type Framework,
  type InputEntry,
  indicatorRounding,
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
  validateDraftFacts,
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
  /**
   * Leaf indicators not yet entered in full and not given by the data (scored 0 until they are):
   * nothing entered, or facts entered in part (`incomplete`).
   */
  pending: string[];
  /** Pending indicators with some of their facts entered (a draft in progress). */
  incomplete: string[];
  /** Judged indicators entered without a reason. */
  reasonsMissing: string[];
  /** Indicators filled from the data, with where each figure comes from. */
  bound: BoundFacts[];
  /** Bound indicators the data could not fill, and why. */
  unbound: UnboundFacts[];
}

/** What scoring needs of a bound indicator: its facts and where they come from. */
export type BoundEntry = Pick<BoundFacts, "code" | "facts" | "source">;

/** An indicator whose entered facts the rule cannot take, with the problems in both languages. */
export interface InvalidEntry {
  code: string;
  /** `B.1 政策公开` / `B.1 Policy disclosure`. */
  indicator: { zh: string; en: string };
  problems: { path: readonly (string | number)[]; zh: string; en: string }[];
}

function merge(
  entry: SheetEntry | undefined,
  bound: BoundEntry | undefined,
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

export interface ScoredEntries {
  card: Scorecard;
  pending: string[];
  incomplete: string[];
  reasonsMissing: string[];
  /** Indicators whose facts the rule cannot take: scored as pending here, refused on saving. */
  invalid: InvalidEntry[];
}

/**
 * Scores entries with the facts the data give (`bound`), never throwing on what a person entered:
 * facts entered in part count as pending, facts the rule cannot take are listed in `invalid` and
 * count as pending too. This is what the sheet shows live as the user types (in the browser).
 */
export function scoreEntries(
  framework: Framework,
  entries: SheetEntries,
  bound: readonly BoundEntry[],
  subject: string,
  options: { locale?: Locale } = {},
): ScoredEntries {
  const boundBy = new Map(bound.map((b) => [b.code, b]));
  const indicators: Record<string, InputEntry> = {};
  const pending: string[] = [];
  const incomplete: string[] = [];
  const reasonsMissing: string[] = [];
  const invalid: InvalidEntry[] = [];
  for (const { indicator } of leafIndicators(framework)) {
    const code = indicator.code;
    const entry = entries[code];
    const merged = merge(entry, boundBy.get(code));
    if (!merged) {
      pending.push(code);
      indicators[code] = { missing: {} };
      continue;
    }
    if (merged.facts && indicator.rule && merged.missing === undefined) {
      const draft = validateDraftFacts(
        indicator.rule,
        merged.facts,
        indicator.points,
        indicatorRounding(framework, indicator),
        ["indicators", code, "facts"],
      );
      if (draft.issues.length > 0 || draft.gaps.length > 0) {
        if (draft.issues.length > 0) {
          invalid.push({
            code,
            indicator: {
              zh: `${code} ${textIn(indicator.name, "zh-CN")}`,
              en: `${code} ${textIn(indicator.name, "en-US")}`,
            },
            problems: draft.issues.map((i) => ({
              path: i.path,
              zh: issueMessage(i, "zh-CN"),
              en: issueMessage(i, "en-US"),
            })),
          });
        } else incomplete.push(code);
        pending.push(code);
        indicators[code] = { missing: {} };
        continue;
      }
    }
    const judged = indicator.rule && JUDGED.has(indicator.rule.type);
    if (judged && entry?.facts && !entry.reason?.trim()) reasonsMissing.push(code);
    indicators[code] = merged;
  }
  const checked = validateInput(framework, {
    framework: framework.code,
    ...(subject.trim() === "" ? {} : { subject }),
    indicators,
  });
  if (!checked.ok) {
    // Only what the entries cannot be checked for one by one reaches here (an unknown shape).
    const first = checked.issues[0];
    const code = first ? String(first.path[1] ?? "") : "";
    const leaf = leafIndicators(framework).find((n) => n.indicator.code === code)?.indicator;
    const zh = first ? issueMessage(first, "zh-CN") : "";
    const en = first ? issueMessage(first, "en-US") : "";
    throw new DomainError(
      "evaluation.invalid_input",
      {
        indicator: leaf ? `${code} ${textIn(leaf.name, "zh-CN")}` : code,
        indicator_en: leaf ? `${code} ${textIn(leaf.name, "en-US")}` : code,
        problem: zh,
        problem_en: en,
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
  const card = scoreValidated(framework, checked.value, options);
  return { card, pending, incomplete, reasonsMissing, invalid };
}

/**
 * Scores a sheet. An indicator nobody entered counts as "no value and no explanation" (0 points,
 * as the Suzhou form rules) and is listed in `pending`, as is one entered in part (a draft).
 * Facts the rule cannot take are refused, naming the indicator and the problem, so a saved sheet
 * always scores.
 */
export function scoreSheet(
  framework: Framework,
  entries: SheetEntries,
  data: SheetData,
  subject: string,
  locale: Locale = "zh-CN",
): ScoredSheet {
  const { card, ...rest } = scoreSheetCard(framework, entries, data, subject, locale);
  return { scorecard: scorecardToJson(card), ...rest };
}

/** As scoreSheet, with the scorecard in decimals (for reports and roll-ups). */
export function scoreSheetCard(
  framework: Framework,
  entries: SheetEntries,
  data: SheetData,
  subject: string,
  locale: Locale = "zh-CN",
): Omit<ScoredSheet, "scorecard"> & { card: Scorecard } {
  const binding = bindFacts(framework, data);
  const bound = binding.filter((b): b is BoundFacts => "facts" in b);
  const unbound = binding.filter((b): b is UnboundFacts => "missing" in b);
  const { invalid, ...scored } = scoreEntries(framework, entries, bound, subject, { locale });
  const first = invalid[0];
  if (first) {
    throw new DomainError(
      "evaluation.invalid_input",
      {
        indicator: first.indicator.zh,
        indicator_en: first.indicator.en,
        problem: first.problems.map((p) => p.zh).join("；"),
        problem_en: first.problems.map((p) => p.en).join("; "),
      },
      { issues: invalid.flatMap((i) => i.problems) },
    );
  }
  return { ...scored, bound, unbound };
}
