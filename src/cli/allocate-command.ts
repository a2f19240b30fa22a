/** `jixiao allocate`: a factor-method allocation from a model file, each region's amount and derivation. */
import type { Command } from "commander";
import { loadConfig } from "../config.ts";
import {
  type AllocationResult,
  allocate,
  splitAllocationFile,
} from "../domain/allocation/index.ts";
import { Decimal, formatFixed } from "../domain/decimal.ts";
import { DomainError } from "../domain/errors.ts";
import { readInput } from "./data-commands.ts";
import type { CliIo } from "./io.ts";

async function readJson(path: string, io: CliIo): Promise<unknown> {
  const bytes = await readInput(path, loadConfig(io.env).uploadLimits);
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new DomainError("allocation.file_not_json", {
      file: path,
      reason: (err as Error).message,
    });
  }
}

/** The JSON answer: each region's amount, its factor parts and coefficient, and the totals. */
export function allocationJson(result: AllocationResult) {
  return {
    name: result.name,
    year: result.year,
    unit: result.unit,
    rounding: result.rounding,
    total: result.totals.total,
    heldBack: result.totals.heldBack,
    distributable: result.totals.distributable,
    allocated: result.totals.allocated,
    regions: result.regions.map((r) => ({
      region: r.code,
      name: r.name,
      amount: r.amount,
      // Each factor's part before rounding, to the fen; the amount is the rounded sum.
      shares: Object.fromEntries(
        Object.entries(r.shares).map(([k, v]) => [k, formatFixed(new Decimal(v), 2)]),
      ),
      coefficient: r.composite,
      coefficients: r.coefficients,
      roundingAdjustment: r.roundingAdjustment,
      flags: r.flags.map((f) => f.message["zh-CN"]),
    })),
  };
}

export function registerAllocateCommand(program: Command, io: CliIo) {
  const { out } = io;
  program
    .command("allocate")
    .description("按因素法测算资金分配 / allocate by the factor method from a model file")
    .requiredOption(
      "--model <file>",
      "分配模型（JSON；可在 data 中含各地区数据）/ the model (JSON, data under `data`)",
    )
    .option("--data <file>", "各地区数据（JSON，覆盖模型文件中的 data）/ the regions' data")
    .option("--json", "JSON 输出 / JSON output")
    .action(async (opts: { model: string; data?: string; json?: boolean }) => {
      const file = await readJson(opts.model, io);
      const split = splitAllocationFile(
        opts.data ? { ...(file as object), data: await readJson(opts.data, io) } : file,
        opts.model,
      );
      const result = allocate(split.model, split.data, { file: opts.model });
      if (opts.json) {
        out(JSON.stringify(allocationJson(result), null, 2));
        return;
      }
      const t = result.totals;
      out(`${result.name}`);
      out(
        `资金总额 ${t.total} 元，预留 ${t.heldBack} 元，可分配 ${t.distributable} 元，已分配 ${t.allocated} 元（按${result.rounding}取整）`,
      );
      for (const r of result.regions) {
        out(`${r.name}（${r.code}）\t${r.amount} 元\t综合系数 ${r.composite}`);
        out(`    ${r.derivation["zh-CN"]}`);
      }
      for (const w of result.warnings) out(`[提示] ${w.regionName}：${w.message["zh-CN"]}`);
    });
}
