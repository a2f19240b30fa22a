/**
 * `jixiao report`: a report as a file — the score table of an evaluation sheet in the database
 * (--sheet) or offline from a framework and an input file (--framework, --input); the monitoring
 * summary of a region's year (--template monitoring --region --year) — in docx, xlsx or pdf.
 */
import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { type Command, Option } from "commander";
import { loadConfig } from "../config.ts";
import { DomainError } from "../domain/errors.ts";
import { textIn } from "../domain/frameworks/index.ts";
import { scoreTableDocument } from "../domain/reports/index.ts";
import { scoreValidated } from "../domain/scoring/index.ts";
import { REPORT_FORMATS, type ReportFormat } from "../reports/formats.ts";
import { chromiumPdf } from "../reports/pdf.ts";
import {
  readFrameworkFile,
  readInputFile,
  resolveFrameworkPath,
} from "../services/framework-files.ts";
import { REPORT_TEMPLATES, regionReport, sheetReport, systemContext } from "../services/index.ts";
import { parseYear } from "./data-commands.ts";
import { operator, withDatabase } from "./with-database.ts";

function invalid(field: string, value: string, reason: string): DomainError {
  return new DomainError("request.invalid", {}, { field, value, reason });
}

/** --format, or the output file's extension. */
function formatOf(given: string | undefined, output: string): ReportFormat {
  const format = given ?? extname(output).slice(1).toLowerCase();
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw invalid("format", format, "须为 docx、xlsx 或 pdf / docx, xlsx or pdf");
  }
  return format as ReportFormat;
}

export function registerReportCommand(program: Command, out: (line: string) => void) {
  program
    .command("report")
    .description(
      "生成报告文件（评分表、运行监控情况）/ write a report (score table, monitoring summary) as docx, xlsx or pdf",
    )
    .addOption(
      new Option("--template <name>", "报告模板 / template")
        .choices(REPORT_TEMPLATES)
        .default("score-table"),
    )
    .addOption(
      new Option("--format <format>", "文件格式，默认按 -o 的扩展名 / format").choices(
        REPORT_FORMATS,
      ),
    )
    .requiredOption("-o, --output <file>", "输出文件 / output file")
    .option("--sheet <id>", "数据库中的评价表编号 / an evaluation sheet in the database")
    .option("--region <code>", "monitoring：区域代码 / monitoring: region code")
    .option("--year <year>", "monitoring：年度 / monitoring: year")
    .option("--framework <file>", "离线：指标体系文件或 builtin:NAME / offline: a framework")
    .option("--input <file>", "离线：数据文件 / offline: an input file")
    .option("--unit <name>", "离线：填报单位 / offline: the evaluated unit")
    .action(
      async (opts: {
        template: (typeof REPORT_TEMPLATES)[number];
        format?: string;
        output: string;
        sheet?: string;
        region?: string;
        year?: string;
        framework?: string;
        input?: string;
        unit?: string;
      }) => {
        const format = formatOf(opts.format, opts.output);
        const pdf = chromiumPdf(loadConfig().chromiumPath);
        let bytes: Uint8Array;
        if (opts.template === "monitoring") {
          if (!opts.region || !opts.year) {
            throw invalid(
              "region",
              opts.region ?? "",
              "monitoring 须给出 --region 与 --year / give --region and --year",
            );
          }
          const year = parseYear(opts.year);
          const region = opts.region;
          const file = await withDatabase((d) =>
            regionReport(
              d.db,
              systemContext(operator()),
              { regionCode: region, year },
              format,
              pdf,
            ),
          );
          bytes = file.bytes;
        } else if (opts.sheet !== undefined) {
          const id = Number(opts.sheet);
          if (!Number.isInteger(id) || id <= 0)
            throw invalid("sheet", opts.sheet, "须为正整数 / a positive integer");
          const file = await withDatabase((d) =>
            sheetReport(d.db, systemContext(operator()), id, "score-table", format, pdf),
          );
          bytes = file.bytes;
        } else if (opts.framework && opts.input) {
          const framework = readFrameworkFile(resolveFrameworkPath(opts.framework));
          const input = readInputFile(framework, opts.input);
          const card = scoreValidated(framework, input);
          const unit = opts.unit ?? (input.subject ? textIn(input.subject, "zh-CN") : "");
          const { renderReport } = await import("../reports/index.ts");
          bytes = await renderReport(scoreTableDocument(framework, card, { unit }), format, pdf);
        } else {
          throw invalid(
            "sheet",
            "",
            "须给出 --sheet，或同时给出 --framework 与 --input / give --sheet, or --framework with --input",
          );
        }
        writeFileSync(opts.output, bytes);
        out(`已写入 / written: ${opts.output} (${bytes.length} bytes)`);
      },
    );
}
