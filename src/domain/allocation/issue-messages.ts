/**
 * The words of each problem an allocation model can have: listed in the details of
 * allocation.invalid (see allocation-issues.ts), never thrown alone. errors.ts joins them to its catalogue.
 */
import type { Bilingual } from "../bilingual.ts";

export const ALLOCATION_ISSUE_MESSAGES = {
  // The shape problem's words come from the zod check in each language (allocationIssueMessage).
  "allocation.shape": { "zh-CN": "{problem}", "en-US": "{problem}" },
  "allocation.not_a_number": {
    "zh-CN": "“{value}”不是数字（请写作 18860 或 166.88，不带单位和千分位）",
    "en-US": '"{value}" is not a number (write 18860 or 166.88, no units or separators)',
  },
  "allocation.negative": { "zh-CN": "{value} 不能为负数", "en-US": "{value} must not be negative" },
  "allocation.no_regions": {
    "zh-CN": "地区列表为空，没有可分配的对象",
    "en-US": "the region list is empty: there is no one to allocate to",
  },
  "allocation.duplicate_region": {
    "zh-CN": "地区代码 {region} 重复（{regionName}）",
    "en-US": "the region code {region} is used twice ({regionName})",
  },
  "allocation.duplicate_factor": {
    "zh-CN": "因素代码 {factor} 重复",
    "en-US": "the factor key {factor} is used twice",
  },
  "allocation.duplicate_table": {
    "zh-CN": "系数表代码 {table} 重复",
    "en-US": "the coefficient table key {table} is used twice",
  },
  "allocation.duplicate_tier": {
    "zh-CN": "系数表 {table}「{tableName}」的档次“{label}”重复",
    "en-US": 'coefficient table {table} ({tableName}) lists the tier "{label}" twice',
  },
  "allocation.duplicate_band": {
    "zh-CN": "系数表 {table}「{tableName}」有两个分数段的下限都是 {min}",
    "en-US": "coefficient table {table} ({tableName}) has two score bands starting at {min}",
  },
  "allocation.rule_unknown_tier": {
    "zh-CN": "系数表 {table}「{tableName}」的规则引用了不存在的档次“{label}”（可选：{options}）",
    "en-US":
      'the rule of coefficient table {table} ({tableName}) names the tier "{label}", which it does not have ({options})',
  },
  "allocation.weights_sum": {
    "zh-CN": "各因素权重之和为 {sum}%，应为 100%",
    "en-US": "the factor weights add up to {sum}%, not 100%",
  },
  "allocation.held_back_exceeds": {
    "zh-CN": "预留资金合计 {heldBack} 超过资金总额 {total}",
    "en-US": "the amounts held back, {heldBack} in all, exceed the total {total}",
  },
  "allocation.not_multiple": {
    "zh-CN":
      "可分配资金 {distributable} 元不是取整单位{rounding}（{unit} 元）的整数倍，取整后无法合计相符",
    "en-US":
      "the distributable amount {distributable} yuan is not a multiple of the rounding unit {rounding} ({unit} yuan): rounded amounts could not add up to it",
  },
  "allocation.bound_not_multiple": {
    "zh-CN": "{where}{bound} {value} 元不是取整单位{rounding}（{unit} 元）的整数倍",
    "en-US":
      "the {bound}{where}, {value} yuan, is not a multiple of the rounding unit {rounding} ({unit} yuan)",
  },
  "allocation.unknown_bound_region": {
    "zh-CN": "{bound}中的地区代码 {region} 不在地区列表中",
    "en-US": "the {bound} name the region code {region}, which is not in the region list",
  },
  "allocation.floor_above_cap": {
    "zh-CN": "地区 {region}（{regionName}）的保底额 {floor} 元高于封顶额 {cap} 元",
    "en-US": "region {region} ({regionName}): the floor {floor} yuan is above the cap {cap} yuan",
  },
  "allocation.floors_exceed": {
    "zh-CN": "各地区保底额合计 {floors} 元超过可分配资金 {distributable} 元",
    "en-US": "the floors add up to {floors} yuan, more than the {distributable} yuan to distribute",
  },
  "allocation.caps_below": {
    "zh-CN": "各地区封顶额合计 {caps} 元低于可分配资金 {distributable} 元，资金分不完",
    "en-US":
      "the caps add up to {caps} yuan, less than the {distributable} yuan to distribute: some money could not be placed",
  },
  "allocation.unknown_region": {
    "zh-CN": "数据中的地区代码 {region} 不在模型的地区列表中",
    "en-US": "the data name the region code {region}, which the model does not list",
  },
  "allocation.unknown_factor": {
    "zh-CN": "地区 {region}（{regionName}）的数据中有模型没有的因素 {factor}",
    "en-US":
      "region {region} ({regionName}) has data for a factor {factor} the model does not have",
  },
  "allocation.unknown_table": {
    "zh-CN":
      "地区 {region}（{regionName}）为系数表 {table} 填了档次，但模型没有该表，或该表不按填报取档",
    "en-US":
      "region {region} ({regionName}) gives a tier for coefficient table {table}, which the model does not have or does not take as entered",
  },
  "allocation.missing_value": {
    "zh-CN": "地区 {region}（{regionName}）缺少因素「{factorName}」（{factor}）的值",
    "en-US": "region {region} ({regionName}) has no value for the factor {factor} ({factorName})",
  },
  "allocation.value_not_a_number": {
    "zh-CN": "地区 {region}（{regionName}）因素 {factor}「{factorName}」的值“{value}”不是数字",
    "en-US":
      'region {region} ({regionName}): the value "{value}" of the factor {factor} ({factorName}) is not a number',
  },
  "allocation.negative_value": {
    "zh-CN": "地区 {region}（{regionName}）因素 {factor}「{factorName}」的值 {value} 为负数",
    "en-US":
      "region {region} ({regionName}): the value {value} of the factor {factor} ({factorName}) is negative",
  },
  "allocation.missing_tier": {
    "zh-CN": "地区 {region}（{regionName}）未填写 {table}「{tableName}」的档次（可选：{options}）",
    "en-US":
      "region {region} ({regionName}) gives no tier of {table} ({tableName}); choose one of {options}",
  },
  "allocation.unknown_tier": {
    "zh-CN":
      "地区 {region}（{regionName}）的 {table}「{tableName}」档次“{label}”不存在（可选：{options}）",
    "en-US":
      'region {region} ({regionName}): {table} ({tableName}) has no tier "{label}"; choose one of {options}',
  },
  "allocation.score_not_a_number": {
    "zh-CN": "地区 {region}（{regionName}）的上年评价得分“{value}”不是数字",
    "en-US":
      'region {region} ({regionName}): last year’s evaluation score "{value}" is not a number',
  },
  "allocation.factor_sum_zero": {
    "zh-CN": "各地区「{factorName}」（{factor}）与综合系数乘积之和为 0，该因素无法分配（除数为 0）",
    "en-US":
      "the factor {factor} ({factorName}) times the composite coefficient adds up to 0 over all regions: its share cannot be divided (division by zero)",
  },
  "allocation.unplaceable": {
    "zh-CN":
      "保底和封顶后剩余 {amount} 元无法分配：剩余地区的各因素值均为 0，或保底额与封顶额无法同时满足",
    "en-US":
      "after floors and caps, {amount} yuan cannot be placed: the regions left have only zero factor values, or the floors and caps cannot all be met",
  },
  // The shape problem's words come from the zod check in each language (surveyIssueMessage).
} as const satisfies Record<string, Bilingual>;
