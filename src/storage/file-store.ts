/**
 * Where files live (evidence, generated reports): content-addressed by SHA-256, the same file kept
 * once. Two stores behind one interface: a folder (the PGlite default: one process owns it) and the
 * database (the PostgreSQL default: every app node on the server sees every file). Both check the
 * SHA-256 when a file goes in and again as it comes out, so a damaged or wrong file is never served.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import type { Config } from "../config.ts";
import { type Db, type DbOrTx, queryRows } from "../db/index.ts";
import { storedFiles } from "../db/schema.ts";

export interface FileStore {
  readonly kind: "folder" | "db";
  /**
   * Keeps the bytes under their SHA-256 (which must be theirs); a second put of the same file changes
   * nothing. `tx`: the transaction of the row that will name the file (the database store writes in
   * it, so the bytes and the row commit together; on PGlite, a write beside an open transaction would
   * wait for it for ever).
   */
  put(sha256: string, bytes: Uint8Array, tx?: DbOrTx): Promise<void>;
  /** The whole file, checked against its SHA-256. */
  read(sha256: string): Promise<Buffer>;
  /** The file a part at a time (a few MB at most in memory); the stream errors at its end when the SHA-256 differs. */
  stream(sha256: string): ReadableStream<Uint8Array>;
  /**
   * Removes the files no evidence row and no report job names that were last put more than
   * `graceHours` ago; answers how many files went. Only the database store has one: the folder
   * keeps every file, as before.
   */
  sweep?(graceHours?: number): Promise<number>;
}

const HEX64 = /^[0-9a-f]{64}$/;
/** The database keeps a file in parts of this size: one row never holds a whole large file. */
export const DEFAULT_PART_BYTES = 1024 * 1024;

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function checkedKey(sha256: string): string {
  if (!HEX64.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return sha256;
}

function checkPut(sha256: string, bytes: Uint8Array) {
  checkedKey(sha256);
  const actual = sha256Of(bytes);
  if (actual !== sha256) throw new Error(`file store: bytes hash to ${actual}, not ${sha256}`);
}

function checkRead(sha256: string, bytes: Uint8Array): Buffer {
  const actual = sha256Of(bytes);
  if (actual !== sha256) throw new Error(`file store: ${sha256} is damaged (reads as ${actual})`);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A stream of `parts`, hashed as they pass; at the end a different SHA-256 errors the stream. */
function verifiedStream(
  sha256: string,
  parts: AsyncIterable<Uint8Array>,
): ReadableStream<Uint8Array> {
  const hash = createHash("sha256");
  const iterator = parts[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) {
          const actual = hash.digest("hex");
          if (actual !== sha256) {
            controller.error(new Error(`file store: ${sha256} is damaged (reads as ${actual})`));
          } else {
            controller.close();
          }
          return;
        }
        hash.update(next.value);
        controller.enqueue(next.value);
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Files in a folder, `<dir>/<first two hex digits>/<sha256>`. */
export function folderFileStore(dir: string): FileStore {
  const pathOf = (sha256: string) => join(dir, checkedKey(sha256).slice(0, 2), sha256);
  return {
    kind: "folder",
    async put(sha256, bytes) {
      checkPut(sha256, bytes);
      const path = pathOf(sha256);
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      if (exists) return;
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
      // Written beside and renamed: a crash never leaves half a file under the final name.
      const temp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, path);
    },
    read: async (sha256) => checkRead(sha256, await readFile(pathOf(sha256))),
    stream: (sha256) =>
      verifiedStream(
        sha256,
        createReadStream(pathOf(sha256), { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>,
      ),
  };
}

export interface DatabaseFileStoreOptions {
  /** Bytes per row (tests make it small to see files of several parts). */
  partBytes?: number;
}

/** Files in the `stored_files` table, in parts; a file's parts are written in one transaction. */
export function databaseFileStore(db: Db, options: DatabaseFileStoreOptions = {}): FileStore {
  const partBytes = options.partBytes ?? DEFAULT_PART_BYTES;
  const partOf = async (sha256: string, part: number) => {
    const [row] = await db
      .select({ parts: storedFiles.parts, size: storedFiles.size, bytes: storedFiles.bytes })
      .from(storedFiles)
      .where(and(eq(storedFiles.sha256, sha256), eq(storedFiles.part, part)));
    if (!row) throw new Error(`file store: ${sha256} part ${part} is not in the database`);
    return row;
  };
  async function* parts(sha256: string): AsyncGenerator<Uint8Array> {
    checkedKey(sha256);
    let seen = 0;
    const first = await partOf(sha256, 0);
    for (let part = 0; part < first.parts; part++) {
      const row = part === 0 ? first : await partOf(sha256, part);
      seen += row.bytes.byteLength;
      yield row.bytes;
    }
    if (seen !== first.size) {
      throw new Error(`file store: ${sha256} has ${seen} bytes, not ${first.size}`);
    }
  }
  return {
    kind: "db",
    async put(sha256, bytes, tx) {
      checkPut(sha256, bytes);
      const on = tx ?? db;
      const count = Math.max(1, Math.ceil(bytes.byteLength / partBytes));
      // Kept already: touched, so that a sweep running now leaves it to the row about to name it
      // (a sweep that deleted it first leaves nothing to touch: then it is written again).
      const [kept] = await queryRows<{ n: number }>(
        on,
        sql`with touched as (
              update stored_files set put_at = now() where sha256 = ${sha256} returning part)
            select count(*)::int as n from touched`,
      );
      if (Number(kept?.n) === count) return;
      // All parts or none; two nodes putting the same file at once: the second waits, then adds nothing.
      await on.transaction(async (parts) => {
        for (let part = 0; part < count; part++) {
          await parts
            .insert(storedFiles)
            .values({
              sha256,
              part,
              parts: count,
              size: bytes.byteLength,
              bytes: bytes.subarray(part * partBytes, (part + 1) * partBytes),
            })
            .onConflictDoNothing();
        }
      });
    },
    async read(sha256) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of parts(sha256)) chunks.push(chunk);
      return checkRead(sha256, Buffer.concat(chunks));
    },
    stream: (sha256) => verifiedStream(sha256, parts(sha256)),
    async sweep(graceHours = 24) {
      const rows = await queryRows<{ sha256: string }>(
        db,
        sql`delete from stored_files s
            where s.put_at < now() - make_interval(hours => ${graceHours})
              and not exists (select 1 from evidence_files e where e.sha256 = s.sha256)
              and not exists (select 1 from report_jobs r where r.file_sha256 = s.sha256)
            returning s.sha256`,
      );
      return new Set(rows.map((row) => row.sha256)).size;
    },
  };
}

/** The configured store: the database (the server's default) or the evidence folder (PGlite's). */
export function fileStoreOf(
  config: Pick<Config, "fileStore" | "db" | "evidenceDir">,
  db: Db,
): FileStore {
  const kind = config.fileStore ?? (config.db.kind === "postgres" ? "db" : "folder");
  return kind === "db" ? databaseFileStore(db) : folderFileStore(config.evidenceDir);
}
