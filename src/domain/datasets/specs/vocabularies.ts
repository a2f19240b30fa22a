/** The closed vocabularies of the data sets: what an enum cell may say, in Chinese, English and aliases. */
import type { EnumValue } from "../types.ts";

export const EVALUATION_TYPES: readonly EnumValue[] = [
  { code: "self", zh: "单位自评", en: "self-evaluation", aliases: ["自评", "绩效自评"] },
  { code: "department", zh: "部门评价", en: "department evaluation" },
  {
    code: "finance",
    zh: "财政评价",
    en: "finance evaluation",
    aliases: ["重点评价", "财政重点评价"],
  },
  { code: "third-party", zh: "第三方评价", en: "third-party evaluation" },
  {
    code: "tracking",
    zh: "全周期跟踪评价",
    en: "full-cycle tracking",
    aliases: ["跟踪问效", "跟踪评价"],
  },
];

export const FUND_SOURCES: readonly EnumValue[] = [
  {
    code: "central",
    zh: "中央补助",
    en: "central subsidy",
    aliases: ["中央", "中央资金", "中央财政补助"],
  },
  {
    code: "provincial",
    zh: "省级补助",
    en: "provincial subsidy",
    aliases: ["省级", "省补资金", "省级资金"],
  },
  {
    code: "municipal",
    zh: "市级补助",
    en: "municipal subsidy",
    aliases: ["市级", "市本级补助", "市本级补助资金"],
  },
  { code: "county", zh: "县级补助", en: "county subsidy", aliases: ["县级", "区县补助"] },
  {
    code: "superior",
    zh: "上级补助",
    en: "subsidy from above (levels not split)",
    aliases: ["中央和省级补助"],
  },
  { code: "local-match", zh: "地方配套", en: "local matching funds", aliases: ["配套资金"] },
  {
    code: "special-bond",
    zh: "专项债",
    en: "special-purpose bonds",
    aliases: ["地方政府专项债券", "专项债券"],
  },
  { code: "social", zh: "社会资本", en: "social capital", aliases: ["社会资金"] },
  { code: "residents", zh: "居民出资", en: "residents' contribution", aliases: ["居民自筹"] },
  { code: "original-owner", zh: "原产权单位出资", en: "original owner unit" },
  { code: "utilities", zh: "专业经营单位出资", en: "utility companies", aliases: ["管线单位出资"] },
];

export const TARGET_LEVEL1: readonly EnumValue[] = [
  { code: "output", zh: "产出指标", en: "output", aliases: ["产出"] },
  { code: "benefit", zh: "效益指标", en: "benefit", aliases: ["效益"] },
  { code: "satisfaction", zh: "满意度指标", en: "satisfaction", aliases: ["满意度"] },
];

/** Level-2 categories with the level-1 group each belongs to (the code's prefix). */
export const TARGET_LEVEL2: readonly EnumValue[] = [
  { code: "output.quantity", zh: "数量指标", en: "quantity" },
  { code: "output.quality", zh: "质量指标", en: "quality" },
  { code: "output.timeliness", zh: "时效指标", en: "timeliness" },
  { code: "output.cost", zh: "成本指标", en: "cost" },
  { code: "benefit.economic", zh: "经济效益指标", en: "economic benefit", aliases: ["经济效益"] },
  { code: "benefit.social", zh: "社会效益指标", en: "social benefit", aliases: ["社会效益"] },
  {
    code: "benefit.ecological",
    zh: "生态效益指标",
    en: "ecological benefit",
    aliases: ["生态效益"],
  },
  {
    code: "benefit.sustainable",
    zh: "可持续影响指标",
    en: "sustainable impact",
    aliases: ["可持续影响"],
  },
  {
    code: "satisfaction.service",
    zh: "服务对象满意度指标",
    en: "beneficiary satisfaction",
    aliases: ["满意度指标", "服务对象满意度"],
  },
];

export const COMPARISONS: readonly EnumValue[] = [
  { code: "gte", zh: "≥", en: "at least", aliases: [">=", "≧", "不低于", "不少于"] },
  { code: "lte", zh: "≤", en: "at most", aliases: ["<=", "≦", "不高于", "不超过"] },
  { code: "eq", zh: "=", en: "equal to", aliases: ["＝", "等于"] },
  { code: "yes-no", zh: "是/否", en: "yes or no", aliases: ["是否"] },
  { code: "qualitative", zh: "定性", en: "qualitative", aliases: ["好/较好/一般/较差/差"] },
];

/** The grades of 财预〔2020〕10号 (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60), as reports print them. */
export const GRADES: readonly EnumValue[] = [
  { code: "优", zh: "优", en: "excellent", aliases: ["优秀"] },
  { code: "良", zh: "良", en: "good", aliases: ["良好"] },
  { code: "中", zh: "中", en: "fair", aliases: ["中等", "合格"] },
  { code: "差", zh: "差", en: "poor", aliases: ["较差", "不合格"] },
];

export const STAGES: readonly EnumValue[] = [
  { code: "started", zh: "开工", en: "started", aliases: ["新开工"] },
  { code: "completed", zh: "竣工", en: "completed", aliases: ["完工"] },
];

export const CONTENT_CLASSES: readonly EnumValue[] = [
  { code: "basic", zh: "基础类", en: "basic" },
  { code: "improvement", zh: "完善类", en: "improvement" },
  { code: "upgrade", zh: "提升类", en: "upgrade" },
];

export const PROJECT_STATUSES: readonly EnumValue[] = [
  { code: "planned", zh: "未开工", en: "not started", aliases: ["计划", "待开工"] },
  { code: "in-progress", zh: "在建", en: "under construction", aliases: ["施工中", "已开工"] },
  { code: "completed", zh: "已竣工", en: "completed", aliases: ["完工", "竣工"] },
  { code: "accepted", zh: "已验收", en: "accepted", aliases: ["竣工验收"] },
  { code: "settled", zh: "已结算", en: "settled" },
  { code: "audited", zh: "已决算", en: "final accounts audited", aliases: ["已审计"] },
];
