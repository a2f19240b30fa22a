/** The CPU-only work that runs in worker threads: plain data in, plain data or bytes out. */
import { createHash } from "node:crypto";

import { move, transferableSymbol, valueSymbol } from "piscina";
import type { AllocationResult } from "../domain/allocation/index.ts";
import { diffRows, naturalKeyOf } from "../domain/datasets/diff.ts";
import { datasetOrThrow } from "../domain/datasets/specs/index.ts";
import type {
  DatasetSpec,
  ParseContext,
  ParsedRow,
  ParseResult,
  RowDiff,
  StoredRow,
} from "../domain/datasets/types.ts";
import { DomainError } from "../domain/errors.ts";
import type { ReportDocument } from "../domain/reports/index.ts";
import type { UploadLimits } from "../domain/upload-limits.ts";
import type { AllocationOutcomeT } from "../shared/allocation-schemas.ts";
import type { AuditWorkbookInput } from "../xlsx/audit-workbook.ts";
import type { DataFileOptions, DataFileRow, TemplateOptions } from "../xlsx/index.ts";
import type { SurveyWorkbookInput } from "../xlsx/survey-workbook.ts";

export interface ParseImportInput {
  dataset: string;
  fileName: string;
  bytes: Uint8Array;
  context: ParseContext;
  /** Upload limits (zip size, rows, cells); the defaults unless given. */
  limits?: UploadLimits;
}

export interface ParseImportOutput extends ParseResult {
  /** Milliseconds spent reading the workbook and checking its rows. */
  readMs: number;
  parseMs: number;
}

/** Reads an uploaded .xlsx and checks every row against its data set (import preview and commit). */
async function parseImport(input: ParseImportInput): Promise<ParseImportOutput> {
  const spec = datasetOrThrow(input.dataset);
  const [{ readWorkbook }, { parseSheet }] = await Promise.all([
    import("../xlsx/read.ts"),
    import("../domain/datasets/parse-sheet.ts"),
  ]);
  const started = performance.now();
  const sheets = await readWorkbook(input.bytes, input.fileName, input.limits);
  const read = performance.now();
  const parsed = parseSheet(spec, sheets, input.context);
  return { ...parsed, readMs: read - started, parseMs: performance.now() - read };
}

/** A report in docx or xlsx (PDF is Chromium's own process). */
async function renderDocument(input: {
  doc: ReportDocument;
  format: "docx" | "xlsx";
}): Promise<Uint8Array> {
  if (input.format === "docx") {
    const { renderDocx } = await import("../render/docx.ts");
    return renderDocx(input.doc);
  }
  const { renderXlsx } = await import("../render/xlsx.ts");
  return renderXlsx(input.doc);
}

/** Rows of a data set written as an .xlsx in the template's layout (exports). */
async function writeDataFileTask(input: {
  dataset: string;
  rows: readonly DataFileRow[];
  options: DataFileOptions;
}): Promise<Uint8Array> {
  const spec = datasetOrThrow(input.dataset);
  const { writeDataFile } = await import("../xlsx/write.ts");
  return writeDataFile(spec, input.rows, input.options);
}

/** A data set's import template with its region and programme lists. */
async function writeTemplateTask(input: {
  dataset: string;
  options: TemplateOptions;
}): Promise<Uint8Array> {
  const { writeTemplate } = await import("../xlsx/write.ts");
  return writeTemplate(datasetOrThrow(input.dataset), input.options);
}

/** An allocation plan's workbook (its result holds amounts as strings: it crosses as it is). */
async function allocationWorkbookTask(input: {
  model: Record<string, unknown>;
  result: AllocationResult;
  context: {
    factors: AllocationOutcomeT["factors"];
    grades: AllocationOutcomeT["grades"];
    status: string;
    region: string;
  };
}): Promise<Uint8Array> {
  const { allocationXlsx } = await import("../xlsx/allocation-workbook.ts");
  return allocationXlsx(input.model, input.result, input.context);
}

/** A survey's results workbook. */
async function surveyWorkbookTask(input: SurveyWorkbookInput): Promise<Uint8Array> {
  const { surveyWorkbook } = await import("../xlsx/survey-workbook.ts");
  return new Uint8Array(await surveyWorkbook(input));
}

/** The audit log's export workbook. */
async function auditWorkbookTask(input: AuditWorkbookInput): Promise<Uint8Array> {
  const { auditWorkbook } = await import("../xlsx/audit-workbook.ts");
  return auditWorkbook(input);
}

/** A fingerprint of what an import would change: a commit refuses to run if it moved. */
export function hashDiff(spec: DatasetSpec, diff: RowDiff): string {
  const hash = createHash("sha256");
  for (const row of diff.added) hash.update(`+${naturalKeyOf(spec, row.values)}\u0000`);
  for (const c of diff.changed) {
    hash.update(`~${c.id}:${JSON.stringify(c.changes)}\u0000`);
  }
  return hash.digest("hex");
}

/** Checked rows against the stored ones: new, changed, unchanged, and the diff's fingerprint. */
function diffTask(input: { dataset: string; rows: ParsedRow[]; stored: StoredRow[] }): {
  diff: RowDiff;
  hash: string;
} {
  const spec = datasetOrThrow(input.dataset);
  const diff = diffRows(spec, input.rows, input.stored);
  return { diff, hash: hashDiff(spec, diff) };
}

