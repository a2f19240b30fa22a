/** Imports a data-set file: read, check every row, preview the changes, then write all or nothing. */
import { createHash } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import { and, count, desc, eq, getTableColumns, like, type SQL, sql } from "drizzle-orm";
import { loadStoredRows, upsertRows } from "../../db/dataset-repository.ts";
import type { Db, DbOrTx } from "../../db/index.ts";
import { dataImports, regions } from "../../db/schema.ts";
import { diffInto, indexStored } from "../../domain/datasets/diff.ts";
import { enumLabel } from "../../domain/datasets/display.ts";
import type {
  DatasetSpec,
  ParseContext,
  ParsedRow,
  RowDiff,
  SkippedRow,
} from "../../domain/datasets/types.ts";
import { DomainError } from "../../domain/errors.ts";
import type { UploadLimits } from "../../domain/upload-limits.ts";
import type { ImportPreviewT, ImportRecordT } from "../../shared/data-schemas.ts";
import { runTask } from "../../workers/pool.ts";
import { hashDiff } from "../../workers/tasks.ts";
import { recordAudit } from "../accounts/audit-service.ts";
import type { ServiceContext } from "../context.ts";
import { assertRegionInScope, authorize } from "../policy.ts";
import { datasetOrThrow, displayValue, parseContextFor } from "./dataset-context.ts";
import { getRegion, listingScope } from "./region-service.ts";

/** Rows compared between two turns of the event loop (a few milliseconds each). */
const DIFF_SLICE = 2000;

/** How many new or changed rows a preview lists in full. */
export const PREVIEW_LIMIT = 500;

export interface ImportInput {
  dataset: string;
  regionCode: string;
  year: number;
  fileName: string;
  bytes: Uint8Array;
  /** What the file may hold inside (zip size, rows, cells); the defaults unless given. */
  limits?: UploadLimits | undefined;
}

/** Observation points for benchmarks and fault-injection tests. */
export interface ImportHooks {
  /** Called after each written chunk, inside the transaction: throwing here aborts the import. */
  afterChunk?: (written: number) => void | Promise<void>;
  /** Milliseconds spent in each phase: read, parse, diff, write. */
  phase?: (name: "read" | "parse" | "diff" | "write", ms: number) => void;
}

interface Parsed {
  spec: DatasetSpec;
  region: { code: string; name: string; path: string };
  context: ParseContext;
  rows: ParsedRow[];
  skipped: SkippedRow[];
}

interface Analysis extends Parsed {
  diff: RowDiff;
  diffHash: string;
}

async function timed<T>(
  hooks: ImportHooks | undefined,
  name: "read" | "parse" | "diff" | "write",
  work: () => Promise<T> | T,
): Promise<T> {
  const started = performance.now();
  const result = await work();
  hooks?.phase?.(name, performance.now() - started);
  return result;
}

/** Checks access, then reads and validates the whole file: every problem at once, or rows. */
async function readAndCheck(
  db: DbOrTx,
  ctx: ServiceContext,
  input: ImportInput,
  hooks?: ImportHooks,
): Promise<Parsed> {
  authorize(ctx, { kind: "permission", permission: "data:write" });
  const spec = datasetOrThrow(input.dataset);
  const region = await getRegion(db, input.regionCode, "regionCode");
  assertRegionInScope(ctx, region);
  const scope = { code: region.code, name: region.name, path: region.path, level: region.level };
  const context = await parseContextFor(db, input.fileName, scope, input.year);
  // Reading and checking the file is CPU work of seconds: a worker thread does it.
  // A copy that owns its buffer moves to the thread (the caller's bytes are stored afterwards).
  const bytes = new Uint8Array(input.bytes);
  const parsed = await runTask(
    "parseImport",
    {
      dataset: spec.name,
      fileName: input.fileName,
      bytes,
      context,
      ...(input.limits && { limits: input.limits }),
    },
    [bytes.buffer],
  );
  hooks?.phase?.("read", parsed.readMs);
  hooks?.phase?.("parse", parsed.parseMs);
  if (parsed.issueCount > 0) {
    // The first problems are listed; the total is always given (a 1M-row file answers quickly).
    throw new DomainError(
      "import.invalid",
      { file: input.fileName, count: parsed.issueCount },
      {
        file: input.fileName,
        issues: parsed.issues,
        total: parsed.issueCount,
        truncated: parsed.issueCount > parsed.issues.length,
      },
    );
  }
  return { spec, region: scope, context, rows: parsed.rows, skipped: parsed.skipped };
}

