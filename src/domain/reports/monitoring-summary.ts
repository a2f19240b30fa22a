/**
 * 绩效运行监控情况 (跟踪问效): a region's spend against the time schedule and its subregions ranked,
 * target progress per stage, and the alerts — every sentence, table and chart from the dashboard's
 * figures.
 */
import type { Dashboard } from "../dashboard.ts";
import {
  type Block,
  type ChartBlock,
  type ChartSeries,
  type ReportDocument,
  simpleTable,
  type TableCell,
} from "./document.ts";
import { chineseDate, chineseNumeral } from "./sentences.ts";

/** Spend lag is 预警 in this field's words: far behind 红色预警, behind 黄色预警 (never 错误). */
const SEVERITY_ZH = { error: "红色预警", warning: "黄色预警", info: "提示" } as const;

const money = (v: string | null) => (v === null ? "—" : v);
const pctText = (v: string | null) => (v === null ? "—" : `${v}%`);
const right = (text: string, value?: string): TableCell =>
  value === undefined ? { text, align: "right" } : { text, value, align: "right" };
/** A percentage: "96.4%", its value 96.4 in percent; "—" without one. */
const pct = (v: string | null): TableCell =>
  v === null ? right("—") : { text: `${v}%`, value: v, percent: true, align: "right" };

/**
 * Spend rates of the ranked subregions against the time schedule: one reference line when they share
 * a date, else the schedule of each as a line.
 */
function spendChart(regions: Dashboard["regions"], caption: string): ChartBlock {
  const schedules = new Set(regions.map((r) => r.schedule));
  const [schedule] = schedules;
  const rates: ChartSeries = {
    name: "支出率",
    type: "bar",
    values: regions.map((r) => r.spendRate),
  };
  const shared = schedules.size === 1 && schedule !== null && schedule !== undefined;
  return {
    kind: "chart",
    name: caption,
    caption,
    categories: regions.map((r) => r.name),
    series: shared
      ? [rates]
      : [rates, { name: "时间进度", type: "line", values: regions.map((r) => r.schedule) }],
    axisUnits: ["%"],
    ...(shared ? { reference: { name: "时间进度", value: schedule } } : {}),
  };
}

/** Completion rate of each measure, one series per stage, against the plan's 100%. */
function completionChart(stages: Dashboard["planActual"], caption: string): ChartBlock {
  const labelOf = (m: { zh: string; unit: string }) => `${m.zh}（${m.unit}）`;
  const categories = [
    ...new Set(stages.flatMap((s) => s.measures.filter((m) => m.rate !== null).map(labelOf))),
  ];
  return {
    kind: "chart",
    name: caption,
    caption,
    categories,
    series: stages
      .filter((s) => s.measures.some((m) => m.rate !== null))
      .map((s) => ({
        name: `${s.zh}完成率`,
        type: "bar",
        values: categories.map((c) => s.measures.find((m) => labelOf(m) === c)?.rate ?? null),
      })),
    axisUnits: ["%"],
    reference: { name: "计划", value: "100" },
  };
}

