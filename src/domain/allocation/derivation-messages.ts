/** The words of an allocation's derivation and flags, in Chinese and English; `{name}` is filled from the figures. */
import { type Bilingual, fill, type Locale, type TemplateParams } from "../bilingual.ts";

export const DERIVATION_MESSAGES = {
  pool_distributable: { "zh-CN": "可分配资金{pool}元", "en-US": "distributable {pool} yuan" },
  pool_remainder: {
    "zh-CN": "第{round}轮测算：扣除保底、封顶地区后的剩余资金{pool}元",
    "en-US": "round {round}: {pool} yuan left after the floors and caps",
  },
  factor_part: {
    "zh-CN": "{factor}因素：{value}{unit}{timesComposite}÷{sum}×{weight}%×{pool}元={share}元",
    "en-US":
      "{factor}: {value}{unit}{timesComposite} ÷ {sum} × {weight}% × {pool} yuan = {share} yuan",
  },
  weight_rescaled: {
    "zh-CN": "（权重{declared}%按仍参与分配的因素折算）",
    "en-US": " (weight {declared}% rescaled over the factors still in play)",
  },
  composite: {
    "zh-CN": "综合补助系数{product}={composite}（{parts}）",
    "en-US": "composite coefficient {product} = {composite} ({parts})",
  },
  tier_entered: { "zh-CN": "{table}「{label}」{value}", "en-US": "{table} tier {label}: {value}" },
  tier_grade: {
    "zh-CN": "{table}按上年评价等级{grade}取「{label}」{value}",
    "en-US": "{table} tier {label} from last year's grade {grade}: {value}",
  },
  tier_score: {
    "zh-CN": "{table}按上年评价得分{score}取「{label}」{value}",
    "en-US": "{table} tier {label} from last year's score {score}: {value}",
  },
  "tier_no-grade": {
    "zh-CN": "{table}无上年评价等级，按默认档「{label}」{value}（待核实）",
    "en-US": "{table}: no grade from last year, default tier {label}: {value} (to check)",
  },
  "tier_no-score": {
    "zh-CN": "{table}无上年评价得分，按默认档「{label}」{value}（待核实）",
    "en-US": "{table}: no score from last year, default tier {label}: {value} (to check)",
  },
  "tier_below-bands": {
    "zh-CN": "{table}上年评价得分{score}低于各分数段，按默认档「{label}」{value}（待核实）",
    "en-US":
      "{table}: last year's score {score} is below every band, default tier {label}: {value} (to check)",
  },
  bound_cap: {
    "zh-CN": "公式测算{formula}元，高于封顶额，按封顶额{bound}元核定，各因素按比例折算",
    "en-US":
      "the formula gives {formula} yuan, above the cap: set at the cap, {bound} yuan, each factor's part scaled to it",
  },
  bound_floor: {
    "zh-CN": "公式测算{formula}元，低于保底额，按保底额{bound}元核定，各因素按比例折算",
    "en-US":
      "the formula gives {formula} yuan, below the floor: set at the floor, {bound} yuan, each factor's part scaled to it",
  },
  raw: { "zh-CN": "测算数{raw}元", "en-US": "computed {raw} yuan" },
  rounding: {
    "zh-CN": "按{unit}取整（最大余额法）为{amount}元，调整{adjustment}元",
    "en-US":
      "rounded to the {unit} by largest remainder: {amount} yuan, adjustment {adjustment} yuan",
  },
  "flag_no-grade": {
    "zh-CN": "{region}（{regionName}）无上年评价等级，「{table}」按默认档「{label}」计，请核实",
    "en-US":
      "{region} ({regionName}) has no grade from last year: {table} takes the default tier {label}; check it",
  },
  "flag_no-score": {
    "zh-CN": "{region}（{regionName}）无上年评价得分，「{table}」按默认档「{label}」计，请核实",
    "en-US":
      "{region} ({regionName}) has no score from last year: {table} takes the default tier {label}; check it",
  },
  "flag_below-bands": {
    "zh-CN":
      "{region}（{regionName}）上年评价得分{score}低于「{table}」的各分数段，按默认档「{label}」计，请核实",
    "en-US":
      "{region} ({regionName}): last year's score {score} is below every band of {table}, default tier {label}; check it",
  },
} as const satisfies Record<string, Bilingual>;

export type DerivationKey = keyof typeof DERIVATION_MESSAGES;

/** Fills a template; a derivation is written for every region, so fill() splits each template once. */
export function words(key: DerivationKey, locale: Locale, params: TemplateParams = {}): string {
  return fill(DERIVATION_MESSAGES[key][locale], params);
}
