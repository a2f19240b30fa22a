/**
 * `jixiao report`: a report as a file — a sheet's score table, evaluation report or self-evaluation
 * form (--sheet); an evaluation task's report of all its regions, with progress on stderr
 * (--evaluation, or a sheet template for the launching region's own sheet); offline from a framework
 * and an input file (--framework, --input); the monitoring summary of a region's year (--template
 * monitoring --region --year) — in docx, xlsx or pdf.
 */
import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { type Command, Option } from "commander";
import { loadConfig } from "../config.ts";
import { DomainError } from "../domain/errors.ts";
import { textIn } from "../domain/frameworks/index.ts";
import { scoreTableDocument } from "../domain/reports/index.ts";
import { scoreValidated } from "../domain/scoring/index.ts";
import { REPORT_FORMATS, type ReportFormat } from "../render/formats.ts";
import { chromiumPdf } from "../render/pdf.ts";
import {
  readFrameworkFile,
  readInputFile,
  resolveFrameworkPath,
} from "../services/evaluations/framework-files.ts";
import {
  getTask,
  REPORT_TEMPLATES,
  type ReportTemplate,
  regionReport,
  SHEET_TEMPLATES,
  sheetReport,
  systemContext,
  taskReport,
} from "../services/index.ts";

const isSheetTemplate = (name: string): name is ReportTemplate =>
  (SHEET_TEMPLATES as readonly string[]).includes(name);

import { parseYear } from "./data-commands.ts";
import type { CliIo } from "./io.ts";
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

export function registerReportCommand(program: Command, io: CliIo) {
  const { out } = io;
  program
    .command("report")
    .description(
      "生成报告文件（评分表、运行监控情况）/ write a report (score table, monitoring summary) as docx, xlsx or pdf",
    )
    .addOption(
      new Option(
        "--template <name>",
        "报告模板，默认 score-table（--evaluation 时为 task-report）/ template",
      ).choices(REPORT_TEMPLATES),
    )
    .addOption(
      new Option("--format <format>", "文件格式，默认按 -o 的扩展名 / format").choices(
        REPORT_FORMATS,
      ),
    )
    .requiredOption("-o, --output <file>", "输出文件 / output file")
    .option("--sheet <id>", "数据库中的评价表编号 / an evaluation sheet in the database")
    .option("--evaluation <id>", "评价任务编号 / an evaluation task in the database")
    .option("--region <code>", "monitoring：区域代码 / monitoring: region code")
    .option("--year <year>", "monitoring：年度 / monitoring: year")
    .option("--framework <file>", "离线：指标体系文件或 builtin:NAME / offline: a framework")
    .option("--input <file>", "离线：数据文件 / offline: an input file")
    .option("--unit <name>", "离线：填报单位 / offline: the evaluated unit")
    .action(
      async (opts: {
        template?: (typeof REPORT_TEMPLATES)[number];
        format?: string;
        evaluation?: string;
        output: string;
        sheet?: string;
        region?: string;
        year?: string;
        framework?: string;
        input?: string;
        unit?: string;
      }) => {
        const format = formatOf(opts.format, opts.output);
        const pdf = chromiumPdf(loadConfig(io.env).chromiumPath);
        // The browser starts on the first PDF; closed on every way out, or the process would not end.
        try {
          let bytes: Uint8Array;
          const positive = (field: string, text: string) => {
            const id = Number(text);
            if (!Number.isInteger(id) || id <= 0) {
              throw invalid(field, text, "须为正整数 / a positive integer");
            }
            return id;
          };
          if (opts.evaluation !== undefined) {
            const taskId = positive("evaluation", opts.evaluation);
            const template = opts.template ?? "task-report";
            const file = await withDatabase(io, async (d) => {
              const ctx = systemContext(operator());
              if (template === "task-report") {
                return taskReport(d.db, ctx, taskId, format, pdf, (done, total, stage) => {
                  io.err(`${stage}（${done}/${total}）\n`);
                });
              }
              if (!isSheetTemplate(template)) {
                throw invalid(
                  "template",
                  template,
                  "--evaluation 只用于评价报告模板 / not a sheet template",
                );
              }
              const task = await getTask(d.db, ctx, taskId);
              const own = task.sheets.find((s) => s.regionCode === task.regionCode);
              if (!own) {
                throw invalid(
                  "evaluation",
                  opts.evaluation ?? "",
                  "该任务没有发起地区自身的评价表，请用 --sheet 指定 / the task has no sheet of its own region; use --sheet",
                );
              }
              return sheetReport(d.db, ctx, own.id, template, format, pdf);
            });
            bytes = file.bytes;
          } else if (opts.template === "monitoring") {
            if (!opts.region || !opts.year) {
              throw invalid(
                "region",
                opts.region ?? "",
                "monitoring 须给出 --region 与 --year / give --region and --year",
              );
            }
            const year = parseYear(opts.year);
            const region = opts.region;
            const file = await withDatabase(io, (d) =>
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
            const id = positive("sheet", opts.sheet);
            const template = opts.template ?? "score-table";
            if (!isSheetTemplate(template)) {
              throw invalid(
                "template",
                template,
                "--sheet 只用于评价表模板 / not a sheet template",
              );
            }
            const file = await withDatabase(io, (d) =>
              sheetReport(d.db, systemContext(operator()), id, template, format, pdf),
            );
            bytes = file.bytes;
          } else if (opts.framework && opts.input) {
            const framework = readFrameworkFile(resolveFrameworkPath(opts.framework));
            const input = readInputFile(framework, opts.input);
            const card = scoreValidated(framework, input);
            const unit = opts.unit ?? (input.subject ? textIn(input.subject, "zh-CN") : "");
            const { renderReport } = await import("../render/index.ts");
            bytes = await renderReport(scoreTableDocument(framework, card, { unit }), format, pdf);
          } else {
            throw invalid(
              "sheet",
              "",
              "须给出 --sheet、--evaluation，或同时给出 --framework 与 --input / give --sheet, --evaluation, or --framework with --input",
            );
          }
          writeFileSync(opts.output, bytes);
          out(`已写入 / written: ${opts.output} (${bytes.length} bytes)`);
        } finally {
          await pdf.close();
        }
      },
    );
}
