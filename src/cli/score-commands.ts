/** `jixiao frameworks`, `jixiao framework validate|schema` and `jixiao score`: thin calls into the scoring engine. */
import { type Command, Option } from "commander";
import { formatByPolicy, formatPercent, formatPlain } from "../domain/decimal.ts";
import type { Locale } from "../domain/errors.ts";
import {
  frameworkJsonSchema,
  inputJsonSchema,
  leafIndicators,
  textIn,
  walkIndicators,
} from "../domain/frameworks/index.ts";
import { type Scorecard, scorecardToJson, scoreValidated } from "../domain/scoring/index.ts";
import {
  displayPath,
  listBuiltinFrameworks,
  readFrameworkFile,
  readInputFile,
  resolveFrameworkPath,
} from "../services/evaluations/framework-files.ts";
import type { CliIo } from "./io.ts";

const LOCALES = ["zh-CN", "en-US"] as const;

const HEADERS: Record<Locale, string[]> = {
  "zh-CN": ["代码", "指标", "分值", "得分", "评分理由"],
  "en-US": ["Code", "Indicator", "Points", "Score", "Reason"],
};

/** Adds the scoring commands to a commander program; `out` receives each line printed. */
export function registerScoringCommands(program: Command, io: CliIo): void {
  const { out } = io;
  program
    .command("frameworks")
    .description(
      "列出内置指标体系及其示例数据 / list the built-in frameworks and their example inputs",
    )
    .option("--json", "JSON 输出 / JSON output")
    .action((opts: { json?: boolean }) => {
      const builtins = listBuiltinFrameworks();
      if (opts.json) {
        const rows = builtins.map((b) => ({
          code: b.code,
          name: textIn(b.name, "zh-CN"),
          year: b.year,
          evaluationType: b.evaluationType,
          framework: b.file,
          exampleInput: b.exampleInput,
        }));
        out(JSON.stringify(rows, null, 2));
        return;
      }
      for (const b of builtins) {
        out(`${b.code}\t${b.year}\t${b.evaluationType}\t${textIn(b.name, "zh-CN")}`);
        out(`  指标体系 / framework: ${displayPath(b.file)}  (builtin:${b.code})`);
        out(`  示例数据 / example input: ${b.exampleInput ? displayPath(b.exampleInput) : "-"}`);
      }
    });

  const framework = program.command("framework").description("指标体系文件 / framework files");
  framework
    .command("validate <file>")
    .description("校验指标体系文件（可同时校验数据文件）/ validate a framework file (and an input)")
    .option(
      "--input <file>",
      "同时按此指标体系校验数据文件 / also validate an input file against it",
    )
    .action((file: string, opts: { input?: string }) => {
      const path = resolveFrameworkPath(file);
      const parsed = readFrameworkFile(path);
      const nodes = [...walkIndicators(parsed)];
      const leaves = leafIndicators(parsed).length;
      out(
        `有效 / valid: ${displayPath(path)} — ${parsed.code} ${textIn(parsed.name, "zh-CN")}; ` +
          `${nodes.length} 个指标 / indicators (${leaves} 个末级 / leaves), ` +
          `总分 / points ${formatPlain(parsed.points)}`,
      );
      if (opts.input) {
        readInputFile(parsed, opts.input);
        out(
          `有效 / valid: ${displayPath(opts.input)} — ${leaves} 个末级指标均有数据 / every leaf has data`,
        );
      }
    });
  framework
    .command("schema")
    .description(
      "输出指标体系文件（或数据文件）的 JSON Schema / print the JSON Schema of framework (or input) files",
    )
    .option("--input", "数据文件的 JSON Schema / the input files' schema")
    .action((opts: { input?: boolean }) => {
      out(JSON.stringify(opts.input ? inputJsonSchema() : frameworkJsonSchema(), null, 2));
    });

  program
    .command("score")
    .description("按指标体系为数据文件评分 / score an input file against a framework")
    .requiredOption(
      "--framework <file>",
      "指标体系文件，或 builtin:NAME / a framework file, or builtin:NAME",
    )
    .requiredOption("--input <file>", "数据文件 / the input file")
    .option("--json", "JSON 输出 / JSON output")
    .addOption(
      new Option("--lang <locale>", "评分理由的语言 / language of the reasons")
        .choices(LOCALES)
        .default("zh-CN"),
    )
    .action((opts: { framework: string; input: string; json?: boolean; lang: Locale }) => {
      const parsed = readFrameworkFile(resolveFrameworkPath(opts.framework));
      const input = readInputFile(parsed, opts.input);
      const card = scoreValidated(parsed, input, { locale: opts.lang });
      if (opts.json) {
        out(JSON.stringify(scorecardToJson(card), null, 2));
        return;
      }
      for (const line of renderTable(card)) out(line);
    });
}

