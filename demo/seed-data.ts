/**
 * The figures of the four seed reports (../shared/seeds), typed once as rows of Jixiao's data sets.
 * `npm run demo:build` writes them into demo/<set>/<data set>.xlsx with Jixiao's own layout, and
 * seed-demo loads those .xlsx files through the real importer. Values are as the reports print
 * them, inconsistencies included: finding those is the checker's job, not the importer's.
 */
import type { DataFileRow } from "../src/xlsx/index.ts";

export interface DemoFile {
  dataset: string;
  rows: DataFileRow[];
}

export interface DemoSet {
  /** Folder under demo/. */
  dir: string;
  /** Region of the imports: the reporting region. */
  regionCode: string;
  regionName: string;
  year: number;
  /** In import order: programmes first, the data sets that name them after. */
  files: DemoFile[];
}

const row = (regionName: string, values: Record<string, string | null>): DataFileRow => ({
  regionName,
  values,
});

/** One row of a published indicator score table (评分表): a group subtotal when only level1 is given. */
const score = (
  regionName: string,
  programme: string,
  level1: string,
  level2: string | null,
  indicator: string | null,
  points: string | null,
  scoreValue: string | null,
  reason: string | null = null,
) => row(regionName, { programme, level1, level2, indicator, points, score: scoreValue, reason });