/** Compares checked rows with what is stored now. */
async function compare(
  db: DbOrTx,
  p: Parsed,
  year: number,
  hooks?: ImportHooks,
): Promise<Analysis> {
  const { diff, hash } = await timed(hooks, "diff", async () => {
    const stored = await loadStoredRows(db, p.spec, year, p.region.path);
    // Here, a slice at a time: the rows are on this thread already, and sending 55,000 of them
    // to a worker and back cost seconds, where comparing them costs a fraction of one.
    const byKey = indexStored(p.spec, stored);
    const found: RowDiff = { added: [], changed: [], unchanged: [] };
    for (let i = 0; i < p.rows.length; i += DIFF_SLICE) {
      diffInto(p.spec, p.rows.slice(i, i + DIFF_SLICE), byKey, found);
      await nextTurn();
    }
    return { diff: found, hash: hashDiff(p.spec, found) };
  });
  return { ...p, diff, diffHash: hash };
}

/** Region and programme names by code and id, built once per preview (not once per row). */
interface Names {
  regions: Map<string, string>;
  programmes: Map<string, string>;
}

function namesOf(a: Analysis): Names {
  const regions = new Map<string, string>();
  // The first region of a code wins, as a search from the start of the list would give.
  for (const r of a.context.regions) if (!regions.has(r.code)) regions.set(r.code, r.name);
  const programmes = new Map<string, string>();
  for (const p of a.context.programmes) {
    if (!programmes.has(String(p.id))) programmes.set(String(p.id), p.name);
  }
  return { regions, programmes };
}

function keyInWords(a: Analysis, names: Names, row: ParsedRow): string {
  return a.spec.naturalKey
    .map((key) => {
      const column = a.spec.columns.find((c) => c.key === key);
      const value = row.values[key] ?? null;
      if (!column || value === null) return "—";
      if (column.kind.type === "region") return names.regions.get(value) ?? value;
      if (column.kind.type === "programme") return names.programmes.get(value) ?? value;
      if (column.kind.type === "enum") return enumLabel(column, value, "zh-CN");
      return displayValue(column, value) ?? "—";
    })
    .join(" / ");
}

function display(a: Analysis, names: Names, key: string, value: string | null): string | null {
  const column = a.spec.columns.find((c) => c.key === key);
  if (!column || value === null) return value;
  if (column.kind.type === "region") return names.regions.get(value) ?? value;
  if (column.kind.type === "programme") return names.programmes.get(value) ?? value;
  return displayValue(column, value);
}

interface Counts {
  added: number;
  changed: number;
  unchanged: number;
  skipped: SkippedRow[];
}

function countsOf(a: Analysis): Counts {
  return {
    added: a.diff.added.length,
    changed: a.diff.changed.length,
    unchanged: a.diff.unchanged.length,
    skipped: a.skipped,
  };
}

