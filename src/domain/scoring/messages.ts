/** The words of every reason sentence, in Chinese and English; `{name}` is filled from the figures. */
import {
  type Bilingual,
  fill,
  type Locale,
  type TemplateParams,
  templateParts,
} from "../bilingual.ts";

export const REASON_MESSAGES = {
  ratio_facts: {
    "zh-CN": "{actualLabel}{actual}{unit}，{targetLabel}{target}{unit}，完成{ratio}%",
    "en-US": "{actualLabel} {actual}{unit}, {targetLabel} {target}{unit}, {ratio}% achieved",
  },
  ratio_share: {
    "zh-CN": "{actualLabel}{actual}{unit}，{targetLabel}{target}{unit}，为{targetLabel}的{ratio}%",
    "en-US":
      "{actualLabel} {actual}{unit}, {targetLabel} {target}{unit}, {ratio}% of {targetLabel}",
  },
  default_actual: { "zh-CN": "实际完成", "en-US": "actual" },
  default_target: { "zh-CN": "目标值", "en-US": "target" },
  target_met: { "zh-CN": "达到计划", "en-US": "target met" },
  below_target: {
    "zh-CN": "低于计划{gap}个百分点",
    "en-US": "{gap} percentage point(s) below target",
  },
  over_target: {
    "zh-CN": "超出{gap}个百分点",
    "en-US": "{gap} percentage point(s) over target",
  },
  within_target: { "zh-CN": "未超出目标", "en-US": "within target" },
  per_step_below: {
    "zh-CN": "每低{step}{gapUnit}扣{deduction}分",
    "en-US": "{deduction} point(s) off per {step}{gapUnit} short",
  },
  per_step_above: {
    "zh-CN": "每高{step}{gapUnit}扣{deduction}分",
    "en-US": "{deduction} point(s) off per {step}{gapUnit} over",
  },
  counted_steps: { "zh-CN": "{policy}计{steps}档", "en-US": "{steps} step(s), {policy}" },
  counted_continuous: { "zh-CN": "按比例连续计算", "en-US": "counted proportionally" },
  percentage_points: { "zh-CN": "个百分点", "en-US": " percentage point(s)" },
  band_within: { "zh-CN": "在{lower}%～{upper}%之间", "en-US": "within {lower}%–{upper}%" },
  band_at_least: { "zh-CN": "达到{lower}%", "en-US": "at least {lower}%" },
  band_below: {
    "zh-CN": "比{lower}%低{gap}个百分点，每个百分点扣分值的{penalty}%",
    "en-US": "{gap} percentage point(s) below {lower}%, {penalty}% of the points off per point",
  },
  band_above: {
    "zh-CN": "比{upper}%高{gap}个百分点，每个百分点扣分值的{penalty}%",
    "en-US": "{gap} percentage point(s) above {upper}%, {penalty}% of the points off per point",
  },
  value_facts: { "zh-CN": "{label}{value}{unit}", "en-US": "{label} {value}{unit}" },
  default_value: { "zh-CN": "实际值", "en-US": "value" },
  threshold_met: {
    "zh-CN": "达到{threshold}{unit}的标准",
    "en-US": "meets the {threshold}{unit} standard",
  },
  threshold_below: {
    "zh-CN": "低于{threshold}{unit}的标准{gap}{gapUnit}",
    "en-US": "{gap}{gapUnit} below the {threshold}{unit} standard",
  },
  threshold_within: {
    "zh-CN": "未超过{threshold}{unit}的上限",
    "en-US": "within the {threshold}{unit} limit",
  },
  threshold_above: {
    "zh-CN": "高于{threshold}{unit}的上限{gap}{gapUnit}",
    "en-US": "{gap}{gapUnit} above the {threshold}{unit} limit",
  },
  count_facts: { "zh-CN": "{label}{count}{unit}", "en-US": "{label}: {count}{unit}" },
  default_count: { "zh-CN": "计数", "en-US": "count" },
  per_unit: { "zh-CN": "每{unit}扣{deduction}分", "en-US": "{deduction} point(s) off per {unit}" },
  per_unit_plain: { "zh-CN": "每个扣{deduction}分", "en-US": "{deduction} point(s) off each" },
  free_units: { "zh-CN": "{free}{unit}以内不扣分", "en-US": "the first {free}{unit} free" },
  incidents_none: { "zh-CN": "未发现{label}", "en-US": "no {label} found" },
  incidents_some: {
    "zh-CN": "发现{label}{count}项，每项扣{deduction}分",
    "en-US": "{count} {label} found, {deduction} point(s) off each",
  },
  incidents_grave: {
    "zh-CN": "存在性质恶劣、有重大不良影响的{label}，一次性扣{deduction}分",
    "en-US": "a grave case of {label}: {deduction} point(s) deducted at once",
  },
  default_incident: { "zh-CN": "问题", "en-US": "incidents" },
  grade: {
    "zh-CN": "评定等级为“{grade}”{gradeEn}，得分值的{percent}%",
    "en-US": 'graded "{grade}"{gradeEn}, {percent}% of the points',
  },
  checklist_done: { "zh-CN": "已做到：{items}", "en-US": "done: {items}" },
  checklist_not_done: { "zh-CN": "未做到：{items}", "en-US": "not done: {items}" },
  checklist_item: { "zh-CN": "{label}（{points}分）", "en-US": "{label} ({points})" },
  proportional_rate: { "zh-CN": "{label}{rate}%", "en-US": "{label} {rate}%" },
  default_rate: { "zh-CN": "比率", "en-US": "rate" },
  proportional_capped: {
    "zh-CN": "完成率超过100%，按100%计",
    "en-US": "above 100%, counted as 100%",
  },
  proportional_product: {
    "zh-CN": "{points}分×{rate}%={raw}分",
    "en-US": "{points} × {rate}% = {raw}",
  },
  composite_part: { "zh-CN": "{name}：{reason}", "en-US": "{name}: {reason}" },
  composite_sum: { "zh-CN": "合计得{score}分", "en-US": "in all, score {score}" },
  composite_deduct: {
    "zh-CN": "满分{points}分，合计扣{deduction}分，得{score}分",
    "en-US": "{points} points less {deduction} deducted in all, score {score}",
  },
  expert: { "zh-CN": "评价人员评分：{reason}", "en-US": "evaluator's judgement: {reason}" },
  missing: {
    "zh-CN": "无法提供具体数值且无说明",
    "en-US": "no value provided and no explanation recorded",
  },
  missing_explained: {
    "zh-CN": "无法提供具体数值，说明：{explanation}；评价人员据此评分",
    "en-US": "no value provided; explanation: {explanation}; scored by the evaluator",
  },
  deducted: { "zh-CN": "扣{deduction}分", "en-US": "{deduction} point(s) deducted" },
  deducted_capped: {
    "zh-CN": "扣{deduction}分（最多扣{cap}分）",
    "en-US": "{deduction} point(s) deducted (at most {cap})",
  },
  no_deduction: { "zh-CN": "不扣分", "en-US": "nothing deducted" },
  rounded: { "zh-CN": "{raw}分{policy}", "en-US": "{raw} {policy}" },
  clamped_low: { "zh-CN": "最低为0分", "en-US": "no less than 0" },
  clamped_high: { "zh-CN": "不超过满分{points}分", "en-US": "no more than the {points} points" },
  score: { "zh-CN": "得{score}分", "en-US": "score {score}" },
  rollup_mean: {
    "zh-CN": "{count}个下级区域得分的简单平均：({terms}) ÷ {count} = {raw}",
    "en-US": "simple mean of {count} regions: ({terms}) ÷ {count} = {raw}",
  },
  rollup_weighted: {
    "zh-CN": "按{weight}加权平均：({terms}) ÷ {weights} = {raw}",
    "en-US": "mean weighted by {weight}: ({terms}) ÷ {weights} = {raw}",
  },
  rollup_own: { "zh-CN": "本级评价得分{score}分", "en-US": "own evaluation, score {score}" },
  weight_funds: { "zh-CN": "资金", "en-US": "funds" },
  weight_households: { "zh-CN": "户数", "en-US": "households" },
} as const satisfies Record<string, Bilingual>;