// Hangzhou 2020 third-party evaluation (hangzhou-2020-evaluation.txt).
const HZ_PROGRAMME = "杭州市2020年老旧小区综合改造提升财政资金";
const hangzhou: DemoSet = {
  dir: "hangzhou-2020",
  regionCode: "330100",
  regionName: "杭州市",
  year: 2020,
  files: [
    {
      dataset: "programmes",
      rows: [
        row("杭州市", {
          name: HZ_PROGRAMME,
          department: "杭州市城乡建设委员会",
          evaluationType: "third-party",
          framework: "hangzhou-2020",
          publishedScore: "90.7",
          publishedGrade: "优",
          overallGoal:
            "推动老旧小区功能完善、空间挖潜和服务提升，努力打造“有完善设施、有整洁环境、有配套服务、有长效管理、有特色文化、有和谐关系”宜居小区。",
          annualGoal:
            "2020年杭州市本级老旧小区改造项目计划：（1）计划开工：小区394个、5063幢、203658套、1660.74万平方米；（2）计划竣工：小区342个、4472幢、163320套、1287.53万平方米。",
          summary:
            "对列入2019年杭州市老旧小区综合改造提升试点项目清单及2020年-2022年老旧小区综合改造提升年度计划的项目进行补助，按项目改造面积和对应的补助比例对区、县（市）政府实施的老旧小区改造项目给与市级财政资金补助。",
        }),
      ],
    },
    {
      dataset: "funds",
      rows: [
        row("杭州市", { programme: HZ_PROGRAMME, source: "central", amount: "72272.36" }),
        row("杭州市", { programme: HZ_PROGRAMME, source: "provincial", amount: "3322.99" }),
        row("杭州市", { programme: HZ_PROGRAMME, source: "municipal", amount: "57942.00" }),
      ],
    },
    {
      dataset: "plan-actual",
      rows: [
        row("杭州市", {
          stage: "started",
          planCommunities: "394",
          planBuildings: "5063",
          planHouseholds: "203658",
          planArea: "1660.74",
          actualCommunities: "410",
          actualBuildings: "5320",
          actualHouseholds: "211954",
          actualArea: "1750.51",
          asOf: "2020-12-31",
        }),
        row("杭州市", {
          stage: "completed",
          planCommunities: "342",
          planBuildings: "4472",
          planHouseholds: "163320",
          planArea: "1287.53",
          actualCommunities: "388",
          actualBuildings: "5164",
          actualHouseholds: "185642",
          actualArea: "1526.89",
          asOf: "2020-12-31",
        }),
      ],
    },
    {
      dataset: "satisfaction",
      rows: [
        row("杭州市", {
          validResponses: "458",
          rate: "82.75",
          method: "微信公开征集、现场调查（原上城区等老旧小区随机问卷）",
        }),
      ],
    },
    {
      // 附件 2020年度杭州市老旧小区改造绩效评价评分表: group rows carry the points of their heading
      // ("决策（15分）"); the table prints no group scores. 「資金」 is printed in traditional script.
      dataset: "scores",
      rows: [
        score("杭州市", HZ_PROGRAMME, "决策", null, null, "15", null),
        score(
          "杭州市",
          HZ_PROGRAMME,
          "决策",
          "项目列入老旧小区改造计划",
          "立项依据充分性",
          "3",
          "3",
        ),
        score(
          "杭州市",
          HZ_PROGRAMME,
          "决策",
          "项目列入老旧小区改造计划",
          "立项程序规范性",
          "3",
          "2.9",
        ),
        score("杭州市", HZ_PROGRAMME, "决策", "绩效目标", "绩效目标合理性", "2", "2"),
        score("杭州市", HZ_PROGRAMME, "决策", "绩效目标", "绩效指标明确性", "2", "1"),
        score("杭州市", HZ_PROGRAMME, "决策", "资金投入", "预算编制科学性", "3", "2.5"),
        score("杭州市", HZ_PROGRAMME, "决策", "资金投入", "资金分配合理性", "2", "2"),
        score("杭州市", HZ_PROGRAMME, "过程", null, null, "30", null),
        score("杭州市", HZ_PROGRAMME, "过程", "资金管理", "资金到位率", "2", "1.9"),
        score("杭州市", HZ_PROGRAMME, "过程", "资金管理", "预算执行率", "2", "1.1"),
        score("杭州市", HZ_PROGRAMME, "过程", "资金管理", "資金使用合规性", "6", "5.8"),
        score("杭州市", HZ_PROGRAMME, "过程", "业务管理", "管理制度健全性", "2", "2"),
        score("杭州市", HZ_PROGRAMME, "过程", "业务管理", "业务管理有效性", "18", "14.6"),
        score("杭州市", HZ_PROGRAMME, "产出", null, null, "10", null),
        score("杭州市", HZ_PROGRAMME, "产出", "产出数量", "计划完成率", "2", "1.9"),
        score("杭州市", HZ_PROGRAMME, "产出", "产出质量", "验收合格率", "3", "3"),
        score("杭州市", HZ_PROGRAMME, "产出", "产出时效", "完成及时性", "2", "1.9"),
        score("杭州市", HZ_PROGRAMME, "产出", "产出成效", "设计方案与实际完成情况", "3", "3"),
        score("杭州市", HZ_PROGRAMME, "效果", null, null, "45", null),
        score("杭州市", HZ_PROGRAMME, "效果", "社会效益", "小区环境整洁、品质提升", "8", "6.9"),
        score("杭州市", HZ_PROGRAMME, "效果", "社会效益", "宣传报道", "5", "5"),
        score("杭州市", HZ_PROGRAMME, "效果", "社会效益", "负面影响", "3", "2.9"),
        score(
          "杭州市",
          HZ_PROGRAMME,
          "效果",
          "可持续影响",
          "制订行动实施方案及两年以上行动计划",
          "7",
          "7",
        ),
        score(
          "杭州市",
          HZ_PROGRAMME,
          "效果",
          "可持续影响",
          "建立多部门联合工作机制，推进老旧小区改造工作",
          "6",
          "6",
        ),
        score("杭州市", HZ_PROGRAMME, "效果", "可持续影响", "引进物业管理", "8", "7.7"),
        score("杭州市", HZ_PROGRAMME, "效果", "满意度", "受益居民群众满意度", "8", "6.6"),
      ],
    },
  ],
};

// Suzhou 2020 self-evaluation form (suzhou-2020-self-evaluation.txt).
const SZ_PROGRAMME = "全国城镇老旧小区改造试点城市项目";
const target = (
  regionName: string,
  programme: string,
  level1: string,
  level2: string,
  indicator: string,
  comparison: string,
  targetValue: string,
  unit: string | null,
  actual: string | null,
) =>
  row(regionName, {
    programme,
    level1,
    level2,
    indicator,
    comparison,
    target: targetValue,
    unit,
    actual,
  });

