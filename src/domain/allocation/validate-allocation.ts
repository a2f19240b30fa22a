/** Validates an allocation model and its data: the shape (zod), then every figure, each problem naming its region and factor. */
import type { z } from "zod";
import { DECIMAL_PATTERN, Decimal, HUNDRED, ONE, ZERO } from "../decimal.ts";
import { fromZodIssues, type IssuePath, issueMessage, textIn } from "../frameworks/index.ts";
import {
  AllocationError,
  type AllocationIssue,
  type AllocationIssueCode,
  type AllocationIssueParams,
  allocationIssue,
} from "./allocation-issues.ts";
import {
  type CoefficientChoice,
  type CoefficientInputs,
  chooseTier,
  type TierProblem,
} from "./coefficients.ts";
import { fastAllocationData } from "./fast-shape.ts";
import {
  AllocationData,
  AllocationFile,
  AllocationModel,
  type CoefficientTable,
  type DecimalText,
  GRADES,
  type RegionData,
} from "./model-schema.ts";
import type {
  PreparedAllocation,
  PreparedFactor,
  PreparedRegion,
  PreparedRule,
  PreparedTable,
} from "./prepared-allocation.ts";
import { toYuan, yuanPerRoundingUnit } from "./units.ts";

export type ValidatedAllocation =
  | { ok: true; value: PreparedAllocation }
  | { ok: false; issues: AllocationIssue[] };

/** Checks a model and its data (both as parsed from JSON); never throws for bad input. */
export function validateAllocation(model: unknown, data: unknown): ValidatedAllocation {
  const parsedModel = AllocationModel.safeParse(model, { reportInput: true });
  // Valid data take the hand-checked path; anything in doubt goes through zod, which words the errors.
  const fast = fastAllocationData(data);
  const parsedData =
    fast === undefined
      ? AllocationData.safeParse(data, { reportInput: true })
      : { success: true as const, data: fast };
  const issues = [
    ...(parsedModel.success ? [] : shapeIssues(parsedModel.error.issues, [])),
    ...(parsedData.success ? [] : shapeIssues(parsedData.error.issues, ["data"])),
  ];
  if (!parsedModel.success || !parsedData.success) return { ok: false, issues };
  return checkAllocation(parsedModel.data, parsedData.data);
}

/** Like validateAllocation, but throws an AllocationError naming `file`. */
export function prepareAllocation(
  model: unknown,
  data: unknown,
  file?: string,
): PreparedAllocation {
  const result = validateAllocation(model, data);
  if (!result.ok) throw new AllocationError(result.issues, file);
  return result.value;
}

/** Reads a file holding a model and its `data`; checks its shape only (allocate checks the figures). */
export function splitAllocationFile(
  json: unknown,
  file?: string,
): { model: AllocationModel; data: AllocationData } {
  const parsed = AllocationFile.safeParse(json, { reportInput: true });
  if (!parsed.success) throw new AllocationError(shapeIssues(parsed.error.issues, []), file);
  const { data, ...model } = parsed.data;
  return { model, data };
}

function shapeIssues(raw: readonly z.core.$ZodIssue[], base: IssuePath): AllocationIssue[] {
  return fromZodIssues(raw, base).map((found) =>
    allocationIssue(found.path, "allocation.shape", {
      problem: issueMessage(found, "en-US"),
      problem_zh: issueMessage(found, "zh-CN"),
    }),
  );
}

/** A decimal as written, or undefined when it is not one. */
function readDecimal(raw: DecimalText): Decimal | undefined {
  const text = typeof raw === "number" ? String(raw) : raw.trim();
  return DECIMAL_PATTERN.test(text) ? new Decimal(text) : undefined;
}

/** Counts as most data give them: up to 7 digits, which decimal.js takes from a number in one step. */
const SMALL_COUNT = /^\d{1,7}$/;

function cachedReader(): (raw: DecimalText) => Decimal | undefined {
  const cache = new Map<DecimalText, Decimal | undefined>();
  return (raw) => {
    // The same value as new Decimal(text), without parsing the text: "0075" is 75 either way.
    if (typeof raw === "string" && SMALL_COUNT.test(raw)) return new Decimal(Number(raw));
    let value = cache.get(raw);
    if (value === undefined && !cache.has(raw)) {
      value = readDecimal(raw);
      cache.set(raw, value);
    }
    return value;
  };
}

const shown = (raw: DecimalText) => (typeof raw === "number" ? String(raw) : raw);
const fig = (value: Decimal) => (value.isZero() ? "0" : value.toString());

