/** `jixiao gen`: writes synthetic national-scale import files (one .xlsx per data set and a manifest). */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { areaList } from "@vant/area-data";
import type { Command } from "commander";
import { findDataset } from "../domain/datasets/specs/index.ts";
import { DomainError } from "../domain/errors.ts";
import { buildRegionRows } from "../domain/regions.ts";
import { generate } from "../gen/index.ts";
import { writeDataFile } from "../xlsx/index.ts";
import type { CliIo } from "./io.ts";

function whole(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new DomainError(
      "request.invalid",
      {},
      {
        field: name,
        value: text,
        reason: `须为 ${min}–${max} 的整数 / a whole number ${min}–${max}`,
      },
    );
  }
  return n;
}

export function registerGenCommand(program: Command, io: CliIo) {
  const { out } = io;
  program
    .command("gen")
    .description("生成全国规模的模拟导入文件 / write synthetic national-scale import files")
    .requiredOption("--counties <n>", "区县数（全国约 2850）/ number of counties")
    .requiredOption("--communities-per-county <m>", "每个区县平均小区数 / communities per county")
    .requiredOption("--year <year>", "年度 / year")
    .requiredOption("--seed <s>", "随机种子（相同种子得到相同数据）/ seed")
    .option("--error-rate <r>", "注入错误的小区行比例 / share of rows with a deliberate error", "0")
    .option("--province <code>", "只在该省内选取区县 / only counties of this province")
    .requiredOption("-o, --output <dir>", "输出目录 / output folder")
    .action(
      async (opts: {
        counties: string;
        communitiesPerCounty: string;
        year: string;
        seed: string;
        errorRate: string;
        province?: string;
        output: string;
      }) => {
        const errorRate = Number(opts.errorRate);
        if (!(errorRate >= 0 && errorRate <= 1)) {
          throw new DomainError(
            "request.invalid",
            {},
            { field: "error-rate", value: opts.errorRate, reason: "0–1" },
          );
        }
        const year = whole("year", opts.year, 2000, 2100);
        const started = performance.now();
        const result = generate(buildRegionRows(areaList), {
          counties: whole("counties", opts.counties, 1, 5000),
          communitiesPerCounty: whole("communities-per-county", opts.communitiesPerCounty, 1, 1000),
          year,
          seed: whole("seed", opts.seed, 0, 2 ** 32 - 1),
          errorRate,
          province: opts.province,
        });
        await mkdir(opts.output, { recursive: true });
        const files = [];
        for (const file of result.files) {
          const spec = findDataset(file.dataset);
          if (!spec) continue;
          const name = `${file.dataset}-${year}.xlsx`;
          await writeFile(
            join(opts.output, name),
            await writeDataFile(spec, file.rows, { year, scopeName: "全国" }),
          );
          files.push({ file: name, dataset: file.dataset, rows: file.rows.length });
        }
        const manifest = {
          seed: Number(opts.seed),
          year,
          counties: result.counties,
          communities: result.communities,
          errorRate,
          importOrder: files.map((f) => f.file),
          files,
          errors: result.errors,
        };
        await writeFile(
          join(opts.output, "manifest.json"),
          `${JSON.stringify(manifest, null, 2)}\n`,
        );
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        out(
          `已生成 ${result.counties} 个区县、${result.communities} 个小区，注入错误 ${result.errors.length} 处（${seconds} 秒）/ ` +
            `${result.counties} counties, ${result.communities} communities, ${result.errors.length} deliberate errors: ${opts.output}`,
        );
      },
    );
}
