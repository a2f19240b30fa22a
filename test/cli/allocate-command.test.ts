// `jixiao allocate` from a model file: Guangdong 2024's cities with their derivations, the JSON
// answer, a separate data file, and a broken model refused with every problem named.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/domain/decimal.ts";
import { runJixiao } from "./jixiao-process.ts";

const MODEL = "demo/guangdong-2024/allocation-model.json";
const dir = mkdtempSync(join(tmpdir(), "jixiao-allocate-"));

describe("jixiao allocate", () => {
  it("prints each city's amount and how it was reached", async () => {
    const r = await runJixiao(["allocate", "--model", MODEL], {});
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[1]).toBe(
      "资金总额 188600000 元，预留 1880000 元，可分配 186720000 元，已分配 186720000 元（按元取整）",
    );
    expect(lines[2]).toBe("汕头市（440500）\t33946341 元\t综合系数 9");
    expect(lines[3]).toContain("改造户数因素：19136户×9÷813773.335×40%×186720000元=15806694.02元");
  });

  it("answers JSON whose amounts add up to the distributable total, with a data file apart", async () => {
    const file = JSON.parse(readFileSync(MODEL, "utf8")) as { data: { regions: object } };
    const { data, ...model } = file;
    const modelPath = join(dir, "model.json");
    const dataPath = join(dir, "data.json");
    writeFileSync(modelPath, JSON.stringify({ ...model, data: { regions: {} } }));
    writeFileSync(dataPath, JSON.stringify(data));
    const r = await runJixiao(["allocate", "--model", modelPath, "--data", dataPath, "--json"], {});
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout) as {
      distributable: string;
      regions: {
        region: string;
        amount: string;
        shares: Record<string, string>;
        coefficient: string;
      }[];
    };
    expect(answer.regions).toHaveLength(15);
    const total = answer.regions.reduce((s, x) => s.plus(x.amount), new Decimal(0));
    expect(total.toString()).toBe(answer.distributable);
    expect(answer.regions[0]).toMatchObject({
      region: "440500",
      amount: "33946341",
      coefficient: "9",
      shares: {
        area: "15016990.72",
        households: "15806694.02",
        buildings: "1029828.86",
        communities: "2092826.89",
      },
    });
  });

  it("refuses a broken model with each problem and exit code 2", async () => {
    const path = join(dir, "broken.json");
    writeFileSync(
      path,
      JSON.stringify({
        name: "坏模型",
        year: 2024,
        unit: "元",
        total: "100",
        factors: [{ key: "a", name: "户数", weight: "90", source: { kind: "entered" } }],
        rounding: "元",
        regions: [],
        data: { regions: {} },
      }),
    );
    const r = await runJixiao(["allocate", "--model", path], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path} factors: 各因素权重之和为 90%，应为 100%`);
    expect(r.stderr).toContain(`${path} regions: 地区列表为空，没有可分配的对象`);
  });
});