/** The checks of a model and data whose shape is right; collects every problem before giving up. */
export function checkAllocation(model: AllocationModel, data: AllocationData): ValidatedAllocation {
  const issues: AllocationIssue[] = [];
  const add = (path: IssuePath, code: AllocationIssueCode, params: AllocationIssueParams = {}) => {
    issues.push(allocationIssue(path, code, params));
  };
  /** A figure of the model: a decimal, never negative. */
  const figure = (raw: DecimalText, path: IssuePath): Decimal | undefined => {
    const value = readDecimal(raw);
    if (value === undefined) add(path, "allocation.not_a_number", { value: shown(raw) });
    else if (value.isNeg() && !value.isZero())
      add(path, "allocation.negative", { value: shown(raw) });
    else return value;
    return undefined;
  };
  const yuan = (raw: DecimalText, path: IssuePath) => {
    const value = figure(raw, path);
    return value === undefined ? undefined : toYuan(value, model.unit);
  };

  const total = yuan(model.total, ["total"]);
  const heldBack = (model.heldBack ?? []).map((h, i) => ({
    name: h.name,
    amount: yuan(h.amount, ["heldBack", i, "amount"]),
  }));
  const factors = prepareFactors(model, figure, add);
  const tables = (model.coefficients ?? []).map((t, i) => prepareTable(t, i, figure, add));
  uniqueKeys(
    (model.coefficients ?? []).map((t) => t.key),
    (i, key) => add(["coefficients", i, "key"], "allocation.duplicate_table", { table: key }),
  );

  if (model.regions.length === 0) add(["regions"], "allocation.no_regions");
  uniqueKeys(
    model.regions.map((r) => r.code),
    (i, code) =>
      add(["regions", i, "code"], "allocation.duplicate_region", {
        region: code,
        regionName: model.regions[i]?.name ?? "",
      }),
  );

  const unit = yuanPerRoundingUnit(model.rounding);
  let distributable: Decimal | undefined;
  const heldBackSum = heldBack.reduce<Decimal | undefined>(
    (sum, h) => (sum === undefined || h.amount === undefined ? undefined : sum.plus(h.amount)),
    ZERO,
  );
  if (total !== undefined && heldBackSum !== undefined) {
    const left = total.minus(heldBackSum);
    if (left.isNeg()) {
      add(["heldBack"], "allocation.held_back_exceeds", {
        heldBack: fig(heldBackSum.div(toYuan(ONE, model.unit))),
        total: shown(model.total),
      });
    } else if (!left.mod(unit).isZero()) {
      add(["total"], "allocation.not_multiple", {
        distributable: fig(left),
        rounding: model.rounding,
        unit: fig(unit),
      });
    } else {
      distributable = left;
    }
  }

  const bounds = prepareBounds(model, unit, distributable, yuan, add);
  const regions = prepareRegions(model, data, factors, tables, bounds, add);

  const sums = factorSums(factors.length, regions);
  if (issues.length === 0) checkSums(factors, sums, add);
  if (issues.length > 0 || total === undefined || heldBackSum === undefined) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    value: {
      model,
      data,
      total,
      heldBack: heldBack.map((h) => ({ name: h.name, amount: h.amount ?? ZERO })),
      heldBackSum,
      distributable: distributable ?? ZERO,
      rounding: model.rounding,
      unit,
      factors: factors.map((f) => f.prepared),
      tables: tables.map((t) => t.prepared),
      regions,
      sums,
    },
  };
}

type Figure = (raw: DecimalText, path: IssuePath) => Decimal | undefined;
type Add = (path: IssuePath, code: AllocationIssueCode, params?: AllocationIssueParams) => void;

function uniqueKeys(keys: readonly string[], duplicate: (index: number, key: string) => void) {
  const seen = new Set<string>();
  for (const [index, key] of keys.entries()) {
    if (seen.has(key)) duplicate(index, key);
    seen.add(key);
  }
}

function prepareFactors(model: AllocationModel, figure: Figure, add: Add) {
  uniqueKeys(
    model.factors.map((f) => f.key),
    (i, key) => add(["factors", i, "key"], "allocation.duplicate_factor", { factor: key }),
  );
  const factors = model.factors.map((f, i) => {
    const weight = figure(f.weight, ["factors", i, "weight"]);
    const prepared: PreparedFactor = {
      key: f.key,
      name: f.name,
      unit: f.unit,
      weight: weight ?? ZERO,
      source: f.source,
    };
    return { prepared, ok: weight !== undefined };
  });
  if (factors.every((f) => f.ok)) {
    const sum = factors.reduce((s, f) => s.plus(f.prepared.weight), ZERO);
    if (!sum.eq(HUNDRED)) add(["factors"], "allocation.weights_sum", { sum: fig(sum) });
  }
  return factors;
}

