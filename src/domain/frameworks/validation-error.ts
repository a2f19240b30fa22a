/** The DomainError for a framework or input that does not validate: every issue, each with its path. */
import { DomainError, type Locale } from "../errors.ts";
import { formatIssue, formatPath, type Issue } from "./issues.ts";

export type ValidatedKind = "framework" | "input";

export class ValidationError extends DomainError {
  readonly issues: readonly Issue[];
  readonly file: string | undefined;

  constructor(kind: ValidatedKind, issues: readonly Issue[], file?: string) {
    super(
      kind === "framework" ? "framework.invalid" : "input.invalid",
      { file: file ?? "-", count: issues.length },
      {
        file: file ?? null,
        issues: issues.map((i) => ({
          path: formatPath(i.path),
          ...(i.line ? { line: i.line } : {}),
          code: i.code,
          params: i.params,
        })),
      },
    );
    this.name = "ValidationError";
    this.issues = issues;
    this.file = file;
    this.message = this.messageIn("en-US");
  }

  /** The header line, then one line per issue: `file:line path: problem`. */
  override messageIn(locale: Locale): string {
    const lines = this.issues.map((i) => `  ${formatIssue(i, locale, this.file)}`);
    return [super.messageIn(locale), ...lines].join("\n");
  }
}
