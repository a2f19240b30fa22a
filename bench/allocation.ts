/**
 * Allocates a fund among 3,000 counties by the factor method (4 factors, 3 coefficient tables) with the
 * decimal engine, and by the same formula in plain floating point as a baseline: the price, as a ratio.
 */
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import {
  type AllocationData,
  type AllocationModel,
  allocate,
  allocatePrepared,
  prepareAllocation,
} from "../src/domain/allocation/index.ts";

export const ALLOCATION_COUNTIES = 3000;

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

const GRADE_LIST = ["优", "良", "中", "差"] as const;

/** A national-scale model: 1,234,567.89 万元 less 1,234.56 held back, rounded to the 元. */
export function benchAllocation(counties = ALLOCATION_COUNTIES): {
  model: AllocationModel;
  data: AllocationData;
} {
  const next = random(20240701);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const regions = Array.from({ length: counties }, (_, i) => ({
    code: String(110000 + i),
    name: `县${i + 1}`,
  }));
  const model: AllocationModel = {
    name: "基准测试：全国县级因素法分配",
    year: 2024,
    unit: "万元",
    total: "1234567.89",
    heldBack: [{ name: "本级预留", amount: "1234.56" }],
    factors: [
      {
        key: "area",
        name: "改造建筑面积",
        unit: "万平方米",
        weight: "40",
        source: { kind: "entered" },
      },
      {
        key: "households",
        name: "改造户数",
        unit: "户",
        weight: "30",
        source: { kind: "entered" },
      },
      {
        key: "buildings",
        name: "改造楼栋数",
        unit: "栋",
        weight: "20",
        source: { kind: "entered" },
      },
      {
        key: "communities",
        name: "改造小区数",
        unit: "个",
        weight: "10",
        source: { kind: "entered" },
      },
    ],
    coefficients: [
      {
        key: "fiscal",
        name: "财力补助系数",
        tiers: [
          { label: "一档", value: "8" },
          { label: "二档", value: "9" },
          { label: "三档", value: "10" },
        ],
        rule: { kind: "entered" },
      },
      {
        key: "performance",
        name: "绩效评价调节系数",
        tiers: [
          { label: "优", value: "1" },
          { label: "良", value: "0.95" },
          { label: "中及以下", value: "0.90" },
        ],
        rule: {
          kind: "grade",
          map: { 优: "优", 良: "良", 中: "中及以下", 差: "中及以下" },
          default: "良",
        },
      },
      {
        key: "project",
        name: "项目库系数",
        tiers: [
          { label: "A", value: "1.10" },
          { label: "B", value: "1" },
          { label: "C", value: "0.90" },
        ],
        rule: {
          kind: "score",
          bands: [
            { min: "90", label: "A" },
            { min: "70", label: "B" },
          ],
          default: "C",
        },
      },
    ],
    rounding: "元",
    regions,
  };
  const data: AllocationData = { regions: {} };
  for (const region of regions) {
    data.regions[region.code] = {
      factors: {
        area: (int(50, 20000) / 100).toString(),
        households: String(int(50, 30000)),
        buildings: String(int(1, 3000)),
        communities: String(int(1, 150)),
      },
      tiers: { fiscal: ["一档", "二档", "三档"][int(0, 2)] ?? "二档" },
      // One county in thirty has no grade last year: it takes the default tier and is flagged.
      ...(next() < 1 / 30 ? {} : { grade: GRADE_LIST[int(0, 3)] ?? "良" }),
      score: (int(5500, 10000) / 100).toString(),
    };
  }
  return { model, data };
}

const FLOAT_TIERS: Record<string, Record<string, number>> = {
  fiscal: { 一档: 8, 二档: 9, 三档: 10 },
  performance: { 优: 1, 良: 0.95, 中: 0.9, 差: 0.9 },
};

