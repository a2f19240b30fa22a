/** `jixiao check`: every consistency and monitoring rule over a region's year; exit 1 on errors. */
import type { Command } from "commander";
import type { Finding, Severity } from "../domain/checks/index.ts";
import { findDataset } from "../domain/datasets/specs/index.ts";
import { DomainError } from "../domain/errors.ts";
import { checkRegion, systemContext } from "../services/index.ts";
import { parseYear } from "./data-commands.ts";
import type { CliIo } from "./io.ts";
import { operator, withDatabase } from "./with-database.ts";

const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

function invalid(field: string, value: string, reason: string): DomainError {
  return new DomainError("request.invalid", {}, { field, value, reason });
}

function dateOption(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const d = new Date(`${text}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(text) ||
    Number.isNaN(d.getTime()) ||
    d.toISOString().slice(0, 10) !== text
  ) {
    throw invalid("as-of", text, "日期须为 YYYY-MM-DD / a date YYYY-MM-DD");
  }
  return text;
}

function percentOption(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(text)) throw invalid(name, text, "须为非负数 / a number ≥ 0");
  return text;
}

/** One finding on one line: severity, rule, region, data set and field, message. */
export function findingLine(f: Finding): string {
  const spec = findDataset(f.dataset);
  const column = spec?.columns.find((c) => c.key === f.field);
  const where = `${spec?.zh ?? f.dataset}${column ? `「${column.zh[0]}」` : ""}`;
  return `[${SEVERITY_ZH[f.severity]}] ${f.rule}  ${f.regionName}（${f.regionCode}）${f.programme ? ` ${f.programme}` : ""}  ${where}\n    ${f.message.zh}`;
}

export function registerCheckCommand(program: Command, io: CliIo) {
  const { out } = io;
  program
    .command("check")
    .description(
      "检查数据一致性并监控执行进度，有错误时退出码为 1 / check consistency and progress; exit 1 on errors",
    )
    .requiredOption("--region <code>", "区域代码（含下级）/ region code (and below)")
    .requiredOption("--year <year>", "评价年度 / year")
    .option("--as-of <date>", "监控基准日，默认今天 / monitoring date, default today")
    .option("--spend-margin <points>", "支出进度落后多少个百分点为警告（默认 10）/ warning margin")
    .option("--spend-error-margin <points>", "落后多少个百分点为错误（默认 30）/ error margin")
    .option("--high-completion <percent>", "完成率高于多少视为目标偏低（默认 150）")
    .option("--problems", "同时列出候选问题 / also list the candidate problems")
    .option("--json", "JSON 输出 / JSON output")
    .action(
      async (opts: {
        region: string;
        year: string;
        asOf?: string;
        spendMargin?: string;
        spendErrorMargin?: string;
        highCompletion?: string;
        problems?: boolean;
        json?: boolean;
      }) => {
        const year = parseYear(opts.year);
        const asOf = dateOption(opts.asOf);
        const options = Object.fromEntries(
          Object.entries({
            spendMargin: percentOption("spend-margin", opts.spendMargin),
            spendErrorMargin: percentOption("spend-error-margin", opts.spendErrorMargin),
            highCompletion: percentOption("high-completion", opts.highCompletion),
          }).filter(([, v]) => v !== undefined),
        );
        const check = await withDatabase(io, (d) =>
          checkRegion(d.db, systemContext(operator()), {
            regionCode: opts.region,
            year,
            asOf,
            options,
          }),
        );
        const { counts, findings } = check.result;
        if (opts.json) {
          out(
            JSON.stringify(
              {
                region: check.region,
                year: check.year,
                asOf: check.asOf,
                counts,
                findings,
                ...(opts.problems ? { problems: check.problems } : {}),
              },
              null,
              2,
            ),
          );
        } else {
          out(
            `检查 / check: ${check.region.name}（${check.region.code}）${check.year} 年，监控基准日 ${check.asOf}`,
          );
          for (const f of findings) out(findingLine(f));
          if (opts.problems) {
            out(`候选问题 / candidate problems: ${check.problems.length}`);
            for (const p of check.problems) out(`  - ${p.regionName}：${p.text.zh}`);
          }
          out(
            `错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info} / ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`,
          );
        }
        if (counts.error > 0) io.exitCode = 1;
      },
    );
}