export type ReasonKey = keyof typeof REASON_MESSAGES;

/**
 * Fills a reason template; an unknown placeholder stays visible. Reasons are built for every
 * indicator of every county: fill() splits each template once, no regular expression per call.
 */
export function say(key: ReasonKey, locale: Locale, params: TemplateParams = {}): string {
  return fill(REASON_MESSAGES[key][locale], params);
}

/**
 * A template with some placeholders filled once: the rest are filled per call, the same text as
 * say() gives with all of them. For words that stay the same for every county, compiled once.
 */
export function bind(
  key: ReasonKey,
  locale: Locale,
  fixed: Record<string, string | number>,
): (params: Record<string, string | number>) => string {
  const parts = templateParts(REASON_MESSAGES[key][locale]);
  // Literal text and open placeholder names, alternating; fixed placeholders merged into the text.
  const texts: string[] = [parts[0] ?? ""];
  const names: string[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? "";
    const tail = parts[i + 1] ?? "";
    const value = fixed[name];
    if (value !== undefined) texts[texts.length - 1] += String(value) + tail;
    else {
      names.push(name);
      texts.push(tail);
    }
  }
  return (params) => {
    let out = texts[0] ?? "";
    for (let i = 0; i < names.length; i += 1) {
      const name = names[i] ?? "";
      const value = params[name];
      out += (value === undefined ? `{${name}}` : String(value)) + (texts[i + 1] ?? "");
    }
    return out;
  };
}