function prepareTable(table: CoefficientTable, index: number, figure: Figure, add: Add) {
  const at = ["coefficients", index];
  const names = { table: table.key, tableName: textIn(table.name, "zh-CN") };
  const tiers = new Map<string, Decimal>();
  for (const [t, tier] of table.tiers.entries()) {
    if (tiers.has(tier.label)) {
      add([...at, "tiers", t, "label"], "allocation.duplicate_tier", {
        ...names,
        label: tier.label,
      });
    }
    tiers.set(tier.label, figure(tier.value, [...at, "tiers", t, "value"]) ?? ZERO);
  }
  const options = table.tiers.map((t) => t.label).join(", ");
  let ok = true;
  const known = (label: string, path: IssuePath) => {
    if (tiers.has(label)) return;
    ok = false;
    add(path, "allocation.rule_unknown_tier", { ...names, label, options });
  };
  const { rule } = table;
  let prepared: PreparedRule;
  switch (rule.kind) {
    case "entered":
      prepared = rule;
      break;
    case "grade":
      for (const grade of GRADES) known(rule.map[grade], [...at, "rule", "map", grade]);
      known(rule.default, [...at, "rule", "default"]);
      prepared = rule;
      break;
    case "score": {
      const bands: { min: Decimal; label: string }[] = [];
      const mins = new Set<string>();
      for (const [b, band] of rule.bands.entries()) {
        const path = [...at, "rule", "bands", b];
        known(band.label, [...path, "label"]);
        const min = readDecimal(band.min);
        if (min === undefined) {
          ok = false;
          add([...path, "min"], "allocation.not_a_number", { value: shown(band.min) });
          continue;
        }
        if (mins.has(min.toString())) {
          ok = false;
          add([...path, "min"], "allocation.duplicate_band", { ...names, min: fig(min) });
        }
        mins.add(min.toString());
        bands.push({ min, label: band.label });
      }
      known(rule.default, [...at, "rule", "default"]);
      bands.sort((a, b) => b.min.comparedTo(a.min));
      prepared = { kind: "score", bands, default: rule.default };
      break;
    }
  }
  const result: PreparedTable = {
    key: table.key,
    name: table.name,
    tiers,
    rule: prepared,
    choices: new Map(),
  };
  return { prepared: result, ok };
}

interface Bounds {
  floor: (code: string) => Decimal | undefined;
  cap: (code: string) => Decimal | undefined;
}

function prepareBounds(
  model: AllocationModel,
  unit: Decimal,
  distributable: Decimal | undefined,
  yuan: Figure,
  add: Add,
): Bounds {
  const codes = new Set(model.regions.map((r) => r.code));
  const nameOf = new Map(model.regions.map((r) => [r.code, r.name]));
  const WORDS = {
    floor: { bound: "保底额", bound_en: "floor" },
    cap: { bound: "封顶额", bound_en: "cap" },
  } as const;
  const multiple = (value: Decimal, kind: "floor" | "cap", path: IssuePath, code?: string) => {
    if (value.mod(unit).isZero()) return;
    add(path, "allocation.bound_not_multiple", {
      ...WORDS[kind],
      where: code ? `地区 ${code}（${nameOf.get(code)}）的` : "统一",
      where_en: code ? ` of region ${code} (${nameOf.get(code)})` : " for every region",
      value: fig(value),
      rounding: model.rounding,
      unit: fig(unit),
    });
  };
  const read = (kind: "floor" | "cap") => {
    const field = kind === "floor" ? "floors" : "caps";
    const global = model[kind];
    const all = global === undefined ? undefined : yuan(global, [kind]);
    if (all !== undefined) multiple(all, kind, [kind]);
    const own = new Map<string, Decimal>();
    for (const [code, raw] of Object.entries(model[field] ?? {})) {
      if (!codes.has(code)) {
        add([field, code], "allocation.unknown_bound_region", {
          region: code,
          bound: `${WORDS[kind].bound}表 ${field}`,
          bound_en: field,
        });
        continue;
      }
      const value = yuan(raw, [field, code]);
      if (value === undefined) continue;
      multiple(value, kind, [field, code], code);
      own.set(code, value);
    }
    return { all, own };
  };
  const floors = read("floor");
  const caps = read("cap");
  const bounds: Bounds = {
    floor: (code) => floors.own.get(code) ?? floors.all,
    cap: (code) => caps.own.get(code) ?? caps.all,
  };

  if (floors.all && caps.all && floors.all.gt(caps.all)) {
    add(["floor"], "allocation.floor_above_cap", {
      region: "*",
      regionName: "全部地区 / every region",
      floor: fig(floors.all),
      cap: fig(caps.all),
    });
  }
  let floorSum = ZERO;
  let capSum: Decimal | undefined = ZERO;
  for (const region of model.regions) {
    const floor = bounds.floor(region.code);
    const cap = bounds.cap(region.code);
    const own = floors.own.has(region.code) || caps.own.has(region.code);
    if (own && floor && cap && floor.gt(cap)) {
      add(
        [floors.own.has(region.code) ? "floors" : "caps", region.code],
        "allocation.floor_above_cap",
        {
          region: region.code,
          regionName: region.name,
          floor: fig(floor),
          cap: fig(cap),
        },
      );
    }
    if (floor) floorSum = floorSum.plus(floor);
    capSum = cap && capSum ? capSum.plus(cap) : undefined;
  }
  if (distributable !== undefined && model.regions.length > 0) {
    if (floorSum.gt(distributable)) {
      add(["floors"], "allocation.floors_exceed", {
        floors: fig(floorSum),
        distributable: fig(distributable),
      });
    }
    if (capSum?.lt(distributable)) {
      add(["caps"], "allocation.caps_below", {
        caps: fig(capSum),
        distributable: fig(distributable),
      });
    }
  }
  return bounds;
}

