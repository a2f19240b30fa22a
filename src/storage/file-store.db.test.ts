// The file stores: the database one (parts, kept once, checked by SHA-256 in and out) on both
// databases, and the folder one beside it with the same checks.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeOnBothDatabases } from "../../test/helpers/databases.ts";
import { addUser } from "../../test/helpers/fixtures.ts";
import { reportJobs, storedFiles } from "../db/schema.ts";
import { databaseFileStore, type FileStore, folderFileStore } from "./file-store.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const bytesOf = (n: number, seed: number) =>
  Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256);

async function streamed(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describeOnBothDatabases("the database file store", (db) => {
  let store: FileStore;
  const parts = async (key: string) =>
    db()
      .db.select({ part: storedFiles.part, parts: storedFiles.parts, size: storedFiles.size })
      .from(storedFiles)
      .where(eq(storedFiles.sha256, key))
      .orderBy(asc(storedFiles.part));

  beforeAll(() => {
    store = databaseFileStore(db().db, { partBytes: 1000 });
  });

  it("keeps a file in parts, reads and streams it back byte for byte, and keeps it once", async () => {
    const file = bytesOf(2500, 1);
    const key = sha256(file);
    await store.put(key, file);
    expect(await parts(key)).toEqual([
      { part: 0, parts: 3, size: 2500 },
      { part: 1, parts: 3, size: 2500 },
      { part: 2, parts: 3, size: 2500 },
    ]);
    expect(Buffer.compare(await store.read(key), Buffer.from(file))).toBe(0);
    expect(Buffer.compare(await streamed(store.stream(key)), Buffer.from(file))).toBe(0);
    // Twice at once and once more: still the same three rows.
    await Promise.all([store.put(key, file), store.put(key, file)]);
    await store.put(key, file);
    expect((await parts(key)).length).toBe(3);
  });

  it("writes in the transaction of the row that names the file: kept with its commit, gone with its rollback", async () => {
    const kept = bytesOf(2500, 20);
    const dropped = bytesOf(2500, 21);
    await db().db.transaction(async (tx) => {
      await store.put(sha256(kept), kept, tx);
    });
    expect(Buffer.compare(await store.read(sha256(kept)), Buffer.from(kept))).toBe(0);
    await expect(
      db().db.transaction(async (tx) => {
        await store.put(sha256(dropped), dropped, tx);
        throw new Error("the row was refused");
      }),
    ).rejects.toThrow("the row was refused");
    expect(await parts(sha256(dropped))).toEqual([]);
  });

  it("keeps an empty file as one empty part", async () => {
    const empty = new Uint8Array(0);
    await store.put(sha256(empty), empty);
    expect(await parts(sha256(empty))).toEqual([{ part: 0, parts: 1, size: 0 }]);
    expect((await store.read(sha256(empty))).length).toBe(0);
  });

  it("refuses bytes that are not the SHA-256 given, and a key that is not one, writing nothing", async () => {
    const file = bytesOf(1500, 2);
    await expect(store.put(sha256(bytesOf(1500, 3)), file)).rejects.toThrow(/hash to/);
    await expect(store.put("../etc/passwd", file)).rejects.toThrow(/not a SHA-256/);
    const [rows] = await db()
      .db.select({ n: count() })
      .from(storedFiles)
      .where(eq(storedFiles.sha256, sha256(bytesOf(1500, 3))));
    expect(Number(rows?.n)).toBe(0);
  });

  it("never serves a damaged or missing file: read rejects, the stream errors", async () => {
    const file = bytesOf(2100, 4);
    const key = sha256(file);
    await store.put(key, file);
    await db()
      .db.update(storedFiles)
      .set({ bytes: sql`decode(repeat('00', 1000), 'hex')` })
      .where(and(eq(storedFiles.sha256, key), eq(storedFiles.part, 1)));
    await expect(store.read(key)).rejects.toThrow(/damaged/);
    await expect(streamed(store.stream(key))).rejects.toThrow(/damaged/);
    // A part gone: the read names it.
    await db()
      .db.delete(storedFiles)
      .where(and(eq(storedFiles.sha256, key), eq(storedFiles.part, 2)));
    await expect(store.read(key)).rejects.toThrow(/part 2 is not in the database/);
    const absent = sha256(bytesOf(10, 5));
    await expect(store.read(absent)).rejects.toThrow(/not in the database/);
    await expect(streamed(store.stream(absent))).rejects.toThrow(/not in the database/);
  });
});

describeOnBothDatabases("sweeping the database file store", (db) => {
  it("removes files nothing names once a day old, keeps named, young and just re-put ones", async () => {
    const store = databaseFileStore(db().db, { partBytes: 1000 });
    const [orphan, named, young, again] = [1, 2, 3, 4].map((seed) => bytesOf(1500, 10 + seed)) as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
      Uint8Array,
    ];
    for (const file of [orphan, named, young, again]) await store.put(sha256(file), file);
    const user = await addUser(db(), "sweep.viewer", "viewer", "411700");
    await db()
      .db.insert(reportJobs)
      .values({
        userId: user.id,
        subject: "sheet",
        params: {},
        title: "已完成的报告",
        format: "docx",
        status: "done",
        fileSha256: sha256(named),
        fileSize: named.length,
      });
    const age = (file: Uint8Array) =>
      db()
        .db.update(storedFiles)
        .set({ putAt: sql`now() - interval '2 days'` })
        .where(eq(storedFiles.sha256, sha256(file)));
    for (const file of [orphan, named, again]) await age(file);
    // Put again, as an upload of the same bytes does just before its row names them.
    await store.put(sha256(again), again);
    expect(await store.sweep?.()).toBe(1);
    await expect(store.read(sha256(orphan))).rejects.toThrow(/not in the database/);
    for (const file of [named, young, again]) {
      expect(Buffer.compare(await store.read(sha256(file)), Buffer.from(file))).toBe(0);
    }
    expect(await store.sweep?.()).toBe(0);
  });
});

describe("the folder file store", () => {
  let dir: string;
  let store: FileStore;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "jixiao-file-store-"));
    store = folderFileStore(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps, reads and streams a file under its SHA-256, refuses other bytes, and never serves a damaged one", async () => {
    const file = bytesOf(300_000, 6);
    const key = sha256(file);
    await store.put(key, file);
    await store.put(key, file);
    expect(Buffer.compare(await store.read(key), Buffer.from(file))).toBe(0);
    expect(Buffer.compare(await streamed(store.stream(key)), Buffer.from(file))).toBe(0);
    await expect(store.put(key, bytesOf(10, 7))).rejects.toThrow(/hash to/);
    writeFileSync(join(dir, key.slice(0, 2), key), bytesOf(300_000, 8));
    await expect(store.read(key)).rejects.toThrow(/damaged/);
    await expect(streamed(store.stream(key))).rejects.toThrow(/damaged/);
  });
});
