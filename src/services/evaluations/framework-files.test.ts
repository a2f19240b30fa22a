import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DomainError } from "../../domain/errors.ts";
import { ValidationError } from "../../domain/frameworks/index.ts";
import { DEFAULT_UPLOAD_LIMITS } from "../../domain/upload-limits.ts";
import {
  BUILTIN_DIR,
  displayPath,
  loadDataFile,
  parseDataText,
  parseFrameworkText,
  readFrameworkFile,
  readInputFile,
  resolveFrameworkPath,
} from "./framework-files.ts";

const dir = mkdtempSync(join(tmpdir(), "jixiao-frameworks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function caught(run: () => unknown): DomainError {
  try {
    run();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error("no error");
}

const FRAMEWORK_YAML = `code: tiny
name: 小
version: "1"
year: 2024
evaluationType: finance
points: 10
rounding: half-up-1
indicators:
  - code: a
    name: 甲
    points: 10
    rule: &band
      type: shortfall
      step: 1
      deduction: 1
      cap: 10
      counting: floor-integer
`;

describe("loadDataFile", () => {
  it("names the file, line and column of a YAML syntax error", () => {
    const file = write("broken.yaml", "code: x\nindicators: [\n  - a\n");
    const err = caught(() => loadDataFile(file));
    expect(err.code).toBe("file.syntax");
    expect(err.params).toMatchObject({
      file,
      line: expect.any(Number),
      column: expect.any(Number),
    });
    expect(err.messageIn("zh-CN")).toContain(`${file} 第`);
  });

  it("names a JSON syntax error too", () => {
    // YAML would read this trailing comma; JSON does not.
    const file = write("broken.json", '{\n  "code": "x",\n  "points": 1,\n}');
    const err = caught(() => loadDataFile(file));
    expect(err.code).toBe("file.syntax");
    const cut = write("cut.json", '{\n  "code": "x",\n  "points": 1');
    expect(caught(() => loadDataFile(cut)).params).toMatchObject({ line: 3 });
  });

  it("refuses a missing file and an unknown extension", () => {
    expect(caught(() => loadDataFile(join(dir, "none.yaml"))).code).toBe("file.not_found");
    expect(caught(() => loadDataFile(write("a.txt", "x"))).code).toBe("file.unsupported_type");
  });

  it("refuses a key YAML reads as a number, with its line", () => {
    const file = write(
      "keys.yaml",
      "framework: tiny\nindicators:\n  1.10: { facts: { count: 1 } }\n",
    );
    const err = caught(() => loadDataFile(file));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.messageIn("en-US")).toContain(
      `${file}:3 indicators["1.1"]: the key 1.1 is read as a number`,
    );
  });

  it("refuses duplicate keys", () => {
    const file = write("dup.yaml", "code: a\ncode: b\n");
    expect(caught(() => loadDataFile(file)).code).toBe("file.syntax");
  });
});

describe("hostile framework files", () => {
  const laughs = (levels: number) => {
    const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < levels; i += 1) {
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    }
    return lines.join("\n");
  };

  it("refuses a YAML alias bomb with file.alias_limit naming the file, not a crash", () => {
    const err = caught(() => parseFrameworkText("本市指标.yaml", laughs(10)));
    expect(err.code).toBe("file.alias_limit");
    expect(err.messageIn("zh-CN")).toBe(
      "文件 本市指标.yaml 的 YAML 别名（*引用）展开次数超过上限 1000，未读取；请直接写出重复的内容",
    );
    // A few aliases, as real files use for shared parts, are fine.
    expect(() => parseDataText("ok.yaml", laughs(2))).not.toThrow();
  });

  it("refuses nesting past 100 levels, in flow and block style, naming the line", () => {
    const flow = caught(() =>
      parseDataText("深.json", `${"[".repeat(200_000)}${"]".repeat(200_000)}`),
    );
    expect(flow.code).toBe("file.too_deep");
    expect(flow.messageIn("zh-CN")).toBe("文件 深.json 第 1 行的嵌套超过 100 层，未读取");
    const block = Array.from({ length: 300 }, (_, i) => `${"  ".repeat(i)}k:`).join("\n");
    expect(caught(() => parseDataText("深.yaml", block)).params).toMatchObject({ line: 100 });
    const shallow = Array.from({ length: 90 }, (_, i) => `${"  ".repeat(i)}k:`).join("\n");
    expect(() => parseDataText("浅.yaml", shallow)).not.toThrow();
  });

  it("refuses text over the size limit, uploaded or on disk, before parsing", () => {
    const limits = { ...DEFAULT_UPLOAD_LIMITS, maxTextBytes: 1024 };
    const big = `code: "${"x".repeat(2000)}"\n`;
    const uploaded = caught(() => parseDataText("大.yaml", big, limits));
    expect(uploaded.code).toBe("file.too_large");
    expect(uploaded.messageIn("zh-CN")).toBe(
      "文件 大.yaml 的大小超过上限（1 KB），未读取；请拆分后分批上传，或请管理员调高 JIXIAO_UPLOAD_MAX_TEXT_MB",
    );
    const file = write("big.yaml", big);
    expect(caught(() => loadDataFile(file, limits)).details).toMatchObject({
      measure: "text",
      limit: 1024,
    });
    expect(loadDataFile(file).data).toEqual({ code: "x".repeat(2000) });
  });
});