interface RegionContext {
  factors: readonly PreparedFactor[];
  tables: readonly PreparedTable[];
  factorKeys: ReadonlySet<string>;
  enteredTables: ReadonlySet<string>;
  bounds: Bounds;
  add: Add;
  /** Composite coefficients by tier labels, table by table: regions in the same tiers share one product. */
  composites: CompositeNode;
  /** readDecimal with a cache: counts such as 75 communities recur, and a Decimal never changes. */
  read: (raw: DecimalText) => Decimal | undefined;
}

const NO_DATA: RegionData = { factors: {} };

/** The product of the values chosen in the tables so far, and the products one table further. */
interface CompositeNode {
  composite: Decimal;
  next: Map<string, CompositeNode>;
}

function prepareRegions(
  model: AllocationModel,
  data: AllocationData,
  factors: readonly { prepared: PreparedFactor }[],
  tables: readonly { prepared: PreparedTable; ok: boolean }[],
  bounds: Bounds,
  add: Add,
): PreparedRegion[] {
  const listed = new Set(model.regions.map((r) => r.code));
  for (const code of Object.keys(data.regions)) {
    if (!listed.has(code))
      add(["data", "regions", code], "allocation.unknown_region", { region: code });
  }
  const usable = tables.filter((t) => t.ok).map((t) => t.prepared);
  const context: RegionContext = {
    factors: factors.map((f) => f.prepared),
    tables: usable,
    factorKeys: new Set(factors.map((f) => f.prepared.key)),
    enteredTables: new Set(
      tables.filter((t) => t.prepared.rule.kind === "entered").map((t) => t.prepared.key),
    ),
    bounds,
    add,
    composites: { composite: ONE, next: new Map() },
    read: cachedReader(),
  };
  // Plain loops and no closures per region: this runs for every county of a national allocation.
  const regions: PreparedRegion[] = [];
  for (const region of model.regions) {
    const regionData = Object.hasOwn(data.regions, region.code)
      ? (data.regions[region.code] ?? NO_DATA)
      : NO_DATA;
    regions.push(prepareRegion(region, regionData, context));
  }
  return regions;
}

