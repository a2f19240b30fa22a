/** A problem found in a questionnaire or an answer, and the DomainError that lists them all. */
import type { z } from "zod";
import { DomainError, errorMessage, type ListedCode, type Locale } from "../errors.ts";
import { formatPath, fromZodIssues, type IssuePath, issueMessage } from "../frameworks/index.ts";

/** Every `survey.*` code a single problem may carry. */
export type SurveyIssueCode = Extract<ListedCode, `survey.${string}`>;

export type SurveyIssueParams = Record<string, string | number>;

export interface SurveyIssue {
  /** Where: `sections[1].questions[0].showIf.question`, `answers.overall`. */
  path: IssuePath;
  code: SurveyIssueCode;
  params: SurveyIssueParams;
}

export function surveyIssue(
  path: IssuePath,
  code: SurveyIssueCode,
  params: SurveyIssueParams = {},
): SurveyIssue {
  return { path, code, params };
}

export function surveyIssueMessage(found: SurveyIssue, locale: Locale): string {
  // Words that differ by language travel as `x_zh` / `x_en` beside `x`; the message names `x` only.
  const suffix = locale === "zh-CN" ? "_zh" : "_en";
  const params: SurveyIssueParams = { ...found.params };
  for (const [key, value] of Object.entries(found.params)) {
    if (key.endsWith(suffix)) params[key.slice(0, -suffix.length)] = value;
  }
  return errorMessage(found.code, locale, params);
}

/** `sections[0].questions[2].key: …`: the line a compiler would print. */
export function formatSurveyIssue(found: SurveyIssue, locale: Locale, file?: string): string {
  const where = file ? `${file} ` : "";
  return `${where}${formatPath(found.path)}: ${surveyIssueMessage(found, locale)}`;
}

/** Zod's problems with a shape, worded in both languages. */
export function shapeIssues(
  raw: readonly z.core.$ZodIssue[],
  code: "survey.shape" | "survey.answer_shape",
): SurveyIssue[] {
  return fromZodIssues(raw).map((found) =>
    surveyIssue(found.path, code, {
      problem: issueMessage(found, "en-US"),
      problem_zh: issueMessage(found, "zh-CN"),
    }),
  );
}

/** A questionnaire (`survey.invalid`) or an answer (`survey.answer_invalid`) refused, with every problem. */
export class SurveyError extends DomainError {
  readonly issues: readonly SurveyIssue[];
  readonly file: string | undefined;

  constructor(
    code: "survey.invalid" | "survey.answer_invalid",
    issues: readonly SurveyIssue[],
    file?: string,
  ) {
    super(
      code,
      // "问卷 q.json 有 2 处错误" for a file; "问卷有 2 处错误" for one edited in the page.
      { file_zh: file ? ` ${file} ` : "", file_en: file ? ` ${file}` : "", count: issues.length },
      {
        file: file ?? null,
        issues: issues.map((i) => ({ path: formatPath(i.path), code: i.code, params: i.params })),
      },
    );
    this.name = "SurveyError";
    this.issues = issues;
    this.file = file;
    this.message = this.messageIn("en-US");
  }

  /** The header line, then one line per issue. */
  override messageIn(locale: Locale): string {
    const lines = this.issues.map((i) => `  ${formatSurveyIssue(i, locale, this.file)}`);
    return [super.messageIn(locale), ...lines].join("\n");
  }
}