const suzhou: DemoSet = {
  dir: "suzhou-2020",
  regionCode: "320500",
  regionName: "苏州市",
  year: 2020,
  files: [
    {
      dataset: "programmes",
      rows: [
        row("苏州市", {
          name: SZ_PROGRAMME,
          department: "苏州市住房和城乡建设局",
          evaluationType: "self",
          framework: "suzhou-2020",
          publishedScore: "80",
          summary:
            "按照2019年10月10日下发的《苏州市城镇老旧小区改造试点工作方案（草稿）》的精神，对我市大市内4县6区等范围进行老旧小区改造试点工程，进一步加快完善苏州市老旧小区的整治提升工作。",
          overallGoal:
            "通过试点工作的确立，使我市在统筹协调机制、项目生成机制、改造资金合理共担机制等九个方面形成较为成熟的工作成果，能初步构建起党建统领、政府引导、居民参与、社会支持、企业协同的共同缔造机制。",
          annualGoal:
            "到2020年10月底，确定计划试点小区，并对试点小区的改造目标、资金来源、融资方式、设计方案，设计图纸等施工前所需准备的手续及资料基本确定完成。",
        }),
      ],
    },
    {
      dataset: "budget-execution",
      rows: [
        row("苏州市", {
          programme: SZ_PROGRAMME,
          initialBudget: "1700.00",
          adjustment: "-1500.00",
          appropriated: "200.00",
          quotaBalance: "0.00",
          paid: "200.00",
          carriedOver: "0.00",
          recovered: "0.00",
          // 填表说明 4: "各项数据采集的时间节点均为 2019 年 12 月 31 日" in a 2020 form, as printed.
          asOf: "2019-12-31",
        }),
      ],
    },
    {
      dataset: "fund-items",
      rows: [
        row("苏州市", { programme: SZ_PROGRAMME, item: "会议、考察经费", amount: "8.8" }),
        row("苏州市", { programme: SZ_PROGRAMME, item: "项目宣传推广经费", amount: "47.2" }),
        row("苏州市", { programme: SZ_PROGRAMME, item: "技术研究专项经费", amount: "144" }),
      ],
    },
    {
      dataset: "targets",
      rows: [
        target(
          "苏州市",
          SZ_PROGRAMME,
          "output",
          "output.quantity",
          "改造小区数量",
          "eq",
          "13",
          "个",
          "16",
        ),
        target(
          "苏州市",
          SZ_PROGRAMME,
          "output",
          "output.quantity",
          "召开相关老旧小区改造工作会议",
          "eq",
          "5",
          "个",
          "5",
        ),
        target(
          "苏州市",
          SZ_PROGRAMME,
          "output",
          "output.quantity",
          "组织老旧小区课题研究",
          "eq",
          "1",
          "个",
          "1",
        ),
        target(
          "苏州市",
          SZ_PROGRAMME,
          "output",
          "output.quantity",
          "对老旧小区改造进行相关宣传工作",
          "eq",
          "5",
          "个",
          "5",
        ),
        // The form gives this target without a unit ("=1") and the actual as "=1 个".
        target(
          "苏州市",
          SZ_PROGRAMME,
          "output",
          "output.quantity",
          "组织老旧小区改造工作培训",
          "eq",
          "1",
          null,
          "1个",
        ),
        target(
          "苏州市",
          SZ_PROGRAMME,
          "benefit",
          "benefit.social",
          "实施改造小区前期工作",
          "gte",
          "5",
          "个",
          "16",
        ),
        target(
          "苏州市",
          SZ_PROGRAMME,
          "satisfaction",
          "satisfaction.service",
          "改造小区群众满意度",
          "gte",
          "95",
          "%",
          "98",
        ),
        target(
          "苏州市",
          SZ_PROGRAMME,
          "benefit",
          "benefit.sustainable",
          "圆满完成全国城镇老旧小区改造试点工作",
          "qualitative",
          "好",
          null,
          "好",
        ),
        target(
          "苏州市",
          SZ_PROGRAMME,
          "benefit",
          "benefit.sustainable",
          "及时报送进度，加强宣传报道",
          "gte",
          "3",
          "期",
          "7",
        ),
      ],
    },
    {
      dataset: "satisfaction",
      rows: [row("苏州市", { rate: "98", method: "改造小区群众满意度（自评表实际完成值）" })],
    },
    {
      // 项目绩效实现情况（80 分）: 类别 (投入目标 24 分 …) as level 1, 权重 as points, 自评分 as score.
      dataset: "scores",
      rows: [
        score("苏州市", SZ_PROGRAMME, "投入目标", null, null, "24", "24"),
        score("苏州市", SZ_PROGRAMME, "投入目标", "资金使用合规性", null, "3", "3"),
        score("苏州市", SZ_PROGRAMME, "投入目标", "财务制度健全性", null, "3", "3"),
        score("苏州市", SZ_PROGRAMME, "投入目标", "各级财政应承担资金到位率", null, "3", "3"),
        score("苏州市", SZ_PROGRAMME, "投入目标", "预算执行率", null, "8", "8"),
        score("苏州市", SZ_PROGRAMME, "投入目标", "专款专用率", null, "3", "3"),
        score("苏州市", SZ_PROGRAMME, "投入目标", "项目日常进度管理规范性", null, "4", "4"),
        score("苏州市", SZ_PROGRAMME, "产出目标", null, null, "24", "24"),
        score("苏州市", SZ_PROGRAMME, "产出目标", "改造小区数量", null, "4.8", "4.8"),
        score(
          "苏州市",
          SZ_PROGRAMME,
          "产出目标",
          "召开相关老旧小区改造工作会议",
          null,
          "4.8",
          "4.8",
        ),
        score("苏州市", SZ_PROGRAMME, "产出目标", "组织老旧小区课题研究", null, "4.8", "4.8"),
        score(
          "苏州市",
          SZ_PROGRAMME,
          "产出目标",
          "对老旧小区改造进行相关宣传工作",
          null,
          "4.8",
          "4.8",
        ),
        score("苏州市", SZ_PROGRAMME, "产出目标", "组织老旧小区改造工作培训", null, "4.8", "4.8"),
        score("苏州市", SZ_PROGRAMME, "结果目标", null, null, "26", "26"),
        score("苏州市", SZ_PROGRAMME, "结果目标", "实施改造小区前期工作", null, "13", "13"),
        score("苏州市", SZ_PROGRAMME, "结果目标", "改造小区群众满意度", null, "13", "13"),
        score("苏州市", SZ_PROGRAMME, "影响力目标", null, null, "6", "6"),
        score(
          "苏州市",
          SZ_PROGRAMME,
          "影响力目标",
          "圆满完成全国城镇老旧小区改造试点工作",
          null,
          "3",
          "3",
        ),
        score("苏州市", SZ_PROGRAMME, "影响力目标", "及时报送进度，加强宣传报道", null, "3", "3"),
      ],
    },
  ],
};

