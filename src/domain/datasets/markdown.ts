/** The data-set reference of docs/data-sets.md, written from the specs so that it cannot drift. */
import { DATASETS } from "./specs/index.ts";
import type { ColumnSpec } from "./types.ts";
import { BASE_UNIT } from "./units.ts";

function typeInWords(c: ColumnSpec): string {
  const k = c.kind;
  switch (k.type) {
    case "quantity":
      return `数值，默认 ${k.defaultUnit}（存为${BASE_UNIT[k.family]}，${k.scale} 位小数）`;
    case "enum":
      return `${k.multi ? "多选（顿号分隔）" : "单选"}：${k.values.map((v) => v.zh).join(" / ")}`;
    case "text":
      return `文本 ≤ ${k.maxLength} 字`;
    case "percent":
      return "百分数（19.21% 或 19.21）";
    case "date":
      return "日期";
    case "integer":
      return `整数 ≥ ${k.min}`;
    case "year":
      return "年份";
    case "region":
      return "地区：名称或 6 位代码；「本级」指导入范围本身";
    case "programme":
      return "项目名称（同年度「项目」表中）";
  }
}

export function dataSetsMarkdown(): string {
  const lines: string[] = [];
  for (const d of DATASETS) {
    lines.push(`## ${d.zh} — \`${d.name}\``, "");
    lines.push(
      `${d.description}。${d.en}; table \`${d.table}\`; one row per year + ${d.naturalKey.join(" + ")}.`,
      "",
    );
    lines.push("| 表头 | key | 类型 | 必填 | 说明 |", "|---|---|---|---|---|");
    for (const c of d.columns) {
      const other = c.zh.length > 1 ? `（亦可：${c.zh.slice(1).join("、")}）` : "";
      lines.push(
        `| ${c.zh[0]}${other} | \`${c.key}\` | ${typeInWords(c)} | ${c.required ? "是" : ""} | ${c.note} |`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}
