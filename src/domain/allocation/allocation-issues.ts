/** A problem found in an allocation model or its data, and the one DomainError that lists them all. */
import { DomainError, errorMessage, type ListedCode, type Locale } from "../errors.ts";
import { formatPath, type IssuePath } from "../frameworks/index.ts";

/** Every `allocation.*` code of one problem: allocation.invalid lists them. */
export type AllocationIssueCode = Extract<ListedCode, `allocation.${string}`>;

export type AllocationIssueParams = Record<string, string | number>;

export interface AllocationIssue {
  /** Where in the model file: `factors[1].weight`, `data.regions["440500"].factors.area`. */
  path: IssuePath;
  code: AllocationIssueCode;
  params: AllocationIssueParams;
}

export function allocationIssue(
  path: IssuePath,
  code: AllocationIssueCode,
  params: AllocationIssueParams = {},
): AllocationIssue {
  return { path, code, params };
}

export function allocationIssueMessage(found: AllocationIssue, locale: Locale): string {
  // Words that differ by language travel as `x_zh` / `x_en` beside `x`; the message names `x` only.
  const suffix = locale === "zh-CN" ? "_zh" : "_en";
  const params: AllocationIssueParams = { ...found.params };
  for (const [key, value] of Object.entries(found.params)) {
    if (key.endsWith(suffix)) params[key.slice(0, -suffix.length)] = value;
  }
  return errorMessage(found.code, locale, params);
}

/** `file factors[1].weight: …`: the line a compiler would print. */
export function formatAllocationIssue(found: AllocationIssue, locale: Locale, file?: string) {
  const where = file ? `${file} ` : "";
  return `${where}${formatPath(found.path)}: ${allocationIssueMessage(found, locale)}`;
}

export class AllocationError extends DomainError {
  readonly issues: readonly AllocationIssue[];
  readonly file: string | undefined;

  constructor(issues: readonly AllocationIssue[], file?: string) {
    super(
      "allocation.invalid",
      { file: file ?? "-", count: issues.length },
      {
        file: file ?? null,
        issues: issues.map((i) => ({ path: formatPath(i.path), code: i.code, params: i.params })),
      },
    );
    this.name = "AllocationError";
    this.issues = issues;
    this.file = file;
    this.message = this.messageIn("en-US");
  }

  /** The header line, then one line per issue. */
  override messageIn(locale: Locale): string {
    const lines = this.issues.map((i) => `  ${formatAllocationIssue(i, locale, this.file)}`);
    return [super.messageIn(locale), ...lines].join("\n");
  }
}
