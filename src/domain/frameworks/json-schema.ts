/** JSON Schemas of framework and input files, generated from the same zod schemas that validate them. */
import { z } from "zod";
import { Framework } from "./framework-schema.ts";
import { ScoringInput } from "./input-schema.ts";

/** What a file may contain (io: input), so decimals may be numbers or strings and defaults optional. */
export function frameworkJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Framework, { io: "input", target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
}

export function inputJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScoringInput, { io: "input", target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
}
