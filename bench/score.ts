/**
 * Scores 3,000 counties against a 30-indicator framework with the decimal engine, and the same rules
 * in plain floating point as a baseline: the price of exact arithmetic and reasons, as a ratio.
 */
import { performance } from "node:perf_hooks";
import {
  type Framework,
  parseFramework,
  parseInput,
  type ValidatedInput,
} from "../src/domain/frameworks/index.ts";
import { scoreValidated } from "../src/domain/scoring/index.ts";

export const COUNTIES = 3000;

/** Six rule shapes, five times over: 30 indicators in five groups of six, 100 points. */
const RULES: { points: number; rule: Record<string, unknown> }[] = [
  {
    points: 4,
    rule: {
      type: "shortfall",
      labels: { actual: "已开工", target: "计划" },
      unit: "户",
      step: 1,
      deduction: 1,
      cap: 4,
      counting: "floor-integer",
    },
  },
  {
    points: 4,
    rule: {
      type: "completion-band",
      lower: 100,
      upper: 130,
      belowPenalty: 5,
      abovePenalty: 1,
      counting: "continuous",
      unit: "个",
    },
  },
  {
    points: 3,
    rule: {
      type: "threshold",
      label: "社会筹资占比",
      unit: "%",
      threshold: 20,
      step: 4,
      deduction: 1,
      cap: 3,
      counting: "continuous",
    },
  },
  {
    points: 3,
    rule: { type: "incidents", label: "违规行为", deduction: 0.5, cap: 3, grave: { deduction: 3 } },
  },
  { points: 3, rule: { type: "grade-map" } },
  { points: 3, rule: { type: "proportional", label: "满意度" } },
];

export function benchFramework(): Framework {
  const groups = Array.from({ length: 5 }, (_, g) => ({
    code: `G${g + 1}`,
    name: `一级指标${g + 1}`,
    points: 20,
    children: RULES.map((r, i) => ({
      code: `G${g + 1}.${i + 1}`,
      name: `三级指标${g + 1}.${i + 1}`,
      points: r.points,
      rule: r.rule,
    })),
  }));
  return parseFramework({
    code: "bench-30",
    name: "基准测试指标体系",
    version: "1",
    year: 2024,
    evaluationType: "finance",
    points: 100,
    rounding: "half-up-2",
    indicators: groups,
  });
}

/** mulberry32: the same counties on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Facts of one county, as an input file would hold them: integers and two-decimal rates. */
export function countyInputs(count: number): unknown[] {
  const next = random(20240601);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const rate = (min: number, max: number) => (int(min * 100, max * 100) / 100).toString();
  return Array.from({ length: count }, () => {
    const indicators: Record<string, unknown> = {};
    for (let g = 1; g <= 5; g += 1) {
      const target = int(100, 40000);
      indicators[`G${g}.1`] = {
        facts: { actual: int(Math.floor(target * 0.85), target * 1.1), target },
      };
      indicators[`G${g}.2`] = { facts: { actual: int(5, 60), target: int(10, 40) } };
      indicators[`G${g}.3`] = { facts: { value: rate(5, 30) } };
      indicators[`G${g}.4`] = { facts: { count: int(0, 4), grave: next() < 0.02 } };
      indicators[`G${g}.5`] = { facts: { grade: ["好", "较好", "一般", "较差", "差"][int(0, 4)] } };
      indicators[`G${g}.6`] = { facts: { rate: rate(60, 100) } };
    }
    return { framework: "bench-30", indicators };
  });
}

type Facts = Record<string, number | string | boolean>;
const GRADES: Record<string, number> = { 好: 1, 较好: 0.8, 一般: 0.6, 较差: 0.4, 差: 0.2 };
// The nudge keeps float error from turning a true x.xx5 into x.xx4999…, as careful float code does.
const round2 = (x: number) => Math.round(x * 100 + 1e-7) / 100;
const clamp = (x: number, points: number) => Math.min(points, Math.max(0, x));

