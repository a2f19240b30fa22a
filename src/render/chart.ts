/**
 * A chart block drawn by ECharts on the server: the option (pure), an SVG string (HTML and PDF) and
 * a PNG rasterised by resvg (docx and xlsx), in Noto Sans CJK, in colours that survive grey printing.
 */
import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from "echarts/charts";
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { ChartBlock } from "../domain/reports/index.ts";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
>;

/**
 * The size charts are laid out at (16:9); HTML scales the SVG to the text width, docx and xlsx show
 * the PNG at about 15 cm. At 15 cm a 14 px label prints at about 8 pt.
 */
export const CHART_SIZE = { width: 720, height: 405 } as const;

/**
 * Single quotes: ECharts writes the family into a double-quoted style attribute unescaped, and
 * double quotes there break the SVG.
 */
export const CHART_FONT = "'WenQuanYi Zen Hei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** Dark, light, mid, lighter, …: neighbouring series stay apart in grey too. */
export const PALETTE = ["#1f3b73", "#e3a33b", "#a5493b", "#c6d4e4", "#4d4d4d", "#86ad6e"];
const REFERENCE_COLOR = "#c00000";
const SYMBOLS = ["circle", "rect", "triangle", "diamond", "emptyCircle", "emptyRect"];
const TEXT = "#000";
const FONT_SIZE = 14;
const VALUE_FONT_SIZE = 12;
/** The plot's width less the value axis and the reference label, roughly. */
const PLOT_WIDTH = CHART_SIZE.width - 140;

/** Approximate width of a label in pixels: CJK characters a full em, the rest about 0.6 em. */
function labelWidth(text: string, size = FONT_SIZE): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x100 ? size * 0.6 : size;
  return w;
}

/**
 * A label broken into lines no wider than `width`: the unit in brackets on a line of its own
 * ("建筑面积\n（万平方米）"), a longer name over several.
 */
function wrapLabel(label: string, width: number): string {
  const parts = label.replace(/(.)（/, "$1\n（").split("\n");
  const lines: string[] = [];
  for (const part of parts) {
    let line = "";
    for (const ch of part) {
      if (line !== "" && labelWidth(line + ch) > width) {
        lines.push(line);
        line = "";
      }
      line += ch;
    }
    lines.push(line);
  }
  return lines.join("\n");
}

/**
 * How the category labels keep clear of each other: side by side as they are, or broken into at
 * most three lines of four characters or more, or turned 45° (90° when even a line's height barely fits).
 */
function labelLayout(categories: readonly string[]): {
  wrapped?: Map<string, string>;
  rotate: number;
} {
  if (categories.length === 0) return { rotate: 0 };
  const slot = PLOT_WIDTH / categories.length - 6;
  if (Math.max(...categories.map((c) => labelWidth(c))) <= slot) return { rotate: 0 };
  const wrapped = new Map(categories.map((c) => [c, wrapLabel(c, slot)]));
  if (slot >= FONT_SIZE * 4 && [...wrapped.values()].every((w) => w.split("\n").length <= 3)) {
    return { wrapped, rotate: 0 };
  }
  return { rotate: slot < FONT_SIZE * 1.5 ? 90 : 45 };
}

/** Values are printed on the bars only when each fits in its bar's share of the width. */
function valuesFit(block: ChartBlock): boolean {
  const bars = block.series.filter((s) => s.type === "bar");
  if (bars.length === 0 || block.categories.length === 0) return false;
  const slot = PLOT_WIDTH / block.categories.length / bars.length;
  const widest = Math.max(
    0,
    ...bars.flatMap((s) =>
      s.values.map((v) =>
        v === null ? 0 : labelWidth(`${v}${block.axisUnits[s.axis ?? 0]}`, VALUE_FONT_SIZE),
      ),
    ),
  );
  return widest + 4 <= slot;
}

/** The axis maximum when the reference line lies above every value (else ECharts would clip it). */
function axisMax(block: ChartBlock): number | undefined {
  if (!block.reference) return undefined;
  const reference = Number(block.reference.value);
  const values = block.series
    .filter((s) => (s.axis ?? 0) === 0)
    .flatMap((s) => s.values)
    .filter((v): v is string => v !== null)
    .map(Number);
  if (values.some((v) => v >= reference) || reference <= 0) return undefined;
  const step = 10 ** Math.floor(Math.log10(reference));
  const nice = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * step >= reference) ?? 10;
  return nice * step;
}

/** About how wide the right axis's tick labels are (0 without a right axis). */
function rightAxisLabelWidth(block: ChartBlock): number {
  if (block.axisUnits.length < 2) return 0;
  const values = block.series
    .filter((s) => s.axis === 1)
    .flatMap((s) => s.values)
    .filter((v): v is string => v !== null)
    .map((v) => Math.abs(Number(v)));
  // Ticks are round numbers up to a little past the largest value: its integer digits and one more.
  const digits = String(Math.round(Math.max(0, ...values))).length + 1;
  return labelWidth("0".repeat(digits));
}

