/** Checklist: yes/no items, each worth its points when done. */
import { ZERO } from "../../decimal.ts";
import type { ChecklistFacts, ChecklistRule } from "../../frameworks/index.ts";
import { textIn } from "../../frameworks/index.ts";
import { say } from "../messages.ts";
import { fig, step, tf } from "../reason.ts";
import { finish } from "../settle.ts";
import type { RuleContext, RuleResult, TraceStep } from "../types.ts";

export function scoreChecklist(
  rule: ChecklistRule,
  facts: ChecklistFacts,
  ctx: RuleContext,
): RuleResult {
  const trace: TraceStep[] = [];
  const { locale } = ctx;
  const done = rule.items.filter((i) => facts.items[i.code] === true);
  const notDone = rule.items.filter((i) => facts.items[i.code] !== true);
  const raw = step(
    trace,
    "score = Σ points of items done",
    () => (done.length > 0 ? done.map((i) => tf(i.points)).join(" + ") : "0"),
    done.reduce((sum, i) => sum.plus(i.points), ZERO),
  );
  const list = (items: typeof rule.items) =>
    items
      .map((i) =>
        say("checklist_item", locale, { label: textIn(i.label, locale), points: fig(i.points) }),
      )
      .join(locale === "zh-CN" ? "、" : "; ");
  const clauses: string[] = [];
  if (done.length > 0) clauses.push(say("checklist_done", locale, { items: list(done) }));
  if (notDone.length > 0) clauses.push(say("checklist_not_done", locale, { items: list(notDone) }));
  return finish(ctx, raw, clauses, trace);
}