/** The same allocation in floating point, with largest remainder and a derivation line each, as plain code would. */
export function floatAllocation(model: AllocationModel, data: AllocationData) {
  const distributable = (Number(model.total) - Number(model.heldBack?.[0]?.amount ?? 0)) * 10000;
  const weights = model.factors.map((f) => Number(f.weight) / 100);
  const rows = model.regions.map((region) => {
    const d = data.regions[region.code];
    const x = model.factors.map((f) => Number(d?.factors[f.key] ?? 0));
    const score = Number(d?.score ?? 0);
    const c =
      (FLOAT_TIERS.fiscal?.[d?.tiers?.fiscal ?? ""] ?? 1) *
      (d?.grade ? (FLOAT_TIERS.performance?.[d.grade] ?? 1) : 0.95) *
      (score >= 90 ? 1.1 : score >= 70 ? 1 : 0.9);
    return { code: region.code, x, c };
  });
  const sums = weights.map((_, f) => rows.reduce((s, r) => s + (r.x[f] ?? 0) * r.c, 0));
  const raws = rows.map((r) =>
    weights.reduce((s, w, f) => s + (distributable * w * (r.x[f] ?? 0) * r.c) / (sums[f] ?? 1), 0),
  );
  const down = raws.map((raw) => Math.floor(raw));
  const missing = Math.round(distributable - down.reduce((s, v) => s + v, 0));
  const order = raws.map((_, i) => i);
  order.sort((a, b) => (raws[b] ?? 0) - (down[b] ?? 0) - ((raws[a] ?? 0) - (down[a] ?? 0)));
  for (const i of order.slice(0, missing)) down[i] = (down[i] ?? 0) + 1;
  return rows.map((r, i) => ({
    code: r.code,
    amount: down[i] ?? 0,
    derivation: `测算数${(raws[i] ?? 0).toFixed(2)}元，综合系数${r.c}，取整为${down[i]}元`,
  }));
}

export interface AllocationBenchmark {
  counties: number;
  /** The very first call in the process: cold JIT, small young generation. */
  firstMs: number;
  /** Median times in ms. */
  validateMs: number;
  decimalMs: number;
  floatMs: number;
  /** decimal (validation included) ÷ float. */
  ratio: number;
  /** Reading every region's shares and derivation (both languages) and the table: written when first read. */
  detailsMs: number;
  /** Σ float amounts − distributable: what float drift leaves unallocated or over-allocated. */
  floatDrift: number;
  /** Counties whose float amount differs from the decimal engine's. */
  floatMismatches: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function timed(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/**
 * Medians of `runs` runs after `warmups` runs: V8 grows its young generation and optimises decimal.js
 * over the first few calls, so the figure is the engine, not the start-up; the first call is kept too.
 */
export function runAllocationBenchmark(runs = 11, warmups = 10): AllocationBenchmark {
  const { model, data } = benchAllocation();
  const firstMs = timed(() => allocate(model, data));
  const med = (work: () => unknown) => {
    for (let i = 0; i < warmups; i += 1) work();
    return median(Array.from({ length: runs }, () => timed(work)));
  };
  const validateMs = med(() => prepareAllocation(model, data));
  const decimalMs = med(() => allocate(model, data));
  const floatMs = med(() => floatAllocation(model, data));
  const detailsMs =
    med(() => {
      const result = allocate(model, data);
      for (const region of result.regions) {
        void region.shares;
        void region.derivation["zh-CN"];
        void region.derivation["en-US"];
      }
      return result.table.length;
    }) - decimalMs;

  const decimal = allocatePrepared(prepareAllocation(model, data));
  const float = floatAllocation(model, data);
  const floatSum = float.reduce((s, r) => s + r.amount, 0);
  const floatMismatches = float.filter(
    (r, i) => String(r.amount) !== decimal.regions[i]?.amount,
  ).length;
  return {
    counties: ALLOCATION_COUNTIES,
    firstMs,
    validateMs,
    decimalMs,
    floatMs,
    ratio: decimalMs / floatMs,
    detailsMs,
    floatDrift: floatSum - Number(decimal.totals.distributable),
    floatMismatches,
  };
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** The figures as `npm run bench` prints them, goal line last. */
export function describeAllocationBenchmark(b: AllocationBenchmark): string {
  return [
    `bench/allocation: ${b.counties} counties × 4 factors × 3 coefficient tables (因素法), medians`,
    `  validate model and data:       ${ms(b.validateMs)}`,
    `  allocate, decimal (validated): ${ms(b.decimalMs)} (first call in the process: ${ms(b.firstMs)})`,
    `  allocate, float baseline:      ${ms(b.floatMs)}`,
    `  ratio decimal ÷ float:         ${Math.round(b.ratio * 10) / 10}×`,
    `  reading every region's shares and words (zh-CN, en-US) and the table: + ${ms(b.detailsMs)}`,
    `  float baseline: ${b.floatMismatches} counties differ from the decimal amounts, Σ off by ${b.floatDrift} 元`,
    `  goal: allocate 3,000 counties under 50 ms (validation included) — ${b.decimalMs < 50 ? "met" : "NOT met"}`,
  ].join("\n");
}

// `node --import tsx bench/allocation.ts` runs this benchmark alone.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(describeAllocationBenchmark(runAllocationBenchmark()));
}