/** The ECharts option of a chart block: Chinese labels as given, static, for print. */
export function chartOption(block: ChartBlock): ChartOption {
  const labelled = valuesFit(block);
  const { wrapped, rotate } = labelLayout(block.categories);
  const leftUnit = block.axisUnits[0];
  const max = axisMax(block);
  // The reference's label stands right of the plot, past a right axis's labels, where no bar label
  // can run into it.
  const referenceText = block.reference
    ? [block.reference.name, `${block.reference.value}${leftUnit}`]
    : [];
  const rightLabels = rightAxisLabelWidth(block);
  const right = Math.max(24, ...referenceText.map((t) => labelWidth(t) + 18));
  const firstLeft = Math.max(
    0,
    block.series.findIndex((s) => (s.axis ?? 0) === 0),
  );
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT, fontSize: FONT_SIZE, color: TEXT },
    legend: {
      bottom: 0,
      itemWidth: 18,
      itemHeight: 12,
      textStyle: { fontFamily: CHART_FONT, fontSize: FONT_SIZE, color: TEXT },
    },
    grid: {
      left: 12,
      right,
      top: 36,
      bottom: 36,
      outerBoundsMode: "same",
      outerBoundsContain: "all",
    },
    xAxis: {
      type: "category",
      data: block.categories,
      axisLine: { lineStyle: { color: TEXT } },
      axisTick: { alignWithLabel: true },
      axisLabel: {
        interval: 0,
        rotate,
        color: TEXT,
        fontFamily: CHART_FONT,
        fontSize: FONT_SIZE,
        lineHeight: FONT_SIZE + 4,
        ...(wrapped ? { formatter: (label: string) => wrapped.get(label) ?? label } : {}),
      },
    },
    yAxis: block.axisUnits.map((unit, i) => ({
      type: "value" as const,
      name: unit,
      position: i === 0 ? ("left" as const) : ("right" as const),
      // The unit stands over the tick labels, clear of a value printed on the first bar.
      nameTextStyle: {
        color: TEXT,
        fontFamily: CHART_FONT,
        fontSize: FONT_SIZE,
        align: i === 0 ? ("right" as const) : ("left" as const),
      },
      axisLine: { show: true, lineStyle: { color: TEXT } },
      axisLabel: { color: TEXT, fontFamily: CHART_FONT, fontSize: FONT_SIZE },
      splitLine: { show: i === 0, lineStyle: { color: "#d9d9d9" } },
      ...(i === 0 && max !== undefined ? { max } : {}),
    })),
    series: block.series.map((s, i) => {
      const printed = (p: { dataIndex: number }) => {
        const v = s.values[p.dataIndex];
        return v === null || v === undefined ? "" : `${v}${block.axisUnits[s.axis ?? 0] ?? ""}`;
      };
      const data = s.values.map((v) => (v === null ? null : Number(v)));
      const markLine: MarkLineComponentOption | undefined =
        block.reference && i === firstLeft
          ? {
              silent: true,
              symbol: "none",
              lineStyle: { type: "dashed", color: REFERENCE_COLOR, width: 1.5 },
              label: {
                position: "end",
                distance: rightLabels > 0 ? rightLabels + 12 : 5,
                color: REFERENCE_COLOR,
                fontFamily: CHART_FONT,
                fontSize: FONT_SIZE,
                formatter: referenceText.join("\n"),
              },
              data: [{ yAxis: Number(block.reference.value), name: block.reference.name }],
            }
          : undefined;
      const common = {
        name: s.name,
        yAxisIndex: s.axis ?? 0,
        ...(markLine ? { markLine } : {}),
      };
      if (s.type === "line") {
        return {
          ...common,
          type: "line" as const,
          data,
          symbol: SYMBOLS[i % SYMBOLS.length],
          symbolSize: 7,
          lineStyle: { width: 2 },
          connectNulls: false,
        };
      }
      return {
        ...common,
        type: "bar" as const,
        data,
        barMaxWidth: 48,
        itemStyle: { borderColor: "#333", borderWidth: 0.5 },
        label: {
          show: labelled,
          position: "top" as const,
          color: TEXT,
          fontFamily: CHART_FONT,
          fontSize: VALUE_FONT_SIZE,
          formatter: printed,
        },
      };
    }),
  };
}

/** The chart as an SVG document string, laid out at `width` × `height` pixels. */
export function chartSvg(block: ChartBlock, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption(chartOption(block));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart as a PNG, `scale` times its layout size, on white. resvg loads on first use. */
export async function chartPng(
  block: ChartBlock,
  size: { width: number; height: number; scale: number },
): Promise<Uint8Array> {
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(chartSvg(block, size), {
    fitTo: { mode: "zoom", value: size.scale },
    background: "#fff",
    font: { loadSystemFonts: true, defaultFontFamily: "WenQuanYi Zen Hei" },
  });
  return new Uint8Array(image.asPng());
}
