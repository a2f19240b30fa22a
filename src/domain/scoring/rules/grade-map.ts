/** Grade map: a qualitative grade (好/较好/一般/较差/差) gives its share of the points. */
import { HUNDRED } from "../../decimal.ts";
import type { GradeFacts, GradeMapRule } from "../../frameworks/index.ts";
import { issue, ValidationError } from "../../frameworks/index.ts";
import { say } from "../messages.ts";
import { fig, step, tf } from "../reason.ts";
import { finish } from "../settle.ts";
import type { RuleContext, RuleResult, TraceStep } from "../types.ts";

export function scoreGradeMap(rule: GradeMapRule, facts: GradeFacts, ctx: RuleContext): RuleResult {
  const trace: TraceStep[] = [];
  const grade = rule.grades.find((g) => g.label === facts.grade);
  if (!grade) {
    throw new ValidationError("input", [
      issue(["grade"], "unknown_grade", {
        value: facts.grade,
        options: rule.grades.map((g) => g.label).join("、"),
      }),
    ]);
  }
  const raw = step(
    trace,
    "score = points × ratio",
    () => `${tf(ctx.points)} × ${tf(grade.ratio)}`,
    ctx.points.times(grade.ratio),
  );
  const gradeEn = ctx.locale === "en-US" && grade.en ? ` (${grade.en})` : "";
  const clauses = [
    say("grade", ctx.locale, {
      grade: grade.label,
      gradeEn,
      percent: fig(grade.ratio.times(HUNDRED), 2),
    }),
  ];
  return finish(ctx, raw, clauses, trace);
}
