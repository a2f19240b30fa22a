/** `jixiao import` and `jixiao export`: data-set files in and out, through the same services as the API. */
import { readFile, stat, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../config.ts";
import { DATASET_NAMES } from "../domain/datasets/specs/index.ts";
import { DomainError } from "../domain/errors.ts";
import { fileTooLarge, type UploadLimits } from "../domain/upload-limits.ts";
import { exportDataset, importFile, previewImport, systemContext } from "../services/index.ts";
import type { ImportIssueT, ImportPreviewT } from "../shared/data-schemas.ts";
import type { CliIo } from "./io.ts";
import { operator, withDatabase } from "./with-database.ts";

export function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100) {
    throw new DomainError(
      "request.invalid",
      {},
      { field: "year", value: text, reason: "年度须为 2000–2100 的四位数 / a year 2000–2100" },
    );
  }
  return year;
}

/** A file's bytes; with `textLimits`, a text file (JSON, YAML) over its size limit is refused unread. */
export async function readInput(path: string, textLimits?: UploadLimits): Promise<Uint8Array> {
  try {
    if (textLimits && (await stat(path)).size > textLimits.maxTextBytes) {
      throw fileTooLarge(path, "text", textLimits);
    }
    return new Uint8Array(await readFile(path));
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DomainError("file.not_found", { file: path });
    throw new DomainError("file.unreadable", { file: path, reason: String(code ?? err) });
  }
}

/**
 * The problems of a refused file, one per line: sheet, row, column, field, value, message; the
 * first 1,000 of them, then the total when there were more.
 */
export function issueLines(details: unknown): string {
  const given = details as { issues?: ImportIssueT[]; total?: number } | undefined;
  const issues = given?.issues ?? [];
  const total = given?.total ?? issues.length;
  const more =
    total > issues.length
      ? `共 ${total.toLocaleString("en-US")} 个问题，仅列出前 ${issues.length.toLocaleString("en-US")} 个 / ` +
        `${total.toLocaleString("en-US")} problems in all, the first ${issues.length.toLocaleString("en-US")} listed\n`
      : "";
  const lines = issues
    .map((i) => {
      const where = [
        i.sheet,
        i.row === null ? null : `第 ${i.row} 行`,
        i.column === null ? null : `${i.column} 列`,
        i.field === null ? null : `「${i.field}」`,
      ]
        .filter(Boolean)
        .join(" ");
      return `  ${where}：${i.zh}\n    ${i.en}\n`;
    })
    .join("");
  return lines + more;
}

function summary(p: ImportPreviewT): string {
  const head =
    p.status === "committed" ? "已导入 / imported" : "预览（未写入）/ preview (nothing written)";
  return (
    `${head}: ${p.fileName} → ${p.dataset} ${p.regionName}(${p.regionCode}) ${p.year}\n` +
    `新增 ${p.added} 行，修改 ${p.changed} 行，未变化 ${p.unchanged} 行，跳过 ${p.skipped.length} 行 / ` +
    `added ${p.added}, changed ${p.changed}, unchanged ${p.unchanged}, skipped ${p.skipped.length}`
  );
}

export function registerDataCommands(program: Command, io: CliIo) {
  const { out } = io;
  const datasets = DATASET_NAMES.join(", ");
  program
    .command("import <file>")
    .description(
      "导入数据文件（.xlsx，全部成功或全部不写入）/ import an .xlsx data file, all or nothing",
    )
    .requiredOption("--dataset <name>", `数据集 / data set: ${datasets}`)
    .requiredOption("--region <code>", "导入范围的区域代码 / region code of the import")
    .requiredOption("--year <year>", "年度 / year")
    .option("--dry-run", "只检查并预览，不写入 / check and preview only")
    .option("--json", "JSON 输出 / JSON output")
    .action(
      async (
        file: string,
        opts: { dataset: string; region: string; year: string; dryRun?: boolean; json?: boolean },
      ) => {
        const year = parseYear(opts.year);
        const bytes = await readInput(file);
        const input = {
          dataset: opts.dataset,
          regionCode: opts.region,
          year,
          fileName: basename(file),
          bytes,
          limits: loadConfig(io.env).uploadLimits,
        };
        const result = await withDatabase(io, (d) => {
          const ctx = systemContext(operator());
          if (opts.dryRun) return previewImport(d.db, ctx, input);
          return importFile(d.db, ctx, input, {
            afterChunk: (written) => {
              io.err(`已写入 ${written} 行 / ${written} rows written\n`);
            },
          });
        });
        out(opts.json ? JSON.stringify(result, null, 2) : summary(result));
      },
    );
  program
    .command("export")
    .description("导出数据集为 .xlsx（与导入模板同一格式）/ export a data set as .xlsx")
    .requiredOption("--dataset <name>", `数据集 / data set: ${datasets}`)
    .requiredOption("--region <code>", "区域代码（含下级）/ region code (with those below)")
    .requiredOption("--year <year>", "年度 / year")
    .requiredOption("-o, --output <file>", "输出文件 / output file")
    .action(async (opts: { dataset: string; region: string; year: string; output: string }) => {
      const year = parseYear(opts.year);
      const file = await withDatabase(io, (d) =>
        exportDataset(d.db, systemContext(operator()), opts.dataset, {
          regionCode: opts.region,
          year,
        }),
      );
      await writeFile(opts.output, file.bytes);
      out(`已导出 ${file.rows} 行 / ${file.rows} rows exported: ${opts.output}`);
    });
}