/** Columns of East Asian text take two cells on a terminal. */
function cells(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - cells(text)));
const padStart = (text: string, width: number) =>
  " ".repeat(Math.max(0, width - cells(text))) + text;

/** The scorecard as a table: every group and indicator in order, then total and grade. */
export function renderTable(card: Scorecard): string[] {
  const { locale, rounding } = card;
  const zh = locale === "zh-CN";
  const rows = card.nodes.map((node) => {
    const indent = "  ".repeat(node.level - 1);
    const score =
      node.kind === "group"
        ? formatByPolicy(node.score, rounding.group)
        : formatByPolicy(node.score, node.rounding);
    const reason =
      node.kind === "group"
        ? `${zh ? "得分率" : "score rate"} ${formatPercent(node.rate)}%`
        : node.reason;
    const note = node.kind === "indicator" && node.note ? textIn(node.note, locale) : undefined;
    return {
      code: indent + node.code,
      name: textIn(node.name, locale),
      points: formatPlain(node.points),
      score,
      reason,
      note,
    };
  });
  const headers = HEADERS[locale];
  const width = (pick: (r: (typeof rows)[number]) => string, header: string) =>
    Math.max(cells(header), ...rows.map((r) => cells(pick(r))));
  const w = {
    code: width((r) => r.code, headers[0] ?? ""),
    name: Math.min(
      40,
      width((r) => r.name, headers[1] ?? ""),
    ),
    points: width((r) => r.points, headers[2] ?? ""),
    score: width((r) => r.score, headers[3] ?? ""),
  };
  const line = (code: string, name: string, points: string, score: string, reason: string) =>
    [
      padEnd(code, w.code),
      padEnd(name, w.name),
      padStart(points, w.points),
      padStart(score, w.score),
      reason,
    ]
      .join("  ")
      .trimEnd();
  const lines: string[] = [];
  const subject = card.subject ? textIn(card.subject, locale) : undefined;
  if (subject) lines.push(subject);
  lines.push(
    `${textIn(card.framework.name, locale)} (${card.framework.code}, ${card.framework.version})`,
  );
  lines.push("");
  lines.push(
    line(headers[0] ?? "", headers[1] ?? "", headers[2] ?? "", headers[3] ?? "", headers[4] ?? ""),
  );
  for (const r of rows) {
    lines.push(line(r.code, r.name, r.points, r.score, r.reason));
    if (r.note) lines.push(`${" ".repeat(w.code + 2)}${zh ? "注" : "note"}: ${r.note}`);
  }
  lines.push("");
  const total = formatByPolicy(card.total, rounding.total);
  const grade = zh ? card.grade.label : (card.grade.en ?? card.grade.label);
  lines.push(
    zh
      ? `合计 ${total} / ${formatPlain(card.points)} 分，得分率 ${formatPercent(card.rate)}%，等级：${grade}`
      : `Total ${total} of ${formatPlain(card.points)}, score rate ${formatPercent(card.rate)}%, grade: ${grade}`,
  );
  return lines;
}
