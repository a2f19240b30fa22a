/** The questionnaire as the builder and the paper-entry form read and edit it, and the server's problems by place. */
import Decimal from "decimal.js";
import type { z } from "zod";
import {
  DEFAULT_SATISFIED,
  DEFAULT_SCALE as SHARED_SCALE,
} from "../../../../src/shared/default-scale.ts";
import type { QuestionnaireSchema } from "../../../../src/shared/questionnaire.ts";
import type { SurveyDetailT } from "../../../../src/shared/survey-schemas.ts";
import { ApiError } from "../../api/client.ts";
import type { Locale } from "../../i18n/locale.ts";

/** The questionnaire as JSON holds it: defaults (required, integer, maxLength) may be left out. */
export type QuestionnaireDraft = z.input<typeof QuestionnaireSchema>;
export type SectionDraft = QuestionnaireDraft["sections"][number];
export type QuestionDraft = SectionDraft["questions"][number];
export type QuestionKind = QuestionDraft["kind"];
export type TextValue = QuestionDraft["title"];
export type RatingDraft = Extract<QuestionDraft, { kind: "rating" }>;
export type ChoiceDraft = Extract<QuestionDraft, { kind: "single" | "multiple" }>;
export type ScaleOption = NonNullable<RatingDraft["scale"]>[number];
export type ChoiceOptionDraft = ChoiceDraft["options"][number];

export const QUESTION_KINDS: readonly QuestionKind[] = [
  "single",
  "multiple",
  "rating",
  "number",
  "text",
];
export const DEMOGRAPHIC_KEYS = ["community", "building", "age-band", "tenure"] as const;
export const PERSONAL_KEYS = ["name", "phone"] as const;

/** The usual five-point scale a rating question without its own uses; its first three count as satisfied. */
export const DEFAULT_SCALE: readonly ScaleOption[] = SHARED_SCALE;
export { DEFAULT_SATISFIED };

/** The survey's questionnaire: the server stores it validated (or as the last draft saved). */
export function questionnaireOf(survey: SurveyDetailT): QuestionnaireDraft {
  return survey.questionnaire as unknown as QuestionnaireDraft;
}

/** Text in the locale; Chinese where no English was written. */
export function textOf(text: TextValue | undefined, locale: Locale): string {
  if (text === undefined) return "";
  if (typeof text === "string") return text;
  return locale === "en-US" ? (text["en-US"] ?? text["zh-CN"]) : text["zh-CN"];
}

/** Text with one language changed; an empty English wording is left out (the schema wants none). */
export function withText(text: TextValue | undefined, locale: Locale, value: string): TextValue {
  const zh = locale === "zh-CN" ? value : typeof text === "string" ? text : (text?.["zh-CN"] ?? "");
  const en = locale === "en-US" ? value : typeof text === "string" ? undefined : text?.["en-US"];
  return en ? { "zh-CN": zh, "en-US": en } : { "zh-CN": zh };
}

export function questionsOf(q: QuestionnaireDraft): QuestionDraft[] {
  return q.sections.flatMap((s) => s.questions);
}

export function isChoice(q: QuestionDraft): q is ChoiceDraft | RatingDraft {
  return q.kind === "single" || q.kind === "multiple" || q.kind === "rating";
}

/** The options a choice or rating question offers, in order. */
export function optionsOf(q: ChoiceDraft | RatingDraft): { key: string; label: TextValue }[] {
  return q.kind === "rating" ? [...(q.scale ?? DEFAULT_SCALE)] : q.options;
}

/** A key like `q12` that no question (or section) uses yet. */
export function freshKey(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = used.size + 1; ; n++) {
    const key = `${prefix}${n}`;
    if (!used.has(key)) return key;
  }
}

/** A new question of a kind, keeping the common fields of the one it replaces. */
export function questionOfKind(kind: QuestionKind, from: QuestionDraft): QuestionDraft {
  const common = {
    key: from.key,
    title: from.title,
    ...(from.help ? { help: from.help } : {}),
    ...(from.required ? { required: true } : {}),
    ...(from.showIf ? { showIf: from.showIf } : {}),
    ...(from.demographic ? { demographic: from.demographic } : {}),
    ...(from.personal ? { personal: from.personal } : {}),
  };
  const options =
    "options" in from && from.options.length >= 2
      ? from.options
      : [
          { key: "a", label: { "zh-CN": "选项一", "en-US": "Option 1" } },
          { key: "b", label: { "zh-CN": "选项二", "en-US": "Option 2" } },
        ];
  switch (kind) {
    case "single":
      return { ...common, kind, options };
    case "multiple":
      return { ...common, kind, options };
    case "rating":
      return { ...common, kind };
    case "number":
      return { ...common, kind };
    case "text":
      return { ...common, kind, maxLength: 200 };
  }
}