/** The monitoring summary of a region's year. */
export function monitoringSummaryDocument(d: Dashboard): ReportDocument {
  const region = d.scope.name;
  const blocks: Block[] = [];
  let section = 0;
  let figure = 0;
  const caption = (text: string) => {
    figure += 1;
    return `图${figure} ${text}`;
  };
  let tables = 0;
  const tableCaption = (text: string) => {
    tables += 1;
    return `表${tables} ${text}`;
  };
  const heading = (text: string) => {
    blocks.push({
      kind: "heading",
      level: 1,
      text: `${chineseNumeral(section)}、${text}`,
    });
    section += 1;
  };

  heading("资金支出情况");
  const latest = d.spend.at(-1);
  if (latest) {
    blocks.push({
      kind: "paragraph",
      indent: true,
      text:
        `截至${chineseDate(latest.asOf)}，${region}下达资金${latest.budget}万元，实际支出${latest.spent}万元，` +
        `支出率${pctText(latest.rate)}，时间进度${latest.schedule}%。`,
    });
  } else {
    blocks.push({
      kind: "paragraph",
      indent: true,
      text: `${d.year}年${region}暂无资金下达与支出数据。`,
    });
  }
  const spending = d.regions.filter((r) => r.spendRate !== null);
  if (spending.length > 0) {
    blocks.push(
      simpleTable({
        name: "分地区支出",
        caption: tableCaption("分地区资金支出情况（按支出率排名，金额单位：万元）"),
        columns: [
          { title: "排名", width: 6 },
          { title: "地区", width: 16 },
          { title: "下达资金", width: 12 },
          { title: "实际支出", width: 12 },
          { title: "支出率", width: 10 },
          { title: "时间进度", width: 10 },
          { title: "落后（百分点）", width: 12 },
          { title: "预警", width: 8 },
        ],
        rows: spending.map((r, i) => [
          { text: String(i + 1), value: String(i + 1), align: "center" },
          { text: r.name },
          right(money(r.budget), r.budget ?? undefined),
          right(money(r.spent), r.spent ?? undefined),
          pct(r.spendRate),
          pct(r.schedule),
          right(r.gap ?? "—", r.gap ?? undefined),
          { text: r.severity ? SEVERITY_ZH[r.severity] : "", align: "center" },
        ]),
      }),
    );
    blocks.push(spendChart(spending, caption("分地区资金支出率")));
  }

  heading("绩效目标完成情况");
  if (d.planActual.length === 0) {
    blocks.push({ kind: "paragraph", indent: true, text: "暂无改造任务计划与完成数据。" });
  }
  for (const stage of d.planActual) {
    const parts = stage.measures.map(
      (m) =>
        `${m.zh}计划${money(m.plan)}${m.unit}，实际${money(m.actual)}${m.unit}，完成率${pctText(m.rate)}`,
    );
    blocks.push({ kind: "paragraph", indent: true, text: `${stage.zh}：${parts.join("；")}。` });
  }
  if (d.planActual.length > 0) {
    blocks.push(
      simpleTable({
        name: "计划与完成",
        caption: tableCaption("改造任务计划与完成情况"),
        columns: [
          { title: "阶段", width: 8 },
          { title: "指标", width: 24 },
          { title: "计划", width: 14 },
          { title: "实际", width: 14 },
          { title: "完成率", width: 12 },
        ],
        rows: d.planActual.flatMap((s) =>
          s.measures.map((m, i) => {
            const stageCell: TableCell[] =
              i === 0
                ? [
                    {
                      text: s.zh,
                      align: "center",
                      ...(s.measures.length > 1 ? { rowSpan: s.measures.length } : {}),
                    },
                  ]
                : [];
            return [
              ...stageCell,
              { text: `${m.zh}（${m.unit}）` },
              right(money(m.plan), m.plan ?? undefined),
              right(money(m.actual), m.actual ?? undefined),
              pct(m.rate),
            ];
          }),
        ),
      }),
    );
    if (d.planActual.some((s) => s.measures.some((m) => m.rate !== null))) {
      blocks.push(completionChart(d.planActual, caption("改造任务完成率")));
    }
  }

  heading("监控预警");
  if (d.alerts.length === 0) {
    blocks.push({
      kind: "paragraph",
      indent: true,
      text: "各地区支出进度均未落后于时间进度，无预警。",
    });
  } else {
    const errors = d.alerts.filter((a) => a.severity === "error").length;
    blocks.push({
      kind: "paragraph",
      indent: true,
      text: `共${d.alerts.length}个地区支出进度落后于时间进度，其中${errors}个落后超过红色预警线（红色预警）：`,
    });
    for (const [i, a] of d.alerts.entries()) {
      blocks.push({
        kind: "paragraph",
        indent: true,
        text: `${i + 1}. ${a.name}支出率${a.spendRate}%，时间进度${a.schedule}%，落后${a.gap}个百分点（${SEVERITY_ZH[a.severity]}）。`,
      });
    }
  }

  return {
    title: `${region}${d.year}年城镇老旧小区改造资金绩效运行监控情况`,
    orientation: "portrait",
    blocks,
  };
}