describe("readFrameworkFile and readInputFile", () => {
  it("reads YAML with anchors and JSON alike", () => {
    const yaml = readFrameworkFile(write("tiny.yaml", FRAMEWORK_YAML));
    expect(yaml.code).toBe("tiny");
    const json = readFrameworkFile(
      write(
        "tiny.json",
        JSON.stringify({
          code: "tiny",
          name: "小",
          version: "1",
          year: 2024,
          evaluationType: "finance",
          points: 10,
          rounding: "half-up-1",
          indicators: [{ code: "a", name: "甲", points: 10, rule: { type: "expert" } }],
        }),
      ),
    );
    expect(json.indicators[0]?.rule?.type).toBe("expert");
  });

  it("gives each problem its line in the file", () => {
    const file = write(
      "bad.yaml",
      FRAMEWORK_YAML.replace("step: 1", "step: one").replace("cap: 10", "cap: 12"),
    );
    const err = caught(() => readFrameworkFile(file));
    expect(err.code).toBe("framework.invalid");
    expect(err.messageIn("en-US")).toBe(
      `Framework ${file}: 1 problem(s):\n  ${file}:14 indicators[0].rule.step: "one" is not a number (write 62395 or 341.4058, no units or separators)`,
    );
  });

  it("points a JSON input's problem at its line", () => {
    const framework = readFrameworkFile(write("tiny2.yaml", FRAMEWORK_YAML));
    const file = write(
      "input.json",
      '{\n  "framework": "tiny",\n  "indicators": {\n    "a": { "facts": { "actual": 1, "target": 0 } }\n  }\n}\n',
    );
    const err = caught(() => readInputFile(framework, file));
    expect(err.messageIn("zh-CN")).toContain(
      `${file}:4 indicators.a.facts.target: 目标值 0 须大于 0`,
    );
  });
});

describe("resolveFrameworkPath", () => {
  it("finds a built-in by name and lists the names when it does not exist", () => {
    expect(resolveFrameworkPath("builtin:hangzhou-2020")).toBe(
      join(BUILTIN_DIR, "hangzhou-2020", "framework.yaml"),
    );
    const err = caught(() => resolveFrameworkPath("builtin:../etc"));
    expect(err.code).toBe("framework.unknown_builtin");
    expect(err.messageIn("en-US")).toContain(
      "hangzhou-2020, mof-common-2020, suzhou-2020, zhumadian-2020",
    );
  });

  it("shows a path relative to the working directory when inside it", () => {
    expect(displayPath("/a/b/c.yaml", "/a")).toBe("b/c.yaml");
    expect(displayPath("/x/c.yaml", "/a")).toBe("/x/c.yaml");
  });
});
