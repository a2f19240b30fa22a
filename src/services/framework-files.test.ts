import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DomainError } from "../domain/errors.ts";
import { ValidationError } from "../domain/frameworks/index.ts";
import {
  BUILTIN_DIR,
  displayPath,
  loadDataFile,
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