// Zhumadian 2020 self-evaluation (zhumadian-2020-self-evaluation.txt).
const ZMD_PROGRAMME = "驻马店市2020年老旧小区改造项目";
const zhumadian: DemoSet = {
  dir: "zhumadian-2020",
  regionCode: "411700",
  regionName: "驻马店市",
  year: 2020,
  files: [
    {
      dataset: "programmes",
      rows: [
        row("驻马店市", {
          name: ZMD_PROGRAMME,
          department: "驻马店市住房和城乡建设局",
          evaluationType: "self",
          framework: "zhumadian-2020",
          publishedScore: "98.1",
          publishedGrade: "优",
          summary:
            "中央和省级城镇保障性安居工程财政资金用于城镇老旧小区改造；2020年度计划改造城镇老旧小区320个、1766栋楼，33224户，改造面积341.41万平方米，配建养老服务设施面积63120平方米。",
        }),
      ],
    },
    {
      dataset: "funds",
      rows: [row("驻马店市", { programme: ZMD_PROGRAMME, source: "superior", amount: "15129" })],
    },
    {
      dataset: "allocations",
      rows: [
        // "根据各县区在线监控系统填报数据，已全部支出完毕"
        row("驻马店市", {
          programme: ZMD_PROGRAMME,
          asOf: "2020-12-31",
          budget: "15129",
          arrived: "15129",
          spent: "15129",
        }),
      ],
    },
    {
      dataset: "targets",
      rows: [
        target(
          "驻马店市",
          ZMD_PROGRAMME,
          "output",
          "output.quantity",
          "改造户数",
          "gte",
          "33224",
          "户",
          "33623",
        ),
        target(
          "驻马店市",
          ZMD_PROGRAMME,
          "output",
          "output.quantity",
          "改造面积",
          "gte",
          "341.4058",
          "万平方米",
          "345.4602",
        ),
        target(
          "驻马店市",
          ZMD_PROGRAMME,
          "output",
          "output.quantity",
          "改造楼栋",
          "gte",
          "1766",
          "栋",
          "1804",
        ),
        target(
          "驻马店市",
          ZMD_PROGRAMME,
          "output",
          "output.quantity",
          "改造小区",
          "gte",
          "320",
          "个",
          "336",
        ),
        target(
          "驻马店市",
          ZMD_PROGRAMME,
          "output",
          "output.quantity",
          "配建养老服务设施面积",
          "gte",
          "63120",
          "平方米",
          "62395",
        ),
        target(
          "驻马店市",
          ZMD_PROGRAMME,
          "satisfaction",
          "satisfaction.service",
          "老旧小区居民满意度",
          "gte",
          "80",
          "%",
          "80%以上",
        ),
      ],
    },
    {
      dataset: "plan-actual",
      rows: [
        row("驻马店市", {
          stage: "started",
          planCommunities: "320",
          planBuildings: "1766",
          planHouseholds: "33224",
          planArea: "341.4058",
          planElderlyArea: "63120",
          actualCommunities: "336",
          actualBuildings: "1804",
          actualHouseholds: "33623",
          actualArea: "345.4602",
          actualElderlyArea: "62395",
          asOf: "2020-12-31",
        }),
      ],
    },
    {
      // 绩效评价指标表: 二级指标 rows with 分值, 市县评价得分 and 评分理由 as printed; the group rows carry
      // the 一级指标 分值 of the table and the group scores of the report's text (二、1.–4.). The table
      // leaves 服务对象满意度's 分值 and its indicator's score blank; the text gives the group 5 分.
      dataset: "scores",
      rows: [
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "资金管理",
          null,
          null,
          "25",
          "24.1",
          "资金管理方面，总分 25 分，自评得分 24.1 分。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "资金管理",
          "资金筹集",
          null,
          "10",
          "9.1",
          "我市各县（区）财政已安排配套补助资金用于城镇老旧小区改造，通过企业、居民等社会筹资筹措改造资金，占改造项目资金比例基本达到20%。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "资金管理",
          "资金分配",
          null,
          "5",
          "5",
          "资金管理办法健全规范，资金分配及时，能够结合地区特色，有针对性的改善老旧小区居民居住条件。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "资金管理",
          "资金使用管理",
          null,
          "10",
          "10",
          "资金分配下达的同时，编制了绩效目标，及时进行了绩效评价工作。不存在资金截留、挪用等违规违纪行为。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "项目管理",
          null,
          null,
          "10",
          "10",
          "项目管理方面，总分 10 分，自评得分 10 分。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "项目管理",
          "政策公开",
          null,
          "5",
          "5",
          "老旧小区改造相关政策、绩效评价办法、年度计划和中长期规划等信息已全部及时在政府网站或部门网站公开。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "项目管理",
          "评价报告报送及时、完整性",
          null,
          "5",
          "5",
          "我市按照规定时间报送老旧小区改造有关情况，报送的基础材料完整、真实、准确。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "产出效益",
          null,
          null,
          "60",
          "59",
          "产出效益，总分 60 分，自评得分 59 分。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "产出效益",
          "改造户数计划完成率",
          null,
          "15",
          "15",
          "2020年计划改造户数33224户，已开工户数33623户，开工率101.2%。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "产出效益",
          "改造面积计划完成率",
          null,
          "15",
          "15",
          "2020年计划改造面积341.4058万平方米，已开工改造面积345.4602万平方米，开工率101.2%。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "产出效益",
          "改造楼栋计划完成率",
          null,
          "5",
          "5",
          "2020年计划改造楼栋1766栋，已开工楼栋1804栋，开工率102.2%。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "产出效益",
          "改造小区计划完成率",
          null,
          "5",
          "5",
          "2020年计划改造小区320个，已开工336个，开工率105%。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "产出效益",
          "配建养老服务设施面积完成率",
          null,
          "10",
          "9",
          "实际开工量为62395平方米，年度计划为63120平方米，比年度计划少725平方米，低一个百分点。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "产出效益",
          "工程质量",
          null,
          "10",
          "10",
          "严格执行工程招投标、工程管理制度，确保工程质量。",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "服务对象满意度",
          null,
          null,
          null,
          "5",
          "服务对象满意度，总分 5 分，自评得分 5 分",
        ),
        score(
          "驻马店市",
          ZMD_PROGRAMME,
          "服务对象满意度",
          "老旧小区居民满意度",
          null,
          "5",
          null,
          "老旧小区居民指标达到80%以上，未发现群众信访没有及时处置的情况。",
        ),
      ],
    },
  ],
};

