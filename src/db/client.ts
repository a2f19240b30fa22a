/** Opens the database: embedded PGlite in a data folder by default, a PostgreSQL server by URL. */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite, PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { connectionErrorReason, isPgliteAbort, WasmRuntimeError } from "./connection-errors.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** One type for both drivers: services never know which one they talk to. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/** The rows of a raw query: node-postgres answers a QueryResult, PGlite a Results object; both carry `rows`. */
export async function queryRows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Whether the database runs one statement at a time for the whole process (embedded PGlite: one
 * connection): then a single statement needs no lock against concurrent ones.
 */
export function runsOneAtATime(db: DbOrTx): boolean {
  return db instanceof PgliteDatabase;
}

export type DbTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export interface Database {
  db: Db;
  kind: DbTarget["kind"];
  /** Applies the migrations in src/db/migrations; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations", import.meta.url));

/** How long a request waits for a connection (a new one, or a free one of a busy pool): then 503. */
export const CONNECT_TIMEOUT_MS = 5_000;
/** close() waits this long at most for the server to see its connections go. */
const CLOSE_WAIT_MS = 5_000;

export interface OpenOptions {
  /** Told once per connection the server or the network dropped; the pool opens a new one when needed. */
  onConnectionLost?: (reason: string) => void;
  /** PGlite's WebAssembly runtime aborted: nothing in this process can use the database again. */
  onFatal?: (err: unknown) => void;
}

export async function openDatabase(target: DbTarget, options: OpenOptions = {}): Promise<Database> {
  if (target.kind === "pglite") {
    mkdirSync(target.dataDir, { recursive: true });
    const client = await PGlite.create({ dataDir: target.dataDir });
    if (options.onFatal) watchForAbort(client, options.onFatal);
    const db = drizzlePglite(client, { schema });
    return {
      db: db as unknown as Db,
      kind: "pglite",
      migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_DIR }),
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    // Unreachable (not refusing) server: a request gives up and answers 503 instead of hanging.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // The OS probes idle links: a half-open one (a failover, a NAT that forgot it) is found and dropped.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  const live = handleConnectionErrors(pool, options.onConnectionLost ?? (() => {}));
  // Fail fast with the server's own message when the URL is wrong.
  const probe = await pool.connect().catch(async (err: unknown) => {
    await pool.end();
    throw err;
  });
  probe.release();
  const db = drizzlePg(pool, { schema });
  return {
    db: db as unknown as Db,
    kind: "postgres",
    migrate: () => migratePg(db, { migrationsFolder: MIGRATIONS_DIR }),
    close: async () => {
      await pool.end();
      // pool.end() resolves before the sockets close: a database dropped right after (tests) or a
      // server stopping would otherwise send its goodbye to a connection nobody listens to.
      await live.allEnded(CLOSE_WAIT_MS);
    },
  };
}

/**
 * Keeps a dropped connection from ending the process. node-postgres reports it as an `error`
 * event on the client; pg-pool listens only while the client is idle (and then re-emits it on the
 * pool), so a checked-out client between two queries, or the pool itself, would throw it as an
 * uncaught exception. The next query of whoever holds the client still rejects, and pg-pool
 * discards the client when it is released.
 */
function handleConnectionErrors(pool: pg.Pool, onLost: (reason: string) => void) {
  const clients = new Set<pg.PoolClient>();
  // Already told by the client's own listener below.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    clients.add(client);
    client.once("end", () => clients.delete(client));
    let told = false;
    client.on("error", (err) => {
      if (told) return;
      told = true;
      // Never the error object: pg-pool puts the client on it, and the client holds the password.
      onLost(connectionErrorReason(err) ?? err.message);
      evict(pool, client);
    });
  });
  return {
    allEnded(ms: number): Promise<void> {
      const ends = [...clients].map((c) => new Promise((resolve) => c.once("end", resolve)));
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise((resolve) => {
        timer = setTimeout(resolve, ms);
        timer.unref();
      });
      return Promise.race([Promise.all(ends), late]).then(() => clearTimeout(timer));
    },
  };
}

/**
 * A checked-out client that broke may never be released (drizzle sends `begin` outside its
 * try/finally): take its slot back, or ten such clients would leave the pool full for good. A
 * later release of it is harmless (pg-pool removes a client that is not queryable).
 */
function evict(pool: pg.Pool, client: pg.PoolClient) {
  const internals = pool as unknown as {
    _clients?: unknown[];
    _remove?: (client: pg.PoolClient, then: () => void) => void;
    _pulseQueue?: () => void;
  };
  if (internals._clients?.includes(client) && typeof internals._remove === "function") {
    // Then serve whoever waits for a connection, as pg-pool does after its own removals.
    internals._remove(client, () => internals._pulseQueue?.());
  }
}

/**
 * Routes an abort of PGlite's WebAssembly runtime to `onFatal`, once. emscripten calls
 * `Module.onAbort` before it throws; PGlite's main loop catches what a step throws and runs the
 * step again, so an abort there would spin forever unless someone ends the process. An abort in
 * the other calls of a query rejects the query: that is watched as well.
 */
function watchForAbort(client: PGlite, onFatal: (err: unknown) => void) {
  let told = false;
  const tell = (err: unknown) => {
    if (told) return;
    told = true;
    onFatal(err);
  };
  const mod = (client as unknown as { mod: { onAbort?: (what: unknown) => void } }).mod;
  mod.onAbort = (what) => tell(new WasmRuntimeError(`Aborted(${String(what ?? "")})`));
  const run = client.execProtocolRawSync.bind(client);
  client.execProtocolRawSync = (message: Uint8Array) => {
    try {
      return run(message);
    } catch (err) {
      if (isPgliteAbort(err)) tell(err);
      throw err;
    }
  };
}
