/**
 * Golden test: Guangdong 2024 (guangdong-2024-self-evaluation.txt, 一（二） and 表2-3) as the demo
 * model file, recomputed here the spreadsheet way in exact fractions, independently of the module.
 */
import { describe, expect, it } from "vitest";
import guangdong from "../../../demo/guangdong-2024/allocation-model.json" with { type: "json" };
import { allocate } from "./allocate.ts";
import { splitAllocationFile } from "./validate-allocation.ts";

/** An exact fraction n / d with d > 0: BigInt arithmetic, so nothing is rounded at all. */
type Fraction = { n: bigint; d: bigint };
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const frac = (n: bigint, d = 1n): Fraction => {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
const parse = (text: string): Fraction => {
  const [whole = "0", part = ""] = text.split(".");
  return frac(BigInt(whole + part), 10n ** BigInt(part.length));
};
const add = (a: Fraction, b: Fraction) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Fraction, b: Fraction) => frac(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n);
const cmp = (a: Fraction, b: Fraction) => {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
};
const floor = (a: Fraction) => a.n / a.d; // all amounts here are ≥ 0
const ZERO = frac(0n);
/** 20 decimals of a fraction, to compare with the module's 40-digit text. */
const approx = (a: Fraction) => {
  const scaled = (a.n * 10n ** 20n) / a.d;
  const text = scaled.toString().padStart(21, "0");
  return `${text.slice(0, -20)}.${text.slice(-20)}`;
};