// Guangdong 2024 self-evaluation (guangdong-2024-self-evaluation.txt): 表1-1, 表2-2, 表2-3, 附件1.
const GD_PROGRAMME = "2024年城镇老旧小区改造专项资金";
/** 表2-2: 预算指标 = 到位资金, 实际支出, 支出率 as printed. */
const GD_SPEND: [string, string, string, string][] = [
  ["汕头市", "3378", "152.93", "4.53"],
  ["韶关市", "1443", "658.54", "45.64"],
  ["河源市", "1094", "48", "4.39"],
  ["梅州市", "1358", "34.10", "2.51"],
  ["惠州市", "655", "48.92", "7.47"],
  ["汕尾市", "541", "171.23", "31.65"],
  ["江门市", "2545", "1204.96", "47.35"],
  ["阳江市", "2146", "375", "17.47"],
  ["湛江市", "841", "7.29", "0.87"],
  ["茂名市", "2779", "160.67", "5.78"],
  ["肇庆市", "851", "367.13", "43.14"],
  ["清远市", "147", "10", "6.80"],
  ["潮州市", "316", "50", "15.82"],
  ["揭阳市", "176", "110", "62.50"],
  ["云浮市", "402", "36.58", "9.10"],
  ["省本级", "188", "188", "100"],
];
/** 表2-3: plan (area 万m², households, buildings, communities) and actual (在建+完工). */
const GD_TASKS: [string, string, string, string, string, string, string, string, string][] = [
  ["汕头市", "166.88", "19136", "538", "75", "284.28", "32562", "926", "124"],
  ["韶关市", "60.66", "6413", "454", "78", "111.26", "11826", "844", "159"],
  ["河源市", "55.2", "4714", "581", "18", "81.50", "7169", "793", "47"],
  ["梅州市", "68.19", "7029", "478", "104", "139.60", "14162", "999", "206"],
  ["惠州市", "21.87", "3594", "541", "11", "21.87", "3594", "541", "11"],
  ["汕尾市", "24.64", "1963", "629", "16", "24.66", "1963", "629", "16"],
  ["江门市", "126.85", "14966", "844", "19", "227.27", "26571", "1299", "29"],
  ["阳江市", "78.53", "5685", "3142", "35", "107.66", "7600", "4470", "51"],
  ["湛江市", "37.06", "5164", "220", "104", "68.74", "8872", "548", "119"],
  ["茂名市", "113.61", "14063", "1499", "120", "230.79", "28757", "3136", "239"],
  ["肇庆市", "41.7", "3887", "216", "59", "48.31", "4464", "256", "80"],
  ["清远市", "4.42", "442", "46", "15", "6.28", "637", "56", "20"],
  ["潮州市", "14.42", "1821", "85", "25", "20.21", "2836", "138", "36"],
  ["揭阳市", "8.08", "1079", "55", "9", "8.08", "1079", "55", "9"],
  ["云浮市", "19.21", "2345", "247", "12", "21.31", "2811", "814", "15"],
  // The 合计 row, held as the province's own published totals so that the checker can compare.
  ["广东省", "841.32", "92301", "9575", "700", "1401.82", "154903", "15504", "1161"],
];
/** 附件1: 服务对象满意度 per city; the 合计 line 93.25% as the province's figure. */
const GD_SATISFACTION: [string, string][] = [
  ["汕头市", "90.33"],
  ["韶关市", "90.00"],
  ["河源市", "96.30"],
  ["梅州市", "94.32"],
  ["惠州市", "90.00"],
  ["汕尾市", "93.00"],
  ["江门市", "92.29"],
  ["阳江市", "94.62"],
  ["湛江市", "98.57"],
  ["茂名市", "97.60"],
  ["肇庆市", "91.52"],
  ["清远市", "90.00"],
  ["潮州市", "92.50"],
  ["揭阳市", "92.67"],
  ["云浮市", "95.00"],
  ["广东省", "93.25"],
];

