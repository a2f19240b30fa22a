/** The shape of a scoring input file: for one framework, the facts (or their absence) of each indicator. */
import { z } from "zod";
import { Code, NonNegative, Slug, Text } from "./values.ts";

export const MissingValue = z
  .strictObject({
    explanation: Text.optional().meta({ description: "Why no value can be given (说明)." }),
    score: NonNegative.optional().meta({
      description: "The evaluator's score given the explanation; only with an explanation.",
    }),
  })
  .meta({
    description:
      "No value can be provided. Without an explanation the indicator scores 0 (无法提供具体数值且无说明); with one, the evaluator's score.",
  });

export const InputEntry = z
  .strictObject({
    facts: z.record(z.string(), z.unknown()).optional().meta({
      description: "The facts the indicator's rule needs; see docs/framework-format.md per rule.",
    }),
    missing: MissingValue.optional(),
    note: Text.optional().meta({
      description: "Where a figure comes from, or how it was inferred.",
    }),
  })
  .meta({ id: "InputEntry" });

export const ScoringInput = z
  .strictObject({
    $schema: z.string().optional(),
    framework: Slug.meta({ description: "Code of the framework this input is for." }),
    subject: Text.optional().meta({
      description: "What is evaluated: 驻马店市 2020 年老旧小区改造.",
    }),
    region: z.string().optional().meta({ description: "Region code, e.g. 411700." }),
    period: z.string().optional().meta({ description: "Period evaluated, e.g. 2020." }),
    source: Text.optional().meta({ description: "Where the figures come from." }),
    indicators: z.record(Code, InputEntry).meta({
      description: "Each leaf indicator's code with its entry.",
    }),
  })
  .meta({ id: "ScoringInput", title: "Jixiao scoring input" });

export type ScoringInput = z.output<typeof ScoringInput>;
export type InputEntry = z.output<typeof InputEntry>;