/**
 * Large arrays cross the thread as JSON in UTF-8 slices, by path ("*" = every key), whose buffers
 * are moved, not cloned: the main thread encodes or parses one slice at a time and yields between
 * them, where one structured clone of 55,000 rows (or of their JSON text) would hold it for a
 * quarter of a second.
 */
export const SLICED: { [N in TaskName]?: { input?: string[]; output?: string[] } } = {
  parseImport: { output: ["rows", "issues"] },
  writeDataFile: { input: ["rows"] },
  surveyWorkbook: { input: ["responses"] },
  auditWorkbook: { input: ["rows"] },
  diff: { input: ["rows", "stored"], output: ["diff.added", "diff.changed", "diff.unchanged"] },
};

/** Rows per slice: one slice is some 20 ms of JSON work on the main thread. */
const SLICE_ITEMS = 1000;
const SLICES = "__jsonSlices";

type Pause = () => Promise<void> | void;

/** `value` with the arrays at `paths` turned by `change` (a copy along each path; others shared). */
async function mapPaths(
  value: unknown,
  paths: readonly string[],
  change: (item: unknown) => Promise<unknown>,
): Promise<unknown> {
  let root = value;
  for (const path of paths) {
    const walk = async (node: unknown, keys: string[]): Promise<unknown> => {
      if (node === null || typeof node !== "object" || Array.isArray(node)) return node;
      const [key, ...rest] = keys;
      if (key === undefined) return node;
      const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
      const targets = key === "*" ? Object.keys(copy) : key in copy ? [key] : [];
      for (const k of targets) {
        copy[k] = rest.length === 0 ? await change(copy[k]) : await walk(copy[k], rest);
      }
      return copy;
    };
    root = await walk(root, path.split("."));
  }
  return root;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Arrays at `paths` as UTF-8 JSON slices; their buffers are added to `transfer`. */
export function sliceArrays(
  value: unknown,
  paths: readonly string[],
  pause: Pause,
  transfer: ArrayBuffer[] = [],
) {
  return mapPaths(value, paths, async (item) => {
    if (!Array.isArray(item)) return item;
    const slices: Uint8Array[] = [];
    for (let i = 0; i < item.length; i += SLICE_ITEMS) {
      const slice = ownBuffer(encoder.encode(JSON.stringify(item.slice(i, i + SLICE_ITEMS))));
      slices.push(slice);
      transfer.push(slice.buffer as ArrayBuffer);
      await pause();
    }
    return { [SLICES]: slices };
  });
}

/** The arrays back from their JSON slices. */
export function joinArrays(value: unknown, paths: readonly string[], pause: Pause) {
  return mapPaths(value, paths, async (item) => {
    const slices = (item as { [SLICES]?: unknown } | null)?.[SLICES];
    if (!Array.isArray(slices)) return item;
    const out: unknown[] = [];
    for (const slice of slices as Uint8Array[]) {
      for (const x of JSON.parse(decoder.decode(slice)) as unknown[]) out.push(x);
      await pause();
    }
    return out;
  });
}

export const TASKS = {
  parseImport,
  renderDocument,
  writeDataFile: writeDataFileTask,
  writeTemplate: writeTemplateTask,
  allocationWorkbook: allocationWorkbookTask,
  surveyWorkbook: surveyWorkbookTask,
  auditWorkbook: auditWorkbookTask,
  diff: diffTask,
};

export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;
export type TaskInput<N extends TaskName> = Parameters<Tasks[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<Tasks[N]>>;

/** A DomainError as plain data, so that it crosses the thread boundary with its code and details. */
export interface PortableDomainError {
  code: DomainError["code"];
  params: DomainError["params"];
  details: DomainError["details"];
}

/** What a task answers across the thread: its value, or the DomainError it threw. */
export type TaskAnswer<T> = { value: T } | { domainError: PortableDomainError };

/** Runs one task and wraps a DomainError; any other error is thrown as it is. */
export async function answerTask<N extends TaskName>(
  name: N,
  input: TaskInput<N>,
): Promise<TaskAnswer<TaskOutput<N>>> {
  const task = TASKS[name] as (input: TaskInput<N>) => TaskOutput<N> | Promise<TaskOutput<N>>;
  if (typeof task !== "function") throw new Error(`unknown worker task ${String(name)}`);
  try {
    return { value: await task(input) };
  } catch (err) {
    if (err instanceof DomainError) {
      return { domainError: { code: err.code, params: err.params, details: err.details } };
    }
    throw err;
  }
}

const noPause = () => undefined;

/** Bytes that own their whole buffer, so it can be moved, not copied (a pooled Buffer shares one). */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : new Uint8Array(bytes);
}

/** The worker's side of a call: the answer, with a file's bytes moved to the main thread. */
export async function workerAnswer<N extends TaskName>(message: {
  name: N;
  input: TaskInput<N>;
}): Promise<unknown> {
  const paths = SLICED[message.name];
  const input = (
    paths?.input ? await joinArrays(message.input, paths.input, noPause) : message.input
  ) as TaskInput<N>;
  const answer = await answerTask(message.name, input);
  if (!("value" in answer)) return answer;
  if (!(answer.value instanceof Uint8Array)) {
    if (!paths?.output) return answer;
    const transfer: ArrayBuffer[] = [];
    const value = await sliceArrays(answer.value, paths.output, noPause, transfer);
    return move({ [transferableSymbol]: transfer, [valueSymbol]: { value } });
  }
  const value = ownBuffer(answer.value);
  return move({
    [transferableSymbol]: [value.buffer],
    [valueSymbol]: { value },
  });
}