/** The same six rules in floating point, with a reason string each, as a plain implementation would. */
function floatIndicator(kind: number, points: number, f: Facts): { score: number; reason: string } {
  switch (kind) {
    case 0: {
      const ratio = (Number(f.actual) / Number(f.target)) * 100;
      const steps = ratio >= 100 ? 0 : Math.floor(100 - ratio);
      const score = round2(clamp(points - Math.min(4, steps), points));
      return {
        score,
        reason: `已开工${f.actual}户，计划${f.target}户，完成${round2(ratio)}%，得${score}分`,
      };
    }
    case 1: {
      const ratio = (Number(f.actual) / Number(f.target)) * 100;
      const off =
        ratio < 100
          ? (100 - ratio) * 0.05 * points
          : ratio > 130
            ? (ratio - 130) * 0.01 * points
            : 0;
      const score = round2(clamp(points - off, points));
      return {
        score,
        reason: `实际完成${f.actual}个，目标值${f.target}个，完成${round2(ratio)}%，得${score}分`,
      };
    }
    case 2: {
      const value = Number(f.value);
      const off = value >= 20 ? 0 : Math.min(3, (20 - value) / 4);
      const score = round2(clamp(points - off, points));
      return { score, reason: `社会筹资占比${value}%，扣${round2(off)}分，得${score}分` };
    }
    case 3: {
      const off = f.grave ? 3 : Math.min(3, Number(f.count) * 0.5);
      const score = round2(clamp(points - off, points));
      return { score, reason: `发现违规行为${f.count}项，扣${off}分，得${score}分` };
    }
    case 4: {
      const score = round2(points * (GRADES[String(f.grade)] ?? 0));
      return { score, reason: `评定等级为“${f.grade}”，得${score}分` };
    }
    default: {
      const score = round2((points * Number(f.rate)) / 100);
      return { score, reason: `满意度${f.rate}%，得${score}分` };
    }
  }
}

/** Totals of every county in floating point. */
export function floatTotals(inputs: readonly unknown[]): number[] {
  return inputs.map((raw) => {
    const { indicators } = raw as { indicators: Record<string, { facts: Facts }> };
    let total = 0;
    for (let g = 1; g <= 5; g += 1) {
      let group = 0;
      for (let i = 0; i < 6; i += 1) {
        const facts = indicators[`G${g}.${i + 1}`]?.facts ?? {};
        group += floatIndicator(i, RULES[i]?.points ?? 0, facts).score;
      }
      total += round2(group);
    }
    return round2(total);
  });
}

export function decimalTotals(
  framework: Framework,
  inputs: readonly ValidatedInput[],
  decimalOnly = false,
): string[] {
  return inputs.map((input) => scoreValidated(framework, input, { decimalOnly }).total.toString());
}

/** Scores every county and reads every reason, as a report of all of them does: reasons are lazy. */
export function decimalReasons(framework: Framework, inputs: readonly ValidatedInput[]): number {
  let chars = 0;
  for (const input of inputs) {
    for (const indicator of scoreValidated(framework, input).indicators) {
      chars += indicator.reason.length;
    }
  }
  return chars;
}

export interface ScoreBenchmark {
  counties: number;
  indicators: number;
  validateMs: number;
  /** The engine as it runs: the exact fast path, decimal.js where it cannot. */
  decimalMs: number;
  /** The same with every reason read: a reason is worked out when read, not when scored. */
  reasonsMs: number;
  /** The decimal.js rules alone, the reference the fast path is tested against. */
  referenceMs: number;
  floatMs: number;
  /** decimal scoring time ÷ float time. */
  ratio: number;
}

function timed<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

/** Best of `rounds` runs after one warm-up, so the figure is the engine, not the JIT's first pass. */
export function runScoreBenchmark(rounds = 3): ScoreBenchmark {
  const framework = benchFramework();
  const raw = countyInputs(COUNTIES);
  const best = (work: () => unknown) => {
    work();
    return Math.min(...Array.from({ length: rounds }, () => timed(work).ms));
  };
  const validated = raw.map((data) => parseInput(framework, data));
  const validateMs = best(() => raw.map((data) => parseInput(framework, data)));
  const decimalMs = best(() => decimalTotals(framework, validated));
  const reasonsMs = best(() => decimalReasons(framework, validated));
  const referenceMs = best(() => decimalTotals(framework, validated, true));
  const floatMs = best(() => floatTotals(raw));
  return {
    counties: COUNTIES,
    indicators: RULES.length * 5,
    validateMs,
    decimalMs,
    reasonsMs,
    referenceMs,
    floatMs,
    ratio: decimalMs / floatMs,
  };
}
