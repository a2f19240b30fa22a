/** `jixiao frameworks`, `framework validate`, `framework schema` and `score`, in process and as a process. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { registerScoringCommands } from "../../src/cli/score-commands.ts";
import { DomainError } from "../../src/domain/errors.ts";
import { FRAMEWORKS_DIR } from "./builtin-helpers.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(REPO, "bin", "jixiao.js");
const example = (name: string) => join(FRAMEWORKS_DIR, name, "example-input.yaml");
const tmp = mkdtempSync(join(tmpdir(), "jixiao-score-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const program = new Command("jixiao").exitOverride();
  registerScoringCommands(program, {
    out: (line) => lines.push(line),
    write: (text) => lines.push(text),
    err: (text) => lines.push(text),
    env: {},
    exitCode: 0,
  });
  await program.parseAsync(args, { from: "user" });
  return lines;
}

async function failure(...args: string[]): Promise<DomainError> {
  try {
    await run(...args);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error("the command succeeded");
}

describe("jixiao frameworks", () => {
  it("lists the built-ins with the path of each example input", async () => {
    const [json] = await run("frameworks", "--json");
    const rows = JSON.parse(json ?? "[]") as { code: string; exampleInput: string }[];
    expect(rows.map((r) => r.code)).toEqual([
      "hangzhou-2020",
      "mof-common-2020",
      "suzhou-2020",
      "zhumadian-2020",
    ]);
    expect(rows[3]?.exampleInput).toBe(example("zhumadian-2020"));
    const text = await run("frameworks");
    expect(text).toContain(
      "  示例数据 / example input: frameworks/zhumadian-2020/example-input.yaml",
    );
  });
});

describe("jixiao framework", () => {
  it("validates a framework and an input against it", async () => {
    const lines = await run(
      "framework",
      "validate",
      "builtin:hangzhou-2020",
      "--input",
      example("hangzhou-2020"),
    );
    expect(lines[0]).toMatch(
      /^有效 \/ valid: .*hangzhou-2020.* 38 个指标 \/ indicators \(22 个末级 \/ leaves\), 总分 \/ points 100$/,
    );
    expect(lines[1]).toContain("22 个末级指标均有数据");
  });

  it("names the file, the path and the problem of an invalid framework", async () => {
    const file = join(tmp, "bad.yaml");
    writeFileSync(
      file,
      "code: bad\nname: 坏\nversion: '1'\nyear: 2024\nevaluationType: finance\npoints: 10\nrounding: half-up-2\nindicators:\n  - { code: a, name: 甲, points: 10, rule: { type: magic } }\n",
    );
    const err = await failure("framework", "validate", file);
    expect(err.code).toBe("framework.invalid");
    expect(err.messageIn("en-US")).toContain(
      `${file}:9 indicators[0].rule.type: unknown rule type "magic"`,
    );
  });

  it("prints the JSON Schema of framework files", async () => {
    const [schema] = await run("framework", "schema");
    expect(JSON.parse(schema ?? "{}")).toMatchObject({ $ref: "#/$defs/Framework" });
  });
});

describe("jixiao score", () => {
  it("prints a table with the total and grade", async () => {
    const lines = await run(
      "score",
      "--framework",
      "builtin:zhumadian-2020",
      "--input",
      example("zhumadian-2020"),
    );
    expect(
      lines.some((l) =>
        /^ {2}C\.5 +配建养老服务设施面积完成率 +10 +9\.0 +实际开工62395平方米/.test(l),
      ),
    ).toBe(true);
    expect(lines.at(-1)).toBe("合计 98.1 / 100 分，得分率 98.10%，等级：优");
    const english = await run(
      "score",
      "--framework",
      "builtin:zhumadian-2020",
      "--input",
      example("zhumadian-2020"),
      "--lang",
      "en-US",
    );
    expect(english.at(-1)).toBe("Total 98.1 of 100, score rate 98.10%, grade: excellent");
  });

  it("prints JSON with decimal strings at the declared precision", async () => {
    const framework = join(FRAMEWORKS_DIR, "hangzhou-2020", "framework.yaml");
    const [json] = await run(
      "score",
      "--framework",
      framework,
      "--input",
      example("hangzhou-2020"),
      "--json",
    );
    const card = JSON.parse(json ?? "{}");
    expect(card.framework).toEqual({
      code: "hangzhou-2020",
      name: "2020年度杭州市老旧小区改造绩效评价评分表",
      version: "2020",
      year: 2020,
    });
    expect([card.total, card.grade, card.points, card.rate]).toEqual([
      "90.7",
      "优",
      "100",
      "90.70",
    ]);
    expect(card.groups[0]).toEqual({
      code: "A",
      name: "决策",
      level: 1,
      points: "15",
      score: "13.4",
      rate: "89.33",
    });
    expect(card.indicators).toHaveLength(22);
    expect(card.indicators.at(-1)).toMatchObject({
      code: "D.3.1",
      name: "受益居民群众满意度",
      points: "8",
      score: "6.6",
      reason: "有效问卷综合满意度82.75%，8分×82.75%=6.62分，四舍五入保留一位小数，得6.6分",
    });
  });

  it("refuses an input with text where a number belongs, naming file, line and path", async () => {
    const file = join(tmp, "input.yaml");
    writeFileSync(
      file,
      "framework: zhumadian-2020\nindicators:\n  C.5: { facts: { actual: 六万, target: 63120 } }\n",
    );
    const err = await failure("score", "--framework", "builtin:zhumadian-2020", "--input", file);
    expect(err.code).toBe("input.invalid");
    expect(err.messageIn("zh-CN")).toContain(
      `${file}:3 indicators["C.5"].facts.actual: “六万”不是数字`,
    );
  });
});

describe("jixiao score as a process", () => {
  const jixiao = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], {
      cwd: REPO,
      encoding: "utf8",
    });

  it("exits 0 on success", () => {
    const ok = jixiao(
      "score",
      "--framework",
      "builtin:suzhou-2020",
      "--input",
      example("suzhou-2020"),
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("合计 80.00 / 80 分，得分率 100.00%，等级：优");
  });

  it("exits 2 on invalid input, with the problem and no stack trace", () => {
    const file = join(tmp, "zero.yaml");
    writeFileSync(
      file,
      "framework: zhumadian-2020\nindicators:\n  C.5: { facts: { actual: 1, target: 0 } }\n",
    );
    const bad = jixiao("score", "--framework", "builtin:zhumadian-2020", "--input", file);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      `${file}:3 indicators["C.5"].facts.target: the target 0 must be above 0`,
    );
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const usage = jixiao("score", "--framework", "builtin:zhumadian-2020");
    expect(usage.status).toBe(2);
  });
});
