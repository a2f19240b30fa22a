/** Reads framework and input files (YAML or JSON) from disk, and finds the built-in frameworks. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isScalar, isSeq, Lexer, LineCounter, type Node, Parser, parseDocument } from "yaml";
import { DomainError } from "../../domain/errors.ts";
import {
  type Framework,
  type Issue,
  type IssuePath,
  issue,
  type Text,
  textIn,
  type ValidatedInput,
  type ValidatedKind,
  ValidationError,
  validateFramework,
  validateInput,
} from "../../domain/frameworks/index.ts";
import {
  DEFAULT_UPLOAD_LIMITS,
  fileTooLarge,
  MAX_TEXT_DEPTH,
  MAX_YAML_ALIASES,
  type UploadLimits,
} from "../../domain/upload-limits.ts";

/** frameworks/ at the root of the repository: one folder per built-in framework. */
export const BUILTIN_DIR = fileURLToPath(new URL("../../../frameworks/", import.meta.url));
export const BUILTIN_PREFIX = "builtin:";

/** A file's data, with what is needed to point at a line of it. */
export interface LoadedFile {
  file: string;
  data: unknown;
  /** The 1-based line of the value at a path, or of its nearest existing parent. */
  lineOf(path: IssuePath): number | undefined;
}

/** Reads and parses a .yaml, .yml or .json file; syntax errors become DomainErrors naming the file. */
export function loadDataFile(
  file: string,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): LoadedFile {
  const extension = extname(file).toLowerCase();
  if (![".yaml", ".yml", ".json"].includes(extension)) {
    throw new DomainError("file.unsupported_type", { file });
  }
  let text: string;
  try {
    // The size first: a huge file is refused without reading it.
    if (statSync(file).size > limits.maxTextBytes) throw fileTooLarge(file, "text", limits);
    text = readFileSync(file, "utf8");
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DomainError("file.not_found", { file });
    throw new DomainError("file.unreadable", { file, reason: code ?? String(err) });
  }
  return parseDataText(file, text, limits);
}

/**
 * Refuses text nested deeper than MAX_TEXT_DEPTH before it is composed: the YAML parser's own
 * stack is a list, where composing the document recurses (200,000 brackets took seconds, then the
 * process' memory).
 */
function assertShallow(file: string, text: string) {
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  let offset = 0;
  for (const lexeme of new Lexer().lex(text)) {
    for (const _ of parser.next(lexeme)) {
      // Documents are built by parseDocument below; only the depth is watched here.
    }
    offset += lexeme.length;
    if (parser.stack.length > MAX_TEXT_DEPTH) {
      const line = lineCounter.linePos(offset).line;
      throw new DomainError("file.too_deep", { file, line, limit: MAX_TEXT_DEPTH });
    }
  }
}

/** Parses the text of a .yaml, .yml or .json file (read from disk or uploaded), named `file`. */
export function parseDataText(
  file: string,
  text: string,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): LoadedFile {
  const extension = extname(file).toLowerCase();
  if (![".yaml", ".yml", ".json"].includes(extension)) {
    throw new DomainError("file.unsupported_type", { file });
  }
  if (Buffer.byteLength(text, "utf8") > limits.maxTextBytes) {
    throw fileTooLarge(file, "text", limits);
  }
  assertShallow(file, text);
  // JSON is parsed as YAML too (JSON is YAML 1.2): one parser gives lines for both.
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    merge: extension !== ".json",
  });
  if (extension === ".json") strictJson(file, text, lineCounter, doc.errors[0]?.linePos?.[0]);
  const syntax = doc.errors[0];
  if (syntax) {
    const at = syntax.linePos?.[0];
    throw new DomainError("file.syntax", {
      file,
      line: at?.line ?? 1,
      column: at?.col ?? 1,
      problem: syntax.message.split("\n")[0] ?? syntax.code,
    });
  }
  const lineOf = (path: IssuePath): number | undefined => {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
      const offset = node?.range?.[0];
      if (offset !== undefined) return lineCounter.linePos(offset).line;
    }
    return undefined;
  };
  const numericKeys = numericKeyIssues(doc.contents);
  if (numericKeys.length > 0) {
    const issues = numericKeys.map((i) => ({ ...i, line: lineOf(i.path) }));
    throw new ValidationError("input", issues, file);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    // yaml's guard against "billion laughs": aliases expanding each other past the count.
    if (err instanceof ReferenceError) {
      throw new DomainError("file.alias_limit", { file, limit: MAX_YAML_ALIASES });
    }
    throw err;
  }
  return { file, data, lineOf };
}

