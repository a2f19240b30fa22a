/** Walks a framework's indicator tree in reading order, with each indicator's level, parent and path. */
import type { Framework, Indicator } from "./framework-schema.ts";
import type { IssuePath } from "./issues.ts";

export interface IndicatorNode {
  indicator: Indicator;
  /** 1 for 一级指标. */
  level: number;
  parent: Indicator | null;
  /** Where it sits in the file: ["indicators", 0, "children", 2]. */
  path: IssuePath;
}

export function* walkIndicators(
  framework: Pick<Framework, "indicators">,
): Generator<IndicatorNode> {
  function* walk(
    list: readonly Indicator[],
    level: number,
    parent: Indicator | null,
    base: IssuePath,
  ): Generator<IndicatorNode> {
    for (const [index, indicator] of list.entries()) {
      const path = [...base, index];
      yield { indicator, level, parent, path };
      if (indicator.children)
        yield* walk(indicator.children, level + 1, indicator, [...path, "children"]);
    }
  }
  yield* walk(framework.indicators, 1, null, ["indicators"]);
}

/** Indicators without children: the ones an input gives facts for. */
export function leafIndicators(framework: Pick<Framework, "indicators">): IndicatorNode[] {
  return [...walkIndicators(framework)].filter((n) => !n.indicator.children);
}