function previewOf(
  a: Analysis,
  importId: number,
  input: ImportInput,
  status: "previewed" | "committed",
): ImportPreviewT {
  const changes: ImportPreviewT["changes"] = [];
  const names = namesOf(a);
  for (const row of a.diff.added) {
    if (changes.length >= PREVIEW_LIMIT) break;
    changes.push({
      line: row.line,
      kind: "added",
      key: keyInWords(a, names, row),
      fields: a.spec.columns
        .filter((c) => row.values[c.key] !== null && row.values[c.key] !== undefined)
        .map((c) => ({
          key: c.key,
          before: null,
          after: display(a, names, c.key, row.values[c.key] ?? null),
        })),
    });
  }
  for (const c of a.diff.changed) {
    if (changes.length >= PREVIEW_LIMIT) break;
    changes.push({
      line: c.row.line,
      kind: "changed",
      key: keyInWords(a, names, c.row),
      fields: c.changes.map((f) => ({
        key: f.key,
        before: display(a, names, f.key, f.before),
        after: display(a, names, f.key, f.after),
      })),
    });
  }
  const counts = countsOf(a);
  return {
    importId,
    dataset: a.spec.name,
    regionCode: a.region.code,
    regionName: a.region.name,
    year: input.year,
    fileName: input.fileName,
    status,
    added: counts.added,
    changed: counts.changed,
    unchanged: counts.unchanged,
    skipped: counts.skipped,
    changes,
    truncated: counts.added + counts.changed > changes.length,
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Writes the new and changed rows and the audit entry; the caller holds the transaction. */
async function apply(
  tx: DbOrTx,
  ctx: ServiceContext,
  a: Analysis,
  importId: number,
  input: ImportInput,
  hooks?: ImportHooks,
): Promise<void> {
  const rows = [...a.diff.added, ...a.diff.changed.map((c) => c.row)];
  await timed(hooks, "write", () =>
    upsertRows(tx, a.spec, input.year, rows, importId, hooks?.afterChunk),
  );
  const counts = countsOf(a);
  await recordAudit(tx, ctx, {
    action: "data.import",
    entity: `dataset:${a.spec.name}`,
    entityId: importId,
    region: a.region,
    after: {
      dataset: a.spec.name,
      year: input.year,
      fileName: input.fileName,
      fileSha256: sha256(input.bytes),
      added: counts.added,
      changed: counts.changed,
      unchanged: counts.unchanged,
      // The changed fields of the first rows, so the trail shows before and after in place;
      // the whole file is kept in data_imports.
      changes: a.diff.changed.slice(0, 50).map((c) => ({ line: c.row.line, changes: c.changes })),
    },
  });
}

/**
 * The file's bytes as base64 text decoded by the database: PGlite turns a bytea parameter into hex
 * one byte at a time in JavaScript, seconds of the main thread for a national file.
 */
function fileIn(bytes: Uint8Array): SQL {
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
  return sql`decode(${base64}::text, 'base64')`;
}

/** A stored import with its file read back as base64 text, for the same reason as fileIn. */
function selectImport(db: DbOrTx, importId: number) {
  const { file: _file, ...columns } = getTableColumns(dataImports);
  return db
    .select({ ...columns, fileBase64: sql<string>`encode(${dataImports.file}, 'base64')` })
    .from(dataImports)
    .where(eq(dataImports.id, importId));
}

function importRow(ctx: ServiceContext, a: Analysis, input: ImportInput, status: string) {
  const counts = countsOf(a);
  return {
    dataset: a.spec.name,
    regionCode: a.region.code,
    year: input.year,
    fileName: input.fileName,
    fileSha256: sha256(input.bytes),
    file: fileIn(input.bytes),
    status: status as "previewed" | "committed",
    summary: {
      added: counts.added,
      changed: counts.changed,
      unchanged: counts.unchanged,
      skipped: counts.skipped,
    },
    diffHash: a.diffHash,
    createdBy: ctx.actor?.userId ?? null,
    createdByName: ctx.actor?.username ?? ctx.systemName ?? null,
  };
}

/** Reads and checks a file and stores it as a preview to be confirmed; nothing is written to the data. */
export async function previewImport(
  db: Db,
  ctx: ServiceContext,
  input: ImportInput,
  hooks?: ImportHooks,
): Promise<ImportPreviewT> {
  const a = await compare(db, await readAndCheck(db, ctx, input, hooks), input.year, hooks);
  const [row] = await db
    .insert(dataImports)
    .values(importRow(ctx, a, input, "previewed"))
    .returning({ id: dataImports.id });
  return previewOf(a, row?.id ?? 0, input, "previewed");
}

/**
 * Confirms a preview: re-reads the stored file inside one transaction, refuses when the data has
 * changed since the preview (`import.stale`), then writes every row or none.
 */
export async function commitImport(
  db: Db,
  ctx: ServiceContext,
  importId: number,
  hooks?: ImportHooks,
  limits?: UploadLimits,
): Promise<ImportPreviewT> {
  authorize(ctx, { kind: "permission", permission: "data:write" });
  const [record] = await selectImport(db, importId);
  if (!record) throw new DomainError("import.not_found", { id: importId });
  const region = await getRegion(db, record.regionCode);
  // A preview in a region the actor cannot see is reported as not found.
  try {
    assertRegionInScope(ctx, region);
  } catch {
    throw new DomainError("import.not_found", { id: importId });
  }
  const input: ImportInput = {
    dataset: record.dataset,
    regionCode: record.regionCode,
    year: record.year,
    fileName: record.fileName,
    // PostgreSQL's base64 has a line break every 76 characters; Buffer.from skips them.
    bytes: new Uint8Array(Buffer.from(record.fileBase64, "base64")),
    limits,
  };
  const parsed = await readAndCheck(db, ctx, input, hooks);
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: dataImports.status })
      .from(dataImports)
      .where(eq(dataImports.id, importId))
      .for("update");
    if (locked?.status === "committed") {
      throw new DomainError("import.already_committed", { id: importId });
    }
    const a = await compare(tx, parsed, input.year, hooks);
    if (a.diffHash !== record.diffHash) throw new DomainError("import.stale");
    await apply(tx, ctx, a, importId, input, hooks);
    await tx
      .update(dataImports)
      .set({ status: "committed", committedAt: new Date() })
      .where(eq(dataImports.id, importId));
    return previewOf(a, importId, input, "committed");
  });
}

