/** A scoring input once validated, by the zod path or the fast path: one entry per leaf indicator. */
import type { Decimal } from "../decimal.ts";
import type { ParsedFacts } from "./facts-schemas.ts";
import type { Text } from "./values.ts";

export type ValidatedEntry =
  | { kind: "facts"; facts: ParsedFacts; note?: Text }
  | { kind: "missing"; explanation?: Text; score?: Decimal; note?: Text };

export interface ValidatedInput {
  framework: string;
  subject?: Text;
  region?: string;
  period?: string;
  source?: Text;
  /** One entry per leaf indicator code. */
  entries: ReadonlyMap<string, ValidatedEntry>;
}
