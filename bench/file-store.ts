/**
 * bench/file-store: one 20 MB evidence file put into and read back from each file store (median of
 * five), the folder store the floor measured in the same run. Run alone:
 * `node --import tsx bench/file-store.ts` (not part of `npm run bench`).
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../src/db/index.ts";
import { databaseFileStore, type FileStore, folderFileStore } from "../src/storage/file-store.ts";
import { admin, median, SERVER } from "./shared.ts";

const SIZE = 20 * 1024 * 1024;
const RUNS = 5;

async function timeStore(store: FileStore) {
  const put: number[] = [];
  const read: number[] = [];
  const stream: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const bytes = randomBytes(SIZE);
    const key = createHash("sha256").update(bytes).digest("hex");
    let t = performance.now();
    await store.put(key, bytes);
    put.push(performance.now() - t);
    t = performance.now();
    await store.read(key);
    read.push(performance.now() - t);
    t = performance.now();
    for await (const _ of store.stream(key)) {
      // drained
    }
    stream.push(performance.now() - t);
  }
  return { put: median(put), read: median(read), stream: median(stream) };
}

const dir = mkdtempSync(join(tmpdir(), "jixiao-bench-files-"));
const dbName = `he_bench_files_${randomBytes(4).toString("hex")}`;
await admin(`create database ${dbName}`);
const server = await openDatabase({ kind: "postgres", url: `${SERVER}/${dbName}` });
const pglite = await openDatabase({ kind: "pglite", dataDir: join(dir, "pglite") });
try {
  await server.migrate();
  await pglite.migrate();
  const folder = await timeStore(folderFileStore(join(dir, "files")));
  const onServer = await timeStore(databaseFileStore(server.db));
  const onPglite = await timeStore(databaseFileStore(pglite.db));
  const ms = (v: number) => `${Math.round(v)} ms`;
  const x = (v: number, floor: number) => `${(v / floor).toFixed(1)}×`;
  const line = (name: string, r: typeof folder) =>
    `  ${name.padEnd(22)} put ${ms(r.put)} (${x(r.put, folder.put)}), read ${ms(r.read)} ` +
    `(${x(r.read, folder.read)}), stream ${ms(r.stream)} (${x(r.stream, folder.stream)})`;
  console.log(
    [
      `bench/file-store: a 20 MB file, median of ${RUNS}; × = against the folder store in this run`,
      line("folder (floor)", folder),
      line("database, server", onServer),
      line("database, PGlite", onPglite),
    ].join("\n"),
  );
} finally {
  await server.close();
  await pglite.close();
  await admin(`drop database if exists ${dbName} with (force)`);
  rmSync(dir, { recursive: true, force: true });
}