/** The whole computation as a spreadsheet does it: columns of x × c, column sums, the formula, then 最大余额法. */
function spreadsheet() {
  const wan = 10000n;
  const total = mul(parse(guangdong.total), frac(wan));
  const heldBack = guangdong.heldBack.reduce(
    (sum, h) => add(sum, mul(parse(h.amount), frac(wan))),
    ZERO,
  );
  const distributable = sub(total, heldBack);
  const tier = (table: string, label: string) => {
    const found = guangdong.coefficients
      .find((t) => t.key === table)
      ?.tiers.find((t) => t.label === label);
    if (!found) throw new Error(`no tier ${label} in ${table}`);
    return parse(found.value);
  };
  const performance = guangdong.coefficients.find((t) => t.key === "performance")?.rule;
  const gradeLabel = (grade: string) =>
    (performance as { map: Record<string, string> }).map[grade] ?? "";

  const rows = guangdong.regions.map((region) => {
    const data = (
      guangdong.data.regions as Record<string, (typeof guangdong.data.regions)["440500"]>
    )[region.code];
    if (!data) throw new Error(`no data for ${region.code}`);
    const c = mul(
      mul(tier("fiscal", data.tiers.fiscal), tier("performance", gradeLabel(data.grade))),
      tier("project", data.tiers.project),
    );
    const x = guangdong.factors.map((f) =>
      parse((data.factors as Record<string, string>)[f.key] ?? ""),
    );
    return { code: region.code, name: region.name, c, xc: x.map((v) => mul(v, c)) };
  });
  const sums = guangdong.factors.map((_, f) =>
    rows.reduce((sum, row) => add(sum, row.xc[f] ?? ZERO), ZERO),
  );
  const raws = rows.map((row) =>
    guangdong.factors.reduce(
      (sum, factor, f) =>
        add(
          sum,
          div(
            mul(mul(distributable, div(parse(factor.weight), frac(100n))), row.xc[f] ?? ZERO),
            sums[f] ?? ZERO,
          ),
        ),
      ZERO,
    ),
  );
  const down = raws.map(floor);
  const missing = floor(distributable) - down.reduce((a, b) => a + b, 0n);
  // Largest remainder first, then larger raw amount, then code ascending.
  const order = raws
    .map((raw, i) => ({ i, rem: sub(raw, frac(down[i] ?? 0n)), raw, code: rows[i]?.code ?? "" }))
    .sort(
      (a, b) =>
        cmp(b.rem, a.rem) || cmp(b.raw, a.raw) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
  const up = new Set(order.slice(0, Number(missing)).map((o) => o.i));
  return {
    distributable,
    rows: rows.map((row, i) => ({
      ...row,
      raw: raws[i] ?? ZERO,
      amount: (down[i] ?? 0n) + (up.has(i) ? 1n : 0n),
    })),
  };
}

describe("Guangdong 2024 factor-method allocation (demo/guangdong-2024/allocation-model.json)", () => {
  const { model, data } = splitAllocationFile(guangdong, "allocation-model.json");
  const result = allocate(model, data);
  const expected = spreadsheet();

  it("distributes 18860万元 less 188万元 for 省本级: 18672万元 to the 15 cities", () => {
    expect(result.totals).toEqual({
      total: "188600000",
      heldBack: "1880000",
      distributable: "186720000",
      allocated: "186720000",
    });
    expect(result.regions).toHaveLength(15);
    expect(result.warnings).toEqual([]);
    expect(result.rounds).toBe(1);
  });

  it("gives every city the spreadsheet's amount to the yuan, and the amounts add up exactly", () => {
    const amounts = result.regions.map((r) => [r.name, r.amount]);
    expect(amounts).toEqual(expected.rows.map((r) => [r.name, r.amount.toString()]));
    const sum = result.regions.reduce((s, r) => s + BigInt(r.amount), 0n);
    expect(sum).toBe(186720000n);
    expect(cmp(frac(sum), expected.distributable)).toBe(0);
  });

  it("has raw amounts equal to the exact fractions to 20 decimals", () => {
    for (const [i, region] of result.regions.entries()) {
      const exact = expected.rows[i]?.raw ?? ZERO;
      const ours = region.raw.includes(".") ? region.raw : `${region.raw}.`;
      const [whole, part = ""] = ours.split(".");
      expect(`${whole}.${part.padEnd(20, "0").slice(0, 20)}`, region.name).toBe(approx(exact));
    }
  });

  it("matches figures written down once from the exact recomputation above", () => {
    // 汕头市: 东西两翼 9 × 优 1 × 储备一般 1 = 9; raw 33946340.4985832814668…, rounded up by remainder.
    // 江门市: 珠三角 8 × 优 1 × 储备充足 1.1 = 8.8; raw 25346705.9405493937800…
    // 清远市: 北部生态发展区 10 × 良 0.95 × 储备充足 1.1 = 10.45; raw 1473983.4314516506776…, rounded down.
    const byName = Object.fromEntries(result.regions.map((r) => [r.name, r]));
    expect(byName.汕头市?.amount).toBe("33946341");
    expect(byName.汕头市?.composite).toBe("9");
    expect(byName.江门市?.amount).toBe("25346706");
    expect(byName.江门市?.composite).toBe("8.8");
    expect(byName.清远市?.amount).toBe("1473983");
    expect(byName.清远市?.composite).toBe("10.45");
    expect(byName.清远市?.coefficients.performance).toEqual({
      label: "良",
      value: "0.95",
      source: "grade",
    });
  });

  it("stays near 表2-2's actual 预算指标 with its illustrative tiers (within 7% for every city)", () => {
    // 表2-2 (万元): what the province actually sent; the tiers in the file were chosen to come close.
    const published: Record<string, number> = {
      汕头市: 3378,
      韶关市: 1443,
      河源市: 1094,
      梅州市: 1358,
      惠州市: 655,
      汕尾市: 541,
      江门市: 2545,
      阳江市: 2146,
      湛江市: 841,
      茂名市: 2779,
      肇庆市: 851,
      清远市: 147,
      潮州市: 316,
      揭阳市: 176,
      云浮市: 402,
    };
    expect(Object.values(published).reduce((a, b) => a + b, 0)).toBe(18672);
    for (const region of result.regions) {
      const wan = Number(region.amount) / 10000;
      const off = Math.abs(wan / (published[region.name] ?? 1) - 1);
      expect(off, region.name).toBeLessThan(0.07);
    }
  });

  it("explains 汕头市's amount in words, factor by factor", () => {
    const shantou = result.regions.find((r) => r.code === "440500");
    expect(shantou?.derivation["zh-CN"]).toBe(
      "可分配资金186720000元；" +
        "改造建筑面积因素：166.88万平方米×9÷7469.8988×40%×186720000元=15016990.72元；" +
        "改造户数因素：19136户×9÷813773.335×40%×186720000元=15806694.02元；" +
        "改造楼栋数因素：538栋×9÷87791.115×10%×186720000元=1029828.86元；" +
        "改造小区数因素：75个×9÷6022.285×10%×186720000元=2092826.89元；" +
        "综合补助系数9×1×1=9（财力补助系数「东西两翼」9，绩效评价调节系数按上年评价等级优取「优」1，项目库系数「储备一般」1）；" +
        "测算数33946340.5元；按元取整（最大余额法）为33946341元，调整+0.5元。",
    );
    expect(shantou?.derivation["en-US"]).toMatch(
      /^Distributable 186720000 yuan; 改造建筑面积: 166\.88 万平方米 × 9 ÷ 7469\.8988 × 40% × 186720000 yuan = 15016990\.72 yuan;/,
    );
  });
});