/**
 * Question `at` takes a new key; the skip logic and the rate's questions follow it when the old key
 * was its alone (while a key is typed it may for a moment equal another one's).
 */
export function renameQuestion(
  q: QuestionnaireDraft,
  at: { section: number; question: number },
  to: string,
): QuestionnaireDraft {
  const from = q.sections[at.section]?.questions[at.question]?.key;
  if (from === undefined) return q;
  const alone = questionsOf(q).filter((x) => x.key === from).length === 1;
  const rename = (key: string) => (alone && key === from ? to : key);
  return {
    ...q,
    sections: q.sections.map((s, i) => ({
      ...s,
      questions: s.questions.map((x, j) => {
        const key = i === at.section && j === at.question ? to : x.key;
        if (!x.showIf) return { ...x, key };
        return { ...x, key, showIf: { ...x.showIf, question: rename(x.showIf.question) } };
      }),
    })),
    satisfaction: {
      ...q.satisfaction,
      questions: q.satisfaction.questions.map(rename),
      ...(q.satisfaction.overall ? { overall: rename(q.satisfaction.overall) } : {}),
    },
  };
}

/** Moves an item of a list one place up (-1) or down (+1). */
export function moved<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const next = [...list];
  const other = index + step;
  const a = next[index];
  const b = next[other];
  if (a === undefined || b === undefined) return next;
  next[index] = b;
  next[other] = a;
  return next;
}

/** One problem the server found, where it is and what it says (in the request's language). */
export interface PlacedIssue {
  path: string;
  parts: (string | number)[];
  code: string;
  message: string;
}

/** `sections[1].questions[0].showIf.question`, `answers["age-band"]` → its parts. */
export function pathParts(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  const pattern = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const m of path.matchAll(pattern)) {
    if (m[1] !== undefined) parts.push(m[1]);
    else if (m[2] !== undefined) parts.push(Number(m[2]));
    else if (m[3] !== undefined) parts.push(JSON.parse(m[3]) as string);
  }
  return parts;
}

/**
 * The problems of a refused questionnaire or answer: details.issues gives each one's place, the
 * message one line per issue (`  path: words`) in the same order.
 */
export function placedIssues(error: unknown): PlacedIssue[] {
  if (!(error instanceof ApiError) || typeof error.details !== "object" || !error.details)
    return [];
  const raw = (error.details as { issues?: unknown }).issues;
  if (!Array.isArray(raw)) return [];
  const lines = error.message.split("\n").slice(1);
  return raw.flatMap((item: unknown, index) => {
    if (typeof item !== "object" || item === null) return [];
    const { path, code } = item as { path?: unknown; code?: unknown };
    if (typeof path !== "string") return [];
    const line = lines.find((l) => l.includes(`${path}: `)) ?? lines[index] ?? "";
    const at = line.indexOf(`${path}: `);
    const message = at >= 0 ? line.slice(at + path.length + 2) : line.trim();
    return [{ path, parts: pathParts(path), code: String(code ?? ""), message }];
  });
}

/** The issues whose path starts with the given parts. */
export function issuesUnder(
  issues: readonly PlacedIssue[],
  ...prefix: (string | number)[]
): PlacedIssue[] {
  return issues.filter((i) => prefix.every((p, k) => i.parts[k] === p));
}

/** "0.6" → "60": a stored share (最低作答比例) as the percentage the settings form shows. */
export function shareToPercent(share: string): string {
  return new Decimal(share).times(100).toFixed();
}

/**
 * "60" → "0.6", "62.5" → "0.625": the percentage typed, as the decimal share stored (the server
 * takes at most 4 decimals: a finer percentage is rounded half up to 2 decimals of a percent).
 */
export function percentToShare(percent: string): string {
  return new Decimal(percent).div(100).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed();
}
