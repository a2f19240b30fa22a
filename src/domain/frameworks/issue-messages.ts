/** What a problem in a framework or input file is, in Chinese and English: one entry per issue code. */
import type { Bilingual } from "../bilingual.ts";

export const ISSUE_MESSAGES = {
  required: { "zh-CN": "缺少必填项", "en-US": "is required" },
  wrong_type: { "zh-CN": "应为{expected_zh}", "en-US": "must be {expected}" },
  not_a_number: {
    "zh-CN": "“{value}”不是数字（请写作 62395 或 341.4058，不带单位和千分位）",
    "en-US": '"{value}" is not a number (write 62395 or 341.4058, no units or separators)',
  },
  not_integer: { "zh-CN": "{value} 应为整数", "en-US": "{value} must be a whole number" },
  min_inclusive: {
    "zh-CN": "{value} 不能小于 {minimum}",
    "en-US": "{value} must be at least {minimum}",
  },
  min_exclusive: {
    "zh-CN": "{value} 须大于 {minimum}",
    "en-US": "{value} must be greater than {minimum}",
  },
  max_inclusive: {
    "zh-CN": "{value} 不能大于 {maximum}",
    "en-US": "{value} must be at most {maximum}",
  },
  min_items: { "zh-CN": "至少需要 {minimum} 项", "en-US": "needs at least {minimum} item(s)" },
  text_too_short: { "zh-CN": "不能为空", "en-US": "must not be empty" },
  unknown_key: {
    "zh-CN": "不认识的字段“{key}”（拼写错误？）",
    "en-US": 'unknown field "{key}" (a typo?)',
  },
  unknown_option: {
    "zh-CN": "“{value}”不是可选值（可选：{options}）",
    "en-US": '"{value}" is not one of: {options}',
  },
  unknown_rule: {
    "zh-CN": "未知的评分规则类型“{value}”（可用：{options}）",
    "en-US": 'unknown rule type "{value}" (known: {options})',
  },
  bad_code: {
    "zh-CN": "代码只能由字母、数字和 . - _ 组成（最多 40 个字符）",
    "en-US": "a code is letters, digits, '.', '-' and '_' (at most 40)",
  },
  bad_slug: {
    "zh-CN": "指标体系代码只能由小写字母、数字和 - 组成",
    "en-US": "a framework code is lower-case letters, digits and '-'",
  },
  key_not_text: {
    "zh-CN": "键 {key} 被读成了数字，会丢失写法（如 1.10 变成 1.1）：请加引号",
    "en-US":
      "the key {key} is read as a number and loses its spelling (1.10 becomes 1.1): quote it",
  },
  invalid: { "zh-CN": "不合法：{message}", "en-US": "invalid: {message}" },
  // Framework files.
  points_mismatch: {
    "zh-CN": "分值 {points} 不等于下级指标分值之和 {sum}（确需不同时请写 aggregate: scaled）",
    "en-US":
      "points {points} differ from the sum of the children's points {sum} (write aggregate: scaled if meant)",
  },
  total_mismatch: {
    "zh-CN": "总分 {points} 不等于一级指标分值之和 {sum}",
    "en-US": "total points {points} differ from the sum of the level-1 points {sum}",
  },
  too_deep: {
    "zh-CN": "指标层级超过 {max} 级",
    "en-US": "indicators nest deeper than {max} levels",
  },
  duplicate_code: { "zh-CN": "代码“{code}”重复", "en-US": 'the code "{code}" is used twice' },
  duplicate_label: {
    "zh-CN": "名称“{label}”重复",
    "en-US": 'the label "{label}" is used twice',
  },
  leaf_without_rule: {
    "zh-CN": "末级指标须有评分规则 rule",
    "en-US": "an indicator without children needs a rule",
  },
  group_with_rule: {
    "zh-CN": "有下级指标的指标由下级得分汇总，不能再有 rule",
    "en-US": "an indicator with children is the sum of them and cannot have a rule",
  },
  aggregate_on_leaf: {
    "zh-CN": "aggregate 只用于有下级指标的指标",
    "en-US": "aggregate applies only to an indicator with children",
  },
  items_points: {
    "zh-CN": "各项分值之和 {sum} 不等于分值 {points}",
    "en-US": "the items' points add up to {sum}, not {points}",
  },
  parts_points: {
    "zh-CN": "各部分分值之和 {sum} 不等于分值 {points}",
    "en-US": "the parts' points add up to {sum}, not {points}",
  },
  part_above_points: {
    "zh-CN": "部分分值 {part} 超过指标分值 {points}",
    "en-US": "a part's points {part} exceed the indicator's {points}",
  },
  cap_above_points: {
    "zh-CN": "最多扣分 {cap} 超过分值 {points}",
    "en-US": "the deduction cap {cap} exceeds the points {points}",
  },
  upper_below_lower: {
    "zh-CN": "满分区间上限 {upper}% 低于下限 {lower}%",
    "en-US": "the full-marks band's upper end {upper}% is below its lower end {lower}%",
  },
  above_penalty_needs_upper: {
    "zh-CN": "abovePenalty 与 upper 须同时给出",
    "en-US": "abovePenalty and upper go together",
  },
  grades_order: {
    "zh-CN": "等级须按下限从高到低排列，且下限各不相同",
    "en-US": "grades must be listed from the highest lower bound down, each bound different",
  },
  grades_floor: {
    "zh-CN": "最低等级的下限须为 0，否则有的得分没有等级",
    "en-US": "the lowest grade must start at 0, or some totals would have no grade",
  },
  // Input files.
  framework_mismatch: {
    "zh-CN": "数据文件针对指标体系 {got}，而评分使用的是 {expected}",
    "en-US": "the input is for framework {got}, but the framework used is {expected}",
  },
  unknown_indicator: {
    "zh-CN": "指标体系中没有指标“{code}”",
    "en-US": 'the framework has no indicator "{code}"',
  },
  not_a_leaf: {
    "zh-CN": "指标“{code}”有下级指标，其得分由下级汇总，不能直接录入",
    "en-US": 'indicator "{code}" has children; its score is their sum and cannot be entered',
  },
  missing_indicator: {
    "zh-CN": "缺少指标“{code}”（{name}）的数据：请录入 facts，或以 missing 标明无法提供",
    "en-US": 'no data for indicator "{code}" ({name}): give its facts, or mark it missing',
  },
  facts_or_missing: {
    "zh-CN": "须有 facts 或 missing 之一，且只能有其一",
    "en-US": "needs either facts or missing, not both",
  },
  target_not_positive: {
    "zh-CN": "目标值 {value} 须大于 0（完成率以它为除数）",
    "en-US": "the target {value} must be above 0 (the completion rate divides by it)",
  },
  value_above_max: {
    "zh-CN": "{value} 超过 {maximum}，这个比率不可能超过 {maximum}",
    "en-US": "{value} exceeds {maximum}, which this rate cannot exceed",
  },
  rate_above_100: {
    "zh-CN": "比率 {value}% 超过 100%，按比例计分时不可能",
    "en-US": "a rate of {value}% is above 100%, impossible for a proportional score",
  },
  rate_or_ratio: {
    "zh-CN": "须给出 rate，或同时给出 actual 和 target（二者择一）",
    "en-US": "give rate, or both actual and target (one of the two)",
  },
  unknown_grade: {
    "zh-CN": "等级“{value}”不在规则的等级中（可选：{options}）",
    "en-US": 'the grade "{value}" is not one of the rule\'s grades: {options}',
  },
  item_missing: {
    "zh-CN": "缺少检查项“{item}”的是/否（true/false）",
    "en-US": 'no yes/no (true/false) for the item "{item}"',
  },
  score_above_points: {
    "zh-CN": "评分 {score} 超出该指标的分值范围 [0, {points}]",
    "en-US": "the score {score} is outside this indicator's range [0, {points}]",
  },
  too_many_decimals: {
    "zh-CN": "{value} 的小数位多于指标体系规定的 {places} 位",
    "en-US": "{value} has more decimals than the framework's {places}",
  },
  reason_required: {
    "zh-CN": "专家评分须写明评分理由 reason",
    "en-US": "an expert score needs its reason",
  },
  missing_score_needs_explanation: {
    "zh-CN": "无法提供数值时，评价人员的评分须附说明 explanation",
    "en-US": "an evaluator's score for a missing value needs the explanation",
  },
  explanation_needs_score: {
    "zh-CN": "已录入说明，须同时给出评价人员据此评定的分数 score",
    "en-US": "an explanation needs the score the evaluator gives with it",
  },
  grave_not_allowed: {
    "zh-CN": "该规则没有“性质恶劣”一次性扣分条款，不能录入 grave",
    "en-US": "this rule has no clause for a grave case: grave cannot be set",
  },
  // Roll-up across regions.
  region_without_score: {
    "zh-CN": "区域 {code}（{name}）没有评价得分，无法汇总",
    "en-US": "region {code} ({name}) has no evaluation score to roll up",
  },
  weight_missing: {
    "zh-CN": "区域 {code}（{name}）缺少加权所需的 {weight}",
    "en-US": "region {code} ({name}) lacks the {weight} the weighted mean needs",
  },
  weights_zero: {
    "zh-CN": "区域 {code}（{name}）的下级权重之和为 0，无法加权平均",
    "en-US": "the weights under region {code} ({name}) add up to 0: no weighted mean",
  },
} as const satisfies Record<string, Bilingual>;

export type IssueCode = keyof typeof ISSUE_MESSAGES;

/** Words for zod's type names, as they appear in wrong_type. */
export const TYPE_WORDS: Record<string, Bilingual> = {
  number: { "zh-CN": "数字", "en-US": "a number" },
  string: { "zh-CN": "文本", "en-US": "text" },
  boolean: { "zh-CN": "是/否（true 或 false）", "en-US": "true or false" },
  object: { "zh-CN": "键值表（对象）", "en-US": "a map (object)" },
  array: { "zh-CN": "列表", "en-US": "a list" },
  record: { "zh-CN": "键值表（对象）", "en-US": "a map (object)" },
};