function prepareRegion(
  region: AllocationModel["regions"][number],
  regionData: RegionData,
  context: RegionContext,
): PreparedRegion {
  // Plain loops, no closures and no strings unless there is a problem: this runs for every county.
  const { factors: given, tiers } = regionData;
  for (const key in given) {
    if (!context.factorKeys.has(key)) {
      problem(context, region, ["factors", key], "allocation.unknown_factor", { factor: key });
    }
  }
  const values: Decimal[] = [];
  for (const factor of context.factors) {
    const raw = Object.hasOwn(given, factor.key) ? given[factor.key] : undefined;
    const value = raw === undefined || raw === null ? undefined : context.read(raw);
    if (value !== undefined && !(value.isNeg() && !value.isZero())) {
      values.push(value);
    } else {
      valueProblem(context, region, factor, raw, value);
      values.push(ZERO);
    }
  }

  for (const key in tiers) {
    if (!context.enteredTables.has(key)) {
      problem(context, region, ["tiers", key], "allocation.unknown_table", { table: key });
    }
  }
  let score: Decimal | undefined;
  if (regionData.score !== undefined) {
    score = context.read(regionData.score);
    if (score === undefined) {
      problem(context, region, ["score"], "allocation.score_not_a_number", {
        value: shown(regionData.score),
      });
    }
  }
  const inputs: CoefficientInputs = { tiers, grade: regionData.grade, score };
  const choices: CoefficientChoice[] = [];
  let node = context.composites;
  for (const table of context.tables) {
    const outcome = chooseTier(table, inputs);
    if ("problem" in outcome) {
      tierProblem(context, region, table, outcome);
      continue;
    }
    choices.push(outcome);
    let next = node.next.get(outcome.label);
    if (next === undefined) {
      next = { composite: node.composite.times(outcome.value), next: new Map() };
      node.next.set(outcome.label, next);
    }
    node = next;
  }
  return {
    code: region.code,
    name: region.name,
    values,
    choices,
    grade: regionData.grade,
    score,
    composite: node.composite,
    floor: context.bounds.floor(region.code),
    cap: context.bounds.cap(region.code),
  };
}

type ModelRegion = AllocationModel["regions"][number];

/** A problem of one region's data, its path under data.regions and its code and name in the words. */
function problem(
  context: RegionContext,
  region: ModelRegion,
  rest: readonly string[],
  code: AllocationIssueCode,
  params: AllocationIssueParams,
) {
  context.add(["data", "regions", region.code, ...rest], code, {
    region: region.code,
    regionName: region.name,
    ...params,
  });
}

function valueProblem(
  context: RegionContext,
  region: ModelRegion,
  factor: PreparedFactor,
  raw: DecimalText | null | undefined,
  value: Decimal | undefined,
) {
  const names = { factor: factor.key, factorName: textIn(factor.name, "zh-CN") };
  const path = ["factors", factor.key];
  if (raw === undefined || raw === null) {
    problem(context, region, path, "allocation.missing_value", names);
  } else if (value === undefined) {
    problem(context, region, path, "allocation.value_not_a_number", {
      ...names,
      value: shown(raw),
    });
  } else {
    problem(context, region, path, "allocation.negative_value", { ...names, value: shown(raw) });
  }
}

function tierProblem(
  context: RegionContext,
  region: ModelRegion,
  table: PreparedTable,
  outcome: TierProblem,
) {
  const params = {
    table: table.key,
    tableName: textIn(table.name, "zh-CN"),
    options: [...table.tiers.keys()].join(", "),
  };
  const path = ["tiers", table.key];
  if (outcome.problem === "missing-tier") {
    problem(context, region, path, "allocation.missing_tier", params);
  } else {
    problem(context, region, path, "allocation.unknown_tier", { ...params, label: outcome.label });
  }
}

/**
 * Σ (value × composite) per factor over every region, as Σ over composites of composite × Σ values:
 * the same exact figure with one multiplication per composite instead of one per region.
 */
function factorSums(count: number, regions: readonly PreparedRegion[]): Decimal[] {
  const byComposite = new Map<Decimal, Decimal[]>();
  for (const region of regions) {
    let group = byComposite.get(region.composite);
    if (!group) {
      group = new Array<Decimal>(count).fill(ZERO);
      byComposite.set(region.composite, group);
    }
    for (let f = 0; f < count; f += 1) {
      group[f] = (group[f] ?? ZERO).plus(region.values[f] ?? ZERO);
    }
  }
  const sums = new Array<Decimal>(count).fill(ZERO);
  for (const [composite, group] of byComposite) {
    for (let f = 0; f < count; f += 1) {
      sums[f] = (sums[f] ?? ZERO).plus((group[f] ?? ZERO).times(composite));
    }
  }
  return sums;
}

/** A factor whose Σ(value × composite) is 0 would divide by zero. */
function checkSums(
  factors: readonly { prepared: PreparedFactor }[],
  sums: readonly Decimal[],
  add: Add,
) {
  for (const [f, { prepared }] of factors.entries()) {
    if (sums[f]?.isZero()) {
      add(["factors", f], "allocation.factor_sum_zero", {
        factor: prepared.key,
        factorName: textIn(prepared.name, "zh-CN"),
      });
    }
  }
}