/** Reads, checks and writes a file in one transaction (the CLI and benchmarks). */
export async function importFile(
  db: DbOrTx,
  ctx: ServiceContext,
  input: ImportInput,
  hooks?: ImportHooks,
): Promise<ImportPreviewT> {
  const parsed = await readAndCheck(db, ctx, input, hooks);
  return db.transaction(async (tx) => {
    const a = await compare(tx, parsed, input.year, hooks);
    const [row] = await tx
      .insert(dataImports)
      .values({ ...importRow(ctx, a, input, "committed"), committedAt: new Date() })
      .returning({ id: dataImports.id });
    const importId = row?.id ?? 0;
    await apply(tx, ctx, a, importId, input, hooks);
    return previewOf(a, importId, input, "committed");
  });
}

export interface ImportListQuery {
  regionCode?: string | undefined;
  dataset?: string | undefined;
  year?: number | undefined;
  page: number;
  pageSize: number;
}

/** Imports in the actor's region and below, newest first. */
export async function listImports(
  db: DbOrTx,
  ctx: ServiceContext,
  q: ImportListQuery,
): Promise<{ items: ImportRecordT[]; total: number }> {
  authorize(ctx, { kind: "permission", permission: "data:read" });
  const path = await listingScope(db, ctx, q.regionCode);
  const conditions: SQL[] = [like(regions.path, `${path}%`)];
  if (q.dataset) conditions.push(eq(dataImports.dataset, q.dataset));
  if (q.year !== undefined) conditions.push(eq(dataImports.year, q.year));
  const where = and(...conditions);
  const [total] = await db
    .select({ n: count() })
    .from(dataImports)
    .innerJoin(regions, eq(regions.code, dataImports.regionCode))
    .where(where);
  const rows = await db
    .select({
      id: dataImports.id,
      dataset: dataImports.dataset,
      regionCode: dataImports.regionCode,
      regionName: regions.name,
      year: dataImports.year,
      fileName: dataImports.fileName,
      status: dataImports.status,
      summary: dataImports.summary,
      createdByName: dataImports.createdByName,
      createdAt: dataImports.createdAt,
      committedAt: dataImports.committedAt,
    })
    .from(dataImports)
    .innerJoin(regions, eq(regions.code, dataImports.regionCode))
    .where(where)
    .orderBy(desc(dataImports.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    total: Number(total?.n ?? 0),
    items: rows.map((r) => {
      const s = r.summary as { added: number; changed: number; unchanged: number };
      return {
        id: r.id,
        dataset: r.dataset,
        regionCode: r.regionCode,
        regionName: r.regionName,
        year: r.year,
        fileName: r.fileName,
        status: r.status,
        added: s.added,
        changed: s.changed,
        unchanged: s.unchanged,
        createdByName: r.createdByName,
        createdAt: r.createdAt.toISOString(),
        committedAt: r.committedAt?.toISOString() ?? null,
      };
    }),
  };
}