const guangdong: DemoSet = {
  dir: "guangdong-2024",
  regionCode: "440000",
  regionName: "广东省",
  year: 2024,
  files: [
    {
      dataset: "programmes",
      rows: [
        row("广东省", {
          name: GD_PROGRAMME,
          department: "广东省住房和城乡建设厅",
          evaluationType: "self",
          summary:
            "区域协调发展战略专项资金-住房和城乡建设管理-城镇老旧小区改造：支持粤东西北地区15个地级市的城镇老旧小区改造项目，以及省本级开展城镇老旧小区改造相关管理、课题研究等。",
          overallGoal: "改造提升城镇老旧小区居住条件和环境，满足人民群众美好生活需要。",
          annualGoal:
            "通过开展城镇老旧小区改造项目，改造一批雨污管网、停车场、充电桩、电梯等设施，改善不少于92301户老旧小区居民居住环境，改造建筑面积达到841.32万平方米，改造小区超700个，改造楼栋数超9575栋，实现小区美化、亮化、绿化等目标，解决部分群众的急难愁盼问题。",
        }),
      ],
    },
    {
      dataset: "funds",
      rows: [
        row("广东省", {
          programme: GD_PROGRAMME,
          source: "provincial",
          amount: "18860",
          document: "粤财建〔2023〕77号",
        }),
      ],
    },
    {
      dataset: "allocations",
      rows: GD_SPEND.map(([region, budget, spent, rate]) =>
        row(region, {
          programme: GD_PROGRAMME,
          asOf: "2024-12-31",
          budget,
          arrived: budget,
          spent,
          publishedSpendRate: rate,
        }),
      ),
    },
    {
      dataset: "targets",
      rows: [
        target(
          "广东省",
          GD_PROGRAMME,
          "output",
          "output.quantity",
          "改造小区数",
          "gte",
          "700",
          "个",
          "1161",
        ),
        target(
          "广东省",
          GD_PROGRAMME,
          "output",
          "output.quantity",
          "改造户数",
          "gte",
          "92301",
          "户",
          "154903",
        ),
        target(
          "广东省",
          GD_PROGRAMME,
          "output",
          "output.quantity",
          "改造楼栋数",
          "gte",
          "9575",
          "栋",
          "15504",
        ),
        target(
          "广东省",
          GD_PROGRAMME,
          "output",
          "output.quantity",
          "改造建筑面积",
          "gte",
          "841.32",
          "万平方米",
          "1401.82",
        ),
        target(
          "广东省",
          GD_PROGRAMME,
          "output",
          "output.quality",
          "开工目标完成率",
          "eq",
          "100",
          "%",
          "100",
        ),
        target(
          "广东省",
          GD_PROGRAMME,
          "benefit",
          "benefit.social",
          "群众居住条件是否改善",
          "yes-no",
          "是",
          null,
          "是",
        ),
        // 表1-1 sets ≥80%; the text of 二（3）says "服务对象满意度≧90%": kept as the table has it.
        target(
          "广东省",
          GD_PROGRAMME,
          "satisfaction",
          "satisfaction.service",
          "老旧小区居民满意度",
          "gte",
          "80",
          "%",
          "93.25",
        ),
      ],
    },
    {
      dataset: "plan-actual",
      rows: GD_TASKS.map(([region, pa, ph, pb, pc, aa, ah, ab, ac]) =>
        row(region, {
          stage: "started",
          planCommunities: pc,
          planBuildings: pb,
          planHouseholds: ph,
          planArea: pa,
          actualCommunities: ac,
          actualBuildings: ab,
          actualHouseholds: ah,
          actualArea: aa,
          asOf: "2024-12-31",
        }),
      ),
    },
    {
      dataset: "satisfaction",
      rows: GD_SATISFACTION.map(([region, rate]) =>
        row(region, {
          rate,
          method: region === "广东省" ? "各地市自评材料汇总（平均）" : "地市自评材料",
        }),
      ),
    },
  ],
};

export const DEMO_SETS: readonly DemoSet[] = [hangzhou, suzhou, zhumadian, guangdong];