/**
 * YAML accepts what JSON does not (trailing commas, empty values): a .json file must also pass
 * JSON.parse. V8 names the position of some errors only; without it, YAML's position or "?" is shown.
 */
function strictJson(
  file: string,
  text: string,
  lineCounter: LineCounter,
  yamlPos: { line: number; col: number } | undefined,
) {
  try {
    JSON.parse(text);
  } catch (err) {
    const problem = err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err);
    const offset = /at position (\d+)/.exec(problem)?.[1];
    const at = offset !== undefined ? lineCounter.linePos(Number(offset)) : yamlPos;
    throw new DomainError("file.syntax", {
      file,
      line: at?.line ?? "?",
      column: at?.col ?? "?",
      problem,
    });
  }
}

/** Map keys YAML reads as numbers (1.10 becomes 1.1): refused rather than silently re-spelled. */
function numericKeyIssues(root: unknown, path: (string | number)[] = []): Issue[] {
  const issues: Issue[] = [];
  if (isMap(root)) {
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key === "number") {
        issues.push(issue([...path, String(key)], "key_not_text", { key: String(key) }));
      }
      issues.push(...numericKeyIssues(pair.value, [...path, String(key)]));
    }
  } else if (isSeq(root)) {
    root.items.forEach((item, index) => {
      issues.push(...numericKeyIssues(item, [...path, index]));
    });
  }
  return issues;
}

function withLines(kind: ValidatedKind, loaded: LoadedFile, issues: readonly Issue[]): never {
  const located = issues.map((i) => ({ ...i, line: loaded.lineOf(i.path) }));
  throw new ValidationError(kind, located, loaded.file);
}

/** Reads and validates a framework file; every problem is reported with its file, line and path. */
export function readFrameworkFile(file: string): Framework {
  const loaded = loadDataFile(file);
  const result = validateFramework(loaded.data);
  if (!result.ok) withLines("framework", loaded, result.issues);
  return result.value;
}

/** Validates the text of an uploaded framework file the same way, named by its file name. */
export function parseFrameworkText(fileName: string, text: string): Framework {
  const loaded = parseDataText(fileName, text);
  const result = validateFramework(loaded.data);
  if (!result.ok) withLines("framework", loaded, result.issues);
  return result.value;
}

/** Reads and validates an input file against a framework. */
export function readInputFile(framework: Framework, file: string): ValidatedInput {
  const loaded = loadDataFile(file);
  const result = validateInput(framework, loaded.data);
  if (!result.ok) withLines("input", loaded, result.issues);
  return result.value;
}

export interface BuiltinFramework {
  code: string;
  name: Text;
  year: number;
  evaluationType: string;
  /** Absolute paths. */
  file: string;
  exampleInput: string | null;
}

/** The built-in frameworks: every frameworks/NAME/framework.yaml, with its example-input.yaml. */
export function listBuiltinFrameworks(dir: string = BUILTIN_DIR): BuiltinFramework[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "framework.yaml")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = join(dir, name, "framework.yaml");
      const framework = readFrameworkFile(file);
      const example = join(dir, name, "example-input.yaml");
      return {
        code: framework.code,
        name: framework.name,
        year: framework.year,
        evaluationType: framework.evaluationType,
        file,
        exampleInput: existsSync(example) ? example : null,
      };
    });
}

/** A path given on the command line, or `builtin:NAME` for frameworks/NAME/framework.yaml. */
export function resolveFrameworkPath(spec: string, dir: string = BUILTIN_DIR): string {
  if (!spec.startsWith(BUILTIN_PREFIX)) return resolve(spec);
  const name = spec.slice(BUILTIN_PREFIX.length);
  const file = join(dir, name, "framework.yaml");
  if (/^[a-z0-9-]+$/.test(name) && existsSync(file)) return file;
  const names = listBuiltinFrameworks(dir).map((b) => b.code);
  throw new DomainError("framework.unknown_builtin", { name, names: names.join(", ") });
}

/** A path as a user would type it from the current directory, or absolute when outside it. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}

export function frameworkTitle(framework: { name: Text }, locale: "zh-CN" | "en-US"): string {
  return textIn(framework.name, locale);
}

let builtinFrameworks: Map<string, Framework> | undefined;

/** The built-in frameworks by code, read once per thread. */
export function frameworksByCode(): Map<string, Framework> {
  if (!builtinFrameworks) {
    builtinFrameworks = new Map(
      listBuiltinFrameworks().map((b) => [b.code, readFrameworkFile(b.file)] as const),
    );
  }
  return builtinFrameworks;
}
